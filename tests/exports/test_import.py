"""Imports: the round trips, merging (added, updated, identical, conflicts), matching by anchors,
and refused files that leave the tag database exactly as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.exports import export_text, import_file, import_text
from reader.store import UNNAMED
from tests.exports.conftest import add_desk
from tests.exports.conftest import (ADDED, ENGINE, SAMPLE_TEXT, make_tag, register_sample, snapshot)


def records_of(store, config, fmt: str = "json") -> dict:
    """An export with what registration sets (first seen, last opened) left out."""
    doc = json.loads(export_text(store, config, None, fmt))
    for article in doc.get("articles", []):
        article.pop("first_seen")
        article.pop("last_opened")
    return doc


# --- round trips -----------------------------------------------------------------------------

def test_json_round_trip_into_an_empty_database_gives_the_same_records(sample, empty_store, tmp_path):
    exported = tmp_path / "tags.json"
    exported.write_text(export_text(sample.store, sample.config, None, "json"), encoding="utf-8")
    result = import_file(empty_store, sample.config, exported, add_articles=True)
    assert result.added == 4 and result.orphans == 1 and result.articles_added == [sample.article.title]
    assert result.statements_added == 1 and result.dismissed == 1 and result.speakers == 1
    assert records_of(empty_store, sample.config) == records_of(sample.store, sample.config)
    # and importing the same file again changes nothing
    before = snapshot(empty_store.root)
    again = import_file(empty_store, sample.config, exported)
    assert (again.added, again.updated, again.identical, again.conflicts) == (0, 0, 5, [])
    assert snapshot(empty_store.root) == before


def test_a_statement_s_edited_words_and_kind_go_through_a_json_round_trip(sample, empty_store, tmp_path):
    from reader.store import Revision
    from tests.exports.conftest import ENGINE, SAMPLE_TEXT, span

    start, end = span(SAMPLE_TEXT, "I saw the water pour over the road & into the shops")  # cut short
    sample.store.set_revision(sample.id, ENGINE[2].id, Revision(start, end, SAMPLE_TEXT[start:end], "mixed"))
    exported = tmp_path / "tags.json"
    exported.write_text(export_text(sample.store, sample.config, None, "json"), encoding="utf-8")
    [statement] = [s for s in json.loads(exported.read_text(encoding="utf-8"))["articles"][0]["statements"]
                   if s["id"] == ENGINE[2].id]
    assert statement["revised_by_reviewer"] and statement["text"].endswith("into the shops")
    assert statement["tag"]["category"] == "eyewitness"
    result = import_file(empty_store, sample.config, exported, add_articles=True)
    assert result.revised == 1 and "1 statements' words or kind edited" in result.lines()[0]
    assert records_of(empty_store, sample.config) == records_of(sample.store, sample.config)


def test_w3c_round_trip_gives_the_same_annotations(sample, empty_store, tmp_path):
    exported = tmp_path / "tags.jsonld"
    exported.write_text(export_text(sample.store, sample.config, None, "w3c"), encoding="utf-8")
    register_sample(empty_store)  # w3c carries no article text: the article must be known
    result = import_file(empty_store, sample.config, exported)
    # the statement added by hand, the dismissed one and the corrected speaker come too
    assert (result.added, result.statements_added, result.dismissed, result.speakers) == (4, 1, 1, 1)
    assert export_text(empty_store, sample.config, None, "w3c") == export_text(sample.store, sample.config, None, "w3c")


def test_a_statement_s_edited_words_go_through_a_w3c_round_trip(sample, empty_store, tmp_path):
    """`b` moved the start of one statement later and the end of another later: the w3c file
    carries only the words, and the import revises the same statements (same ids, every
    reviewer's tag and the resolution on them), adding none."""
    from reader.store import Revision
    from tests.exports.conftest import span

    add_desk(sample)  # two reviewers and a resolution on ENGINE[2]
    start, end = span(SAMPLE_TEXT, "the water pour over the road & into the shops")  # start later, end earlier
    sample.store.set_revision(sample.id, ENGINE[2].id, Revision(start, end, SAMPLE_TEXT[start:end], "direct"))
    start, end = span(SAMPLE_TEXT, "Engineers finished work on the Kestrel Bay bridge on Tuesday.")
    end = SAMPLE_TEXT.index("Friday morning,", start) + len("Friday morning,")  # whole sentence and quotation
    sample.store.set_revision(sample.id, ENGINE[0].id, Revision(start, end, SAMPLE_TEXT[start:end], "mixed"))
    exported = tmp_path / "tags.jsonld"
    exported.write_text(export_text(sample.store, sample.config, None, "w3c"), encoding="utf-8")
    register_sample(empty_store)
    result = import_file(empty_store, sample.config, exported)
    assert result.statements_added == 1 and result.revised == 2 and not result.unplaced  # (1: the one added by hand)
    assert export_text(empty_store, sample.config, None, "w3c") == exported.read_text(encoding="utf-8")
    revised = empty_store.edits(sample.id).revised
    assert revised[ENGINE[2].id].text == "the water pour over the road & into the shops"
    assert revised[ENGINE[0].id].text.startswith("Engineers") and revised[ENGINE[0].id].kind == "mixed"
    assert {r: t.category for r, t in empty_store.article_state(sample.id).reviews[ENGINE[2].id].items()} == {
        "alex": "eyewitness", "sam": "official"}
    # importing it again changes nothing, and never overwrites the database's own revision
    before = snapshot(empty_store.root)
    again = import_file(empty_store, sample.config, exported)
    assert (again.added, again.revised, again.statements_added) == (0, 0, 0) and snapshot(empty_store.root) == before


def test_orphans_and_a_changed_kind_go_through_a_w3c_round_trip_as_through_json(sample, empty_store, tmp_path):
    """What json keeps and w3c used to lose: the orphaned tag, an orphaned resolution (each
    under its old id, with the words and where they were then) and a kind changed with `K`
    (words unchanged). Imported from w3c, the database exports the same json as the one
    exported from: the same statements' words and kinds, the same orphans."""
    from reader.store import Anchor, Resolution, Revision

    add_desk(sample)
    s = ENGINE[1]
    sample.store.set_revision(sample.id, s.id, Revision(s.start, s.end, s.text, "indirect"))  # K: mixed -> indirect
    sample.store.set_resolution(sample.id, "s0ldgone01", Resolution(
        sample.id, "s0ldgone01", "eyewitness", "carol", "2026-01-03T08:00:00Z",
        Anchor("The quay flooded twice last winter", "residents said ", ".", 120, 154)))
    exported = tmp_path / "desk.jsonld"
    exported.write_text(export_text(sample.store, sample.config, None, "w3c"), encoding="utf-8")
    register_sample(empty_store)
    result = import_file(empty_store, sample.config, exported)
    assert (result.orphans, result.resolutions, result.revised, len(result.unplaced)) == (1, 2, 1, 0)
    assert export_text(empty_store, sample.config, None, "w3c") == exported.read_text(encoding="utf-8")

    def kept(store) -> dict:
        [article] = records_of(store, sample.config)["articles"]
        return {"kinds": {x["id"]: (x["kind"], x["revised_by_reviewer"]) for x in article["statements"]
                          if x["tags"]},
                "orphaned_tags": article["orphaned_tags"], "orphaned_resolutions": article["orphaned_resolutions"]}

    theirs, mine = kept(empty_store), kept(sample.store)
    assert theirs == mine and theirs["kinds"][s.id] == ("indirect", True)
    assert [r["statement_id"] for r in theirs["orphaned_resolutions"]] == ["s0ldgone01"]
    assert theirs["orphaned_resolutions"][0]["anchor"]["start"] == 120
    # importing it again changes nothing
    before = snapshot(empty_store.root)
    again = import_file(empty_store, sample.config, exported)
    assert not again.changed and snapshot(empty_store.root) == before


def test_w3c_round_trip_by_quote_alone(sample, empty_store):
    """Annotations from another tool: no reader id, source by file URI, quote selector only
    (and none of reader's own terms: no orphans)."""
    doc = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    doc["first"]["items"] = [a for a in doc["first"]["items"] if "reader:orphanedFrom" not in a]
    for a in doc["first"]["items"]:
        del a["id"]
        a["target"]["selector"] = [a["target"]["selector"][0]]
    register_sample(empty_store)
    result = import_text(empty_store, sample.config, json.dumps(doc), "other-tool.jsonld")
    assert result.added == 4 and not result.unplaced
    assert {s: t.category for s, t in empty_store.tags(sample.id, "alex").items()} == {
        ENGINE[0].id: "official", ENGINE[1].id: "intelligence", ENGINE[2].id: "eyewitness",
        ENGINE[4].id: "social media"}


def test_annotation_on_words_no_statement_holds_adds_the_statement(sample, empty_store):
    register_sample(empty_store)
    words = "Engineers finished work on the Kestrel Bay bridge on Tuesday"
    start = SAMPLE_TEXT.index(words)
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
           "body": {"type": "TextualBody", "purpose": "tagging", "value": "official"},
           "target": {"source": f"urn:sha256:{sample.id}",
                      "selector": {"type": "TextPositionSelector", "start": start, "end": start + len(words)}}}
    result = import_text(empty_store, sample.config, json.dumps(doc), "one.jsonld")
    assert result.added == 1 and result.statements_added == 1
    [added] = empty_store.edits(sample.id).added
    # no creator: the tag of UNNAMED, beside (never over) the database reviewer's
    assert added.text == words and empty_store.tags(sample.id, UNNAMED)[added.id].category == "official"


