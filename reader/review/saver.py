"""Writes to the tag store, in order, off the UI thread, without ever dropping one.

Every change the reviewer makes becomes a `Write` queued here. One drain at a time runs the
queue in order (the review screen runs it on a worker thread; tests call `flush`). A write
that fails stays at the head of the queue: the change stays on screen marked unsaved, the
error is reported, and the next change, or an explicit retry, runs the queue again.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.store import TagStore


@dataclass(frozen=True)
class Write:
    statement_id: str
    description: str  # "tag official", "undo clear tag": used in error messages
    run: Callable[[TagStore], object]  # called with the store
    keep: bool = True  # a failed write stays queued (the reviewer's work); False: report and drop it
    done: Callable[[object], None] | None = None  # called with run's result (on the drain's thread)
    failed: Callable[[str], None] | None = None  # called with the problem when a `keep=False` write fails


@dataclass(frozen=True)
class SaveResult:
    saved: int  # writes that reached the disk in this drain
    error: str | None  # why the drain stopped early, None when the queue is empty
    unsaved: int  # writes still waiting
    recovered: bool = False  # everything is saved after an earlier drain failed


class Saver:
    def __init__(self, store: TagStore) -> None:
        self.store = store
        self._queue: deque[Write] = deque()
        self._lock = threading.Condition()  # and told when a drain ends
        self._running = False
        self._submitted = 0
        self.error: str | None = None  # why the last drain stopped early, until one empties the queue

    def submit(self, write: Write) -> None:
        with self._lock:
            self._queue.append(write)
            self._submitted += 1

    @property
    def submitted(self) -> int:
        """How many writes were ever queued: a reading of the store taken when this was n is
        up to date for the screen while it is still n (no change made since)."""
        with self._lock:
            return self._submitted

    def claim(self) -> bool:
        """True if the caller should now run `drain` (no drain is running and work waits)."""
        with self._lock:
            if self._running or not self._queue:
                return False
            self._running = True
            return True

    def drain(self) -> SaveResult:
        """Run queued writes in order until the queue is empty or one fails. Only call after
        `claim()` returned True."""
        saved = 0
        while True:
            with self._lock:
                if not self._queue:
                    self._running = False
                    self._lock.notify_all()
                    recovered, self.error = self.error is not None, None
                    return SaveResult(saved, None, 0, recovered)
                write = self._queue[0]
            problem, result = attempt(write, self.store)
            if problem is not None and not write.keep:
                with self._lock:
                    self._queue.popleft()
                if write.failed is not None:
                    write.failed(problem)
                continue
            with self._lock:
                if problem is not None:
                    self._running = False
                    self._lock.notify_all()
                    self.error = problem
                    return SaveResult(saved, problem, sum(1 for w in self._queue if w.keep))
                self._queue.popleft()
                if write.keep:
                    saved += 1
            if write.done is not None:
                write.done(result)

    def flush(self) -> SaveResult:
        """Drain now on this thread (tests, and the last chance before quitting)."""
        if not self.claim():
            with self._lock:
                return SaveResult(0, self.error, sum(1 for w in self._queue if w.keep))
        return self.drain()

    def wait_idle(self, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) until no drain runs; True if none does."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._running, timeout)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._running

    @property
    def unsaved(self) -> int:
        with self._lock:
            return sum(1 for w in self._queue if w.keep)

    def unsaved_ids(self) -> set[str]:
        with self._lock:
            return {w.statement_id for w in self._queue if w.keep}


def attempt(write: Write, store: TagStore) -> tuple[str | None, object]:
    """Run one write: (None, its result), or (the reason it failed as a sentence, None)."""
    try:
        return None, write.run(store)
    except ReaderError as e:
        problem = str(e)
    except OSError as e:
        problem = f"{e.filename or 'the tag database'}: {e.strerror or e}."
    except Exception as e:  # an unexpected failure must not lose the change: keep it queued
        problem = f"unexpected {type(e).__name__}: {e}."
    verb = "save" if write.keep else "finish"
    return f"Could not {verb} ({write.description}): {problem}", None
