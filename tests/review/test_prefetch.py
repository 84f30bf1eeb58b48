"""The review session opened by a second process (reader.review.prefetch): the same session as
opened in this one, the store's own errors, nothing written without the go-ahead, and this
process doing the work itself when the child dies."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.attribution import extract
from reader.cli.context import Context
from reader.errors import ReaderError
from reader.review import ReviewSession, StoreHandle, prefetch
from reader.store import TagStore
from tests.review import sample


@pytest.fixture(autouse=True)
def free_core(monkeypatch):
    """The mechanism is under test here, not the load heuristic (tested below)."""
    monkeypatch.setattr(prefetch, "_spare_core", lambda: True)


def summary(session: ReviewSession) -> dict:
    return {"ids": [s.id for s in session.statements],
            "tags": {sid: t.category for sid, t in session.state.tags.items()},
            "record": session.record.id if session.record else None, "reviewer": session.reviewer,
            "reanchored": session.reanchored, "orphans": session.orphans}


def opened_here(db: Path, config) -> ReviewSession:
    article = sample.article()
    return ReviewSession.open(article, config, TagStore(db, "tester"), extract(article.text, config))


def start(db: Path) -> tuple[prefetch.SessionChild, Context]:
    ctx = Context(db_option=str(db))
    child = prefetch.SessionChild.start(ctx, sample.article())
    assert child is not None
    return child, ctx


def test_the_child_opens_the_same_session_as_this_process_would(tmp_path, config, monkeypatch):
    monkeypatch.setenv("LOGNAME", "tester")  # the reviewer's name, as `reader` finds it
    db = tmp_path / "db"
    earlier = opened_here(db, config)
    earlier.set_category(earlier.statements[0].id, "official")
    earlier.flush()
    expected = summary(opened_here(db, config))

    child, ctx = start(db)
    reviewer = child.store_opened()
    child.go()
    handle = StoreHandle(lambda: ctx.store, reviewer)
    session = child.open_session(sample.article(), config, handle)
    assert summary(session) == expected
    assert list(summary(session)["tags"].values()) == ["official"]
    child.discard(wait=True)
    assert session.store is handle and child.process.returncode == 0
    session.set_category(session.statements[1].id, "eyewitness")  # saves go through this process's store
    assert session.flush().unsaved == 0
    assert len(TagStore(db, "tester").tags(sample.article().id)) == 2


def test_an_unusable_database_is_the_stores_own_sentence(tmp_path):
    (tmp_path / "db").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ReaderError) as here:
        TagStore(tmp_path / "db" / "inner", "tester")
    child, _ = start(tmp_path / "db" / "inner")
    with pytest.raises(ReaderError) as there:
        child.store_opened()
    assert str(there.value) == str(here.value) and "is a file" in str(there.value)
    assert child.process.returncode is not None  # and the child is gone


def test_without_the_go_ahead_the_child_writes_nothing(tmp_path):
    db = tmp_path / "db"
    child, _ = start(db)
    child.store_opened()
    child.discard(wait=True)  # e.g. the keymap was wrong, or no terminal; the child ends on its own
    assert child.process.returncode == 0
    assert not db.exists() or [p for p in db.rglob("*") if p.is_file()] == []


def test_when_the_child_dies_this_process_opens_the_session_itself(tmp_path, config, monkeypatch):
    monkeypatch.setenv("LOGNAME", "tester")
    db = tmp_path / "db"
    child, ctx = start(db)
    reviewer = child.store_opened()
    child.process.kill()
    child.process.wait()
    child.go()
    session = child.open_session(sample.article(), config, StoreHandle(lambda: ctx.store, reviewer))
    assert summary(session) == summary(opened_here(db, config)) and session.statements


def test_a_problem_the_child_meets_is_the_sentence_the_screen_shows(tmp_path, config, monkeypatch):
    db = tmp_path / "db"
    (db / "articles").mkdir(parents=True)
    damaged = db / "articles" / f"{sample.article().id}.json"
    damaged.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReaderError) as here:
        opened_here(db, config)
    child, ctx = start(db)
    reviewer = child.store_opened()
    child.go()
    with pytest.raises(ReaderError) as there:
        child.open_session(sample.article(), config, StoreHandle(lambda: ctx.store, reviewer))
    assert str(there.value) == str(here.value)
    assert damaged.read_text(encoding="utf-8") == "{not json"  # left as it was


@pytest.mark.parametrize(("cores", "load", "running", "expected"), [
    (2, 0.3, 0, True), (2, 1.2, 0, True), (2, 1.8, 0, False),  # the last minute's average
    (2, 0.3, 1, False),  # a job that started a moment ago, not yet in the average
    (1, 0.0, 0, False), (8, 6.0, 5, True), (8, 6.0, 7, False), (8, 7.9, 0, False),
    (2, 0.3, None, True),  # no /proc: the average alone
])
def test_a_child_is_started_only_when_a_core_is_free(monkeypatch, cores, load, running, expected):
    monkeypatch.undo()  # the real heuristic
    monkeypatch.setattr(prefetch.os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    monkeypatch.setattr(prefetch.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(prefetch, "_running_now", lambda: running)
    assert prefetch._spare_core() is expected
    assert prefetch.SessionChild.possible() is expected


def test_tasks_running_now_are_read_from_the_systems_load_line(monkeypatch):
    import io

    monkeypatch.setattr(prefetch, "open", lambda *a, **k: io.StringIO("0.50 0.40 0.30 3/123 4567\n"),
                        raising=False)
    assert prefetch._running_now() == 2  # three running, this process among them
    monkeypatch.setattr(prefetch, "open", lambda *a, **k: io.StringIO("garbled"), raising=False)
    assert prefetch._running_now() is None


def test_no_core_free_no_child(monkeypatch):
    monkeypatch.setattr(prefetch, "_spare_core", lambda: False)
    assert prefetch.SessionChild.start(Context(), sample.article()) is None