# --- merging ---------------------------------------------------------------------------------

def file_with(sample, tags) -> str:
    """The sample's json export with these tags (statement id -> tag fields, or a list of them)
    instead."""
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    statements = {s["id"]: s for s in doc["articles"][0]["statements"]}
    for s in statements.values():
        s["tags"], s["tag"] = [], None
    for sid, tag in tags.items():
        statements[sid]["tags"] = tag if isinstance(tag, list) else [tag]
    doc["articles"][0]["orphaned_tags"] = []
    return json.dumps(doc)


def tag_fields(category: str, updated: str, **extra) -> dict:
    return {"category": category, "note": extra.get("note"), "reliability": extra.get("reliability"),
            "credibility": extra.get("credibility"), "reviewer": extra.get("reviewer", "alex"),
            "created": "2026-01-05T08:00:00Z", "updated": updated}


def test_merge_counts_added_updated_identical_and_lists_every_conflict(sample):
    store = sample.store
    text = file_with(sample, {
        ENGINE[0].id: tag_fields("official", "2026-01-05T09:01:30Z", note="Confirmed with the ministry's press office.",
                                 reliability="B", credibility="2"),  # identical
        ENGINE[1].id: tag_fields("intelligence", "2026-02-01T00:00:00Z", note="second source found",
                                 reliability="C", credibility="3"),  # same category, newer: updated
        ENGINE[2].id: tag_fields("official", "2026-02-01T00:00:00Z"),  # conflict, file newer: file wins
        ENGINE[4].id: tag_fields("eyewitness", "2025-12-01T00:00:00Z"),  # conflict, file older: kept
        ADDED.id: tag_fields("official", "2026-02-01T00:00:00Z"),  # untagged here: added
    })
    result = import_text(store, sample.config, text, "theirs.json")
    assert (result.added, result.updated, result.identical) == (1, 1, 1)
    assert [(c.mine.category, c.theirs.category, c.took) for c in result.conflicts] == [
        ("eyewitness", "official", "file"), ("social media", "eyewitness", "store")]
    tags = store.tags(sample.id, "alex")
    assert tags[ENGINE[1].id].note == "second source found" and tags[ENGINE[1].id].reviewer == "alex"
    assert tags[ENGINE[2].id].category == "official"
    assert tags[ENGINE[4].id].category == "social media"
    assert tags[ADDED.id].category == "official"
    lines = result.lines()
    assert lines[0] == ("theirs.json: imported json: 1 added, 1 updated, 1 skipped as identical, 2 in conflict.")
    assert lines[1].startswith("conflict: “Harbour bridge to reopen after storm repairs” " + ENGINE[2].id)
    assert "alex's tag: database eyewitness (2026-01-05T09:03:30Z), file official (2026-02-01T00:00:00Z)" in lines[1]
    assert lines[1].endswith("→ took the file's") and lines[2].endswith("→ kept the database's")


