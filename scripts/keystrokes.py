"""Count the keys a reviewer presses to tag a whole article when the engine's suggestions are
right, in a real terminal: reader runs in tmux, this script reads the screen as a person
would and presses one key at a time.

    .venv/bin/python scripts/keystrokes.py [ARTICLE] [--size 160x50] [--accept-all]

For each statement it reads the top line's "x/y tagged" and the detail pane: with a
suggestion it presses Enter (accept), without one the first category key; then it waits for
the screen to show the tag before the next key. Once the top line says y/y it presses q and
checks, with `reader tags`, that every statement's tag is on disk. `--accept-all` starts with
A (every high-confidence suggestion at once) and goes on the same way. Nothing in your own tag
database or settings is touched: a throwaway home, database and copy of config.yaml are used.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "tests" / "data" / "articles" / "dev-01-olchowo-derailment.txt"
PROGRESS = re.compile(r"(\d+)/(\d+) tagged")
SESSION = f"reader-keystrokes-{os.getpid()}"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def progress(text: str) -> tuple[int, int] | None:
    top = text.splitlines()[0] if text else ""
    found = PROGRESS.search(top)
    return (int(found.group(1)), int(found.group(2))) if found else None


def wait_for(test, what: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = screen()
        if test(text):
            return text
        time.sleep(0.05)
    raise SystemExit(f"keystrokes: timed out waiting for {what}; the screen showed:\n{screen()}")


def run(article: Path, size: str, accept_all: bool) -> int:
    if shutil.which("tmux") is None:
        raise SystemExit("keystrokes: tmux is not installed (apt-get install tmux).")
    cols, _, rows = size.partition("x")
    with tempfile.TemporaryDirectory(prefix="reader-keystrokes-") as tmp:
        home = Path(tmp)
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_CONFIG_HOME": str(home / "config"), "READER_DB": str(home / "db"),
               "READER_CONFIG": str(ROOT / "config.yaml"), "TERM": "xterm-256color"}
        command = " ".join(f"{k}='{v}'" for k, v in env.items() if k.startswith(("READER_", "XDG_", "HOME")))
        command += f" {sys.executable} -m reader '{article}'"
        tmux("new-session", "-d", "-s", SESSION, "-x", cols, "-y", rows, command)
        tmux("set-option", "-t", SESSION, "remain-on-exit", "on")
        try:
            keys: list[str] = []
            text = wait_for(lambda t: progress(t) is not None and "loading" not in t.splitlines()[0],
                            "the statements")
            done, total = progress(text) or (0, 0)
            if accept_all and done < total:
                keys.append("A")
                tmux("send-keys", "-t", SESSION, "A")
                text = wait_for(lambda t: (progress(t) or (0, 0))[0] > done or "No untagged" in t, "accept all")
            while True:
                found = progress(text)
                assert found is not None
                done, total = found
                if done >= total:
                    break
                key = "Enter" if "suggested:" in text else "1"
                keys.append(key)
                tmux("send-keys", "-t", SESSION, key)
                text = wait_for(lambda t, before=done: (progress(t) or (0, 0))[0] > before, "the tag")
            keys.append("q")
            tmux("send-keys", "-t", SESSION, "q")
            deadline = time.monotonic() + 30
            while tmux("display-message", "-p", "-t", SESSION, "#{pane_dead}").strip() != "1":
                if time.monotonic() > deadline:
                    raise SystemExit("keystrokes: reader did not quit after q")
                time.sleep(0.05)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
        saved = subprocess.run([sys.executable, "-m", "reader", "tags", str(article), "--format", "json"],
                               env=env, capture_output=True, text=True, check=True)
        doc = json.loads(saved.stdout)
    if (doc["tagged"], doc["total"]) != (total, total):
        raise SystemExit(f"keystrokes: only {doc['tagged']} of {doc['total']} tags reached the disk")
    print(f"{article.name}: {total} statements tagged and saved with {len(keys)} keystrokes "
          f"({len(keys) / total:.2f} per statement), in tmux at {size}")
    print("keys: " + " ".join(keys))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE,
                        help=f"the article (default: {DEFAULT_ARTICLE.relative_to(ROOT)}, 20 statements)")
    parser.add_argument("--size", default="160x50", help="terminal size, COLUMNSxROWS (default 160x50)")
    parser.add_argument("--accept-all", action="store_true", help="start with A: every sure suggestion at once")
    args = parser.parse_args()
    return run(args.article.resolve(), args.size, args.accept_all)


if __name__ == "__main__":
    sys.exit(main())
