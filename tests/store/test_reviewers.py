"""One tag per statement and reviewer, resolutions kept apart, and both following the text."""
from __future__ import annotations

from reader.store import TagStore, disputed, outcome
from tests.store.helpers import QUOTES, article, statements_in, text_with


def test_each_reviewer_keeps_their_own_tag_on_a_statement(store, db, registered):
    a, statements = registered
    s = statements[0]
    bob = TagStore(db, "bob")
    store.set_tag(a.id, s, "official", note="mine")
    bob.set_tag(a.id, s, "intelligence")
    store.set_tag(a.id, s, "official", note="still mine")  # changes only the tester's
    by = store.article_state(a.id).reviews[s.id]
    assert {n: (t.category, t.note) for n, t in by.items()} == {
        "tester": ("official", "still mine"), "bob": ("intelligence", None)}
    assert bob.remove_tag(a.id, s.id).reviewer == "bob"
    assert list(store.article_state(a.id).reviews[s.id]) == ["tester"]


def test_a_resolution_settles_a_difference_without_touching_the_tags(store, db, registered):
    a, statements = registered
    s = statements[0]
    store.set_tag(a.id, s, "official")
    TagStore(db, "bob").set_tag(a.id, s, "intelligence")
    state = store.article_state(a.id)
    tags = state.reviews[s.id].values()
    assert disputed(tags, None) and outcome(tags, None) is None
    resolution = TagStore(db, "carol").resolve(a.id, s, "intelligence")
    assert (resolution.by, resolution.category) == ("carol", "intelligence")
    state = store.article_state(a.id)
    assert state.resolutions == {s.id: resolution}
    assert {n: t.category for n, t in state.reviews[s.id].items()} == {"tester": "official", "bob": "intelligence"}
    tags = state.reviews[s.id].values()
    assert not disputed(tags, resolution) and outcome(tags, resolution).reviewer == "bob"  # bob's tag, settled
    store.resolve(a.id, s, None)
    assert store.article_state(a.id).resolutions == {}


def test_outcome_is_the_one_tag_or_the_agreed_one_or_the_resolution():
    from reader.store import Anchor, Resolution, Tag

    anchor = Anchor("w", "", "", 0, 1)
    alice = Tag("a", "s", "official", anchor, reviewer="alice", updated="2026-01-01T00:00:00Z")
    bob = Tag("a", "s", "official", anchor, reviewer="bob", note="agreed", updated="2026-01-02T00:00:00Z")
    carl = Tag("a", "s", "eyewitness", anchor, reviewer="carl", updated="2026-01-03T00:00:00Z")
    assert outcome([alice], None) == alice  # one reviewer: exactly their tag
    assert outcome([alice, bob], None) == bob  # agreed: the latest of the agreeing tags
    assert outcome([alice, bob, carl], None) is None and disputed([alice, bob, carl], None)
    settled = Resolution("a", "s", "social media", "dana", "2026-01-04T00:00:00Z", anchor)
    shown = outcome([alice, carl], settled)  # a category nobody tagged: the decision itself
    assert (shown.category, shown.reviewer, shown.updated) == ("social media", "dana", "2026-01-04T00:00:00Z")
    assert outcome([], None) is None and not disputed([], None) and not disputed([alice, bob], None)


def test_every_reviewers_tag_and_the_resolution_follow_an_edited_text(store, db, tmp_path):
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    store.register(a, statements)
    bob = TagStore(db, "bob")
    for s in statements[:2]:
        store.set_tag(a.id, s, "official")
        bob.set_tag(a.id, s, "eyewitness")
    store.resolve(a.id, statements[0], "eyewitness")
    edited = article(text_with([QUOTES[1], "A claim that was not there before", QUOTES[0]],
                               lead="Corrected on Tuesday."), tmp_path / "storm.txt")
    new = statements_in(edited.text)
    _, reanchored = store.register(edited, new)
    assert reanchored.orphaned == ()
    state = store.article_state(edited.id)
    by_words = {s.text: s.id for s in new}
    for quote in QUOTES[:2]:
        assert {n: t.category for n, t in state.reviews[by_words[quote]].items()} == {
            "tester": "official", "bob": "eyewitness"}
    [(sid, resolution)] = state.resolutions.items()
    assert sid == by_words[QUOTES[0]] and resolution.anchor.exact == QUOTES[0]
    assert edited.text[resolution.anchor.start:resolution.anchor.end] == QUOTES[0]


def test_two_reviewers_tagging_one_statement_at_the_same_moment_keep_both_tags(store, db, registered):
    """Alice and Bob press a key on the same statement at once, from two machines: both tags
    are kept, each under its reviewer (a real race: both writes start together, many times)."""
    import threading

    a, statements = registered
    stores = {name: TagStore(db, name) for name in ("alice", "bob")}
    for round_, s in enumerate(statements * 3):
        start = threading.Barrier(2)

        def tag(name: str, category: str) -> None:
            start.wait()
            stores[name].set_tag(a.id, s, category, note=f"{name} {round_}")

        threads = [threading.Thread(target=tag, args=("alice", "official")),
                   threading.Thread(target=tag, args=("bob", "eyewitness"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        by = store.article_state(a.id).reviews[s.id]
        assert {n: (t.category, t.note) for n, t in by.items()} == {
            "alice": ("official", f"alice {round_}"), "bob": ("eyewitness", f"bob {round_}")}
