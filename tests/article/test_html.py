"""Saved web pages: the article's text, headline, byline and date; the page furniture gone."""
from __future__ import annotations

import codecs
import json

import pytest

from reader.article import load_article
from reader.article.load import from_bytes
from reader.errors import ReaderError
from tests.article.conftest import PAGES

# For each test page: its headline, byline and date, lines the text must hold exactly (one
# paragraph per line, quote marks as written), and words from the menus, related links,
# share bars, comments, newsletter boxes and footers that must not be in it.
CASES = {
    "wordpress_blog.html": dict(
        title="Harbour wall repairs to start in spring, council says",
        byline="Rhiannon Pask", date="2025-02-11",
        url="https://saltmarsh-courier.example/2025/02/11/harbour-wall-repairs/",
        lines=[
            "Council leader Idris Fenwick said the £4.2 million contract had been awarded to a regional "
            "engineering firm and that the work should be finished “well before the autumn tides”. He told "
            "a public meeting that the harbour would stay open to fishing boats throughout.",
            "“Nobody on this council wants to see the boats tied up for a summer,” Fenwick said. “We have "
            "asked the contractor to work around the tides, and they have agreed.”",
            "Not everyone was reassured. Harbour master Colette Ainsworth said the temporary barrier of "
            "rock-filled bags had already shifted twice. \"If we get another surge like January’s before "
            "April, those bags won’t hold,\" she said.",
            "Fishermen want compensation",
            # an embedded post on X, lifted out of its <figure> wrapper
            "Six weeks without landing a catch and still no word on the fund. We need answers not press "
            "releases #Saltmarsh",
            "— Saltmarsh Fishermen (@saltmarshfish) February 10, 2025",
            "A council spokesperson said a decision on the fund would be taken at the next full council "
            "meeting, on 3 March.",
        ],
        absent=["Contact the newsroom", "Independent news for", "Share on Facebook", "Related",
                "Storm surge breaches", "Previous post", "thoughts on", "car park resurfacing",
                "grandfather", "Leave a Reply", "Recent Posts", "Proudly powered", "Posted on"],
    ),
    "news_site.html": dict(
        title="Ferry operator suspends Kestrel Bay crossings after engine fire",
        byline="Tobias Rennick; Mirela Sandoval", date="2025-06-18", url=None,
        lines=[
            "The coastguard said four people had been treated for smoke inhalation and one crew member for "
            "burns to his hands. “Everyone is accounted for, and nobody is in a serious condition,” a "
            "coastguard duty officer, Lena Marchetti, told reporters at the quayside.",
            "Passengers described a strong smell of diesel about twenty minutes after the ferry left port. "
            "“The alarms went off and the crew were brilliant, very calm,” said Jonah Abernathy, 41, who was "
            "travelling with his two daughters. “But you could see the smoke coming up through the deck.”",
            "On the lifeboat now, everyone calm, crew amazing. Can see smoke from the back of the ship "
            "pic.twitter.com/abc",
            "— Priya Lindholm (@priyalind) June 18, 2025",
            "Our members raised engine-room maintenance on this route in writing in October. We will be "
            "asking why nothing was done.",
            "— Maritime Crew Union (@crewunion.bsky.social) June 18, 2025 at 4:12 PM",
            "Crossings are expected to resume on Friday at the earliest, the operator said.",
        ],
        absent=["We use cookies", "Subscribe for", "Markets fall", "More on this story",
                "Ferry safety review delayed", "Share this article", "Topics", "Morning Briefing",
                "Most viewed", "Lottery winner", "seadog77", "falling apart", "ramp collapse",
                "All rights reserved", "Photograph: Agency staff"],
    ),
    "jsonld_story.html": dict(
        title="Drought forces water limits in Redfield as reservoir falls to record low",
        byline="Oskar Vintergren", date="2024-08-23", url=None,
        lines=[
            "Households in Redfield and eleven surrounding villages will be banned from using hosepipes and "
            "filling pools from Monday, after the main reservoir fell to 18 per cent of its capacity.",
            # <q> quotations get the marks a browser would draw
            "The regional water board said the restrictions would stay in place “until the autumn rains have "
            "done their work”, and that fines of up to 500 euros could be imposed on anyone ignoring them.",
            "Board chairwoman Hedda Lunqvist said the measures were unavoidable. \"We have had the driest "
            "summer since records began in 1961. We can either ask people to save water now, or cut supplies "
            "in October,\" she said.",
            "Farmers’ groups have warned that the limits do not go far enough. A spokesman for the regional "
            "farmers’ union said industrial users were still being allowed to draw “as much as they like”, "
            "while families were being told to “shower for three minutes”.",
        ],
        absent=["Log in", "E-paper", "Read more", "Farmers ask for emergency", "Share", "Tags:",
                "Recommended for you", "old railway station", "factories are the problem",
                "Latest news", "Bus drivers", "Imprint"],
    ),
    "legacy_cp1252.html": dict(
        title="Mill fire: owner says blaze was no accident", byline=None, date=None, url=None,
        lines=[
            "“There was no electricity connected to that building and nobody had been inside for months,” "
            "said Anselm Dréville, who bought the mill in 2019 with plans to turn it into flats. “Fires don’t "
            "start themselves.”",
            "Fire investigators said it was too early to say how the fire began. A spokeswoman for the fire "
            "service said crews had been called at 11.40pm and that the roof had collapsed within an hour — "
            "‘a very fast-moving fire’, in her words.",
        ],
        absent=["Front page", "Classifieds", "In this issue", "Council tax", "Back to news",
                "Letters to the editor"],
    ),
}


