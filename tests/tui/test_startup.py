"""What start-up changed for the reviewer: keys pressed while the session is still opening are
held and then act in order, the key bar shows the keys that act now, and a session opened
elsewhere (the command line's child process) saves through a store opened on first use."""
from __future__ import annotations

import asyncio
import threading
from functools import partial

import pytest

from reader.review import ReviewSession, StoreHandle
from reader.store import TagStore
from reader.tui.app import ReaderApp
from reader.tui.dialogs.help import HelpDialog
from reader.tui.keybar import KeyBar
from tests.review import sample
from tests.tui.conftest import IDS, press, ready, screen_text

AID = sample.article().id


def tags_on_disk(store: TagStore) -> dict[str, str]:
    return {sid: tag.category for sid, tag in store.tags(AID).items()}


def gated_app(config, store) -> tuple[ReaderApp, threading.Event]:
    """An app whose engine answers only once the returned event is set."""
    gate = threading.Event()

    def engine(text, config):
        assert gate.wait(30), "the test never opened the gate"
        return sample.statements()

    return ReaderApp(sample.article(), config, store, extractor=engine), gate


async def test_keys_pressed_while_the_session_opens_act_in_order_once_it_is_open(config, store):
    app, gate = gated_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1", "j", "2", "j", "enter")
        await pilot.pause()
        assert app.screen.session is None and not app.ready.is_set()
        assert tags_on_disk(store) == {}  # nothing acted, nothing was lost either
        gate.set()
        await ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # as if the keys had been pressed a moment later: on the first statements, in order
        assert tags_on_disk(store) == {IDS[0]: "official", IDS[1]: "intelligence", IDS[2]: "social media"}
        assert app.screen.selected_id == IDS[2]
        assert "3/4 tagged" in screen_text(app)
        await press(pilot, "j", "4")  # and keys act at once from then on
        assert tags_on_disk(store)[IDS[3]] == "social media"


async def test_quit_pressed_while_the_session_opens_saves_the_tags_pressed_before_it(config, store):
    app, gate = gated_app(config, store)
    exited = asyncio.Event()
    exit_app = app.exit

    def exit_and_tell(*args, **kwargs):
        exited.set()
        exit_app(*args, **kwargs)

    app.exit = exit_and_tell  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "q")
        await pilot.pause()
        assert app.is_running
        gate.set()
        await asyncio.wait_for(exited.wait(), 30)
    assert app.return_code == 0
    assert tags_on_disk(TagStore(store.root, "tester")) == {IDS[0]: "official"}


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


async def test_a_session_opened_elsewhere_saves_through_a_store_opened_on_first_use(config, store):
    opened: list[TagStore] = []

    def open_store() -> TagStore:
        opened.append(TagStore(store.root, "tester"))
        return opened[-1]

    handle = StoreHandle(open_store, "tester")
    # what the command line's child sends back: the session opened with another store object
    session = partial(lambda: ReviewSession(sample.article(), config, handle, sample.statements()))
    app = ReaderApp(sample.article(), config, handle, opener=session)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await app.workers.wait_for_complete()
        assert len(opened) == 1  # opened in the background once the screen was ready
        await press(pilot, "2")
        assert tags_on_disk(store) == {IDS[0]: "intelligence"}
        assert app.screen.session.tag(IDS[0]).reviewer == "tester"
    assert len(opened) == 1


def test_garbage_collection_paused_for_start_up_comes_back_on():
    import gc

    from reader.cli.commands.open_ import _GcPause

    assert gc.isenabled()
    pause = _GcPause()
    assert not gc.isenabled()
    pause.end(freeze=False)  # what an error before the screen is ready does
    assert gc.isenabled() and gc.get_freeze_count() == 0
    pause.end()  # a second end changes nothing
    assert gc.isenabled() and gc.get_freeze_count() == 0


RUN_READER = """
import sys
from reader.review import prefetch
prefetch._spare_core = (lambda: True) if sys.argv[1] == "child" else (lambda: False)
from reader.cli import main
sys.exit(main(sys.argv[2:]))
"""


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
    proc = subprocess.Popen([sys.executable, "-c", RUN_READER, *args], stdin=slave, stdout=slave, stderr=slave,
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


@pytest.mark.parametrize("way", ["child", "no child"])
def test_reader_opens_with_the_saved_tags_with_or_without_the_second_process(tmp_path, config, way):
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
    code, drawn = _on_a_terminal(["child" if way == "child" else "none", str(SAMPLE)], env)
    assert code == 0, drawn[-2000:]
    assert "ready" in ready.read_text(encoding="utf-8")
    assert f"1/{len(earlier.statements)} tagged" in drawn  # the saved tag was on screen when ready
    records = TagStore(db, "tester").article_state(article.id)
    assert {t.category for t in records.tags.values()} == {"official"}  # registered, nothing lost
