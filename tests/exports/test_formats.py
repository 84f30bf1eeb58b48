"""What each export format promises: the json contract, yaml = json, safe csv, Markdown and HTML
that show article text literally, the W3C annotation shape, and offsets that agree with the text."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from reader.exports import ExportOptions, export_text
from reader.exports.html_ import FALLBACK_COLOUR, css_colour
from tests.exports.conftest import ADDED, DISMISSED, ENGINE, SAMPLE_TEXT


def run(sample, fmt: str, **options) -> str:
    return export_text(sample.store, sample.config, [sample.id], fmt, ExportOptions(**options))


# --- json / yaml -----------------------------------------------------------------------------

def test_json_follows_the_contract_and_holds_every_record(sample):
    doc = json.loads(run(sample, "json"))
    assert doc["format"] == "reader-export" and doc["version"] == 2
    [article] = doc["articles"]
    assert {"id", "path", "title", "chars"} <= article.keys()
    assert article["id"] == sample.id and article["chars"] == len(SAMPLE_TEXT)
    assert article["text"] == SAMPLE_TEXT  # so every offset can be checked
    assert article["meta"] == {"byline": "Staff reporter"}
    by_id = {s["id"]: s for s in article["statements"]}
    assert list(by_id) == [s.id for s in sorted([*ENGINE, ADDED], key=lambda s: s.start)]
    official = by_id[ENGINE[0].id]
    assert official["tags"] == [{"reviewer": "alex", "category": "official",
                                 "note": "Confirmed with the ministry's press office.", "reliability": "B",
                                 "credibility": "2", "created": "2026-01-05T09:01:00Z",
                                 "updated": "2026-01-05T09:01:30Z"}]
    assert official["resolution"] is None and official["disputed"] is False
    assert official["tag"] == {"category": "official", "note": "Confirmed with the ministry's press office.",
                               "reliability": "B", "credibility": "2", "reviewer": "alex",
                               "created": "2026-01-05T09:01:00Z", "updated": "2026-01-05T09:01:30Z"}
    assert official["speaker"] == "Petra Novak" and official["suggested_source"] == "official"
    assert official["cue"] == "said" and official["kind"] == "direct" and official["reason"]
    assert SAMPLE_TEXT[official["cue_start"]:official["cue_end"]] == "said"
    assert by_id[ADDED.id]["tag"] is None and by_id[ADDED.id]["added_by_reviewer"] is True
    assert by_id[ADDED.id]["tags"] == [] and by_id[ADDED.id]["disputed"] is False
    assert by_id[DISMISSED]["dismissed"] is True
    assert by_id[ENGINE[1].id]["speaker"] == "intelligence analysts (unnamed)"
    assert by_id[ENGINE[1].id]["speaker_corrected"] is True
    [orphan] = article["orphaned_tags"]
    assert orphan["statement_id"] == "s0ld0ld0ld" and orphan["anchor"]["exact"] == "The bridge was closed for repairs"


def test_yaml_holds_the_same_content_as_json(sample):
    assert yaml.safe_load(run(sample, "yaml")) == json.loads(run(sample, "json"))


def test_json_and_yaml_never_carry_raw_control_characters(sample, config, empty_store):
    from reader.article import Article

    text = 'Title\n"A quote with \x1b[31mred\x1b[0m and \x9b2J hidden in it," she said.\n'
    article = Article(text=text, path="/news/control.txt", title="Title")
    empty_store.register(article, [])
    for fmt in ("json", "yaml"):
        out = export_text(empty_store, config, [article.id], fmt)
        assert "\x1b" not in out and "\x9b" not in out
    assert json.loads(export_text(empty_store, config, [article.id], "json"))["articles"][0]["text"] == text
    assert yaml.safe_load(export_text(empty_store, config, [article.id], "yaml"))["articles"][0]["text"] == text


def test_the_json_export_is_the_standard_encoders_text(sample, config, empty_store):
    """Of a desk (several reviewers, a resolution, an orphan) and of an article
    whose text holds every character there is: the bytes the standard encoder writes. And no
    float in them (a float would be written by the standard encoder, slower)."""
    from reader.article import Article
    from reader import safe_text
    from tests.exports.conftest import add_desk
    from tests.test_json_text import EVERY_CHARACTER, standard

    add_desk(sample)
    article = Article(text=f"Title\n\"{EVERY_CHARACTER}\" she said.\n", path="/news/every.txt", title="Title")
    empty_store.register(article, [])
    for text in (export_text(sample.store, sample.config, None, "json"),
                 export_text(empty_store, config, [article.id], "json")):
        doc = json.loads(text)
        assert safe_text._plain(doc)
        assert text == standard(doc) + "\n"
    assert json.loads(export_text(empty_store, config, [article.id], "json"))["articles"][0]["text"] == article.text


def test_tagged_only_and_category_filters(sample):
    tagged = json.loads(run(sample, "json", untagged=False))["articles"][0]["statements"]
    assert all(s["tag"] for s in tagged) and len(tagged) == 4
    only = json.loads(run(sample, "json", category="eyewitness"))["articles"][0]
    assert [s["tag"]["category"] for s in only["statements"]] == ["eyewitness"]
    assert only["orphaned_tags"] == []
    md = run(sample, "md", category="official")
    assert "### official (1)" in md and "### eyewitness" not in md and "official only" in md


def test_unknown_category_filter_is_a_clear_error(sample):
    from reader.errors import ReaderError

    with pytest.raises(ReaderError, match="rumour: not a category in the settings"):
        run(sample, "json", category="rumour")


# --- csv -------------------------------------------------------------------------------------

def rows(sample, **options) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(run(sample, "csv", **options), newline="")))


def test_csv_has_a_header_and_one_row_per_statement_and_orphan(sample):
    out = rows(sample)
    assert [r["status"] for r in out] == ["tagged", "tagged", "tagged", "untagged", "tagged", "untagged", "orphaned"]
    assert out[0]["category"] == "official" and out[0]["reliability"] == "B" and out[0]["credibility"] == "2"
    assert out[2]["text"] == ENGINE[2].text  # commas, quotes, | < > & stay inside their cell
    assert out[3]["dismissed"] == "true" and out[5]["added_by_reviewer"] == "true"


def test_csv_neutralises_cells_a_spreadsheet_would_run(sample, config, empty_store):
    from reader.article import Article
    from reader.attribution import Statement
    from reader.store import Tag, make_anchor

    payloads = ["=1+1 and more words", "+SUM(A1:A9) words", "-2+3 words here", "@SUM(A1) words",
                "\tTabbed words here", "\rCarriage words here", "plain words here"]
    text = "Title\n" + "\n".join(f'"{p}," he said.' for p in payloads) + "\n"
    statements = []
    for n, p in enumerate(payloads):
        start = text.index(p)
        statements.append(Statement(f"s{n}", start, start + len(p), p, None, None, None, None, "direct",
                                    None, None))
    article = Article(text=text, path="/news/formulas.txt", title="Title")
    empty_store.register(article, statements)
    empty_store.put_tag(Tag(article.id, "s0", "official", make_anchor(text, statements[0].start, statements[0].end),
                            note="=HYPERLINK(\"http://evil.example\")", reviewer="@admin"))
    import reader.exports.collector as collector

    original = collector.extract
    collector.extract = lambda t, c: list(statements)
    try:
        out = export_text(empty_store, config, [article.id], "csv")
    finally:
        collector.extract = original
    parsed = list(csv.DictReader(io.StringIO(out, newline="")))
    cells = [r["text"] for r in parsed]
    assert cells[:4] == ["'" + p for p in payloads[:4]]
    assert cells[4] == "'\tTabbed words here"
    assert cells[5] == "'\u240dCarriage words here"  # the CR is also shown as a control picture
    assert cells[6] == "plain words here"
    assert parsed[0]["note"] == "'=HYPERLINK(\"http://evil.example\")" and parsed[0]["reviewer"] == "'@admin"
    for r in parsed:  # no cell anywhere starts like a formula
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in r.values())


# --- md --------------------------------------------------------------------------------------

def test_md_report_has_the_summary_table_and_groups(sample):
    md = run(sample, "md")
    assert "| official | 1 | 20.0% |" in md and "| untagged | 1 | 20.0% |" in md
    assert "| **total** | **5** | **100.0%** |" in md
    assert "### eyewitness (1)" in md and "**Ravi Okafor**" in md
    assert "### untagged (1)" in md  # listed by default
    assert "### untagged" not in run(sample, "md", untagged=False)  # --tagged-only
    assert "### dismissed as not statements (1)" in md and "the old lady of the harbour" in md
    assert "### speaker corrections (1)" in md and "Intelligence analysts → **intelligence analysts" in md


def test_md_article_text_cannot_inject_links_html_or_break_tables(sample, config, empty_store):
    from reader.article import Article

    hostile = 'A | B ![img](http://evil.example/t.png) [click](javascript:alert(1)) <script>x</script> `code` *em* &amp;'
    article = Article(text=hostile + "\n", path="/news/x.txt", title=hostile)
    empty_store.register(article, [])
    md = export_text(empty_store, config, [article.id], "md", ExportOptions(untagged=True))
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    for bad in ("<a ", "<img", "<script", "<code", "<em>"):
        assert bad not in rendered
    assert "&lt;script&gt;" in rendered and "&amp;amp;" in rendered  # shown literally
    summary_rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") == 2 for line in summary_rows)  # every row still has 3 cells


def test_md_report_of_the_sample_renders_without_links_or_html(sample):
    rendered = MarkdownIt("commonmark").enable("table").render(run(sample, "md", untagged=True))
    assert "<a " not in rendered and "<b>" not in rendered and "<script" not in rendered
    assert rendered.count("<table>") == 1 and rendered.count("<tr>") == 7


# --- html ------------------------------------------------------------------------------------

class Page(HTMLParser):
    """Collects the tags, attributes and the article's text as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.depth = 0  # inside div.text
        self.text: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (class, text)
        self._mark: list[str] | None = None
        self._mark_class = ""

    def handle_starttag(self, tag, attrs):
        attrs_d = dict(attrs)
        self.tags.append((tag, attrs_d))
        if self.depth:
            self.depth += 1
        elif tag == "div" and attrs_d.get("class") == "text":
            self.depth = 1
        if tag == "mark":
            self._mark, self._mark_class = [], attrs_d.get("class") or ""

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark_class, "".join(self._mark)))
            self._mark = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self._mark is not None:
                self._mark.append(data)


