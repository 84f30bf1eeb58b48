"""Saving, reading and removing tags and edits, as the review screen and the CLI use them."""
from __future__ import annotations

import json
import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.store import (
    UNSET, Anchor, ArticleRecord, Edits, Tag, TagStore, apply_edits, make_anchor, statement_record,
)
from reader.store import registering, store as store_module
from tests.store.helpers import every_tag, QUOTES, article, many_quotes, statements_in, text_with


def test_a_tag_is_on_disk_when_set_tag_returns(store, db, registered):
    a, statements = registered
    tag = store.set_tag(a.id, statements[1], "eyewitness", note="called back")
    reopened = TagStore(db, "someone else")
    saved = every_tag(reopened, a.id)
    assert saved == {statements[1].id: tag}
    assert tag.reviewer == "tester" and tag.category == "eyewitness" and tag.note == "called back"
    assert tag.anchor.exact == statements[1].text == a.text[tag.anchor.start:tag.anchor.end]
    assert tag.created == tag.updated and tag.created.endswith("Z") and "T" in tag.created


def test_updating_keeps_created_and_unset_fields(store, registered, monkeypatch):
    a, statements = registered
    times = iter(["2026-01-01T10:00:00Z", "2026-01-02T11:00:00Z", "2026-01-03T12:00:00Z"])
    monkeypatch.setattr(store_module, "now", lambda: next(times))
    store.set_tag(a.id, statements[0], "official", note="first", reliability="b", credibility=2)
    second = store.set_tag(a.id, statements[0], "intelligence")
    assert (second.created, second.updated) == ("2026-01-01T10:00:00Z", "2026-01-02T11:00:00Z")
    assert (second.category, second.note, second.reliability, second.credibility) == (
        "intelligence", "first", "B", "2")
    third = store.set_tag(a.id, statements[0], "intelligence", note=None, reliability=None, credibility=UNSET)
    assert (third.note, third.reliability, third.credibility) == (None, None, "2")


@pytest.mark.parametrize("field, value", [("reliability", "G"), ("credibility", "7"), ("reliability", "AB")])
def test_grades_outside_the_admiralty_scale_are_refused(store, registered, field, value):
    a, statements = registered
    with pytest.raises(ReaderError, match="Admiralty"):
        store.set_tag(a.id, statements[0], "official", **{field: value})
    assert store.tags(a.id) == {}


def test_remove_tag_returns_what_it_removed(store, registered):
    a, statements = registered
    tag = store.set_tag(a.id, statements[2], "official")
    store.set_tag(a.id, statements[3], "eyewitness")
    assert store.remove_tag(a.id, statements[2].id) == tag
    assert store.remove_tag(a.id, statements[2].id) is None
    assert list(store.tags(a.id)) == [statements[3].id]


def test_put_tag_writes_the_exact_record(store, registered, db):
    a, statements = registered
    anchor = make_anchor(a.text, statements[0].start, statements[0].end)
    tag = Tag(a.id, statements[0].id, "social media", anchor, note="imported", reliability="C",
              credibility="3", reviewer="colleague", created="2025-05-01T00:00:00Z", updated="2025-05-02T00:00:00Z")
    store.put_tag(tag)
    assert every_tag(TagStore(db, "x"), a.id)[statements[0].id] == tag


def test_tagging_an_unregistered_article_or_a_wrong_statement_is_refused(store, registered):
    a, statements = registered
    other = article(text_with(["A quote from another article entirely"]))
    with pytest.raises(ReaderError, match="not registered"):
        store.set_tag(other.id, statements_in(other.text)[0], "official")
    moved = replace(statements[0], start=statements[0].start + 1, end=statements[0].end + 1)
    with pytest.raises(ReaderError, match="not saved"):
        store.set_tag(a.id, moved, "official")
    assert store.tags(a.id) == {}


