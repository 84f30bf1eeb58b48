"""The review session without any UI: tagging, undo/redo, edits, filters, failed saves."""
from __future__ import annotations

import pytest

from reader.errors import ReaderError
from reader.review import Filter, Refused, ReviewSession
from reader.store import TagStore
from tests.review import sample

IDS = [s.id for s in sample.statements()]


def reopen(store: TagStore, config) -> ReviewSession:
    return ReviewSession.open(sample.article(), config, store, sample.statements())


def test_tag_is_saved_and_found_again_by_a_new_session(session, store, config):
    session.set_category(IDS[0], "official")
    assert session.tag(IDS[0]).category == "official"
    assert session.flush().unsaved == 0
    again = reopen(store, config)
    assert again.tag(IDS[0]).category == "official"
    assert again.tag(IDS[0]).reviewer == "tester"
    assert again.progress() == (1, 4)


def test_accept_uses_the_suggestion_and_refuses_when_there_is_none(session, config):
    session.accept(IDS[1])
    assert session.tag(IDS[1]).category == "eyewitness"
    added = session.add_statement(*_span("Traffic will return to normal by the weekend"), "someone")
    with pytest.raises(Refused, match="No suggestion"):
        session.accept(added.statement_id)


def test_undo_and_redo_restore_exact_records_in_the_store(session, store, config):
    session.set_category(IDS[0], "official")
    session.flush()
    first = store.tags(sample.article().id)[IDS[0]]
    session.set_category(IDS[0], "intelligence")
    session.undo()
    session.flush()
    assert store.tags(sample.article().id)[IDS[0]] == first
    session.undo()
    session.flush()
    assert IDS[0] not in store.tags(sample.article().id)
    assert session.tag(IDS[0]) is None and not session.can_undo
    session.redo()
    session.flush()
    assert store.tags(sample.article().id)[IDS[0]] == first
    session.redo()
    session.flush()
    assert store.tags(sample.article().id)[IDS[0]].category == "intelligence"
    assert not session.can_redo


def test_a_new_change_clears_the_redo_history(session):
    session.set_category(IDS[0], "official")
    session.undo()
    session.set_category(IDS[1], "eyewitness")
    assert not session.can_redo


def test_clear_note_and_grades(session, store):
    with pytest.raises(Refused, match="Tag this statement first"):
        session.set_note(IDS[2], "seen elsewhere")
    session.set_category(IDS[2], "social media")
    session.set_note(IDS[2], "  posted twice  ")
    session.set_grades(IDS[2], "C", "3")
    with pytest.raises(Refused, match="A–F"):
        session.set_grades(IDS[2], "Z", "3")
    session.flush()
    tag = store.tags(sample.article().id)[IDS[2]]
    assert (tag.note, tag.reliability, tag.credibility) == ("posted twice", "C", "3")
    session.clear(IDS[2])
    session.flush()
    assert IDS[2] not in store.tags(sample.article().id)
    session.undo()  # the tag comes back with its note and grades
    session.flush()
    assert store.tags(sample.article().id)[IDS[2]] == tag


def test_add_statement_trims_quotes_finds_the_speaker_and_undoes(session, store):
    text = sample.TEXT
    start = text.index("Traffic will") - 1  # a space and the words, as a mouse drag would mark
    end = text.index(", the port authority expects")
    change = session.add_statement(start, end, "the port authority")
    added = session.statement(change.statement_id)
    assert added.text == "Traffic will return to normal by the weekend"
    assert text[added.start:added.end] == added.text
    assert session.speaker_span(added) == (text.index("the port authority"),
                                           text.index("the port authority") + len("the port authority"))
    assert session.number(added.id) == 5 and session.added(added.id)
    session.flush()
    assert [s.id for s in store.edits(sample.article().id).added] == [added.id]
    with pytest.raises(Refused, match="already statement #5"):
        session.add_statement(added.start, added.end, None)
    session.undo()
    session.flush()
    assert store.edits(sample.article().id).added == ()
    assert len(session.statements) == 4


def test_speaker_correction_and_dismissal_persist_and_undo(session, store, config):
    session.set_speaker(IDS[3], "Regional intelligence office spokesperson")
    session.toggle_dismissed(IDS[2])
    session.flush()
    again = reopen(store, config)
    assert again.statement(IDS[3]).speaker == "Regional intelligence office spokesperson"
    assert again.dismissed(IDS[2]) and again.progress() == (0, 3)
    assert again.statement(IDS[2]) is not None  # kept, not deleted
    session.undo()
    session.undo()
    session.flush()
    again = reopen(store, config)
    assert again.statement(IDS[3]).speaker == "The regional intelligence office"
    assert not again.dismissed(IDS[2])