def test_another_reviewers_tags_are_added_beside_the_databases_never_over_them(sample):
    store = sample.store
    before = store.tags(sample.id, "alex")
    text = file_with(sample, {
        ENGINE[0].id: [tag_fields("official", "2020-01-01T00:00:00Z", reviewer="sam")],  # agrees, older
        ENGINE[2].id: [tag_fields("official", "2030-01-01T00:00:00Z", reviewer="sam")],  # differs, newer
    })
    result = import_text(store, sample.config, text, "sam.json")
    assert (result.added, result.conflicts) == (2, [])
    assert store.tags(sample.id, "alex") == before  # alex's own tags untouched, even by newer ones
    reviews = store.article_state(sample.id).reviews
    assert {n: t.category for n, t in reviews[ENGINE[2].id].items()} == {"alex": "eyewitness", "sam": "official"}
    assert import_text(store, sample.config, text, "sam.json").identical == 2  # again: nothing new


def test_keep_mine_keeps_every_tag_of_the_store(sample):
    text = file_with(sample, {ENGINE[2].id: tag_fields("official", "2030-01-01T00:00:00Z"),
                              ENGINE[1].id: tag_fields("intelligence", "2030-01-01T00:00:00Z", note="theirs")})
    before = snapshot(sample.root)
    result = import_text(sample.store, sample.config, text, "theirs.json", keep_mine=True)
    assert [c.took for c in result.conflicts] == ["store"] and result.kept == 1 and result.updated == 0
    assert snapshot(sample.root) == before