def parse_html(out: str) -> Page:
    page = Page()
    page.feed(out)
    page.close()
    return page


def test_html_is_self_contained_and_shows_the_article_exactly(sample):
    out = run(sample, "html")
    page = parse_html(out)
    names = {t for t, _ in page.tags}
    assert "script" not in names and "link" not in names and "img" not in names and "iframe" not in names
    for _, attrs in page.tags:
        for key, value in attrs.items():
            assert not key.startswith("on")
            if key in ("href", "src", "action"):
                assert value and value.startswith("#")  # links within the page only
    assert "default-src 'none'" in out  # nothing may load even if something slipped through
    assert "".join(page.text) == SAMPLE_TEXT  # every character shown, literally, once
    marked = {text for _, text in page.marks}
    assert ENGINE[2].text in marked and ENGINE[4].text in marked
    assert ("untagged", ADDED.text) in page.marks  # untagged: listed and highlighted
    assert ADDED.text not in {text for _, text in parse_html(run(sample, "html", untagged=False)).marks}


def test_html_escapes_an_article_with_a_script(config, empty_store):
    from reader.article import Article
    from reader.attribution import Statement
    from reader.store import Tag, make_anchor

    text = 'Title <script>alert("x")</script>\n"<img src=x onerror=alert(1)> said the <b>bold</b>," he wrote.\n\x1b[2J'
    words = '<img src=x onerror=alert(1)> said the <b>bold</b>,'
    start = text.index(words)
    statement = Statement("s1", start, start + len(words), words, "<i>Eve</i>", None, None, None, "direct", None, None)
    article = Article(text=text, path="/news/<script>.txt", title='Title <script>alert("x")</script>')
    empty_store.register(article, [statement])
    empty_store.put_tag(Tag(article.id, "s1", "official", make_anchor(text, start, start + len(words)),
                            note="</li><script>alert(2)</script>", reviewer="r"))
    import reader.exports.collector as collector

    original = collector.extract
    collector.extract = lambda t, c: [statement]
    try:
        out = export_text(empty_store, config, [article.id], "html")
    finally:
        collector.extract = original
    page = parse_html(out)
    assert {t for t, _ in page.tags} & {"script", "img", "b", "i"} == set()
    assert "&lt;script&gt;" in out and "\x1b" not in out
    assert "".join(page.text) == text.replace("\x1b", "\u241b")  # control character shown as a picture
    assert page.marks == [("c0", words)]


