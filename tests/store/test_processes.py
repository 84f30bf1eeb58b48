"""Real processes: writers killed with SIGKILL mid-stream, two and four writers at once."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import TagStore
from tests.store import batch_writer, writer
from tests.store.helpers import every_tag, article, many_quotes, statements_in, text_with

ROOT = Path(__file__).resolve().parents[2]


def _register(db: Path):
    a = article(text_with(many_quotes(writer.QUOTES)))
    TagStore(db, "tester").register(a, statements_in(a.text))
    return a


def _writer(db: Path, article_id: str, first: int, step: int, count: int, *, wait: bool = False,
            reviewer: str | None = None):
    args = [sys.executable, "-m", "tests.store.writer", str(db), article_id, str(first), str(step), str(count)]
    args += ["--as", reviewer] if reviewer else []
    return subprocess.Popen(args + (["--wait"] if wait else []), cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _all_files_parse(db: Path | str) -> None:
    for path in db.rglob("*.json") if isinstance(db, Path) else ():
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
        saved = every_tag(TagStore(db, "checker"), a.id)
        missing = {sid for sid in returned if sid not in saved}
        assert not missing, f"{len(missing)} returned writes lost"
        for sid, number in returned.items():
            assert int(saved[sid].note or -1) >= number, f"{sid}: write {number} lost"


def test_two_reviewers_tagging_the_same_statements_at_once_keep_both_tags(db):
    """Two reviewers' windows on the same statements, at the same moment: each keeps their own
    tag on every statement, and each reviewer's last write is the one kept."""
    a = _register(db)
    writes = writer.QUOTES * 2  # every statement, twice over
    children = [_writer(db, a.id, 0, 1, writes, wait=True, reviewer=name) for name in ("alice", "bob")]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child, (out, err) in zip(children, [child.communicate(timeout=300) for child in children]):
        assert child.returncode == 0, err
        assert len(out.splitlines()) == writes
    reviews = TagStore(db, "checker").article_state(a.id).reviews
    statements = statements_in(a.text)
    assert set(reviews) == {s.id for s in statements}
    for n, s in enumerate(statements):
        assert {name: t.note for name, t in reviews[s.id].items()} == {"alice": str(n + writer.QUOTES),
                                                                        "bob": str(n + writer.QUOTES)}


@pytest.mark.parametrize("writers", [2, 4])
def test_processes_tagging_one_article_at_once_lose_no_update(db, writers):
    a = _register(db)
    writes = writer.QUOTES  # each of k processes tags every k-th statement, k times over, into one file
    children = [_writer(db, a.id, k, writers, writes, wait=True) for k in range(writers)]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:  # all start at once
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=300) for child in children]
    for child, (out, err) in zip(children, outputs):
        assert child.returncode == 0, err
        assert len(out.splitlines()) == writes
    saved = every_tag(TagStore(db, "checker"), a.id)
    statements = statements_in(a.text)
    assert len(saved) == len(statements)
    for n, s in enumerate(statements):  # writer n % k wrote number n, n + 120, …: the last is kept
        assert (saved[s.id].note, saved[s.id].reviewer) == (str(n + len(statements) * (writers - 1)),
                                                           f"writer-{n % writers}")