def test_dry_run_reports_and_changes_nothing(sample):
    text = file_with(sample, {ADDED.id: tag_fields("official", "2026-02-01T00:00:00Z")})
    before = snapshot(sample.root)
    result = import_text(sample.store, sample.config, text, "theirs.json", dry_run=True)
    assert result.added == 1 and result.lines()[0].startswith("theirs.json: would import json: 1 added")
    assert snapshot(sample.root) == before


def test_tags_follow_their_words_when_the_statement_id_changed(sample, empty_store):
    """An export made by another engine version: ids differ, the words and context match."""
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    for s in doc["articles"][0]["statements"]:
        s["id"] = "x-" + s["id"]
        s["added_by_reviewer"] = False
    register_sample(empty_store)
    result = import_text(empty_store, sample.config, json.dumps(doc), "old-engine.json")
    assert result.added == 4 and result.statements_added == 0
    assert empty_store.tags(sample.id, "alex")[ENGINE[0].id].category == "official"


# --- refused files ---------------------------------------------------------------------------

def refused(store, config, root: Path, text: str, match: str) -> None:
    before = snapshot(root)
    with pytest.raises(ReaderError, match=match):
        import_text(store, config, text, "in.json")
    assert snapshot(root) == before


def test_not_json_is_refused(sample):
    refused(sample.store, sample.config, sample.root, "category,note\nofficial,x\n",
            r"^in\.json: not a JSON file \(Expecting value at line 1, column 1\)")


@pytest.mark.parametrize("doc", [{"tags": []}, [], [1, 2], {"type": "Book"}, "text", 42, {"format": "other", "articles": []}])
def test_unknown_shape_is_refused(sample, doc):
    refused(sample.store, sample.config, sample.root, json.dumps(doc), r"^in\.json: unknown shape")


def test_an_article_the_store_has_never_seen_is_refused(sample, empty_store):
    text = export_text(sample.store, sample.config, None, "json")
    refused(empty_store, sample.config, empty_store.root, text,
            rf"this tag database has never seen the article {sample.id[:12]}… \(/news/harbour-bridge\.txt\); "
            r"open it first .* or import with --add-articles")
    w3c_text = export_text(sample.store, sample.config, None, "w3c")
    refused(empty_store, sample.config, empty_store.root, w3c_text, "has never seen the article")