def test_html_colours_come_from_the_settings_and_are_validated(sample):
    assert css_colour("#5FA8FF") == "#5fa8ff" and css_colour("#abc") == "#aabbcc"
    assert css_colour("red") == "#cc0000"
    for hostile in ("red;background:url(http://evil.example)", "expression(alert(1))", "", None, "#12345g"):
        assert css_colour(hostile) == FALLBACK_COLOUR
    first = replace(sample.config.categories[0], colour="red}body{background:url(http://evil.example/x)")
    config = replace(sample.config, categories=(first, *sample.config.categories[1:]))
    out = export_text(sample.store, config, [sample.id], "html")
    assert "evil.example/x" not in out and f".c0{{background:{FALLBACK_COLOUR}59" in out


# --- w3c -------------------------------------------------------------------------------------

def test_w3c_collection_shape_field_by_field(sample):
    doc = json.loads(run(sample, "w3c"))
    # the Web Annotation context first, then reader's own terms (what the vocabulary has none for)
    assert doc["@context"] == ["http://www.w3.org/ns/anno.jsonld", {"reader": "urn:reader:vocabulary#"}]
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 7
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    items = page["items"]
    # one per tagged statement, then the orphaned tag; the untagged statements a reviewer edited
    # (one dismissed, one added) come with their edits alone
    assert [a["motivation"] for a in items] == ["tagging"] * 3 + ["editing", "tagging", "editing", "tagging"]
    first = items[0]
    assert first["id"] == f"urn:reader:{sample.id}:{ENGINE[0].id}#by=alex"
    assert first["type"] == "Annotation" and first["motivation"] == "tagging"
    assert first["created"] == "2026-01-05T09:01:00Z" and first["modified"] == "2026-01-05T09:01:30Z"
    assert first["creator"] == {"type": "Person", "name": "alex"}
    assert first["body"] == [
        {"type": "TextualBody", "purpose": "tagging", "value": "official"},
        {"type": "TextualBody", "purpose": "commenting", "value": "Confirmed with the ministry's press office.",
         "format": "text/plain"},
        {"type": "TextualBody", "purpose": "assessing", "value": "B2"},
    ]
    target = first["target"]
    assert target["source"] == "file:///news/harbour-bridge.txt"
    quote, position = target["selector"]
    s = ENGINE[0]
    assert quote == {"type": "TextQuoteSelector", "exact": s.text,
                     "prefix": SAMPLE_TEXT[s.start - 32:s.start], "suffix": SAMPLE_TEXT[s.end:s.end + 32]}
    assert position == {"type": "TextPositionSelector", "start": s.start, "end": s.end}
    no_note = items[1]
    assert [b["purpose"] for b in no_note["body"]] == ["tagging", "assessing"]
    assert [b["purpose"] for b in items[2]["body"]] == ["tagging", "commenting"]
    assert [b["value"] for b in items[4]["body"]] == ["social media", "=cmd|' /C calc'!A0"]
    assert "reader:kind" not in target and "reader:orphanedFrom" not in first  # nothing of reader's own needed


