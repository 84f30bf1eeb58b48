"""The database lock: writers hold it across the whole read-modify-write (a `filelock` lock on
`<folder>/.lock`, and a thread lock within the process), so two processes never lose each
other's updates. Readers take no lock: an atomic rename means they always see a whole file."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from reader.errors import CannotWrite, ReaderError
from reader.store.disk import make_folder

LOCK_NAME = ".lock"
LOCK_TIMEOUT = 30.0  # seconds to wait for another reader process before giving up

class DatabaseLock:
    """Held across every read-modify-write: one writer at a time, across threads and processes.
    `held_elsewhere` is True while a writer of this process waits for the lock file another
    process holds (filelock tells: a first try that does not wait fails)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._thread_lock = threading.RLock()
        self._file_lock: FileLock | None = None
        self.held_elsewhere = False

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._thread_lock:
            if self._file_lock is None:
                make_folder(self.folder)
                self._file_lock = FileLock(self.folder / LOCK_NAME, timeout=LOCK_TIMEOUT,
                                           thread_local=False, poll_interval=0.002,
                                           preserve_lock_file=True)
            try:
                self._acquire(self._file_lock)
            except Timeout:
                raise ReaderError(f"{self.folder / LOCK_NAME}: another reader process has held the tag "
                                  f"database lock for {LOCK_TIMEOUT:.0f} seconds; try again.") from None
            except OSError as e:
                raise CannotWrite(f"{self.folder / LOCK_NAME}: cannot lock the tag database "
                                  f"({e.strerror or e}).") from None
            try:
                yield
            finally:
                self._file_lock.release()

    def _acquire(self, lock: FileLock) -> None:
        try:
            lock.acquire(blocking=False)
            return
        except Timeout:
            self.held_elsewhere = True
        try:
            lock.acquire()
        finally:
            self.held_elsewhere = False
