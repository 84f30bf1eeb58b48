"""Opening web addresses, against a local server on 127.0.0.1 (no other network access)."""
from __future__ import annotations

import dataclasses
import json
import socket

import pytest

from reader import __version__
from reader.article import load_article
from reader.article.load import load_url
from reader.errors import ReaderError
from tests.article.conftest import NOTE, PAGES, Site

STORY_LINES = [
    "Ferry operator suspends Kestrel Bay crossings after engine fire",
    "A ferry operator has suspended all crossings from Kestrel Bay after a fire broke out in the engine "
    "room of one of its vessels on Wednesday morning, forcing more than 300 passengers into lifeboats "
    "about two miles offshore.",
]


def test_a_web_page_is_downloaded_and_read_like_a_saved_one(site: Site):
    article = load_article(site.url("/story"))
    saved = load_article(PAGES / "news_site.html")
    assert article.text == saved.text and article.title == saved.title
    assert article.text.split("\n")[:2] == STORY_LINES
    assert article.path == site.url("/story")
    assert article.meta["url"] == site.url("/story")
    assert article.meta["byline"] == "Tobias Rennick; Mirela Sandoval"
    assert article.meta["date"] == "2025-06-18"
    assert not article.warnings


def test_the_request_says_who_is_asking(site: Site):
    load_article(site.url("/story"))
    (path, headers), = site.requests
    agent = {k.lower(): v for k, v in headers.items()}["user-agent"]
    assert agent.startswith(f"reader/{__version__} ")
    assert "text/html" in {k.lower(): v for k, v in headers.items()}["accept"]


def test_redirects_are_followed_and_the_article_keeps_the_address_given(site: Site):
    article = load_article(site.url("/short#comments"))
    assert article.text == load_article(site.url("/story")).text
    assert article.path == site.url("/short")  # as given, without the #fragment
    assert article.meta["url"] == site.url("/story")  # where the redirects led
    assert [p for p, _ in site.requests][:3] == ["/short", "/old-address", "/story"]


def test_the_same_address_gives_the_same_article_after_a_redesign(site: Site):
    before = load_article(site.url("/changing"))
    site.restyled = True
    after = load_article(site.url("/changing"))
    assert site.requests[-1][0] == "/changing"
    assert after.path == before.path and after.id == before.id  # the store finds the saved tags
    assert after.text == before.text


def test_plain_text_is_accepted_as_text(site: Site):
    article = load_article(site.url("/note.txt"))
    assert article.text == NOTE.replace("\r\n", "\n")
    assert article.title == "Notes from the harbour meeting"
    assert article.meta["format"] == "text" and article.meta["url"] == site.url("/note.txt")


def test_the_servers_charset_is_honoured(site: Site):
    article = load_article(site.url("/latin"))
    assert "said Anselm Dréville" in article.text and "“keeping an open mind”" in article.text
    assert article.encoding == "cp1252" and not article.warnings


def test_a_page_without_a_content_type_is_recognised_by_its_bytes(site: Site):
    assert load_article(site.url("/untyped")).text.split("\n")[:2] == STORY_LINES


@pytest.mark.parametrize("path, problem", [
    ("/missing", "the server answered 404 Not Found."),
    ("/slow", "the server did not answer within 0.5 seconds."),
    ("/stall-body", "the server did not answer within 0.5 seconds."),
    ("/huge", "is larger than 1 MB, more than reader downloads."),
    ("/huge-declared", "is 50 MB, more than reader downloads (1 MB)."),
    ("/photo.png", "is image/png, not a web page or text."),
    ("/report.pdf", "is application/pdf, not a web page or text."),
    ("/download", "is a PDF document"),
    ("/loop", "more than 5 redirects (a redirect loop?)."),
    ("/empty-page", "no article text found in the page (a page that writes its text with JavaScript"),
])
def test_failures_are_one_sentence_naming_the_address(site: Site, limits, path, problem):
    url = site.url(path)
    with pytest.raises(ReaderError) as e:
        load_url(url, limits)
    assert str(e.value).startswith(f"{url}: {problem}")
    assert "\n" not in str(e.value)