def test_w3c_carries_the_reviewers_edits_of_statements_in_reader_s_own_terms(sample):
    """A corrected speaker on a tagged statement's target; a dismissed statement and a statement
    added by hand, both untagged, as bodiless "editing" annotations: the added one with its
    number, speaker, cue, suggestion and the places of its speaker's and cue's words."""
    items = json.loads(run(sample, "w3c"))["first"]["items"]
    assert items[1]["target"]["reader:speaker"] == "intelligence analysts (unnamed)"
    dismissed, added = items[3], items[5]
    assert dismissed["id"] == f"urn:reader:{sample.id}:{DISMISSED}" and "body" not in dismissed
    assert dismissed["target"]["reader:dismissed"] is True and "reader:speaker" not in dismissed["target"]
    assert added["id"] == f"urn:reader:{sample.id}:{ADDED.id}"
    terms = {k: v for k, v in added["target"].items() if k.startswith("reader:")}
    assert terms == {"reader:kind": "indirect", "reader:added": True, "reader:number": 6,
                     "reader:speaker": "Officials", "reader:cue": "denied",
                     "reader:speakerAt": {"type": "TextPositionSelector", "start": ADDED.speaker_start,
                                          "end": ADDED.speaker_end},
                     "reader:cueAt": {"type": "TextPositionSelector", "start": ADDED.cue_start, "end": ADDED.cue_end}}
    # --tagged-only: tags alone
    tagged = json.loads(run(sample, "w3c", untagged=False))["first"]["items"]
    assert "editing" not in {a["motivation"] for a in tagged} and len(tagged) == 5


