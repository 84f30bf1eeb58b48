"""Opening the review session in a second process while this one starts the screen.

Most of the review screen's start-up is importing and setting up Textual. Opening the session
costs tens of milliseconds more of pure CPU: importing the tag store (TinyDB, filelock) and the
engine (importing it and its first run compile its patterns), then the engine itself. A thread
cannot overlap that with the screen's start-up, since threads share one interpreter lock. A
second process can, on a second core: it is started before Textual is imported here, and the
session arrives through a pipe about when the screen asks for it. It is a fresh interpreter,
not a fork: a forked child shares this process's memory copy-on-write, and the faults that
cost this process as it goes on importing ate most of what the child saved.

The child does exactly what the screen's worker did, in the same order, with the same code:

1. open the tag store (the checks that make a bad database one line on stderr, exit 1), and
   say so at once, because the command line must know before it draws anything;
2. run the engine on the article;
3. wait for the go-ahead that the screen is really starting (so a command that stops early, on
   a bad keymap or without a terminal, leaves the database untouched, as before), then
   register the article and read its tags and edits, and send all of it.

Nothing depends on the child. It is started only when a core is free to run it (otherwise it
would compete with the screen's own start-up and make it later); if it cannot be started, dies
or sends something unreadable, this process does the rest of the work itself. Problems the
child met (a store error, an engine crash) come back as the sentences the screen showed before.

Messages are pickles, each after its length, over pipes between this process and the child it
started (nothing else can write to them).
"""
from __future__ import annotations

import os
import pickle
import select
import sys
import threading
from collections.abc import Callable
from dataclasses import fields
from typing import IO, TYPE_CHECKING, Any

from reader.attribution.model import Statement
from reader.errors import ReaderError
from reader.review.saver import resolve_store

if TYPE_CHECKING:
    import subprocess

    from reader.article import Article
    from reader.cli.context import Context
    from reader.config import Config
    from reader.review.session import ReviewSession
    from reader.store import TagStore

_FIELDS = tuple(f.name for f in fields(Statement))
_GO = b"g"
_HEADER = 8  # bytes of a message's length, before the message
# The child's whole program: make sure it imports this very reader (its sys.path is built
# from the same environment and folder, so it almost always does already), then serve.
_CHILD = """
import os, sys, importlib.util
root = sys.argv[1]
found = importlib.util.find_spec("reader")
if found is None or os.path.dirname(os.path.dirname(os.path.realpath(found.origin))) != root:
    sys.path.insert(0, root)
from reader.review.prefetch import serve
serve()
"""


class ChildGone(Exception):
    """The child ended without an answer (could not start, was killed, crashed, or was
    discarded)."""


class SessionChild:
    """A second process opening the review session; see the module docstring."""

    def __init__(self, process: subprocess.Popen[bytes], request: bytes) -> None:
        self.process = process
        self._answers: IO[bytes] | None = process.stdout
        self._requests: IO[bytes] | None = process.stdin
        # Written by a thread: a long article fills the pipe before the child starts reading.
        self._writer = threading.Thread(target=self._send_request, args=(request,), daemon=True)
        self._writer.start()

    @staticmethod
    def possible() -> bool:
        """Whether `start` starts a child: only when a core is free to run it."""
        return _spare_core()

    @classmethod
    def start(cls, ctx: Context, article: Article) -> SessionChild | None:
        """Start the child on `article`, with the settings and database `ctx` names (it opens
        the store as `ctx.store` does); None where no core is free or it cannot start."""
        if not cls.possible():
            return None
        try:
            request = pickle.dumps((ctx, article), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something in ctx that cannot travel (an open store): no child
            return None
        import subprocess

        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))  # holds reader/
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", _CHILD, root],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                start_new_session=True)  # Ctrl+C at the terminal is for this process
        except OSError:
            return None
        return cls(process, request)

    def _send_request(self, request: bytes) -> None:
        pipe = self._requests
        try:
            if pipe is not None:
                pipe.write(request)
                pipe.flush()
        except (OSError, ValueError):  # the child is gone (or discarded): it will be noticed
            pass

    # --- this process's side ------------------------------------------------------------------

    def store_opened(self) -> str:
        """Wait until the child has opened the tag store: the reviewer's name it was opened
        for. Raises ReaderError with the store's own sentence when it could not be opened, and
        ChildGone when the child gave no answer (open the store here instead)."""
        kind, value = self._receive("store", "store-error")
        if kind == "store-error":
            self.discard()
            raise ReaderError(value)
        if not isinstance(value, str):  # not what a child of this reader sends
            self.discard()
            raise ChildGone()
        return value

    def go(self) -> None:
        """The screen is starting: the child may now register the article and read its tags."""
        self._writer.join()  # the request goes first
        pipe = self._requests
        if pipe is None:
            return
        try:
            pipe.write(_GO)
            pipe.flush()
        except (OSError, ValueError):  # the child is gone; open_session notices, works here instead
            pass

    def open_session(self, article: Article, config: Config, store: Any) -> ReviewSession:
        """The session the child opened (waits for it). Raises ReaderError with the problem
        the child met; works in this process instead when the child gave no answer. Blocks:
        call it off the UI thread, after `go`."""
        from reader.review.session import ReviewSession

        try:
            kind, value = self._receive("session", "failed")
        except ChildGone:
            from reader.attribution import extract

            return ReviewSession.open(article, config, resolve_store(store), extract(article.text, config))
        self._close_pipes()  # it has said all it will and is leaving (reaped by `discard`)
        self.process.poll()
        if kind == "failed":
            raise ReaderError(value)
        rows, record, reanchored, state = value
        statements = [Statement(*row) for row in rows]
        return ReviewSession(article, config, store, statements, tags=dict(state.tags), edits=state.edits,
                             record=record, reanchored=reanchored, orphans=state.orphans)

    def discard(self, *, wait: bool = False) -> None:
        """No more answers are wanted: close the pipes (a child still waiting for the go-ahead
        then ends without writing anything) and reap the child, stopping it first unless
        `wait` (after the go-ahead its writes are atomic, so stopping it loses nothing)."""
        if not wait and self.process.poll() is None:
            self.process.kill()  # first: a request still being written then fails instead of blocking
        self._close_pipes()
        self.process.wait()

    def _close_pipes(self) -> None:
        for pipe in (self._requests, self._answers):
            if pipe is not None:
                try:
                    pipe.close()
                except (OSError, ValueError):
                    pass
        self._requests = self._answers = None

    def answer_waiting(self) -> bool:
        """Whether the child's next answer has at least begun to arrive (never blocks; False
        where that cannot be told without waiting)."""
        answers = self._answers
        if answers is None:
            return False
        try:
            return bool(select.select([answers], [], [], 0)[0])
        except (OSError, ValueError):  # not a selectable pipe here (Windows)
            return False

    def _receive(self, *kinds: str) -> tuple[str, Any]:
        answers = self._answers
        if answers is None:
            raise ChildGone()
        try:
            message = pickle.loads(_read_message(answers.fileno()))
        except Exception:  # nothing more, or a cut-off message: the child did not finish
            self.discard()
            raise ChildGone() from None
        if not (isinstance(message, tuple) and len(message) == 2 and message[0] in kinds):
            self.discard()
            raise ChildGone()
        return message