def test_a_bad_record_anywhere_refuses_the_whole_file(sample):
    """The first tags are fine, a later one is broken: nothing at all is written."""
    doc = json.loads(file_with(sample, {
        ENGINE[0].id: tag_fields("intelligence", "2030-01-01T00:00:00Z"),
        ADDED.id: tag_fields("rumour", "2030-01-01T00:00:00Z")}))
    refused(sample.store, sample.config, sample.root, json.dumps(doc),
            r"articles\[0\]\.statements\[5\]: the category 'rumour' is not in the settings")
    doc = json.loads(file_with(sample, {ADDED.id: tag_fields("official", "2030-01-01T00:00:00Z", reliability="Z")}))
    refused(sample.store, sample.config, sample.root, json.dumps(doc), "reliability must be one of A–F")
    doc = json.loads(file_with(sample, {ADDED.id: tag_fields("official", "last tuesday")}))
    refused(sample.store, sample.config, sample.root, json.dumps(doc), "updated must be an ISO 8601 time")
    doc = json.loads(file_with(sample, {}))
    doc["articles"][0]["statements"][0]["start"] = "ten"
    refused(sample.store, sample.config, sample.root, json.dumps(doc), "start must be a whole number")


def test_a_newer_export_version_is_refused(sample):
    refused(sample.store, sample.config, sample.root, json.dumps({"format": "reader-export", "version": 99,
                                                                   "articles": []}), "written by a newer reader")


def test_a_changed_article_text_is_refused_with_add_articles(sample, empty_store):
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    doc["articles"][0]["text"] = doc["articles"][0]["text"].replace("Friday", "Monday")
    before = snapshot(empty_store.root)
    with pytest.raises(ReaderError, match="the article text does not match its id"):
        import_text(empty_store, sample.config, json.dumps(doc), "in.json", add_articles=True)
    assert snapshot(empty_store.root) == before


def test_a_refused_import_registers_none_of_the_articles_it_would_add(sample, empty_store):
    """The articles taken from the file are registered in the write that imports their tags: a
    record found bad while planning (an added statement not at its offsets) leaves the database
    without them, not with an article registered and none of its tags."""
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    [added] = [s for s in doc["articles"][0]["statements"] if s["added_by_reviewer"]]
    added["start"] += 1
    added["end"] += 1
    with pytest.raises(ReaderError, match="is not at"):
        import_text(empty_store, sample.config, json.dumps(doc), "in.json", add_articles=True)
    assert empty_store.articles() == [] and empty_store.article_state(sample.id).reviews == {}


def test_w3c_annotation_problems_are_refused(sample):
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    base["first"]["items"][1]["body"][0]["value"] = "rumour"
    refused(sample.store, sample.config, sample.root, json.dumps(base),
            r"annotation 2: the category 'rumour' is not in the settings")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    del base["first"]["items"][0]["target"]
    refused(sample.store, sample.config, sample.root, json.dumps(base), "annotation 1: has no target")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    base["first"] = "https://annotations.example/page1"
    refused(sample.store, sample.config, sample.root, json.dumps(base), "pages are given by address only")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    base["first"]["items"][0]["target"]["reader:kind"] = "rumour"
    refused(sample.store, sample.config, sample.root, json.dumps(base),
            r"annotation 1: reader:kind must be one of direct, indirect, mixed, post, got \"rumour\"")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    base["first"]["items"][-1]["reader:orphanedFrom"] = {"type": "TextPositionSelector", "start": 9, "end": 3}
    refused(sample.store, sample.config, sample.root, json.dumps(base),
            r"annotation 7: reader:orphanedFrom ends \(3\) before it starts \(9\)")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    base["first"]["items"][3]["target"]["reader:dismissed"] = "yes"
    refused(sample.store, sample.config, sample.root, json.dumps(base),
            r"annotation 4: reader:dismissed must be true or false, got \"yes\"")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    del base["first"]["items"][5]["target"]["selector"][1]  # the statement added by hand, placed by words alone
    refused(sample.store, sample.config, sample.root, json.dumps(base),
            r"annotation 6: reader:added: a statement a reviewer added needs both its TextQuoteSelector")
    base = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    base["first"]["items"][5]["target"]["reader:cueAt"] = [3, 9]
    refused(sample.store, sample.config, sample.root, json.dumps(base),
            "annotation 6: reader:cueAt must be a TextPositionSelector")


def test_words_that_are_not_in_the_article_are_reported_not_placed(sample):
    doc = json.loads(export_text(sample.store, sample.config, None, "w3c"))
    item = doc["first"]["items"][0]
    del item["id"]
    item["target"]["selector"] = [{"type": "TextQuoteSelector", "exact": "words nowhere in the text"}]
    item["target"]["source"] = f"urn:sha256:{sample.id}"
    result = import_text(sample.store, sample.config, json.dumps(doc), "in.jsonld")
    assert len(result.unplaced) == 1
    assert any(line.startswith("not placed: “Harbour bridge") and "words nowhere in the text" in line
               for line in result.lines())