def test_register_records_the_article_and_keeps_its_text_once(store, db, tmp_path, monkeypatch):
    times = iter(["2026-01-01T10:00:00Z", "2026-01-05T09:30:00Z"])
    monkeypatch.setattr(registering, "now", lambda: next(times))
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    record, reanchored = store.register(a, statements_in(a.text))
    text_file = db / "texts" / f"{a.id}.json" if isinstance(db, Path) else None
    before = os.stat(text_file) if text_file else None
    again, _ = store.register(a, statements_in(a.text))
    if text_file and before:  # the file is not written again
        after = os.stat(text_file)
        assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert record == ArticleRecord(id=a.id, path=str((tmp_path / "storm.txt").resolve()), title=a.title,
                                   chars=len(a.text), first_seen="2026-01-01T10:00:00Z",
                                   last_opened="2026-01-01T10:00:00Z", meta={}, statements=4)
    assert (again.first_seen, again.last_opened) == ("2026-01-01T10:00:00Z", "2026-01-05T09:30:00Z")
    assert reanchored.moved == {} and reanchored.orphaned == ()
    reopened = TagStore(db, "x")
    assert reopened.text(a.id) == a.text
    assert reopened.articles() == [again] and reopened.article(a.id) == again


def test_nothing_is_created_until_the_first_write(tmp_path):
    root = tmp_path / "not" / "yet"
    store = TagStore(root, "tester")
    assert store.articles() == [] and not root.exists()


def test_edits_are_saved_and_applied_in_reading_order(store, registered):
    a, statements = registered
    start = a.text.index("Storm closes")
    missed = replace(statements[0], id="shand-added", start=start, end=start + 12, text=a.text[start:start + 12],
                     speaker="Editor", cue=None)
    store.add_statement(a.id, missed)
    store.set_speaker(a.id, statements[1].id, "A resident")
    store.set_speaker(a.id, statements[2].id, "Someone")
    store.set_speaker(a.id, statements[2].id, None)  # back to the engine's
    store.set_dismissed(a.id, statements[3].id, True)
    edits = store.edits(a.id)
    assert [s.id for s in edits.added] == ["shand-added"]
    assert edits.speakers == {statements[1].id: "A resident"} and edits.dismissed == {statements[3].id}
    merged = apply_edits(statements, edits)
    assert [s.id for s in merged] == ["shand-added"] + [s.id for s in statements]
    assert merged[2].speaker == "A resident" and merged[3].speaker is None
    record = statement_record(merged[0])
    assert record["added_by_reviewer"] is True and record["tag"] is None and record["dismissed"] is False
    store.set_dismissed(a.id, statements[3].id, False)
    store.remove_statement(a.id, "shand-added")
    assert store.edits(a.id) == Edits(added=(), speakers={statements[1].id: "A resident"}, dismissed=frozenset())


def test_statement_record_follows_the_export_contract(store, registered):
    a, statements = registered
    tag = store.set_tag(a.id, statements[0], "official", note="n", reliability="A", credibility="1")
    record = statement_record(statements[0], [tag], dismissed=True)
    assert json.loads(json.dumps(record)) == record
    assert {k: record[k] for k in ("id", "start", "end", "text", "kind")} == {
        "id": statements[0].id, "start": statements[0].start, "end": statements[0].end,
        "text": statements[0].text, "kind": "direct"}
    assert record["tag"] == {"category": "official", "note": "n", "reliability": "A", "credibility": "1",
                             "reviewer": "tester", "created": tag.created, "updated": tag.updated}
    assert record["dismissed"] is True and record["added_by_reviewer"] is False
    assert {"speaker", "speaker_start", "speaker_end", "cue", "suggested_source", "reason"} <= record.keys()