@pytest.fixture(params=sorted(CASES))
def page(request):
    return request.param, CASES[request.param], load_article(PAGES / request.param)


def test_the_headline_is_the_title_and_the_first_line(page):
    name, case, article = page
    assert article.title == case["title"]
    assert article.text.split("\n", 1)[0] == case["title"]
    assert article.path == str(PAGES / name)


def test_paragraphs_are_kept_whole_one_per_line_with_their_quote_marks(page):
    _, case, article = page
    lines = article.text.split("\n")
    for line in case["lines"]:
        assert line in lines
    positions = [lines.index(line) for line in case["lines"]]
    assert positions == sorted(positions)  # in reading order
    assert article.text.endswith("\n") and "\n\n" not in article.text


def test_menus_related_links_comments_and_footers_are_dropped(page):
    _, case, article = page
    for words in case["absent"]:
        assert words not in article.text


def test_byline_date_and_address_go_into_meta(page):
    _, case, article = page
    for key in ("byline", "date", "url"):
        assert article.meta.get(key) == case[key]
    assert article.meta["format"] == "html"


def test_a_declared_charset_is_honoured_silently():
    article = load_article(PAGES / "legacy_cp1252.html")
    assert article.encoding == "cp1252" and article.meta["encoding"] == "cp1252"
    assert not article.warnings


BRIDGE = {
    "windows-1251": ["«Мы восстановим мост к осени», — сказал мэр города во вторник вечером.",
                     "Жители говорят, что объезд через соседнее село занимает почти час."],
    "iso-8859-15": ["« Nous reconstruirons le pont d'ici l'automne », a déclaré le maire mardi soir.",
                    "Les travaux coûteront 50 000 €, selon la préfecture, qui promet une aide rapide."],
    "shift_jis": ["市長は「秋までに橋を再建する」と火曜日の夜に述べた。",
                  "住民は、隣の村を通る迂回路では一時間近くかかると不安を口にしている。県は来週にも支援策を発表すると約束した。"],
}