def test_a_folder_or_a_missing_file_is_a_clear_error(sample, tmp_path):
    with pytest.raises(ReaderError, match="no such file"):
        import_file(sample.store, sample.config, tmp_path / "missing.json")
    with pytest.raises(ReaderError, match="is a folder"):
        import_file(sample.store, sample.config, tmp_path)
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(ReaderError, match="not a JSON file"):
        import_file(sample.store, sample.config, binary)


def test_an_older_export_of_the_same_tag_is_identical_not_a_conflict(sample):
    """A colleague's export made before a note was added: same category, older: kept, not a conflict."""
    tag = make_tag(sample.id, ENGINE[0], "official", minute=1)
    text = file_with(sample, {ENGINE[0].id: {"category": tag.category, "note": None, "reliability": None,
                                             "credibility": None, "reviewer": "alex", "created": tag.created,
                                             "updated": "2026-01-01T00:00:00Z"}})
    result = import_text(sample.store, sample.config, text, "old.json")
    assert result.kept == 1 and result.conflicts == [] and result.updated == 0


# --- writing: one batch per import --------------------------------------------------------------

def other_articles(store, n: int):
    """`n` more articles, each with a reviewer-added statement carrying a tag (the fixed
    engine finds nothing in them): [(article, statement)]."""
    from reader.article import Article
    from reader.attribution import Statement
    from reader.store import Tag, make_anchor

    out = []
    for k in range(n):
        words = f"the ferry to island {k} would run again from Monday"
        text = f"Ferry report {k}\n\nThe operator said {words}.\n"
        start = text.index(words)
        article = Article(text=text, path=f"/news/ferry-{k}.txt", title=f"Ferry report {k}")
        statement = Statement(f"sferry{k}", start, start + len(words), words, "The operator", None, None,
                              "said", "indirect", None, None)
        store.register(article, [])
        store.add_statement(article.id, statement)
        store.put_tag(Tag(article.id, statement.id, "official", make_anchor(text, statement.start, statement.end),
                          reviewer="alex", created="2026-01-05T10:00:00Z", updated="2026-01-05T10:00:00Z"))
        out.append((article, statement))
    return out


def test_an_import_writes_everything_in_one_batch(sample, empty_store, tmp_path, monkeypatch):
    """Three articles and the sample (tags, an orphan, an added statement, a dismissal, a
    speaker), into a database that has never seen them: one update, no call per tag or per edit
    nor a register before it, each article's file written once (registered with its statement
    ids and its tags together), the index once."""
    from reader.store import storage

    other_articles(sample.store, 3)
    exported = tmp_path / "tags.json"
    exported.write_text(export_text(sample.store, sample.config, None, "json"), encoding="utf-8")
    calls: dict[str, int] = {}
    for name in ("update", "register", "put_tags", "put_tag", "add_statement", "set_speaker", "set_dismissed"):
        real = getattr(empty_store, name)
        monkeypatch.setattr(empty_store, name, lambda *a, _real=real, _name=name, **k: (
            calls.__setitem__(_name, calls.get(_name, 0) + 1), _real(*a, **k))[1])
    written: list[Path] = []
    real_write = storage.write_temp
    monkeypatch.setattr(storage, "write_temp", lambda path, data, **kw: (written.append(path), real_write(path, data, **kw))[1])
    result = import_file(empty_store, sample.config, exported, add_articles=True)
    assert result.added == 7 and result.orphans == 1 and len(result.articles_added) == 4
    assert calls == {"update": 1}  # read, planned and written under one lock
    article_files = [p for p in written if p.parent == empty_store.backend.layout.articles]
    assert len(article_files) == len(set(article_files)) == 4
    assert written.count(empty_store.backend.layout.index) == 1
    by_id = lambda doc: {a["id"]: a for a in doc["articles"]}  # noqa: E731  (order follows first-seen seconds)
    assert by_id(records_of(empty_store, sample.config)) == by_id(records_of(sample.store, sample.config))


