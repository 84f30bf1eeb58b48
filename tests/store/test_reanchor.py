"""Tags follow their statements when the article changes; what cannot follow is kept as an orphan."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from reader.store import TagStore
from reader.store.anchoring import reanchor
from reader.store.model import make_anchor
from tests.store.helpers import QUOTES, article, every_tag, statements_in, text_with


def _tag_all(store, a, statements):
    categories = ["official", "eyewitness", "intelligence", "social media"]
    return {s.id: store.set_tag(a.id, s, categories[i % 4], note=f"note {i}") for i, s in enumerate(statements)}


def test_an_edit_that_shifts_every_offset_keeps_every_tag(store, db, registered, tmp_path):
    a, statements = registered
    before = _tag_all(store, a, statements)
    edited = article(text_with(QUOTES, lead="Update: this story was corrected on Tuesday. " * 3),
                     tmp_path / "storm.txt")
    new_statements = statements_in(edited.text)
    assert all(n.start > o.start for n, o in zip(new_statements, statements))  # every offset moved
    record, reanchored = store.register(edited, new_statements)
    assert reanchored.orphaned == ()
    assert reanchored.moved == {s.id: s.id for s in statements}  # carried over to the new text
    after = every_tag(TagStore(db, "x"), edited.id)
    assert set(after) == set(before)
    for s in new_statements:
        tag, old = after[s.id], before[s.id]
        assert (tag.anchor.start, tag.anchor.end) == (s.start, s.end)
        assert edited.text[tag.anchor.start:tag.anchor.end] == s.text
        assert (tag.category, tag.note, tag.created, tag.updated, tag.reviewer) == (
            old.category, old.note, old.created, old.updated, old.reviewer)
        assert tag.article_id == edited.id
    assert store.tags(a.id) == {}  # moved, not copied
    assert store.article(a.id).replaced_by == edited.id and record.replaced_by is None


def test_a_statement_written_differently_keeps_its_tag(store, registered, tmp_path):
    a, statements = registered
    _tag_all(store, a, statements)
    reworded = [QUOTES[0], QUOTES[1].replace("Nobody told", "Nobody  told").replace("the door", "door,"),
                QUOTES[2], QUOTES[3]]
    edited = article(text_with(reworded), tmp_path / "storm.txt")
    new_statements = statements_in(edited.text)
    _, reanchored = store.register(edited, new_statements)
    assert reanchored.moved[statements[1].id] == new_statements[1].id != statements[1].id
    assert store.tags(edited.id)[new_statements[1].id].note == "note 1"
    assert reanchored.orphaned == ()


def test_a_tag_whose_statement_is_gone_is_kept_as_an_orphan_and_comes_back(store, registered, tmp_path):
    a, statements = registered
    _tag_all(store, a, statements)
    shorter = article(text_with([QUOTES[0], QUOTES[2], QUOTES[3]]), tmp_path / "storm.txt")
    _, reanchored = store.register(shorter, statements_in(shorter.text))
    assert [t.statement_id for t in reanchored.orphaned] == [statements[1].id]
    assert reanchored.orphaned[0].anchor.exact == QUOTES[1] and reanchored.orphaned[0].note == "note 1"
    assert store.orphans(shorter.id) == reanchored.orphaned
    assert statements[1].id not in store.tags(shorter.id) and len(store.tags(shorter.id)) == 3
    restored = article(text_with(QUOTES, lead="Corrected."), tmp_path / "storm.txt")
    _, back = store.register(restored, statements_in(restored.text))
    assert back.orphaned == () and store.tags(restored.id)[statements[1].id].note == "note 1"


def test_the_engine_changing_its_boundaries_moves_tags_on_the_same_text(store, registered):
    a, statements = registered
    _tag_all(store, a, statements)
    wider = [replace(s, id=f"swide{i}", start=s.start - 1, end=s.end + 1, text=a.text[s.start - 1:s.end + 1])
             for i, s in enumerate(statements)]
    _, reanchored = store.register(a, wider)
    assert reanchored.moved == {s.id: f"swide{i}" for i, s in enumerate(statements)}
    assert reanchored.orphaned == ()
    tags = store.tags(a.id)
    assert sorted(tags) == sorted(f"swide{i}" for i in range(4))
    assert tags["swide0"].anchor.exact == wider[0].text


def test_repeated_words_are_told_apart_by_their_context(store, tmp_path):
    quote = "We are still counting the damage"
    text = f'Title\n\nThe mayor said "{quote}" at noon.\nLater a farmer said "{quote}" in the field.\n'
    a = article(text, tmp_path / "repeat.txt")
    first, second = statements_in(text)
    store.register(a, [first, second])
    store.set_tag(a.id, second, "eyewitness")  # the farmer's
    edited_text = f'Title\n\nA nurse said "{quote}" first.\n' + text.split("\n", 2)[2]
    edited = article(edited_text, tmp_path / "repeat.txt")
    new = statements_in(edited_text)
    store.register(edited, new)
    tags = store.tags(edited.id)
    assert list(tags) == [new[2].id]  # still the farmer's statement, now the third occurrence
    assert "farmer said" in edited_text[tags[new[2].id].anchor.start - 20:tags[new[2].id].anchor.start]


# The rule, as a table: (tagged words, the words in the edited text, the same claim?)
SAME_CLAIM_CASES = [
    ("The death toll rose to 12 on Monday", "The death toll rose to 12 on Monday", True),
    ("The death toll rose to 12 on Monday", "the death toll rose to 12 on Monday,", True),
    ("The death toll rose to 12 on Monday", "Death toll rose to 12 on Monday", True),
    ("We’ll rebuild the bridge — soon", "We'll rebuild the bridge - soon", True),
    ("The death toll rose to 12 on Monday", "The death toll rose to 15 on Tuesday", False),
    ("The death toll rose to 12 on Monday", "The death toll rose to 12 on Tuesday", False),
    ("The ministry confirmed the strike", "The ministry denied the strike", False),
    ("The strike was confirmed", "The strike was not confirmed", False),
    ("About 1,000 people left", "About 1.000 people left", False),
    ("Nobody told us anything", "Nobody told us a thing", False),
]


def test_the_same_claim_means_the_same_words_whatever_their_punctuation():
    from reader.store.anchoring import claim_words

    for tagged, edited, same in SAME_CLAIM_CASES:
        assert (claim_words(tagged) == claim_words(edited)) is same, (tagged, edited)


def test_a_deleted_statement_s_tag_never_moves_to_a_near_identical_claim(store, tmp_path):
    """The attack: two sentences that differ in a number and a day; deleting the first moved
    its tag (note, grades) onto the second and reported it as followed."""
    first = "The death toll rose to 12 on Monday"
    second = "The death toll rose to 15 on Tuesday"
    text = f'Flood update\n\nPolice said "{first}" in a statement.\nPolice said "{second}" in a statement.\n'
    a = article(text, tmp_path / "toll.txt")
    s1, s2 = statements_in(text)
    store.register(a, [s1, s2])
    store.set_tag(a.id, s1, "official", note="toll 12 confirmed", reliability="A", credibility="1")
    edited = article(text.replace(f'Police said "{first}" in a statement.\n', ""), tmp_path / "toll.txt")
    _, reanchored = store.register(edited, statements_in(edited.text))
    assert reanchored.moved == {}
    assert [(t.statement_id, t.note) for t in reanchored.orphaned] == [(s1.id, "toll 12 confirmed")]
    assert store.tags(edited.id) == {}  # the second claim carries no tag it was never given


def test_the_reviewers_edits_follow_the_article(store, registered, tmp_path):
    a, statements = registered
    start = a.text.index("Storm closes coastal road")
    added = replace(statements[0], id="sadded", start=start, end=start + 25, text=a.text[start:start + 25])
    store.add_statement(a.id, added)
    store.set_tag(a.id, added, "official")
    store.set_speaker(a.id, statements[1].id, "A resident")
    store.set_dismissed(a.id, statements[2].id, True)
    edited = article(text_with(QUOTES, lead="New first paragraph."), tmp_path / "storm.txt")
    _, reanchored = store.register(edited, statements_in(edited.text))
    edits = store.edits(edited.id)
    assert [(s.id, edited.text[s.start:s.end]) for s in edits.added] == [("sadded", "Storm closes coastal road")]
    assert edits.speakers == {statements[1].id: "A resident"} and edits.dismissed == {statements[2].id}
    assert "sadded" in store.tags(edited.id) and reanchored.orphaned == ()


@pytest.mark.files_only
def test_an_interrupted_move_is_finished_without_duplicates(store, db, registered, tmp_path):
    a, statements = registered
    _tag_all(store, a, statements)
    old_file = db / "articles" / f"{a.id}.json"
    old_bytes = old_file.read_bytes()
    edited = article(text_with(QUOTES, lead="Added later."), tmp_path / "storm.txt")
    store.register(edited, statements_in(edited.text))
    old_file.write_bytes(old_bytes)  # as if the process died before emptying the old file
    _, reanchored = TagStore(db, "tester").register(edited, statements_in(edited.text))
    assert reanchored.orphaned == () and len(store.tags(edited.id)) == 4
    assert json.loads(old_file.read_text()).get("tags", {}) == {}


def test_contested_statement_keeps_the_first_and_orphans_the_other():
    text = 'T\n\nShe said "The water came at night" today.\n'
    s = statements_in(text)[0]
    from reader.store import Tag

    first = Tag("a", s.id, "official", make_anchor(text, s.start, s.end), created="1")
    second = Tag("a", s.id, "eyewitness", make_anchor(text, s.start, s.end), created="2")
    placed, unplaced = reanchor([first, second], [s], text, "a")
    assert [p.tag.category for p in placed] == ["official"] and unplaced == [1]