def test_a_404_after_a_redirect_names_where_it_was_found(site: Site, limits):
    with pytest.raises(ReaderError) as e:
        load_url(site.url("/moved"), limits)
    assert str(e.value) == f"{site.url('/moved')}: the server answered 404 Not Found at {site.url('/gone')}."


def test_a_download_that_never_ends_stops_at_the_deadline(site: Site, limits):
    url = site.url("/drip")
    with pytest.raises(ReaderError, match=r"the download took longer than 0\.3 seconds\.$"):
        load_url(url, dataclasses.replace(limits, deadline=0.3))


def test_a_refused_connection(limits):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    with pytest.raises(ReaderError, match=r"could not connect \(.*[Rr]efused.*\)\.$") as e:
        load_url(url, limits)
    assert str(e.value).startswith(url + ": ")


@pytest.mark.parametrize("url, problem", [
    ("https://", "not a valid web address"),
    ("http://exa mple.com/", "not a valid web address"),
    ("https://[::1", "not a valid web address"),
    ("ftp://example.com/story.txt", "reader opens files and web addresses that start with http:// or https://"),
])
def test_bad_addresses_are_refused_without_going_online(url, problem):
    with pytest.raises(ReaderError) as e:
        load_article(url)
    assert str(e.value).startswith(f"{url}: {problem}")


def test_extract_json_from_an_address(cli, site: Site):
    result = cli("extract", site.url("/story"), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["article"]["path"] == site.url("/story")
    assert doc["article"]["title"] == STORY_LINES[0]
    text = load_article(site.url("/story")).text
    assert doc["article"]["id"] == load_article(site.url("/story")).id
    for s in doc["statements"]:
        assert text[s["start"]:s["end"]] == s["text"]


def test_a_missing_page_is_one_line_on_stderr(cli_process, site: Site):
    result = cli_process("extract", site.url("/missing"))
    assert result.code == 1 and result.out == ""
    assert result.err == f"reader: {site.url('/missing')}: the server answered 404 Not Found.\n"


@pytest.mark.parametrize("given, stored", [
    ("HTTPS://News.Example/story#comments", "https://news.example/story"),
    ("https://news.example", "https://news.example/"),
    ("https://news.example/a?id=7&page=2", "https://news.example/a?id=7&page=2"),
])
def test_the_address_an_article_is_stored_under(given, stored):
    from reader.article.fetch import identity

    assert identity(given) == identity(stored) == stored


def test_headers_sent_a_byte_at_a_time_stop_at_the_deadline(site: Site, limits):
    """The attack: each byte came before the read timeout, so the download never ended."""
    url = site.url("/drip-headers")
    with pytest.raises(ReaderError, match=r"the download took longer than 0\.3 seconds\.$"):
        load_url(url, dataclasses.replace(limits, deadline=0.3))


@pytest.mark.parametrize("path", ["/evil-reason", "/evil-type"])
def test_a_servers_words_reach_the_terminal_as_characters(cli_process, site: Site, path):
    result = cli_process("extract", site.url(path))
    assert result.code == 1 and result.err.count("\n") == 1
    assert not any(c in result.err for c in "\x1b\x07\x9b")
    assert "␛[2J␛]0;owned␇" in result.err if path == "/evil-reason" else "image/�2jpng" in result.err
    assert len(result.err) < 300


def test_a_password_in_an_address_is_never_stored_or_shown(cli, site: Site):
    url = site.url("/story").replace("http://", "http://alex:s3cret@")
    result = cli("extract", url, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["article"]["path"] == site.url("/story")
    missing = cli("extract", url.replace("/story", "/missing"))
    assert missing.code == 1 and "s3cret" not in missing.err and "alex:…@" in missing.err
    tagged = cli("tags", url, "--format", "json")
    assert tagged.code == 0 and "s3cret" not in tagged.out
    assert "s3cret" not in cli("articles", "--format", "json").out
    assert "s3cret" not in cli("report", "--all", "--format", "html").out