def test_a_disk_failure_while_an_import_writes_changes_nothing(sample, monkeypatch):
    """Not a refused file: a good one, and the disk fails while the store writes it."""
    import os as os_module

    from reader.store import disk

    ferries = other_articles(sample.store, 2)
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    for article in doc["articles"]:  # every article of the file changes something
        for s in article["statements"]:
            if article["id"] == sample.id and s["id"] == ADDED.id:
                s["tags"] = [tag_fields("eyewitness", "2026-02-01T00:00:00Z")]
            elif article["id"] == sample.id and s["id"] == ENGINE[1].id:
                s["speaker"] = "a named analyst"
            elif s["tags"]:
                s["tags"][0]["category"], s["tags"][0]["updated"] = "intelligence", "2026-03-01T00:00:00Z"
    assert {a["id"] for a in doc["articles"]} == {sample.id, *(a.id for a, _ in ferries)}
    before = snapshot(sample.root)
    real_write = os_module.write

    writes = []

    def disk_fills_up(fd, data):  # the first file is written whole, then the disk is full
        writes.append(fd)
        if len(writes) > 1:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(disk.os, "write", disk_fills_up)
    with pytest.raises(ReaderError, match="No space left on device"):
        import_text(sample.store, sample.config, json.dumps(doc), "theirs.json")
    monkeypatch.setattr(disk.os, "write", real_write)
    assert snapshot(sample.root) == before
    # the same file, once the disk has room, is imported whole
    result = import_text(sample.store, sample.config, json.dumps(doc), "theirs.json")
    assert result.added == 1 and len(result.conflicts) == 5 and all(c.took == "file" for c in result.conflicts)
    assert all(t.category == "intelligence" for a, _ in ferries for t in sample.store.tags(a.id, "alex").values())


def test_an_orphan_of_the_file_is_kept_even_where_its_old_statement_id_has_a_tag(sample, empty_store):
    """The file's orphaned tag once had the id of a statement that is tagged here (other words):
    both are kept, the tag on its statement and the orphan with the orphans."""
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    [orphan] = doc["articles"][0]["orphaned_tags"]
    orphan["statement_id"] = ENGINE[0].id
    register_sample(empty_store)
    result = import_text(empty_store, sample.config, json.dumps(doc), "in.json")
    assert result.orphans == 1 and not result.unplaced
    state = empty_store.article_state(sample.id)
    assert state.reviews[ENGINE[0].id]["alex"].category == "official"
    assert [(t.statement_id, t.note) for t in state.orphans] == [(ENGINE[0].id, "From an earlier version.")]


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_an_orphan_s_old_offsets_never_move_the_statement_that_has_its_old_id_now(sample, empty_store, fmt):
    """The orphan's offsets are into the text it was tagged on. Here they happen to hold its
    words in this text too, and its old id is a statement's of this text (other words): that
    statement keeps its words; the orphan stays an orphan."""
    words = "Engineers finished work"
    start = SAMPLE_TEXT.index(words)
    doc = json.loads(export_text(sample.store, sample.config, None, fmt))
    if fmt == "json":
        [orphan] = doc["articles"][0]["orphaned_tags"]
        orphan["statement_id"] = ENGINE[0].id
        orphan["anchor"].update(exact=words, start=start, end=start + len(words))
    else:
        orphan = doc["first"]["items"][-1]
        orphan["id"] = orphan["id"].replace("s0ld0ld0ld", ENGINE[0].id)
        orphan["target"]["selector"][0]["exact"] = words
        orphan["reader:orphanedFrom"].update(start=start, end=start + len(words))
    register_sample(empty_store)
    result = import_text(empty_store, sample.config, json.dumps(doc), f"in.{fmt}")
    assert (result.orphans, result.revised, result.unplaced) == (1, 0, [])
    assert ENGINE[0].id not in empty_store.edits(sample.id).revised
    assert [(t.statement_id, t.anchor.exact) for t in empty_store.article_state(sample.id).orphans] == [
        (ENGINE[0].id, words)]


