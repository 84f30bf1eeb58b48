"""The review screen, timed as a user meets it: real processes on a pseudo-terminal.

- start-up: process start -> the sample's statements listed and drawn, side by side with a
  bare Textual app that shows one Static (same terminal, same Python, interleaved runs); and
  the CPU time each process used from start to exit, which a machine busy with other work
  changes far less than the time on the clock;
- 1 MB article: process start -> article on screen, -> statements ready; page down from the
  key reaching the terminal to the last byte of the redrawn frame; peak resident memory.

The apps report "ready" through READER_BENCH_READY (a file they append a monotonic time to);
nothing else uses that variable. For reader, "ready" is written after the first frame that
shows the sample's statements with their saved tags (the session is open, its rows and
highlights are drawn, and keys act on it); "article" after the first frame that shows the
article text (the statements follow from a worker, usually a frame or two later).

To compare start-up before and after a change, side by side in the same runs, point
READER_BENCH_AGAINST at another checkout of reader (e.g. `git worktree add /tmp/before main`):

    READER_BENCH_AGAINST=/tmp/before python -m bench tui

adds its start-up, run with the same Python and interleaved with the others.

Both apps run from cached bytecode, as installed packages do; see `_env`.
"""
from __future__ import annotations

import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path
from typing import NamedTuple

from bench.corpus import generate
from bench.harness import Row

COLS, ROWS = 160, 50
PAGE_DOWN = b"\x1b[6~"

AGAINST_ENV = "READER_BENCH_AGAINST"

BARE_APP = """
import os, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        with open(os.environ["READER_BENCH_READY"], "a") as out:
            out.write(f"ready {time.monotonic()}\\n")
        self.exit()

Bare().run()
"""


class Finished(NamedTuple):
    code: int  # exit status
    rss: float  # peak resident memory, MB
    cpu: float  # user + system CPU time from start to exit, seconds