def test_w3c_an_orphaned_tag_is_annotated_at_its_words_then_with_no_position_now(sample):
    """Its statement left the text: its words and their context when tagged, no position in this
    text, and where the words were in the text it was tagged on (reader's own term)."""
    orphan = json.loads(run(sample, "w3c"))["first"]["items"][-1]
    # (numbered: its old id may be a current statement's, whose tag by the same reviewer has #by=alex)
    assert orphan["id"] == f"urn:reader:{sample.id}:s0ld0ld0ld#orphaned=1;by=alex" and orphan["motivation"] == "tagging"
    assert orphan["target"] == {"source": "file:///news/harbour-bridge.txt", "selector": [
        {"type": "TextQuoteSelector", "exact": "The bridge was closed for repairs", "prefix": "", "suffix": ""}]}
    assert orphan["reader:orphanedFrom"] == {"type": "TextPositionSelector", "start": 10, "end": 43}
    assert orphan["body"][1]["value"] == "From an earlier version." and orphan["created"] == "2026-01-04T10:00:00Z"


def test_w3c_untagged_statements_come_as_highlights_when_asked(sample):
    items = json.loads(run(sample, "w3c", untagged=True))["first"]["items"]
    highlights = [a for a in items if a["motivation"] == "highlighting"]
    assert len(items) == 7 and len(highlights) == 0  # the untagged statements are edited ones (editing)
    sample.store.set_dismissed(sample.id, DISMISSED, False)
    items = json.loads(run(sample, "w3c", untagged=True))["first"]["items"]
    [highlight] = [a for a in items if a["motivation"] == "highlighting"]
    assert "body" not in highlight and highlight["target"]["selector"][0]["exact"] == ENGINE[3].text
    assert len(json.loads(run(sample, "w3c"))["first"]["items"]) == 6  # by default, not


def test_w3c_source_is_the_url_or_the_article_hash(sample, config, empty_store):
    from reader.article import Article

    web = Article(text="Web title\n", path="https://news.example/a", title="Web title")
    stdin = Article(text="Piped title\n", path="-", title="Piped title")
    from reader.exports.w3c import source_iri

    for article in (web, stdin):
        empty_store.register(article, [])
    assert source_iri(empty_store.article(web.id)) == "https://news.example/a"
    assert source_iri(empty_store.article(stdin.id)) == f"urn:sha256:{stdin.id}"


# --- offsets ---------------------------------------------------------------------------------

