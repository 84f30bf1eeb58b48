"""Start-up as the reviewer meets it: the article is drawn at once and its statements and
tags come from a worker; while they are found, or while the tag database is locked by another
writer, the list says what it waits for, keys change nothing and say so, and q quits at once;
the key bar shows the keys that act now."""
from __future__ import annotations

import threading

import pytest

from reader.review import ReviewSession
from reader.store import TagStore
from reader.tui.app import ReaderApp
from reader.tui.dialogs.help import HelpDialog
from reader.tui.keybar import KeyBar
from tests.review import sample
from tests.tui.conftest import IDS, Notices, press, ready, screen_text, until

# The sample followed by filler: a long article (about 200 KB).
LONG = sample.TEXT + "\nMore of the same, line after line.\n" * 6000


def tags_on_disk(store: TagStore, article_id: str) -> dict[str, str]:
    return {sid: tag.category for sid, tag in store.tags(article_id).items()}


def side_pane(app: ReaderApp) -> str:
    """The text right of the article, its lines joined (the list's message wraps)."""
    return " ".join(line.split("▕", 1)[1].strip() for line in screen_text(app).splitlines() if "▕" in line)


def gated_app(config, store) -> tuple[ReaderApp, threading.Event]:
    """An app on the long article whose engine answers only once the returned event is set."""
    gate = threading.Event()

    def engine(text, config):
        assert gate.wait(30), "the test never opened the gate"
        return sample.statements(text)

    return ReaderApp(sample.article(LONG), config, store, extractor=engine), gate


class LockHolder:
    """Another writer holding the tag database (the file lock, or on a server the index's
    lock in an open transaction) until `release`."""

    def __init__(self, location) -> None:
        self._held, self._release = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._hold, args=(location,))

    def _hold(self, location) -> None:
        other = TagStore(location, "another window")
        with other.backend.writing() as w:
            w.index()
            self._held.set()
            self._release.wait(60)
        other.close()

    def __enter__(self) -> LockHolder:
        self._thread.start()
        assert self._held.wait(10)
        return self

    def release(self) -> None:
        self._release.set()

    def __exit__(self, *exc: object) -> None:
        self.release()
        self._thread.join()


@pytest.fixture(params=["files", "postgresql"])
def any_store(request, store):
    """The test's tag store: a folder, or a database on the test server."""
    if request.param == "files":
        yield store
        return
    found = TagStore(request.getfixturevalue("server_db"), "tester")
    yield found
    found.close()


async def test_a_locked_tag_database_shows_what_it_waits_for_and_keys_change_nothing(make_app, any_store, config):
    earlier = ReviewSession.open(sample.article(), config, any_store, sample.statements())
    earlier.set_category(IDS[1], "eyewitness")
    earlier.flush()
    app = make_app(store=any_store)
    notices = Notices()
    # a folder's lock file tells that another process holds it; a server's locks are its own
    why = ("may be writing, or the server is slow" if any_store.lock_held_elsewhere() is None else
           "another window or command is writing to it")
    with LockHolder(any_store.root) as holder:
        async with app.run_test(size=(120, 30), message_hook=notices.hook) as pilot:
            await until(pilot, lambda: "Waiting for the tag database" in screen_text(app), "the waiting line")
            assert why in side_pane(app), screen_text(app)
            assert "Harbour bridge reopens" in screen_text(app)  # the article is readable meanwhile
            await pilot.press("1", "j", "enter", "A", "x", "u")
            await pilot.pause()
            assert notices.said("Still waiting for the tag database", "warning") and app.screen.session is None
            holder.release()
            await ready(pilot)
            assert "1/4 tagged" in screen_text(app) and app.screen.selected_id == IDS[0]
            assert tags_on_disk(any_store, sample.article().id) == {IDS[1]: "eyewitness"}  # nothing acted late
            await press(pilot, "1")
            assert tags_on_disk(any_store, sample.article().id) == {IDS[0]: "official", IDS[1]: "eyewitness"}