class PtyProcess:
    """A child process on a pseudo-terminal of COLS x ROWS, its output drained (and timed) by
    a thread so it never blocks on a full terminal."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.master = master
        self.started = time.monotonic()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, cwd=cwd)
        os.close(slave)
        self.last_output = 0.0
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.last_output = time.monotonic()
            self.output += data

    def send(self, data: bytes) -> float:
        sent = time.monotonic()
        os.write(self.master, data)
        return sent

    def quiet_after(self, since: float, quiet: float = 0.25, limit: float = 5.0) -> float | None:
        """Wait until no output came for `quiet` seconds; the time of the last byte after `since`."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            time.sleep(0.005)
            last = self.last_output
            if last > since and time.monotonic() - last >= quiet:
                return last
        return None

    def finish(self, timeout: float = 30.0) -> Finished:
        """Wait for the exit."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                self.proc.kill()
                pid, status, usage = os.wait4(self.proc.pid, 0)
                break
            time.sleep(0.01)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self._reader.join(timeout=2)
        os.close(self.master)
        return Finished(self.proc.returncode, usage.ru_maxrss / 1024,  # Linux: ru_maxrss is in KB
                        usage.ru_utime + usage.ru_stime)


def _env(home: Path, ready: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_") and k not in _BYTECODE_ENV}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               READER_DB=str(home / "db"), READER_BENCH_READY=str(ready), TERM="xterm-256color",
               COLORTERM="truecolor", PYTHONPYCACHEPREFIX=str(home / "pycache"), **extra)
    return env


# Both apps run from cached bytecode, as they do once installed (pip compiles every module it
# installs): the warm-up run writes it to a cache in the bench's temporary folder, so neither a
# PYTHONDONTWRITEBYTECODE in the caller's environment nor a checkout without __pycache__ makes
# one of them compile its source on every start, and nothing is written into the source tree.
_BYTECODE_ENV = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")


def _stamps(ready: Path) -> dict[str, float]:
    out = {}
    for line in ready.read_text(encoding="utf-8").splitlines():
        stage, _, value = line.partition(" ")
        out[stage] = float(value)
    return out


def _run_once(argv: list[str], home: Path, cwd: Path | None = None, **extra: str
              ) -> tuple[dict[str, float], Finished]:
    """Run argv (in `cwd`: `python -m reader` there runs that checkout's reader) until it exits:
    the stages it reported (seconds from its start) and how it finished."""
    ready = home / f"ready-{time.monotonic_ns()}"
    child = PtyProcess(argv, _env(home, ready, **extra), cwd)
    done = child.finish()
    if done.code != 0 or not ready.exists():
        raise RuntimeError(f"{argv} exited {done.code} without reporting ready:\n{bytes(child.output[-2000:])!r}")
    return {k: v - child.started for k, v in _stamps(ready).items()}, done


def _page_downs(argv: list[str], home: Path, presses: int) -> tuple[float, float, float]:
    """(median page-down seconds, open -> statements ready seconds, peak RSS MB) of one session."""
    ready = home / f"ready-{time.monotonic_ns()}"
    child = PtyProcess(argv, _env(home, ready, READER_BENCH_STAY="1"))
    deadline = time.monotonic() + 60
    while not (ready.exists() and "ready" in ready.read_text(encoding="utf-8")):
        if time.monotonic() > deadline or child.proc.poll() is not None:
            raise RuntimeError(f"the app did not get ready:\n{bytes(child.output[-2000:])!r}")
        time.sleep(0.01)
    opened = _stamps(ready)["ready"] - child.started
    child.quiet_after(child.started, quiet=0.5)
    times = []
    for _ in range(presses):
        sent = child.send(PAGE_DOWN)
        last = child.quiet_after(sent)
        if last is not None:
            times.append(last - sent)
    child.send(b"q")
    return statistics.median(times), opened, child.finish().rss


def run(quick: bool = False) -> list[Row]:
    repeats = 3 if quick else 9
    python = sys.executable
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-tui-") as tmp:
        home = Path(tmp)
        reader_argv = [python, "-m", "reader"]
        bare_argv = [python, "-c", BARE_APP]
        against = Path(os.environ[AGAINST_ENV]).resolve() if os.environ.get(AGAINST_ENV) else None
        _run_once(reader_argv, home)  # warm up: bytecode, the database's first write
        _run_once(bare_argv, home)
        if against is not None:
            (home / "against").mkdir()  # its own home and database, in case its format differs
            _run_once(reader_argv, home / "against", against)
        starts: list[tuple[str, list[str], Path, Path | None]] = [
            ("sample article", reader_argv, home, None), ("bare Textual app", bare_argv, home, None)]
        if against is not None:
            starts.append((f"sample article ({against})", reader_argv, home / "against", against))
        clock: dict[str, list[float]] = {name: [] for name, *_ in starts}
        cpu: dict[str, list[float]] = {name: [] for name, *_ in starts}
        for _ in range(repeats):  # interleaved, so drifts in machine load hit all alike
            for name, argv, where, cwd in starts:
                stamps, done = _run_once(argv, where, cwd)
                clock[name].append(stamps["ready"])
                cpu[name].append(done.cpu)
        for measure, metric, times in (("start-up", "process start → ready", clock),
                                       ("start-up CPU time", "process start → exit", cpu)):
            medians = {name: statistics.median(values) for name, values in times.items()}
            bare_s = medians["bare Textual app"]
            for name, value in medians.items():
                rows.append(Row("tui", f"{measure}, {name}", metric, value * 1000, "ms"))
            for name, value in medians.items():
                if name == "bare Textual app":
                    continue
                ratio = value / bare_s
                target = measure == "start-up" and name == "sample article"  # the target
                rows.append(Row("tui", f"{measure}, {name}", "reader / bare app", ratio, "×",
                                "≤ 1.5" if target else "", ratio <= 1.5 if target else None))

        big = home / "big.txt"
        big.write_text(generate(1_000_000), encoding="utf-8")
        big_argv = [python, "-m", "reader", str(big)]
        _run_once(big_argv, home)  # first open registers the article (stores its text)
        article, ready_s, rss_all = [], [], []
        for _ in range(max(3, repeats // 2)):
            stamps, done = _run_once(big_argv, home)
            article.append(stamps["article"])
            ready_s.append(stamps["ready"])
            rss_all.append(done.rss)
        shown = statistics.median(article)
        listed = statistics.median(ready_s)
        rows.append(Row("tui", "1 MB article", "process start → article on screen", shown, "s", "≤ 1", shown <= 1))
        rows.append(Row("tui", "1 MB article", "process start → statements listed", listed, "s", "≤ 1",
                        listed <= 1))
        page, _, rss_session = _page_downs(big_argv, home, 10 if quick else 30)
        rows.append(Row("tui", "1 MB article", "page down (key → frame drawn)", page * 1000, "ms", "≤ 50",
                        page <= 0.05))
        peak = max(max(rss_all), rss_session)
        rows.append(Row("tui", "1 MB article", "peak resident memory", peak, "MB", "≤ 250", peak <= 250))

        from bench.desk import queue_rows

        rows += queue_rows(home, quick, against)
    return rows
