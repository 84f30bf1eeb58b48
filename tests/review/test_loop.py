"""The review loop without any UI: where the selection goes after a tag, accepting never
replaces a tag, accepting every sure suggestion at once, correcting a speaker (the suggestion
follows, and every statement of the same source can follow too), added statements, numbers
and the count."""
from __future__ import annotations

from dataclasses import replace

import pytest

from reader.attribution import Statement, statement_id
from reader.review import Filter, Refused, ReviewSession
from reader.store import TagStore, Tally
from tests.review import sample

IDS = [s.id for s in sample.statements()]
AID = sample.article().id


def _span(words: str, text: str = sample.TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


# --- where the selection goes ------------------------------------------------------------

def test_after_a_tag_the_next_untagged_statement_wrapping_to_the_top(session):
    session.set_category(IDS[1], "eyewitness")
    assert session.after_tagging(IDS[1], "next-untagged") == IDS[2]
    session.set_category(IDS[2], "social media")
    session.toggle_dismissed(IDS[3])
    assert session.after_tagging(IDS[2], "next-untagged") == IDS[0]  # #4 is dismissed: wraps to #1
    session.set_category(IDS[0], "official")
    assert session.after_tagging(IDS[0], "next-untagged") == IDS[0]  # nothing left: stays
    assert session.progress().done


def test_after_a_tag_next_or_stay_as_configured(session):
    session.set_category(IDS[0], "official")
    session.set_category(IDS[1], "eyewitness")
    assert session.after_tagging(IDS[0], "next") == IDS[1]
    assert session.after_tagging(IDS[0], "stay") == IDS[0]
    assert session.after_tagging(IDS[3], "next") == IDS[3]  # the last one stays


def test_a_statement_the_filter_now_hides_gives_way_to_the_next_shown(session):
    session.set_filter(Filter("untagged"))
    session.set_category(IDS[0], "official")
    assert session.after_tagging(IDS[0], "stay") == IDS[1]


# --- accepting -------------------------------------------------------------------------------

def test_accept_never_replaces_a_tag_set_by_hand(session, store):
    session.set_category(IDS[0], "intelligence")
    with pytest.raises(Refused, match="Already tagged intelligence"):
        session.accept(IDS[0])
    session.flush()
    assert store.tags(AID)[IDS[0]].category == "intelligence"


def _with_confidence(levels: list[str | None]) -> list[Statement]:
    return [replace(s, confidence=c) for s, c in zip(sample.statements(), levels)]


def test_accept_all_takes_only_sure_untagged_suggestions_and_undoes_as_one(store, config):
    session = ReviewSession.open(sample.article(), config, store, _with_confidence(["high", "high", "low", "high"]))
    session.set_category(IDS[0], "intelligence")  # set by hand: stays
    session.toggle_dismissed(IDS[3])  # dismissed: left alone
    change = session.accept_all()
    assert change.label == "accept 1 sure suggestion"
    assert {sid: t.category for sid, t in session.state.tags.items()} == {IDS[0]: "intelligence", IDS[1]: "eyewitness"}
    session.flush()
    assert set(store.tags(AID)) == {IDS[0], IDS[1]}
    session.undo()
    session.flush()
    assert set(store.tags(AID)) == {IDS[0]}
    session.redo()
    session.flush()
    assert store.tags(AID)[IDS[1]].category == "eyewitness"
    with pytest.raises(Refused, match="high-confidence"):
        session.accept_all()


# --- speakers ------------------------------------------------------------------------------

def test_a_corrected_speaker_brings_its_own_suggestion(session, store, config):
    session.set_speaker(IDS[1], "Colonel Tomas Reyes")
    corrected = session.statement(IDS[1])
    assert corrected.suggested_source == "official" and "colonel" in corrected.reason
    assert corrected.reason.startswith("corrected speaker")
    session.flush()
    again = ReviewSession.open(sample.article(), config, store, sample.statements())
    assert again.statement(IDS[1]) == corrected  # derived the same way when reopened
    session.set_speaker(IDS[1], None)
    assert session.statement(IDS[1]) == sample.statements()[1]  # the engine's again


def test_a_speaker_correction_applies_to_every_statement_of_the_same_source_as_one_step(store, config):
    statements = sample.same_source_statements()
    session = ReviewSession.open(sample.same_source_article(), config, store, statements)
    first, second, third = (s.id for s in statements)
    assert session.same_source(first) == [second]
    session.set_speaker(first, "Mayor Ana Lind", same_source=True)
    assert [session.statement(x).speaker for x in (first, second, third)] == ["Mayor Ana Lind", "Mayor Ana Lind",
                                                                             "Ola Berg"]
    assert session.statement(second).suggested_source == "official"
    session.flush()
    assert store.edits(sample.same_source_article().id).speakers == {first: "Mayor Ana Lind", second: "Mayor Ana Lind"}
    session.undo()
    session.flush()
    assert store.edits(sample.same_source_article().id).speakers == {}


# --- adding, numbers, counts ------------------------------------------------------------------

def test_an_added_statement_takes_the_nearest_speaker_and_its_suggestion(session):
    near = session.nearest(*_span("Traffic will return to normal by the weekend"))
    assert near.id == IDS[3]
    change = session.add_statement(*_span("Traffic will return to normal by the weekend"), near.speaker)
    added = session.statement(change.statement_id)
    assert added.suggested_source == "intelligence" and "as #4" in added.reason and added.cue == "said"
    other = session.add_statement(*_span("Residents were less sure"), "the port authority")
    assert session.statement(other.statement_id).suggested_source == "official"  # its own words: 'authority'


def test_numbers_never_change_when_a_statement_is_added(session, store, config):
    before = {sid: session.number(sid) for sid in IDS}
    late = session.add_statement(*_span("Traffic will return to normal by the weekend"), None)
    early = session.add_statement(*_span("Residents were less sure"), None)
    assert {sid: session.number(sid) for sid in IDS} == before
    assert (session.number(late.statement_id), session.number(early.statement_id)) == (5, 6)
    assert [s.id for s in session.statements].index(early.statement_id) == 1  # listed in reading order
    session.flush()
    again = ReviewSession.open(sample.article(), config, store, sample.statements())
    assert (again.number(late.statement_id), again.number(early.statement_id)) == (5, 6)


def test_the_count_leaves_out_dismissed_statements_and_counts_added_ones(session):
    session.set_category(IDS[0], "official")
    session.toggle_dismissed(IDS[0])  # its tag is kept but not counted
    session.add_statement(*_span("Residents were less sure"), None)
    assert session.progress() == Tally(0, 4)
    assert str(session.progress()) == "0/4"


# --- a statement's words and kind -----------------------------------------------------------

def test_moving_the_edges_by_words_keeps_id_and_number_and_undoes(session, store, config):
    first = session.statement(IDS[0])
    session.move_edge(IDS[0], "end", -1)  # "…every cable has been tested" -> "…has been"
    session.move_edge(IDS[0], "start", 1)
    moved = session.statement(IDS[0])
    assert moved.text == "bridge is safe and every cable has been" and session.number(IDS[0]) == 1
    assert sample.TEXT[moved.start:moved.end] == moved.text and session.revised(IDS[0])
    session.move_edge(IDS[0], "start", -1)  # the opening quotation mark is left out
    assert session.statement(IDS[0]).text.startswith("The bridge")
    session.move_edge(IDS[0], "start", -1)  # then the word before it, across the line break
    assert session.statement(IDS[0]).text.startswith('repairs.\n"The bridge')
    session.flush()
    again = ReviewSession.open(sample.article(), config, store, sample.statements())
    assert again.statement(IDS[0]) == session.statement(IDS[0])
    for _ in range(4):
        session.undo()
    assert session.statement(IDS[0]) == first and not session.revised(IDS[0])
    session.flush()
    assert store.edits(AID).revised == {}


def test_a_statement_keeps_at_least_one_word_and_its_kind_can_change(session):
    start, end = _span("We heard")
    session.set_bounds(IDS[1], start, end)
    with pytest.raises(Refused, match="at least one word"):
        session.move_edge(IDS[1], "end", -1)
        session.move_edge(IDS[1], "end", -1)
    session.set_kind(IDS[3], "mixed")
    assert session.statement(IDS[3]).kind == "mixed"
    with pytest.raises(Refused, match="Already mixed"):
        session.set_kind(IDS[3], "mixed")
    session.set_kind(IDS[3], "indirect")  # the engine's kind again: no revision left
    assert not session.revised(IDS[3])