@pytest.mark.parametrize("charset, head", [
    ("windows-1251", '<meta charset="windows-1251">'),
    ("iso-8859-15", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'),
    ("shift_jis", "<meta charset='Shift_JIS'>"),
])
def test_meta_charsets(tmp_path, charset, head):
    paragraphs = BRIDGE[charset]
    markup = (f"<html><head>{head}<title>Bridge</title></head><body><article><h1>Bridge</h1>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(markup.encode(charset))
    article = load_article(path)
    assert article.text.split("\n")[1:3] == paragraphs
    assert article.encoding == {"windows-1251": "cp1251", "iso-8859-15": "iso8859-15",
                                "shift_jis": "cp932"}[charset]
    assert not article.warnings


def test_a_page_that_lies_about_its_charset_is_read_anyway_with_a_warning(tmp_path):
    paragraph = ("“We will rebuild the bridge by the autumn,” the mayor said on Tuesday in the town hall, "
                 "where about two hundred residents had come to hear the council’s plans.")
    utf8_labelled_latin = tmp_path / "a.html"
    utf8_labelled_latin.write_bytes(
        f'<html><head><meta charset="utf-8"></head><body><p>{paragraph}</p></body></html>'.encode("cp1252"))
    article = load_article(utf8_labelled_latin)
    assert paragraph in article.text
    assert article.warnings == (f"{utf8_labelled_latin}: declares utf-8 but is not utf-8; decoded as cp1252.",)
    latin_labelled_utf8 = tmp_path / "b.html"
    latin_labelled_utf8.write_bytes(
        f'<html><head><meta charset="iso-8859-1"></head><body><p>{paragraph}</p></body></html>'.encode())
    article = load_article(latin_labelled_utf8)
    assert paragraph in article.text
    assert article.warnings == (f"{latin_labelled_utf8}: declares iso-8859-1 but is UTF-8; decoded as utf-8.",)


def test_an_undeclared_encoding_is_detected_with_a_warning(tmp_path):
    paragraph = "Le maire a déclaré que le pont serait « reconstruit d’ici l’automne », mardi soir à la mairie."
    path = tmp_path / "page.htm"
    path.write_bytes(f"<html><body><h1>Pont</h1><p>{paragraph}</p><p>{paragraph}</p></body></html>".encode("cp1252"))
    article = load_article(path)
    assert paragraph in article.text.split("\n")
    assert article.warnings == (f"{path}: not UTF-8; decoded as cp1252.",)


def test_utf16_page_with_a_byte_order_mark(tmp_path):
    paragraph = ("“We will rebuild the bridge by the autumn,” the mayor said on Tuesday in the town hall, "
                 "where about two hundred residents had come to hear the council’s plans.")
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><body><p>{paragraph}</p></body></html>".encode("utf-16"))
    assert paragraph in load_article(path).text.split("\n")


def test_nested_inline_quotations_get_alternating_marks(tmp_path):
    path = tmp_path / "q.html"
    path.write_text("<html><body><article><h1>Talks</h1><p>The envoy said the talks were <q>going well, "
                    "or as he put it, <q>better than expected</q></q> on Friday after the second round ended."
                    "</p></article></body></html>", encoding="utf-8")
    assert ("The envoy said the talks were “going well, or as he put it, ‘better than expected’” on "
            "Friday after the second round ended.") in load_article(path).text.split("\n")


def test_a_headline_only_in_the_title_tag_becomes_the_first_line(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Ferry fire: what we know</title></head><body><div class='story'>"
                    + "<p>The ferry was two miles out when the alarm sounded, according to the crew.</p>"
                    + "<p>Passengers were moved to the upper deck while the fire was put out by the crew.</p>"
                    + "</div></body></html>", encoding="utf-8")
    article = load_article(path)
    assert article.title == "Ferry fire: what we know"
    assert article.text.startswith("Ferry fire: what we know\nThe ferry was two miles out")


def test_a_page_with_no_article_is_a_clear_error(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/a'>News</a>"
                    "</nav><div id='root'></div></body></html>", encoding="utf-8")
    with pytest.raises(ReaderError) as e:
        load_article(path)
    assert str(e.value).startswith(f"{path}: no article text found in the page")


def test_a_fragment_of_html_is_read(tmp_path):
    path = tmp_path / "fragment.html"
    path.write_text("<p>“The road will reopen on Monday,” the police said in a statement on Saturday.</p>"
                    "<p>Drivers were told to use the coast road in the meantime, which adds twenty minutes.</p>",
                    encoding="utf-8")
    assert load_article(path).text.split("\n")[-3:-1] == [
        "“The road will reopen on Monday,” the police said in a statement on Saturday.",
        "Drivers were told to use the coast road in the meantime, which adds twenty minutes."]


def test_an_mhtml_archive_is_read_like_the_page_it_holds(tmp_path):
    page = (PAGES / "news_site.html").read_bytes()
    qp = codecs.encode(page, "quopri")
    archive = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://ledger.example/ferry\r\n"
               b"Subject: Ferry\r\nMIME-Version: 1.0\r\n"
               b'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"\r\n\r\n'
               b"------MultipartBoundary--x\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
               b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://ledger.example/ferry\r\n\r\n"
               + qp + b"\r\n------MultipartBoundary--x--\r\n")
    path = tmp_path / "ferry.mhtml"
    path.write_bytes(archive)
    article = load_article(path)
    assert article.text == load_article(PAGES / "news_site.html").text
    assert article.meta["url"] == "https://ledger.example/ferry"


def test_a_page_with_another_extension_is_recognised_by_its_start(tmp_path):
    path = tmp_path / "download"
    path.write_bytes((PAGES / "news_site.html").read_bytes())
    assert load_article(path).text == load_article(PAGES / "news_site.html").text


def test_markup_inside_the_article_is_text_not_markup(tmp_path):
    path = tmp_path / "evil.html"
    path.write_text("<html><body><article><h1>Markup</h1><p>He wrote &lt;script&gt;alert(1)&lt;/script&gt; "
                    "and [bold red]boom[/] into the form, the court heard on Tuesday afternoon.</p>"
                    "<script>document.write('injected')</script></article></body></html>", encoding="utf-8")
    text = load_article(path).text
    assert "<script>alert(1)</script> and [bold red]boom[/] into the form" in text
    assert "injected" not in text


def test_extract_json_offsets_index_the_page_text(cli):
    path = PAGES / "news_site.html"
    result = cli("extract", path, "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    article = load_article(path)
    assert doc["article"]["title"] == article.title and doc["article"]["chars"] == len(article.text)
    assert doc["article"]["id"] == article.id
    for s in doc["statements"]:
        assert article.text[s["start"]:s["end"]] == s["text"]


def test_from_bytes_names_the_source_in_errors():
    with pytest.raises(ReaderError, match=r"^feed: is a PDF document"):
        from_bytes(b"%PDF-1.7\n...", name="feed", path="-", kind="unknown")


def test_a_tag_with_thousands_of_attributes_loses_them_before_parsing():
    """The attack: 100,000 attributes on one tag kept the parser busy for minutes."""
    from reader.article.html import _fewer_attributes

    hostile = "<p " + " ".join(f'a{i}="x>y"' for i in range(1000)) + ">He said hi.</p>"
    assert _fewer_attributes(hostile) == "<p>He said hi.</p>"
    ordinary = '<img src="data:image/png;base64,' + "A" * 50_000 + '=" alt="a map"><p class="lead" id="x">Hi.</p>'
    assert _fewer_attributes(ordinary) == ordinary
