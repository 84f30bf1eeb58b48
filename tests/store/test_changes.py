"""How a reviewer's change meets the tag as it now is: field by field (`merged`), under the lock
(`TagStore.merge_tag`)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from reader.store import Anchor, Tag, TagStore, merged

A = Anchor("words", "", "", 0, 5)
T0 = Tag("a1", "s1", "official", A, reviewer="screen", created="2026-01-01T10:00:00Z", updated="2026-01-01T10:00:00Z")
NOTE = replace(T0, note="called the office", reliability="B", credibility="2", reviewer="cli",
               updated="2026-01-01T10:05:00Z")  # what another writer made of T0 meanwhile
MINE = replace(T0, category="intelligence", updated="2026-01-01T10:07:00Z")  # the screen's change of T0

# (current, base, mine) -> the result
CASES = [
    ((None, None, MINE), MINE),  # new tag
    ((T0, T0, MINE), MINE),  # nobody else changed it: mine, exactly
    ((NOTE, T0, MINE), replace(NOTE, category="intelligence", reviewer="screen", updated=MINE.updated)),
    ((NOTE, T0, None), None),  # cleared
    ((None, T0, MINE), MINE),  # someone cleared it meanwhile: the later change brings it back
    ((NOTE, None, replace(MINE, note=None)), replace(NOTE, category="intelligence", reviewer="screen",
                                                      updated=MINE.updated)),  # new here, there already
    ((MINE, MINE, T0), T0),  # undo with nobody else: exactly what was there, timestamps included
    ((replace(MINE, note="x"), MINE, T0), replace(MINE, note="x", category="official")),  # undo keeps others' note
]


@pytest.mark.parametrize("given, expected", CASES)
def test_a_change_is_applied_field_by_field(given, expected):
    assert merged(*given) == expected


def test_merge_tag_reads_the_stored_tag_under_the_lock(store, registered):
    a, statements = registered
    s = statements[0]
    base = store.set_tag(a.id, s, "official")
    TagStore(store.root, "tester").set_tag(a.id, s, "official", note="called the office", reliability="B")  # another window
    mine = replace(base, category="eyewitness", updated="2099-01-01T00:00:00Z")
    result = store.merge_tag(a.id, s.id, base, mine)
    assert result == store.tags(a.id)[s.id]
    assert (result.category, result.note, result.reliability) == ("eyewitness", "called the office", "B")
    assert store.merge_tag(a.id, s.id, result, None) is None and store.tags(a.id) == {}
