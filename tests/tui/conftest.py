"""Review-screen fixtures: an app on the small invented article with fixed statements and a
fresh tag store per test, and helpers to drive it as a user would."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.article import Article
from reader.attribution import Statement
from reader.config import Config
from reader.store import TagStore
from reader.tui.app import ReaderApp
from tests.review import sample

IDS = [s.id for s in sample.statements()]


@pytest.fixture
def store(tmp_path: Path) -> TagStore:
    return TagStore(tmp_path / "db", "tester")


@pytest.fixture
def make_app(config: Config, store: TagStore) -> Callable[..., ReaderApp]:
    def make(article: Article | None = None, statements: list[Statement] | None = None, *,
             config: Config = config, store: TagStore = store) -> ReaderApp:
        return ReaderApp(article or sample.article(), config, store,
                         statements=sample.statements() if statements is None else statements)

    return make


async def ready(pilot: Pilot) -> None:
    """Wait until the statements are listed (the session opens on a worker thread)."""
    await pilot.app.ready.wait()  # type: ignore[attr-defined]
    await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds (at most some seconds: then the test fails)."""
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys, letting saves (worker threads) and what they start (the reading of others'
    writes after a save) finish after each one."""
    for key in keys:
        await pilot.press(key)
        await settled(pilot)


async def settled(pilot: Pilot) -> None:
    """Let the app's workers finish, and the workers their results start."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):
            return
    raise AssertionError("the workers never settled")


_TEXT = re.compile(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
                   r'clip-path="url\(#terminal-\d+-line-(\d+)\)">([^<]*)</text>')


def screen_text(app: ReaderApp) -> str:
    """The whole screen as plain text, read back from Textual's own SVG screenshot."""
    width, height = app.size
    lines = [[" "] * width for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        col = round(float(x) / 12.2)
        for i, ch in enumerate(html.unescape(text).replace("\xa0", " ")):
            if 0 <= col + i < width and int(line) < height:
                lines[int(line)][col + i] = ch
    return "\n".join("".join(chars).rstrip() for chars in lines)


class Notices(list):
    """The notifications an app showed, caught with run_test(message_hook=notices.hook)."""

    def hook(self, message: object) -> None:
        from textual.notifications import Notify

        if isinstance(message, Notify):
            self.append(message.notification)

    def said(self, phrase: str, severity: str | None = None) -> bool:
        return any(phrase in n.message and (severity is None or n.severity == severity) for n in self)
