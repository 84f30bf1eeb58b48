"""Work the review screens never wait for, each on a daemon thread of its own: opening a
session (a tag database locked by another writer, a slow server), reading a queue's article
(a big one), writing where the reviewer left an article. Its result comes back on the UI's
loop as a future. A daemon thread, not a Textual worker: quitting never waits for it (the
store's writes are atomic, so one cut short by the exit leaves the old records or the new)."""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def off_thread(work: Callable[[], T], name: str) -> asyncio.Future[T]:
    """Run `work` on a daemon thread named `name`; its result (or exception) as a future of
    the running loop (never set once the loop has closed)."""
    loop = asyncio.get_running_loop()
    result: asyncio.Future[T] = loop.create_future()

    def run() -> None:
        try:
            outcome = work()
        except Exception as error:  # handed to whoever awaits the future
            _on_loop(loop, _failed, result, error)
            return
        _on_loop(loop, _succeeded, result, outcome)

    threading.Thread(target=run, name=name, daemon=True).start()
    return result


def _on_loop(loop: asyncio.AbstractEventLoop, call: Callable[..., None], *args: object) -> None:
    try:
        loop.call_soon_threadsafe(call, *args)
    except RuntimeError:  # the app has closed
        pass


def _succeeded(future: asyncio.Future[T], outcome: T) -> None:
    if not future.done():
        future.set_result(outcome)


def _failed(future: asyncio.Future[T], error: Exception) -> None:
    if not future.done():
        future.set_exception(error)