class SlowDisk(TagStore):
    """A tag database on a disk that answers only once `answer` is set (no lock held)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.answer = threading.Event()

    def register(self, *args, **kwargs):
        assert self.answer.wait(30), "the test never let the disk answer"
        return super().register(*args, **kwargs)


async def test_a_slow_tag_database_nobody_holds_is_told_from_a_locked_one(make_app, store):
    slow = SlowDisk(store.root, "tester")
    app = make_app(store=slow)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: "Waiting for the tag database" in screen_text(app), "the waiting line")
            assert "no other writer holds it, it is slow to answer" in side_pane(app), screen_text(app)
            slow.answer.set()
            await ready(pilot)
            assert "0/4 tagged" in screen_text(app)
    finally:
        slow.answer.set()


async def test_quit_while_the_tag_database_is_locked_quits_without_waiting_for_it(make_app, store):
    app = make_app()
    with LockHolder(store.root):
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: "Waiting for the tag database" in screen_text(app), "the waiting line")
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running
        # the opening still waits for the lock, on a thread nobody waits for
        assert any(t.name == "reader-open-session" and t.is_alive() for t in threading.enumerate())


async def test_a_long_article_is_drawn_first_and_keys_wait_for_its_statements(config, store):
    app, gate = gated_app(config, store)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await until(pilot, lambda: "Finding the statements" in screen_text(app), "the waiting line")
        assert "Harbour bridge reopens" in screen_text(app) and "waiting…" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert notices.said("Still finding the statements: nothing was changed", "warning")
        gate.set()
        await ready(pilot)
        await press(pilot, "1")
        assert tags_on_disk(store, sample.article(LONG).id) == {IDS[0]: "official"}
        assert "1/4 tagged" in screen_text(app)


async def test_quit_while_a_long_article_is_being_read_quits(config, store):
    app, gate = gated_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        gate.set()  # the worker may finish; nothing waits for it
    assert app.return_code == 0 and not app.is_running


async def test_the_key_bar_shows_the_keys_that_act_now(make_app, config):
    from dataclasses import replace

    app = make_app(config=replace(config, keys={"accept": "y", "help": "f1"}))
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        bar = app.screen.query_one(KeyBar)
        shown = {hint.description: hint.display for hint in bar.hints()}
        assert shown["accept"] == "y" and shown["help"] == "f1" and shown["quit"] == "q"
        assert "y accept" in screen_text(app).splitlines()[-1]
        await press(pilot, "a")  # mark mode: the article's own keys come first
        shown = [hint.description for hint in bar.hints()]
        assert shown[:3] == ["start here", "add", "cancel"]
        assert "start here" in screen_text(app).splitlines()[-1]
        await press(pilot, "escape")
        assert "start here" not in [hint.description for hint in bar.hints()]


async def test_clicking_a_key_in_the_key_bar_presses_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        bar = app.screen.query_one(KeyBar)
        x = next(x for x in range(bar.size.width) if (hint := bar.hint_at(x)) and hint.description == "help")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run `reader ARGS` on a pseudo-terminal until it is ready (READER_BENCH_READY); its
    exit status and everything it drew, as text with the escape codes taken out."""
    import fcntl
    import os
    import pty
    import re
    import struct
    import subprocess
    import sys
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=env)
    os.close(slave)
    out = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    code = proc.wait(timeout=60)
    return code, re.sub(r"\x1b\[[0-9;?<>]*[a-zA-Z]|\x1b[()][0-9A-Za-z]|\x1b[=>]", "", out.decode("utf-8", "replace"))



def test_reader_opens_with_the_saved_tags_on_a_real_terminal(tmp_path, config):
    import os

    from reader.attribution import extract
    from reader.cli.context import Context
    from tests.conftest import SAMPLE

    db = tmp_path / "db"
    article = Context().article(str(SAMPLE))
    earlier = ReviewSession.open(article, config, TagStore(db, "tester"), extract(article.text, config))
    earlier.set_category(earlier.statements[0].id, "official")
    earlier.flush()
    ready = tmp_path / "ready"
    env = {**os.environ, "READER_BENCH_READY": str(ready), "READER_DB": str(db), "TERM": "xterm-256color"}
    code, drawn = _on_a_terminal([str(SAMPLE)], env)
    assert code == 0, drawn[-2000:]
    assert "ready" in ready.read_text(encoding="utf-8")
    assert f"1/{len(earlier.statements)} tagged" in drawn  # the saved tag was on screen when ready
    records = TagStore(db, "tester").article_state(article.id)
    assert {t.category for t in records.tags_of("tester").values()} == {"official"}  # registered, nothing lost
