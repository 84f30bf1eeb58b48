"""Databases of the first round (schema 1: one tag per statement) open in this reader: each tag
becomes its own reviewer's, nothing is lost, and the original file is kept as a backup."""
from __future__ import annotations

import json

import pytest

from reader.store import UNNAMED, TagStore, schema
from tests.store.helpers import QUOTES, article, statements_in, text_with

pytestmark = pytest.mark.files_only  # the first round's files

STAMP = "2026-11-26T16:59:55Z"


def _first_round_tag(statement, text: str, category: str, reviewer: str, note: str | None = None) -> dict:
    """A tag exactly as the first round's store wrote it (reader 6302682, schema 1)."""
    return {"statement_id": statement.id, "category": category,
            "anchor": {"exact": statement.text, "prefix": text[max(0, statement.start - 32):statement.start],
                       "suffix": text[statement.end:statement.end + 32], "start": statement.start, "end": statement.end},
            "note": note, "reliability": "B", "credibility": None, "reviewer": reviewer, "created": STAMP,
            "updated": STAMP}


def _first_round_database(db, tmp_path):
    """A database whose article file is the first round's: tags keyed by statement id."""
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    TagStore(db, "alice").register(a, statements)  # the index and the text, as any reader writes them
    path = db / "articles" / f"{a.id}.json"
    document = {
        "tags": {statements[0].id: _first_round_tag(statements[0], a.text, "official", "alice", "called them"),
                 statements[1].id: _first_round_tag(statements[1], a.text, "eyewitness", "")},  # no name
        "engine": {"ids": {"ids": [s.id for s in statements]}},
        "_meta": {"reader": {"schema": 1, "kind": "article", "article": a.id}},
    }
    path.write_text(json.dumps(document))
    return a, statements, path


def test_each_first_round_tag_becomes_its_reviewers_and_a_nameless_one_unnameds(db, tmp_path):
    a, statements, path = _first_round_database(db, tmp_path)
    before = path.read_bytes()
    state = TagStore(db, "bob").article_state(a.id)
    assert {sid: {name: t.category for name, t in by.items()} for sid, by in state.reviews.items()} == {
        statements[0].id: {"alice": "official"}, statements[1].id: {UNNAMED: "eyewitness"}}
    alice = state.reviews[statements[0].id]["alice"]
    assert (alice.note, alice.reliability, alice.created, alice.updated) == ("called them", "B", STAMP, STAMP)
    assert path.read_bytes() == before  # reading migrates in memory only


def test_the_first_write_saves_the_new_layout_and_keeps_the_original(db, tmp_path):
    a, statements, path = _first_round_database(db, tmp_path)
    before = path.read_bytes()
    bob = TagStore(db, "bob")
    bob.set_tag(a.id, statements[0], "intelligence")  # bob's own tag, beside alice's
    saved = json.loads(path.read_text())
    assert saved["_meta"]["reader"]["schema"] == schema.CURRENT
    assert set(saved["tags"]) == {schema.tag_key(statements[0].id, "alice"), schema.tag_key(statements[1].id, UNNAMED),
                                  schema.tag_key(statements[0].id, "bob")}
    assert (path.parent / f"{path.name}.schema-v1.bak").read_bytes() == before
    by = bob.article_state(a.id).reviews[statements[0].id]
    assert (by["alice"].category, by["alice"].note, by["bob"].category) == ("official", "called them", "intelligence")


def test_a_reviewer_without_a_name_goes_on_with_the_nameless_tags(db, tmp_path):
    a, statements, _ = _first_round_database(db, tmp_path)
    store = TagStore(db, "")  # no name configured and no login name
    assert store.reviewer == UNNAMED
    assert list(store.tags(a.id)) == [statements[1].id]
    store.set_tag(a.id, statements[1], "official")
    assert store.tags(a.id)[statements[1].id].created == STAMP  # the same tag, changed