def test_two_stores_in_one_process_see_each_others_writes(db, registered, store):
    """Each store remembers the files it wrote; a file another writer changed is re-read."""
    a, statements = registered
    other = TagStore(db, "other")
    store.set_tag(a.id, statements[0], "official")
    other.set_tag(a.id, statements[1], "eyewitness")
    store.set_tag(a.id, statements[2], "intelligence")
    other.set_tag(a.id, statements[0], "social media")
    store.set_tag(a.id, statements[3], "official")
    final = TagStore(db, "x").article_state(a.id).reviews
    assert {sid: {name: t.category for name, t in by.items()} for sid, by in final.items()} == {
        statements[0].id: {"tester": "official", "other": "social media"}, statements[1].id: {"other": "eyewitness"},
        statements[2].id: {"tester": "intelligence"}, statements[3].id: {"tester": "official"}}


def test_threads_sharing_a_store_lose_nothing(store, tmp_path):
    quotes = many_quotes(80)
    a = article(text_with(quotes), tmp_path / "many.txt")
    statements = statements_in(a.text)
    store.register(a, statements)

    def work(part: list) -> None:
        for s in part:
            store.set_tag(a.id, s, "official")

    threads = [threading.Thread(target=work, args=(statements[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(store.tags(a.id)) == {s.id for s in statements}


def test_a_json_file_path_is_the_index_with_its_files_beside_it(tmp_path):
    root = tmp_path / "cases" / "tags.json"
    store = TagStore(root, "tester")
    a = article(text_with(QUOTES))
    statements = statements_in(a.text)
    store.register(a, statements)
    store.set_tag(a.id, statements[0], "official")
    assert root.is_file() and json.loads(root.read_text())["articles"][a.id]["title"] == a.title
    assert (tmp_path / "cases" / "tags.json.d" / "articles" / f"{a.id}.json").is_file()
    assert sorted(p.name for p in (tmp_path / "cases").iterdir()) == ["tags.json", "tags.json.d"]
    assert every_tag(TagStore(root, "x"), a.id)[statements[0].id].category == "official"


def test_an_existing_file_that_is_not_a_reader_index_is_refused_and_kept(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n")
    with pytest.raises(ReaderError, match=r"notes\.txt: is damaged \(not valid JSON"):
        TagStore(notes, "tester")
    assert notes.read_text() == "my notes, not a database\n"


def test_a_database_folder_under_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReaderError, match=r"is a file, so the tag database folder .* cannot be created"):
        TagStore(blocker / "db", "tester")


def test_anchor_keeps_context_around_the_words():
    text = "0123456789" * 10
    anchor = make_anchor(text, 40, 50)
    assert anchor == Anchor(exact=text[40:50], prefix=text[8:40], suffix=text[50:82], start=40, end=50)
    assert make_anchor(text, 0, 3).prefix == "" and make_anchor(text, 98, 100).suffix == ""
    with pytest.raises(ValueError):
        make_anchor(text, 90, 120)


@pytest.mark.files_only
def test_no_temporary_file_is_left_and_a_stale_one_is_harmless(store, db, registered):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    stale = db / "articles" / f".{a.id}.json.tmp"
    stale.write_bytes(b'{"half": ')  # what a writer killed mid-write leaves
    store.set_tag(a.id, statements[1], "official")
    assert not stale.exists()
    assert not [p for p in Path(db).rglob("*.tmp")]
    assert len(every_tag(TagStore(db, "x"), a.id)) == 2


def test_a_tag_keeps_every_field_through_its_stored_form():
    from reader.store.model import tag_from_json, tag_to_json

    tag = Tag("ab12", "s1", "official", Anchor("words", "before ", " after", 7, 12), note="n", reliability="A",
              credibility="1", reviewer="sam", created="2026-01-01T00:00:00Z", updated="2026-01-02T00:00:00Z")
    assert tag_from_json(tag_to_json(tag), "ab12") == tag
    assert "article_id" not in tag_to_json(tag)  # the file's, not repeated per tag


@pytest.fixture
def five_tagged(store, tmp_path, monkeypatch):
    """Five articles, each tagged; the server reads them two at a time (so in three batches)."""
    from reader.store import server

    monkeypatch.setattr(server, "READ_AT_ONCE", 2)
    ids = []
    for n in range(5):
        a = article(text_with(QUOTES, head=f"Storm report {n}"), tmp_path / f"storm-{n}.txt")
        statements = statements_in(a.text)
        store.register(a, statements)
        store.set_tag(a.id, statements[n % len(statements)], "official", note=f"note {n}")
        ids.append(a.id)
    return ids


def test_reading_many_articles_at_once_gives_each_as_read_alone(store, five_tagged):
    order = [*five_tagged[::-1], five_tagged[0]]
    together = list(store.article_states(order))
    assert [aid for aid, _ in together] == order
    assert [state for _, state in together] == [store.article_state(aid) for aid in order]


def test_each_text_read_along_with_many_articles_is_the_articles_own(db, five_tagged):
    fresh = TagStore(db, "tester")  # (nothing of this process's own registrations in memory)
    texts = {}
    for aid, _ in fresh.article_states([*five_tagged, "0" * 64], texts=True):
        texts[aid] = fresh.text(aid)
    assert texts == {**{aid: text_with(QUOTES, head=f"Storm report {n}") for n, aid in enumerate(five_tagged)},
                     "0" * 64: None}
    fresh.close()


def test_a_reading_of_many_left_halfway_leaves_the_store_usable(store, five_tagged):
    reading = store.article_states(five_tagged)
    first, _ = next(reading)
    reading.close()  # (as a command stopped at its first article)
    assert first == five_tagged[0]
    state = store.article_state(five_tagged[4])
    [tag] = [by["tester"] for by in state.reviews.values()]
    assert tag.note == "note 4"


def test_counting_from_a_brief_reading_counts_what_the_whole_state_counts(store, db, tmp_path, monkeypatch):
    """`reader articles` counts every article from a reading that builds no tag (a server sends
    only who tagged which statement): each count must be the one the review screen, `reader
    tags` and the reports make from the whole state, on every backend."""
    from reader.store import server
    from reader.store import Progress, orphaned_ids, stored_ids, stored_tally

    monkeypatch.setattr(server, "READ_AT_ONCE", 2)
    path = tmp_path / "storm.txt"
    a = article(text_with(QUOTES), path)
    statements = statements_in(a.text)
    store.register(a, statements)
    bob = TagStore(db, "bob")
    store.set_tag(a.id, statements[0], "official")
    bob.set_tag(a.id, statements[0], "eyewitness")
    bob.set_tag(a.id, statements[2], "intelligence")
    store.set_tag(a.id, statements[3], "official")
    TagStore(db, "carol").resolve(a.id, statements[2], "official")
    store.set_dismissed(a.id, statements[3].id, True)
    start = a.text.index("Storm closes")
    store.add_statement(a.id, replace(statements[0], id="shand-added", start=start, end=start + 12,
                                      text=a.text[start:start + 12], speaker="Editor", cue=None))
    [(_, old)] = store.progress([a.id])
    assert old == store.article_state(a.id).progress
    assert old.tagged == {"tester": {statements[0].id, statements[3].id}, "bob": {statements[0].id, statements[2].id}}
    assert (old.reviewers, old.settled, old.dismissed, old.added_ids) == (
        ["bob", "tester"], {statements[2].id}, {statements[3].id}, ("shand-added",))
    assert (stored_tally(old, "tester", 0), stored_tally(old, None, 0)) == ((1, 4), (2, 4))
    changed = article(a.text.replace(QUOTES[2], "Something else entirely was said about the weather"), path)
    store.register(changed, statements_in(changed.text))  # bob's tag and carol's decision left behind
    ids = [changed.id, a.id, "0" * 64]
    brief = dict(store.progress(ids))
    assert list(brief) == ids
    assert brief == {aid: store.article_state(aid).progress for aid in ids}
    assert (brief[changed.id].orphans, orphaned_ids(stored_ids(brief[changed.id]) or (), brief[changed.id].settled)
            ) == (1, [statements[2].id])
    assert brief["0" * 64] == Progress()
