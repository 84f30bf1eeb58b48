"""`reader -` and `cat file | reader extract -`: the article from standard input."""
from __future__ import annotations

import io
import json

import pytest

from reader.article import load_article
from reader.article.load import load_stdin
from reader.errors import ReaderError
from tests.article.conftest import PAGES
from tests.conftest import SAMPLE


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_text_from_stdin_is_decoded_like_a_file(monkeypatch):
    monkeypatch.setattr("sys.stdin", FakeStdin("Title\r\nHe said “yes”.\n".encode()))
    article = load_article("-")
    assert article.path == "-" and article.text == "Title\nHe said “yes”.\n" and article.title == "Title"


def test_other_encodings_on_stdin_are_detected_with_a_warning():
    text = "Le ministre a déclaré que la situation était « très préoccupante » à Genève.\n" * 4
    article = load_stdin(io.BytesIO(text.encode("cp1252")))
    assert article.text == text
    assert article.warnings == ("standard input: not UTF-8; decoded as cp1252.",)


def test_a_web_page_on_stdin_is_read_as_a_page():
    article = load_stdin(io.BytesIO((PAGES / "wordpress_blog.html").read_bytes()))
    assert article.path == "-"
    assert article.text == load_article(PAGES / "wordpress_blog.html").text


def test_binary_on_stdin_is_a_clear_error():
    with pytest.raises(ReaderError, match=r"^standard input: looks like a binary file, not article text\.$"):
        load_stdin(io.BytesIO(bytes(range(256)) * 8))


def test_a_closed_stdin_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(ReaderError, match=r"^standard input: is closed"):
        load_article("-")


def test_cat_file_into_reader_extract_dash(cli_process):
    by_path = cli_process("extract", SAMPLE, "--format", "json")
    piped = cli_process("extract", "-", "--format", "json", stdin=SAMPLE.read_bytes())
    assert piped.code == 0, piped.err
    doc, expected = json.loads(piped.out), json.loads(by_path.out)
    assert doc["article"]["path"] == "-"
    assert doc["article"]["id"] == expected["article"]["id"]
    assert doc["statements"] == expected["statements"]


def test_a_page_piped_into_reader_extract_dash(cli_process):
    piped = cli_process("extract", "-", "--format", "json", stdin=(PAGES / "news_site.html").read_bytes())
    assert piped.code == 0, piped.err
    doc = json.loads(piped.out)
    assert doc["article"]["title"] == "Ferry operator suspends Kestrel Bay crossings after engine fire"
    assert doc["article"]["id"] == load_article(PAGES / "news_site.html").id