def test_every_export_offsets_agree_with_the_article_text(sample):
    doc = json.loads(run(sample, "json"))
    for fmt_doc in (doc, yaml.safe_load(run(sample, "yaml"))):
        for article in fmt_doc["articles"]:
            for s in article["statements"]:
                assert article["text"][s["start"]:s["end"]] == s["text"]
                if s["speaker_start"] is not None:
                    assert article["text"][s["speaker_start"]:s["speaker_end"]] == s["speaker"]
    for r in rows(sample):
        if r["status"] != "orphaned":
            original = SAMPLE_TEXT[int(r["start"]):int(r["end"])]
            assert r["text"] in (original, "'" + original)  # a neutralised formula has a leading '
    for a in json.loads(run(sample, "w3c", untagged=True))["first"]["items"]:
        if "reader:orphanedFrom" in a:  # its words are not in this text: no position in it
            assert [s["type"] for s in a["target"]["selector"]] == ["TextQuoteSelector"]
            assert a["target"]["selector"][0]["exact"] not in SAMPLE_TEXT
            continue
        quote, position = a["target"]["selector"]
        start, end = position["start"], position["end"]
        assert SAMPLE_TEXT[start:end] == quote["exact"]
        assert SAMPLE_TEXT[:start].endswith(quote["prefix"]) and SAMPLE_TEXT[end:].startswith(quote["suffix"])


def test_an_empty_store_exports_empty_documents(config, empty_store):
    assert json.loads(export_text(empty_store, config, None, "json"))["articles"] == []
    assert yaml.safe_load(export_text(empty_store, config, None, "yaml"))["articles"] == []
    assert json.loads(export_text(empty_store, config, None, "w3c"))["total"] == 0
    assert export_text(empty_store, config, None, "csv").count("\n") == 1
    assert "No articles." in export_text(empty_store, config, None, "md")
    assert "No articles." in export_text(empty_store, config, None, "html")


def test_an_export_reads_each_article_file_once(sample, monkeypatch):
    """Tags, orphans and edits come from one read of the article's file: an export of a big
    store reads each file once, and sees one consistent version of it."""
    from reader.store import storage

    reads: list[Path] = []
    real = storage.read_raw
    monkeypatch.setattr(storage, "read_raw", lambda path: (reads.append(path), real(path))[1])
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    assert len(doc["articles"][0]["orphaned_tags"]) == 1 and doc["articles"][0]["statements"][0]["tag"]
    assert reads.count(sample.store.backend.layout.article(sample.id)) == 1


# --- a desk: several reviewers ------------------------------------------------------------------

def test_csv_has_a_column_per_reviewer_and_the_outcome(sample):
    from tests.exports.conftest import add_desk

    add_desk(sample)
    sample.store.set_resolution(sample.id, ENGINE[2].id, None)  # the difference unsettled
    rows = list(csv.DictReader(io.StringIO(run(sample, "csv"))))
    assert [c for c in rows[0] if c.startswith("reviewer:")] == ["reviewer:alex", "reviewer:sam"]
    by_id = {r["statement_id"]: r for r in rows}
    agreed, differ = by_id[ENGINE[0].id], by_id[ENGINE[2].id]
    assert (agreed["category"], agreed["reviewer:alex"], agreed["reviewer:sam"], agreed["disputed"]) == (
        "official", "official", "official", "false")
    assert (differ["status"], differ["category"], differ["disputed"]) == ("disputed", "", "true")
    assert (differ["reviewer:alex"], differ["reviewer:sam"]) == ("eyewitness", "official")
    assert by_id[ENGINE[1].id]["reviewer:sam"] == ""


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_show_outcomes_disputes_and_the_agreement(sample, fmt):
    from tests.exports.conftest import add_desk

    add_desk(sample)
    settled = run(sample, fmt)
    assert "Agreement" in settled and "alex, sam over 2 statements" in settled
    assert "50.0% agreed" in settled and "Cohen" in settled
    assert "alex eyewitness · sam official; settled eyewitness by carol" in settled
    assert "disputed (" not in settled  # settled: counted as eyewitness
    sample.store.set_resolution(sample.id, ENGINE[2].id, None)
    open_ = run(sample, fmt)
    assert "disputed (1)" in open_ and "alex eyewitness · sam official" in open_
    assert "settled eyewitness" not in open_
