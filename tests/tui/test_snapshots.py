"""What the review screen looks like, at the sizes the issue names, in both themes.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the report before committing the new SVGs."""
from __future__ import annotations

import pytest

from tests.tui.conftest import ready


async def _tag_first_and_select_second(pilot) -> None:
    await ready(pilot)
    await pilot.press("1", "k", "g", "b", "2", "enter", "j")  # #1 tagged with grades, #2 untagged (suggestion)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_main_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_tag_first_and_select_second)


def test_main_screen_light_theme(snap_compare, make_app):
    app = make_app()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24), run_before=_tag_first_and_select_second)


async def _all_tagged(pilot) -> None:
    await ready(pilot)
    await pilot.press("enter", "enter", "enter", "enter")  # one key per statement: the article is done
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_finished_article(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_all_tagged)


def _queue_app(tmp_path, config, store):
    """Three articles in a folder (fixed statements, not the engine's), one reviewed."""
    from reader.review import ReviewSession
    from reader.review.queue import Queue, sources_from
    from reader.tui.app import ReaderApp
    from tests.review import sample

    texts = {"01-bridge.txt": sample.TEXT, "02-mayor.txt": sample.SAME_SOURCE_TEXT,
             "03-empty.txt": "A quiet day\n\nNothing was said.\n"}
    found = {sample.TEXT: sample.statements(), sample.SAME_SOURCE_TEXT: sample.same_source_statements()}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    queue = Queue(sources_from([str(tmp_path)]), config, store, extractor=lambda text, c: found.get(text, []))
    done = queue.load(1)
    session = ReviewSession.open(done.article, config, store, done.statements)
    for s in session.statements:
        session.accept(s.id)
    session.flush()
    queue.left(1, session.progress(), None)  # last opened left out: it is today's date
    return ReaderApp(None, config, store, queue=queue)


async def _queue_read(pilot) -> None:
    from tests.tui.test_queue import loaded

    await loaded(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_queue(snap_compare, tmp_path, config, store, size):
    assert snap_compare(_queue_app(tmp_path, config, store), terminal_size=size, run_before=_queue_read)


async def _desk_disagreements(pilot) -> None:
    await ready(pilot)
    # tester agrees with bob on #1 and differs on #2 (marked ≠); then the filter's choice of
    # the disagreements (offered at a desk): #2 alone, bob's tag on the detail line
    await pilot.press("home", "1", "home", "down", "1", "f", "r")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_desk_disagreements_filtered(snap_compare, make_app, store):
    from tests.tui.test_desk import _bob_tags

    _bob_tags(store)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_desk_disagreements)


async def _orphaned_resolution_offered(pilot) -> None:
    await ready(pilot)
    # the disagreements, with a resolution kept on a statement no longer in the text: X in the
    # key bar, and the dialog it opens (the opening's notice cleared: it times out)
    await pilot.press("home", "1", "home", "down", "1", "f", "r", "X")
    await pilot.app.workers.wait_for_complete()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_desk_taking_back_an_orphaned_resolution(snap_compare, make_app, store):
    from reader.store import Anchor, Resolution
    from tests.review import sample
    from tests.tui.test_desk import _bob_tags

    _bob_tags(store)
    aid = sample.article().id
    store.set_resolution(aid, "s0ldgone01", Resolution(aid, "s0ldgone01", "eyewitness", "carol",
                                                       "2026-01-03T08:00:00Z",
                                                       Anchor("The old bridge never swayed", "", "", 3, 30)))
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_orphaned_resolution_offered)


async def _help_end(pilot) -> None:
    await ready(pilot)
    await pilot.press("question_mark", "end")
    await pilot.pause()


def test_help_s_end_the_filter_s_keys_and_the_list_s_marks(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 40), run_before=_help_end)