class ChildOpener:
    """What the review screen calls to get the session the child opened (blocking), with a
    check that does not block: whether it has already arrived, for an article small enough
    to take it on the UI thread before the first frame."""

    SMALL = 200_000  # characters: larger articles are drawn first, their session taken on a worker

    def __init__(self, child: SessionChild, article: Article, config: Config, store: Any) -> None:
        self._child = child
        self._article = article
        self._config = config
        self._store = store

    def arrived(self) -> bool:
        return len(self._article.text) <= self.SMALL and self._child.answer_waiting()

    def __call__(self) -> ReviewSession:
        return self._child.open_session(self._article, self._config, self._store)


def _read_message(fd: int) -> bytes:
    """One length-prefixed message, read straight from the pipe (no buffer hides what is
    waiting in it from `answer_waiting`)."""
    size = int.from_bytes(_read_exactly(fd, _HEADER), "big")
    return _read_exactly(fd, size)


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the child stopped in the middle of a message")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _spare_core() -> bool:
    """Whether another core is free for the child: two cores or more, no other task running
    on them right now (Linux says how many are), and at least half of one idle on average over
    the last minute (the load average, which counts this process too). The minute's average
    alone is too slow: a job that started seconds ago would still look like idle time."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if cores < 2:
        return False
    others = _running_now()
    if others is not None and others > cores - 2:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average to go by (Windows)
        return True
    return cores - load >= 0.5


def _running_now() -> int | None:
    """How many other tasks are running or waiting for a core at this moment, or None where
    the system does not say (the fourth field of /proc/loadavg, "running/total", counts this
    process, which is running as it reads it)."""
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            running = int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0, running - 1)


# --- the child's side -------------------------------------------------------------------------


def serve() -> None:
    """The child's main: read the request on stdin, answer on stdout (nothing else may write
    there, so anything printed goes to stderr, which is /dev/null)."""
    import gc

    gc.disable()  # a short life that only builds what it sends: collecting is pure cost
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests = sys.stdin.buffer
    status = 1
    try:
        ctx, article = pickle.load(requests)
        with answers:
            _open_in_child(answers, lambda: requests.read(1), article, ctx.config, lambda: ctx.store)
        status = 0
    finally:
        # Everything is sent (and the store's writes are on disk): leave at once, without the
        # interpreter's tidying up, which the parent could otherwise be kept waiting for.
        os._exit(status)


def _open_in_child(out: IO[bytes], go: Callable[[], bytes], article: Article, config: Config,
                   open_store: Callable[[], TagStore]) -> None:
    def send(kind: str, value: object) -> None:
        message = pickle.dumps((kind, value), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(len(message).to_bytes(_HEADER, "big"))
        out.write(message)
        out.flush()

    try:
        store = open_store()
    except ReaderError as e:
        send("store-error", str(e))
        return
    send("store", store.reviewer)
    try:
        from reader.attribution import extract

        statements = extract(article.text, config)
    except ReaderError as e:  # as the screen reports an engine failure
        send("failed", str(e))
        return
    except Exception as e:
        send("failed", f"unexpected {type(e).__name__}: {e}")
        return
    if go() != _GO:  # the command stopped before drawing: write nothing
        return
    try:
        record, reanchored = store.register(article, statements)
        state = store.article_state(article.id)
    except ReaderError as e:
        send("failed", str(e))
        return
    except Exception as e:
        send("failed", f"unexpected {type(e).__name__}: {e}")
        return
    rows = [tuple(getattr(s, name) for name in _FIELDS) for s in statements]  # plain tuples travel fastest
    send("session", (rows, record, reanchored, state))
