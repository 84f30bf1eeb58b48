"""`reader -`: the article arrives on a pipe, the keys must come from the terminal."""
from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

from tests.review import sample


def _run(tmp_path: Path, *, controlling_terminal: bool) -> tuple[int, str, Path]:
    """`python -m reader -` with the sample piped in and stdout on a pseudo-terminal; the app
    exits once ready (READER_BENCH_READY)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

    def attach() -> None:  # runs in the child: a new session whose terminal is the pty (or none)
        os.setsid()
        if controlling_terminal:
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    ready = tmp_path / "ready"
    env = {**os.environ, "READER_BENCH_READY": str(ready), "TERM": "xterm-256color"}
    proc = subprocess.Popen([sys.executable, "-m", "reader", "-"], stdin=subprocess.PIPE, stdout=slave,
                            stderr=subprocess.PIPE, env=env, preexec_fn=attach, pass_fds=(slave,))
    os.close(slave)
    drained = threading.Thread(target=lambda: _drain(master), daemon=True)
    drained.start()
    _, err = proc.communicate(sample.TEXT.encode("utf-8"), timeout=60)
    drained.join(timeout=5)
    os.close(master)
    return proc.returncode, err.decode("utf-8", "replace"), ready


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def test_piped_article_opens_with_keys_from_the_terminal(tmp_path):
    code, err, ready = _run(tmp_path, controlling_terminal=True)
    assert code == 0, err
    assert "ready" in ready.read_text(encoding="utf-8")


def test_piped_article_without_a_terminal_is_one_clear_line(tmp_path):
    code, err, ready = _run(tmp_path, controlling_terminal=False)
    assert code == 1 and not ready.exists()
    assert err.strip().startswith("reader: -: the article came from standard input and there is no terminal")
    assert len(err.strip().splitlines()) == 1
