"""Batches (`put_tags`) and one-read article state (`article_state`): what imports rely on.

A batch must land whole per article, check every record before writing, and leave every
article as it was when a write fails before the renames."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.store import Anchor, ArticleState, Edits, Tag, TagStore, make_anchor
from reader.store import disk, storage as storage_module
from tests.store.helpers import every_tag, article, many_quotes, snapshot, statements_in, text_with

STAMP = "2026-03-01T10:00:00Z"


@pytest.fixture
def three(store: TagStore, tmp_path: Path):
    """Three registered articles of six quotes each: [(article, statements)]."""
    out = []
    for k in range(3):
        a = article(text_with(many_quotes(6), head=f"Storm report {k}"), tmp_path / f"report-{k}.txt")
        statements = statements_in(a.text)
        store.register(a, statements)
        out.append((a, statements))
    return out


def tag_on(a, statement, category: str = "official", **fields) -> Tag:
    values = {"reviewer": "colleague", "created": STAMP, "updated": STAMP, **fields}
    return Tag(a.id, statement.id, category, make_anchor(a.text, statement.start, statement.end), **values)


def orphan_of(a, words: str = "words this text no longer has", sid: str = "s0ld") -> Tag:
    return Tag(a.id, sid, "eyewitness", Anchor(words, "", "", 5, 5 + len(words)), note="from an older text",
               reviewer="colleague", created=STAMP, updated=STAMP)


# --- what a batch writes -----------------------------------------------------------------

def test_a_batch_saves_what_put_tag_would_one_by_one(store, db, three, tmp_path):
    tags = [tag_on(a, s, ("official", "eyewitness")[n % 2], note=f"n{n}", reliability="b", credibility=2)
            for a, statements in three for n, s in enumerate(statements[:4])]
    one_by_one = TagStore(tmp_path / "other", "tester")
    for a, statements in three:
        one_by_one.register(a, statements)
    for tag in tags:
        one_by_one.put_tag(tag)
    store.put_tags(tags)
    reopened = TagStore(db, "someone else")
    for a, _ in three:
        assert every_tag(reopened, a.id) == one_by_one.tags(a.id, "colleague")
        assert len(every_tag(reopened, a.id)) == 4
    first = every_tag(reopened, three[0][0].id)[three[0][1][0].id]
    assert (first.reliability, first.credibility, first.reviewer, first.updated) == ("B", "2", "colleague", STAMP)


@pytest.mark.files_only
def test_each_article_file_is_written_once_under_one_lock(store, three, monkeypatch):
    written: list[Path] = []
    real = storage_module.write_temp
    monkeypatch.setattr(storage_module, "write_temp", lambda path, data, **kw: written.append(path) or real(path, data, **kw))
    locks = []
    real_held = store.backend._lock.held
    monkeypatch.setattr(store.backend._lock, "held", lambda: locks.append(1) or real_held())
    store.put_tags([tag_on(a, s) for a, statements in three for s in statements],
                   [orphan_of(a) for a, _ in three])
    assert sorted(written) == sorted(store.backend.layout.article(a.id) for a, _ in three)
    assert len(locks) == 1


def test_a_later_tag_on_the_same_statement_wins_within_a_batch(store, three):
    a, statements = three[0]
    store.put_tags([tag_on(a, statements[0], "official"), tag_on(a, statements[0], "intelligence")])
    assert store.tags(a.id, "colleague")[statements[0].id].category == "intelligence"


def test_orphans_in_a_batch_are_kept_as_orphans_not_tags(store, three):
    a, statements = three[0]
    tagged = tag_on(a, statements[0])
    # an orphan may share its old statement id with a tag here: neither overwrites the other
    same_id = orphan_of(a, sid=statements[0].id)
    store.put_tags([tagged], [orphan_of(a), orphan_of(a), same_id])
    state = store.article_state(a.id)
    assert state.reviews == {statements[0].id: {"colleague": tagged}}
    assert sorted(t.statement_id for t in state.orphans) == sorted(["s0ld", statements[0].id])  # stored once each
    assert all(t.note == "from an older text" for t in state.orphans)


def test_edits_in_a_batch_are_merged_into_the_articles_edits(store, three):
    a, statements = three[0]
    store.set_speaker(a.id, statements[1].id, "Someone")
    store.set_speaker(a.id, statements[2].id, "Kept as it is")
    words = "Storm report 0"
    added = replace(statements[0], id="sadded", start=0, end=len(words), text=words, kind="indirect")
    store.put_tags([tag_on(a, added)], edits={a.id: Edits(added=(added,),
                                                          speakers={statements[1].id: None, statements[3].id: "Mayor"},
                                                          dismissed=frozenset({statements[4].id}))})
    edits = store.edits(a.id)
    assert [s.id for s in edits.added] == ["sadded"]
    assert dict(edits.speakers) == {statements[2].id: "Kept as it is", statements[3].id: "Mayor"}
    assert edits.dismissed == {statements[4].id}
    assert store.tags(a.id, "colleague")["sadded"].anchor.exact == words


def test_an_empty_batch_writes_nothing(store, db, three):
    before = snapshot(db)
    store.put_tags([], [], edits={})
    assert snapshot(db) == before


# --- refused and failed batches -----------------------------------------------------------

@pytest.mark.parametrize("bad", [{"reliability": "G"}, {"credibility": "9"}, {"note": 5}])
def test_one_bad_record_refuses_the_whole_batch(store, db, three, bad):
    tags = [tag_on(a, s) for a, statements in three for s in statements]
    tags[-1] = replace(tags[-1], **bad)
    before = snapshot(db)
    with pytest.raises(ReaderError):
        store.put_tags(tags)
    assert snapshot(db) == before


def test_an_added_statement_not_at_its_offsets_refuses_the_whole_batch(store, db, three):
    a, statements = three[1]
    wrong = replace(statements[0], id="sadded", start=statements[0].start + 3)
    before = snapshot(db)
    with pytest.raises(ReaderError, match="sadded is not at .*nothing was saved"):
        store.put_tags([tag_on(three[0][0], three[0][1][0])], edits={a.id: Edits(added=(wrong,))})
    assert snapshot(db) == before


@pytest.mark.files_only
def test_a_write_failing_partway_through_changes_no_article(store, db, three, monkeypatch):
    """The disk fills up while the second article's file is written: not the first article,
    not the second, not the third: every file exactly as it was, no temporary file left."""
    for a, statements in three:
        store.put_tag(tag_on(a, statements[0], "eyewitness"))
    before = snapshot(db)
    real_write = os.write
    calls = []

    def failing(fd, data):
        calls.append(fd)
        if len(calls) == 2:
            real_write(fd, bytes(data[: len(data) // 2]))  # half of it reached the disk
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(disk.os, "write", failing)
    with pytest.raises(ReaderError, match="No space left on device"):
        store.put_tags([tag_on(a, s, "intelligence") for a, statements in three for s in statements])
    monkeypatch.setattr(disk.os, "write", real_write)
    assert len(calls) == 2
    assert snapshot(db) == before  # no .tmp either: the folder holds what it held
    reopened = TagStore(db, "x")
    assert all({t.category for t in every_tag(reopened, a.id).values()} == {"eyewitness"} for a, _ in three)


@pytest.mark.files_only
def test_a_rename_failing_leaves_each_article_whole_and_says_how_far_it_got(store, db, three, monkeypatch):
    for a, statements in three:
        store.put_tag(tag_on(a, statements[0], "eyewitness"))
    batch = [tag_on(a, s, "intelligence", note="batch") for a, statements in three for s in statements]
    real_replace = os.replace
    renames = []

    def failing(src, dst):
        renames.append(dst)
        if len(renames) == 2:
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(disk.os, "replace", failing)
    with pytest.raises(ReaderError, match=r"Input/output error.*saved for 1 of its 3 articles.*save it again"):
        store.put_tags(batch)
    monkeypatch.setattr(disk.os, "replace", real_replace)
    reopened = TagStore(db, "x")
    order = sorted(three, key=lambda pair: pair[0].id)  # the batch writes articles in id order
    first, rest = order[0], order[1:]
    assert {t.note for t in every_tag(reopened, first[0].id).values()} == {"batch"}
    assert len(every_tag(reopened, first[0].id)) == 6
    for a, statements in rest:  # untouched: the old single tag, nothing of the batch
        assert list(every_tag(reopened, a.id).values()) == [tag_on(a, statements[0], "eyewitness")]
    assert not list(db.rglob("*.tmp"))
    store.put_tags(batch)  # saving again completes it
    assert all({t.note for t in every_tag(TagStore(db, "x"), a.id).values()} == {"batch"} for a, _ in three)


@pytest.mark.files_only
def test_a_damaged_article_file_stops_the_batch_before_any_write(store, db, three):
    damaged = store.backend.layout.article(sorted(a.id for a, _ in three)[-1])  # the last the batch reaches
    store.put_tag(tag_on(three[0][0], three[0][1][0]))
    damaged.write_bytes(b'{"tags": ')
    before = snapshot(db)
    with pytest.raises(ReaderError, match=f"^{damaged}: is damaged"):
        store.put_tags([tag_on(a, s, "intelligence") for a, statements in three for s in statements])
    assert snapshot(db) == before


# --- reading an article's state at once ---------------------------------------------------

@pytest.mark.files_only
def test_article_state_is_tags_orphans_and_edits_from_one_read(store, three, monkeypatch):
    a, statements = three[0]
    store.put_tags([tag_on(a, statements[0]), tag_on(a, statements[2], "eyewitness")], [orphan_of(a)],
                   edits={a.id: Edits(speakers={statements[1].id: "Mayor"}, dismissed=frozenset({statements[3].id}))})
    reads: list[Path] = []
    real = storage_module.read_raw
    monkeypatch.setattr(storage_module, "read_raw", lambda path: reads.append(path) or real(path))
    state = store.article_state(a.id)
    assert reads == [store.backend.layout.article(a.id)]
    assert state == ArticleState(reviews={sid: {"colleague": t} for sid, t in store.tags(a.id, "colleague").items()},
                                 orphans=store.orphans(a.id), edits=store.edits(a.id),
                                 engine_ids=tuple(s.id for s in statements))
    assert set(state.reviews) == {statements[0].id, statements[2].id} and len(state.orphans) == 1
    assert dict(state.edits.speakers) == {statements[1].id: "Mayor"}


def test_article_state_of_an_untagged_article_has_only_its_statement_ids(store, three):
    a, statements = three[0]
    assert store.article_state(a.id) == ArticleState(engine_ids=tuple(s.id for s in statements))