# --- a desk: several reviewers and a resolution ------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_every_reviewers_tag_and_the_resolution_go_through_a_round_trip(sample, empty_store, tmp_path, fmt):
    add_desk(sample)
    exported = tmp_path / f"desk.{fmt}"
    exported.write_text(export_text(sample.store, sample.config, None, fmt), encoding="utf-8")
    if fmt == "w3c":
        register_sample(empty_store)
    result = import_file(empty_store, sample.config, exported, add_articles=True)
    assert result.added == 6 and result.resolutions == 1
    if fmt == "json":
        assert records_of(empty_store, sample.config) == records_of(sample.store, sample.config)
    else:
        assert export_text(empty_store, sample.config, None, "w3c") == export_text(sample.store, sample.config, None,
                                                                                   "w3c")
    theirs, mine = empty_store.article_state(sample.id), sample.store.article_state(sample.id)
    on_statements = {sid: by for sid, by in mine.reviews.items() if sid != "s0ld0ld0ld"}  # that one: an orphan there
    assert theirs.reviews == on_statements and theirs.resolutions == mine.resolutions
    again = import_file(empty_store, sample.config, exported)
    assert (again.added, again.identical, again.changed) == (0, 8, False)  # and the orphan


def test_the_json_export_carries_each_reviewer_the_resolution_and_the_outcome(sample):
    add_desk(sample)
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    by_id = {s["id"]: s for s in doc["articles"][0]["statements"]}
    agreed, settled = by_id[ENGINE[0].id], by_id[ENGINE[2].id]
    assert [t["reviewer"] for t in agreed["tags"]] == ["alex", "sam"]
    assert agreed["tag"]["category"] == "official" and agreed["disputed"] is False and agreed["resolution"] is None
    assert {t["reviewer"]: t["category"] for t in settled["tags"]} == {"alex": "eyewitness", "sam": "official"}
    assert settled["resolution"] == {"category": "eyewitness", "by": "carol", "at": "2026-01-06T08:00:00Z"}
    assert settled["tag"]["category"] == "eyewitness" and settled["tag"]["reviewer"] == "alex"
    assert settled["disputed"] is False
    sample.store.set_resolution(sample.id, ENGINE[2].id, None)
    settled = {s["id"]: s for s in json.loads(export_text(sample.store, sample.config, None, "json"))[
        "articles"][0]["statements"]}[ENGINE[2].id]
    assert settled["disputed"] is True and settled["tag"] is None


def test_w3c_has_one_annotation_per_reviewers_tag_and_one_assessing_the_difference(sample):
    add_desk(sample)
    items = json.loads(export_text(sample.store, sample.config, None, "w3c"))["first"]["items"]
    on_third = [a for a in items if f":{ENGINE[2].id}" in a["id"]]
    assert [(a["motivation"], a["creator"]["name"]) for a in on_third] == [
        ("tagging", "alex"), ("tagging", "sam"), ("assessing", "carol")]
    assert on_third[2]["body"] == [{"type": "TextualBody", "purpose": "tagging", "value": "eyewitness"}]
    assert on_third[2]["id"].endswith("#resolution") and on_third[2]["created"] == "2026-01-06T08:00:00Z"


def test_a_different_resolution_of_the_same_statement_is_a_conflict_the_newer_wins(sample):
    add_desk(sample)
    doc = json.loads(export_text(sample.store, sample.config, None, "json"))
    settled = next(s for s in doc["articles"][0]["statements"] if s["id"] == ENGINE[2].id)
    settled["resolution"] = {"category": "official", "by": "dana", "at": "2026-02-01T00:00:00Z"}  # later, other
    text = json.dumps(doc)
    kept = import_text(sample.store, sample.config, text, "dana.json", keep_mine=True)
    [conflict] = kept.resolution_conflicts
    assert (conflict.mine.category, conflict.theirs.category, conflict.took) == ("eyewitness", "official", "store")
    assert "resolution: database eyewitness (carol" in kept.lines()[1] and kept.lines()[1].endswith("kept the database's")
    dry = import_text(sample.store, sample.config, text, "dana.json", dry_run=True)
    assert dry.lines()[1].endswith("would take the file's")
    assert sample.store.article_state(sample.id).resolutions[ENGINE[2].id].by == "carol"  # nothing written yet
    import_text(sample.store, sample.config, text, "dana.json")
    resolution = sample.store.article_state(sample.id).resolutions[ENGINE[2].id]
    assert (resolution.category, resolution.by) == ("official", "dana")