def test_filters_keep_numbers_stable(session):
    session.set_category(IDS[0], "official")
    session.toggle_dismissed(IDS[3])
    session.set_filter(Filter("untagged"))
    assert [s.id for s in session.visible()] == IDS[1:3]
    assert [session.number(s.id) for s in session.visible()] == [2, 3]
    session.set_filter(Filter("category", "official"))
    assert [s.id for s in session.visible()] == [IDS[0]]
    session.set_category(IDS[1], "eyewitness")
    session.set_note(IDS[1], "called her back")
    session.set_filter(Filter("note"))
    assert [s.id for s in session.visible()] == [IDS[1]]
    session.set_filter(Filter("dismissed"))
    assert [s.id for s in session.visible()] == [IDS[3]]
    session.set_filter(Filter("speaker", "TOMAS REYES"))
    assert [s.id for s in session.visible()] == [IDS[1]]
    assert session.filter.label == "speaker TOMAS REYES"


class FlakyStore(TagStore):
    """A real store whose tag writes fail while `broken` is set, as a full disk would."""

    broken = False

    def merge_tag(self, *args, **kwargs):  # the review session's one way to save a tag
        if self.broken:
            raise ReaderError(f"{self.root}: no space left on device.")
        return super().merge_tag(*args, **kwargs)


def test_a_failed_save_keeps_the_change_queued_and_a_retry_saves_it(tmp_path, config):
    store = FlakyStore(tmp_path / "db", "tester")
    session = ReviewSession.open(sample.article(), config, store, sample.statements())
    store.broken = True
    session.set_category(IDS[0], "official")
    session.set_category(IDS[1], "eyewitness")
    result = session.flush()
    assert result.error is not None and "no space left on device" in result.error
    assert result.unsaved == 2 and session.saver.unsaved_ids() == {IDS[0], IDS[1]}
    assert session.tag(IDS[0]).category == "official"  # still on screen
    assert store.tags(sample.article().id) == {}
    store.broken = False
    assert session.flush().unsaved == 0
    assert set(store.tags(sample.article().id)) == {IDS[0], IDS[1]}


def test_records_follow_the_json_export_shape(session):
    session.set_category(IDS[0], "official")
    session.toggle_dismissed(IDS[3])
    records = session.records()
    assert records[0]["tag"]["category"] == "official" and records[1]["tag"] is None
    assert records[3]["dismissed"] is True and records[0]["added_by_reviewer"] is False


def _span(words: str) -> tuple[int, int]:
    start = sample.TEXT.index(words)
    return start, start + len(words)


def test_a_session_takes_in_other_reviewers_tags_and_resolutions_and_settles_undoably(config, tmp_path):
    from reader.review import ReviewSession
    from reader.store import TagStore
    from tests.review import sample

    article, statements = sample.article(), sample.statements()
    mine, bob = TagStore(tmp_path / "db", "tester"), TagStore(tmp_path / "db", "bob")
    session = ReviewSession.open(article, config, mine, statements)
    sid = statements[0].id
    session.set_category(sid, "official")
    session.flush()
    bob.set_tag(article.id, statements[0], "eyewitness")
    assert session.others(sid) == {} and session.sync(mine.article_state(article.id)) == {sid}
    assert session.others(sid)["bob"].category == "eyewitness" and session.disputed(sid)
    session.settle(sid, "eyewitness")
    session.flush()
    assert not session.disputed(sid) and mine.article_state(article.id).resolutions[sid].by == "tester"
    assert mine.tags(article.id)[sid].category == "official"  # settling never changes a tag
    session.undo()
    session.flush()
    assert session.disputed(sid) and mine.article_state(article.id).resolutions == {}


def test_a_session_knows_the_resolutions_whose_statement_left_the_text(config, tmp_path):
    from dataclasses import replace

    article, statements = sample.article(), sample.statements()
    store = TagStore(tmp_path / "db", "tester")
    store.register(article, statements)
    store.resolve(article.id, statements[0], "official")
    gone = statements[0]
    text = article.text[:gone.start] + "x" * (gone.end - gone.start) + article.text[gone.end:]
    session = ReviewSession.open(replace(article, text=text), config, store, statements[1:])
    [lost] = session.orphaned_resolutions()
    assert (lost.statement_id, lost.category, lost.by) == (gone.id, "official", "tester")
