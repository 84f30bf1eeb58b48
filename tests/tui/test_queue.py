"""The queue screen as a reviewer uses it: the list of articles, Enter to open one, > and <
through the queue, escape back to the list with the counts current, reopening an article
where it was left, q from anywhere."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.review.queue import Queue, sources_from
from reader.store import TagStore
from reader.tui.app import ReaderApp
from reader.tui.queue_screen import QueueScreen
from reader.tui.screen import ReviewScreen
from tests.review.test_queue import story
from tests.tui.conftest import Notices, press, screen_text, until


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    for n in (1, 2, 3):
        story(folder, f"{n:02d}.txt", n)
    return folder


@pytest.fixture
def make_queue_app(config, store):
    def make(folder: Path) -> ReaderApp:
        return ReaderApp(None, config, store, queue=Queue(sources_from([str(folder)]), config, store))

    return make


async def loaded(pilot) -> None:
    """Wait until the queue has read every article (its worker, started once the list is drawn)."""
    queue = pilot.app.queue
    await until(pilot, lambda: queue.loaded == len(queue), "every article read")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_queue_lists_every_article_and_enter_opens_the_first(make_queue_app, desk):
    app = make_queue_app(desk)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, QueueScreen)
        text = screen_text(app)
        for n in (1, 2, 3):
            assert f"Story number {n}" in text
        assert "3 articles · 0 done" in text and "0/2" in text
        await press(pilot, "enter")
        assert isinstance(app.screen, ReviewScreen) and app.screen.article.title == "Story number 1"
        assert "article 1/3 · 0/2 tagged" in screen_text(app)


async def test_next_previous_and_back_with_counts_current_and_the_place_kept(make_queue_app, desk, store):
    app = make_queue_app(desk)
    notices = Notices()
    async with app.run_test(size=(100, 24), message_hook=notices.hook) as pilot:
        await loaded(pilot)
        await press(pilot, "enter", "enter")  # open #1, accept its first suggestion
        left_at = app.screen.selected_id
        await press(pilot, "greater_than_sign")
        assert app.screen.article.title == "Story number 2" and "article 2/3" in screen_text(app)
        await press(pilot, "enter", "enter")  # both statements of #2
        assert notices.said("this article is done") and notices.said("opens the next one")
        await press(pilot, "less_than_sign")
        assert app.screen.article.title == "Story number 1"
        assert app.screen.selected_id == left_at  # reopened where it was left
        await press(pilot, "escape")
        assert isinstance(app.screen, QueueScreen)
        text = screen_text(app)
        assert "1/2" in text and "2/2 ✓" in text and "1 done" in text
        assert app.screen.table.cursor_row == 0  # the article just left
        await press(pilot, "down", "down", "enter", "greater_than_sign")
        assert notices.said("This is the last article of the queue")
        await press(pilot, "q")
    assert not app.is_running
    titles = {r.title: r for r in store.articles()}
    assert set(titles) == {"Story number 1", "Story number 2", "Story number 3"}


async def test_a_new_day_reopens_each_article_where_it_was_left(config, store, desk):
    """The place is the tag database's, not the process's: quit, start again, and the
    articles open where the reviewer left them (the first untouched one at its first untagged)."""
    from reader.store import TagStore

    def queue_app(on: TagStore) -> ReaderApp:
        return ReaderApp(None, config, on, queue=Queue(sources_from([str(desk)]), config, on))

    app = queue_app(store)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        await press(pilot, "enter", "j")  # open #1, go to its second statement
        left_at = app.screen.selected_id
        assert left_at == app.screen.session.statements[1].id
        await press(pilot, "greater_than_sign", "q")
    tomorrow = queue_app(TagStore(store.root, "tester"))
    async with tomorrow.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        await press(pilot, "enter")
        assert tomorrow.screen.selected_id == left_at
        await press(pilot, "greater_than_sign")
        assert tomorrow.screen.selected_id == tomorrow.screen.session.statements[0].id


async def test_an_article_that_cannot_be_read_keeps_its_place_and_says_why(make_queue_app, desk):
    app = make_queue_app(desk)
    (desk / "02.txt").unlink()
    notices = Notices()
    async with app.run_test(size=(100, 24), message_hook=notices.hook) as pilot:
        await loaded(pilot)
        assert "can't read" in screen_text(app)
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, QueueScreen) and notices.said("02.txt", "error")
        await press(pilot, "down", "enter")
        assert app.screen.article.title == "Story number 3"
        await press(pilot, "less_than_sign")  # #2 cannot be read: stays on #3 and says why
        assert app.screen.article.title == "Story number 3"


async def test_q_quits_from_the_review_once_saved(make_queue_app, desk, store):
    app = make_queue_app(desk)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        await press(pilot, "enter", "1", "q")
    assert not app.is_running
    [record] = [r for r in store.articles() if r.title == "Story number 1"]
    assert [t.category for t in store.tags(record.id).values()] == ["official"]


def test_the_command_line_opens_a_queue_or_says_what_is_wrong(cli, desk, tmp_path):
    no_terminal = cli(desk)  # `reader DIR`: the queue, which needs a terminal to draw on
    assert no_terminal.code == 1 and no_terminal.err.startswith("reader: the review screen needs a terminal")
    missing = cli("open", "--list", tmp_path / "missing.txt")
    assert missing.code == 1 and missing.err.startswith(f"reader: {tmp_path / 'missing.txt'}: ")
    assert missing.err.count("\n") == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("open", empty, desk / "01.txt")
    assert result.code == 1 and "no article files in this folder" in result.err
    stdin = cli("open", desk / "01.txt", "-")
    assert stdin.code == 1 and "standard input cannot be part of a queue" in stdin.err


def gated_queue_app(config, store, folder: Path) -> tuple[ReaderApp, threading.Event]:
    """A queue whose second article's statements are found only once the returned event is set
    (a big article: the background reader and an opening both wait for it)."""
    from reader.attribution import extract

    gate = threading.Event()

    def engine(text, config):
        if text.startswith("Story number 2"):
            gate.wait(10)  # set by the test; the old UI thread waited here, so the test fails
        return extract(text, config)

    return ReaderApp(None, config, store, queue=Queue(sources_from([str(folder)]), config, store, extractor=engine)), gate


async def test_an_article_not_read_yet_is_read_off_the_ui_thread_and_keys_wait(config, store, desk):
    app, gate = gated_queue_app(config, store, desk)
    notices = Notices()
    async with app.run_test(size=(100, 24), message_hook=notices.hook) as pilot:
        queue = app.queue
        await until(pilot, lambda: queue.entries[0].loaded, "the first article read")
        await pilot.press("enter")  # (not `press`: the queue's worker is held by the gate)
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None,
                    "the first article open")
        await pilot.press("j")
        first, left_at = app.screen.article.id, app.screen.selected_id
        await pilot.press("greater_than_sign")
        await pilot.pause()
        shown = screen_text(app)
        assert "Reading " in shown and "02.txt" in shown and "article 2/3 · reading…" in shown, shown
        await pilot.press("1", "enter")  # the review screen's keys change nothing yet, and say so
        await pilot.pause()
        assert notices.said("Still reading the article: nothing was changed", "warning")
        await until(pilot, lambda: store.article_state(first).positions == {"tester": left_at},
                    "the place of the article left written")
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None,
                    "the second article open")
        assert app.screen.article.title == "Story number 2" and "article 2/3 · 0/2 tagged" in screen_text(app)
        assert store.tags(app.screen.article.id) == {}
        await press(pilot, "1")
        assert [t.category for t in store.tags(app.screen.article.id).values()] == ["official"]


async def test_from_an_article_being_read_escape_and_q_act_at_once(config, store, desk):
    app, gate = gated_queue_app(config, store, desk)
    try:
        async with app.run_test(size=(100, 24)) as pilot:
            await until(pilot, lambda: app.queue.entries[0].loaded, "the first article read")
            await pilot.press("down", "enter")  # the second article, still being read
            await pilot.pause()
            assert "article 2/3 · reading…" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, QueueScreen) and app.screen.table.cursor_row == 1
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
        assert not app.is_running  # while the article is still being read
    finally:
        gate.set()


async def test_the_place_of_the_article_left_is_kept_when_q_follows_at_once(make_queue_app, desk, store):
    """`>` then `q` handled before the next article has opened (keys typed ahead): where the
    reviewer left the first article is written all the same, and the quit does not wait long."""
    app = make_queue_app(desk)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        await press(pilot, "enter", "j")
        left_at, first = app.screen.selected_id, app.screen.article.id
        app.screen.action_next_article()
        app.review.action_quit()  # the next article's screen, before it has opened
        await pilot.pause()
        await until(pilot, lambda: not app.is_running, "the app quit")
    assert store.article_state(first).positions == {"tester": left_at}


class GatedPlaces(TagStore):
    """A tag database whose writes of where the reviewer left an article wait for `gate`; the
    writes and the app's exit go into `events`, in order."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.gate, self.events = threading.Event(), []

    def set_position(self, article_id: str, statement_id: str) -> None:
        self.gate.wait(30)
        super().set_position(article_id, statement_id)
        self.events.append("place written")


async def test_q_on_the_list_right_after_leaving_an_article_waits_for_its_place(config, store, desk):
    gated = GatedPlaces(store.root, "tester")
    app = ReaderApp(None, config, gated, queue=Queue(sources_from([str(desk)]), config, gated))
    exit_ = app.exit
    app.exit = lambda *args, **kwargs: (gated.events.append("exit"), exit_(*args, **kwargs))[-1]
    try:
        async with app.run_test(size=(100, 24)) as pilot:
            await loaded(pilot)
            await press(pilot, "enter", "j")
            left_at, first = app.screen.selected_id, app.screen.article.id
            app.screen.action_back_to_queue()
            assert isinstance(app.screen, QueueScreen)
            app.screen.action_quit()  # q on the list while the place is being written
            gated.gate.set()
            await until(pilot, lambda: not app.is_running, "the app quit")
    finally:
        gated.gate.set()
    assert gated.events == ["place written", "exit"]
    assert store.article_state(first).positions == {"tester": left_at}