def test_four_writers_killed_at_random_moments_lose_no_returned_write(db):
    """Four processes write at once, each to its own statements (every fourth), through the one
    lock; all are killed with SIGKILL at random moments, several times over (a writer may die
    holding the lock: the system releases it). Every write whose call had returned survives."""
    a = _register(db)
    rng = random.Random()
    returned: dict[str, int] = {}
    base = 0
    for _ in range(5):
        children = [_writer(db, a.id, base + k, 4, 0) for k in range(4)]
        lines: list[str] = []
        for child in children:
            assert child.stdout is not None
            for _ in range(rng.randint(1, 25)):
                line = child.stdout.readline()
                assert line, child.stderr.read() if child.stderr else "writer died"
                lines.append(line)
        for child in rng.sample(children, len(children)):
            os.kill(child.pid, signal.SIGKILL)
        for child in children:
            child.wait()
            assert child.stdout is not None
            lines += child.stdout.readlines()  # printed before the kill, not read yet
            for stream in (child.stdout, child.stderr, child.stdin):
                if stream:
                    stream.close()
            assert child.returncode == -signal.SIGKILL
        for line in lines:
            sid, number = line.split()
            returned[sid] = max(returned.get(sid, -1), int(number))
            base = max(base, int(number) + 1)
        base += -base % 4  # each writer keeps its own statements (numbers ≡ k mod 4)
        _all_files_parse(db)
        saved = every_tag(TagStore(db, "checker"), a.id)
        lost = [sid for sid, number in returned.items() if sid not in saved or int(saved[sid].note or -1) < number]
        assert not lost, f"{len(lost)} returned writes lost"


# --- batches (put_tags): whole per article, across processes ---------------------------------

def _register_batch_articles(db: Path):
    store = TagStore(db, "tester")
    pairs = batch_writer.articles()
    for a, statements in pairs:
        store.register(a, statements)
    return pairs


def _batch_writer(db: Path, parity: str, first: int, count: int, *, wait: bool = False,
                  die_at: int | None = None):
    args = [sys.executable, "-m", "tests.store.batch_writer", str(db), parity, str(first), str(count)]
    args += ["--wait"] if wait else []
    args += ["--die-at", str(die_at)] if die_at is not None else []
    return subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_batch_writer_killed_at_random_moments_leaves_every_article_whole(db):
    """Each batch retags every statement of three articles with its number. The writer is
    killed at a random step of its writes (inside a batch: while writing a file, before or
    between the renames, or after them), several times over. Then every article holds all of
    one batch (never a mix of two), no older than the last batch whose call had returned."""
    pairs = _register_batch_articles(db)
    rng = random.Random()
    last_returned, next_number = -1, 0
    steps = 12  # about a batch's file-system steps: write, fsync and rename per file, folder fsyncs
    for _ in range(8):
        die_at = rng.randint(1, 3 * steps)
        child = _batch_writer(db, "all", next_number, 0, die_at=die_at)
        out, err = child.communicate(timeout=120)
        assert child.returncode == -signal.SIGKILL, err
        numbers = [int(line) for line in out.split()]
        last_returned = max(last_returned, *numbers) if numbers else last_returned
        _all_files_parse(db)
        checker = TagStore(db, "checker")
        for a, statements in pairs:
            saved = every_tag(checker, a.id)
            if not saved and last_returned < 0:
                continue  # killed inside the very first batch, before this article's rename
            assert set(saved) == {s.id for s in statements}
            notes = {t.note for t in saved.values()}
            assert len(notes) == 1, f"killed at step {die_at}: article {a.id[:8]} holds parts of batches {sorted(notes)}"
            (note,) = notes
            assert int(note) >= last_returned, f"batch {last_returned} had returned, the article has {note}"
            assert {t.category for t in saved.values()} == {batch_writer.CATEGORIES[int(note) % 4]}
            next_number = max(next_number, int(note) + 1)


def test_two_processes_saving_batches_into_the_same_articles_lose_no_update(db):
    pairs = _register_batch_articles(db)
    count = 15
    children = [_batch_writer(db, "0", 0, count, wait=True), _batch_writer(db, "1", 0, count, wait=True)]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs):
        assert child.returncode == 0, err
        assert out.split() == [str(n) for n in range(count)]
    checker = TagStore(db, "checker")
    for a, statements in pairs:
        saved = every_tag(checker, a.id)
        assert len(saved) == len(statements)
        for i, s in enumerate(statements):  # each process's last batch is on each of its statements
            assert (saved[s.id].note, saved[s.id].reviewer) == (str(count - 1), f"writer-{i % 2}")
