"""`reader db copy`: a folder onto a server and back, losslessly; a second copy writes nothing;
what the target already holds is never lost."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.store import Revision, TagStore
from reader.store.copying import copy_database
from tests.store.helpers import QUOTES, article, statements_in, text_with


def _desk(db: Path | str, tmp_path: Path) -> list[str]:
    """A database holding one of everything a store keeps; returns the article ids."""
    alice, bob, carol = (TagStore(db, name) for name in ("alice", "bob", "carol"))
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    alice.register(a, statements)
    alice.set_tag(a.id, statements[0], "official", note="called the ministry", reliability="B", credibility="2")
    bob.set_tag(a.id, statements[0], "intelligence")
    carol.resolve(a.id, statements[0], "official")
    bob.set_tag(a.id, statements[1], "eyewitness")
    alice.set_tag(a.id, statements[3], "social media")
    words = "Storm closes coastal road"
    alice.add_statement(a.id, replace(statements[0], id="sadded", start=0, end=len(words), text=words))
    alice.set_tag(a.id, replace(statements[0], id="sadded", start=0, end=len(words), text=words), "official")
    alice.set_speaker(a.id, statements[1].id, "A resident")
    alice.set_dismissed(a.id, statements[2].id, True)
    s = statements[3]
    alice.set_revision(a.id, s.id, Revision(s.start, s.end - 5, a.text[s.start:s.end - 5], "indirect"))
    # the text changes: one statement goes, its tag is kept as an orphan
    edited = article(text_with(QUOTES[:3] + ("An entirely different claim about the harbour",)), tmp_path / "storm.txt")
    alice.register(edited, statements_in(edited.text))
    other = article(text_with(QUOTES[1:], head="Second report"), tmp_path / "second.txt")
    bob.register(other, statements_in(other.text))
    bob.set_tag(other.id, statements_in(other.text)[0], "official")
    return [a.id, edited.id, other.id]


def _everything(db: Path | str) -> dict:
    store = TagStore(db, "checker")
    ids = list(store.backend.article_ids())
    return {"articles": sorted(store.articles(), key=lambda r: r.id),
            "states": {aid: store.article_state(aid) for aid in ids},
            "texts": {aid: store.text(aid) for aid in ids},
            "lost": {aid: dict(store.backend.article(aid).table("lost_added").items()) for aid in ids}}


def test_a_folder_copied_to_a_server_and_back_is_the_same_database(tmp_path, server_db, cli):
    folder = tmp_path / "mine"
    ids = _desk(folder, tmp_path)
    original = _everything(folder)
    assert original["states"][ids[1]].orphans and original["states"][ids[1]].resolutions  # one of everything
    to_server = cli("db", "copy", folder, server_db)
    assert to_server.code == 0, to_server.err
    assert "copied 3 articles" in to_server.out
    assert _everything(server_db) == original
    back = tmp_path / "back"
    assert cli("db", "copy", server_db, back).code == 0
    assert _everything(back) == original
    exports = [cli("--db", db, "export", "--all", "--format", "json") for db in (folder, server_db, back)]
    assert all(e.code == 0 for e in exports)
    assert exports[0].out == exports[1].out == exports[2].out
    assert len(json.loads(exports[0].out)["articles"]) == 2  # the older text's tags moved to the newer


@pytest.mark.parametrize("direction", ["to the server", "to a folder"])
def test_a_second_copy_writes_nothing(tmp_path, server_db, direction):
    folder = tmp_path / "mine"
    _desk(folder, tmp_path)
    source, target = (folder, server_db) if direction == "to the server" else (server_db, tmp_path / "back")
    if direction == "to a folder":
        copy_database(TagStore(folder, "x"), TagStore(server_db, "x"))
    first = copy_database(TagStore(source, "x"), TagStore(target, "x"))
    again = copy_database(TagStore(source, "x"), TagStore(target, "x"))
    assert first.written > 0 and first.added["tags"] == 5  # the sixth is an orphan now
    assert (again.articles, again.written, again.kept) == (first.articles, 0, {})


def test_the_target_keeps_its_newer_tags_and_takes_the_newer_ones(tmp_path, server_db, monkeypatch):
    folder = tmp_path / "mine"
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    # registered at known times (the server last), not whenever the clock's second turns: the
    # index record is copied like any other, the later `last_opened` staying
    for db, opened in ((folder, "2026-01-01T09:00:00Z"), (server_db, "2026-01-01T10:00:00Z")):
        with monkeypatch.context() as clock:
            clock.setattr("reader.store.registering.now", lambda: opened)
            TagStore(db, "alice").register(a, statements)
    mine, theirs = TagStore(folder, "alice"), TagStore(server_db, "alice")
    mine.set_tag(a.id, statements[0], "official", note="older")
    mine.put_tag(replace(mine.tags(a.id)[statements[0].id], updated="2020-01-01T00:00:00Z"))
    theirs.set_tag(a.id, statements[0], "eyewitness", note="newer, on the server")
    theirs.put_tag(replace(theirs.tags(a.id)[statements[0].id], updated="2030-01-01T00:00:00Z"))
    mine.set_tag(a.id, statements[1], "intelligence", note="only in the folder")
    theirs.set_speaker(a.id, statements[2].id, "The server's speaker")
    mine.set_speaker(a.id, statements[2].id, "The folder's speaker")
    copied = copy_database(mine, theirs)
    after = theirs.tags(a.id)
    assert after[statements[0].id].note == "newer, on the server"  # the later version stays
    assert after[statements[1].id].note == "only in the folder"
    assert theirs.edits(a.id).speakers == {statements[2].id: "The server's speaker"}
    assert copied.kept == {"articles": 1, "tags": 1, "speakers": 1}
    back = copy_database(theirs, mine)  # the other way: the folder takes the newer tag and record
    assert mine.tags(a.id)[statements[0].id].note == "newer, on the server"
    assert back.replaced == {"articles": 1, "tags": 1}
    assert [r.last_opened for r in mine.articles()] == ["2026-01-01T10:00:00Z"]


def test_a_damaged_record_stops_the_copy_naming_it(tmp_path, server_db, cli):
    folder = tmp_path / "mine"
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    store = TagStore(folder, "alice")
    store.register(a, statements)
    store.set_tag(a.id, statements[0], "official")
    path = folder / "articles" / f"{a.id}.json"
    document = json.loads(path.read_text())
    next(iter(document["tags"].values()))["category"] = 5
    path.write_text(json.dumps(document))
    result = cli("db", "copy", folder, server_db)
    assert result.code == 1 and result.err.count("\n") == 1
    assert f"{path}: the tags record" in result.err and "is damaged" in result.err
    assert list(TagStore(server_db, "x").backend.article_ids()) == []


def test_copying_from_nothing_or_onto_itself_is_refused(tmp_path, cli):
    assert "holds no tag database to copy" in cli("db", "copy", tmp_path / "none", tmp_path / "b").err
    folder = tmp_path / "mine"
    _desk(folder, tmp_path)
    with pytest.raises(ReaderError, match="is both the source and the target"):
        copy_database(TagStore(folder, "x"), TagStore(folder, "y"))
