"""Real processes: a writer killed with SIGKILL mid-stream, two writers at once."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from reader.store import TagStore
from tests.store import writer
from tests.store.helpers import article, many_quotes, statements_in, text_with

ROOT = Path(__file__).resolve().parents[2]


def _register(db: Path):
    a = article(text_with(many_quotes(writer.QUOTES)))
    TagStore(db, "tester").register(a, statements_in(a.text))
    return a


def _writer(db: Path, article_id: str, first: int, step: int, count: int, *, wait: bool = False):
    args = [sys.executable, "-m", "tests.store.writer", str(db), article_id, str(first), str(step), str(count)]
    return subprocess.Popen(args + (["--wait"] if wait else []), cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _all_files_parse(db: Path) -> None:
    for path in db.rglob("*.json"):
        json.loads(path.read_bytes())  # raises if a kill left a half-written file


def test_a_writer_killed_at_random_moments_loses_no_returned_write(db):
    a = _register(db)
    rng = random.Random()
    returned: dict[str, int] = {}  # statement id -> the last number whose write had returned
    next_number = 0
    for _ in range(8):
        child = _writer(db, a.id, next_number, 1, 0)
        assert child.stdout is not None
        lines = []
        for _ in range(rng.randint(1, 40)):
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "writer died"
            lines.append(line)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        lines += child.stdout.readlines()  # printed before the kill, not read yet
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        if child.stdin:
            child.stdin.close()
        assert child.returncode == -signal.SIGKILL
        for line in lines:
            sid, number = line.split()
            returned[sid] = max(returned.get(sid, -1), int(number))
            next_number = max(next_number, int(number) + 1)
        _all_files_parse(db)
        saved = TagStore(db, "checker").tags(a.id)
        missing = {sid for sid in returned if sid not in saved}
        assert not missing, f"{len(missing)} returned writes lost"
        for sid, number in returned.items():
            assert int(saved[sid].note or -1) >= number, f"{sid}: write {number} lost"


def test_two_processes_tagging_one_article_lose_no_update(db):
    a = _register(db)
    writes = writer.QUOTES  # each process tags every other statement, twice over, into one file
    children = [_writer(db, a.id, 0, 2, writes, wait=True), _writer(db, a.id, 1, 2, writes, wait=True)]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:  # both start at once
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs):
        assert child.returncode == 0, err
        assert len(out.splitlines()) == writes
    saved = TagStore(db, "checker").tags(a.id)
    statements = statements_in(a.text)
    assert len(saved) == len(statements)
    for n, s in enumerate(statements):  # writer n % 2 wrote number n, then n + 120: the last is kept
        assert (saved[s.id].note, saved[s.id].reviewer) == (str(n + len(statements)), f"writer-{n % 2}")
