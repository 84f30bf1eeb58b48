"""A batch writer process for the crash and concurrency tests: `python -m tests.store.batch_writer
DB PARITY FIRST COUNT [--wait]` saves batches numbered FIRST, FIRST+1, ... COUNT times (0:
forever). Batch n is one `put_tags` call tagging, in each of the ARTICLES articles, every
statement whose index has this PARITY ("0", "1", or "all" for every statement) with category
CATEGORIES[n % 4] and note "n"; it prints "n" after the call returns. With --wait it prints
"ready" and waits for a line on stdin. With --die-at K it kills itself with SIGKILL just
before its K-th file-system step (a write, fsync or rename of the store's files), so a test
can stop it at any chosen point inside a batch (on a server: just before its K-th SQL
statement sent, the transaction's COMMIT included)."""
from __future__ import annotations

import itertools
import os
import signal
import sys
from pathlib import Path

from reader.article import Article
from reader.attribution.model import Statement
from reader.store import Tag, TagStore, make_anchor
from reader.store import disk
from tests.store.helpers import article, location, many_quotes, statements_in, text_with

ARTICLES = 3
QUOTES = 60
CATEGORIES = ("official", "intelligence", "eyewitness", "social media")


def articles() -> list[tuple[Article, list[Statement]]]:
    out = []
    for k in range(ARTICLES):
        a = article(text_with(many_quotes(QUOTES), head=f"Flood report {k}"), f"/articles/flood-{k}.txt")
        out.append((a, statements_in(a.text)))
    return out


def batch(n: int, parity: str, reviewer: str) -> list[Tag]:
    tags = []
    for a, statements in articles():
        for i, s in enumerate(statements):
            if parity == "all" or i % 2 == int(parity):
                tags.append(Tag(a.id, s.id, CATEGORIES[n % 4], make_anchor(a.text, s.start, s.end), note=str(n),
                                reviewer=reviewer, created="2026-01-01T00:00:00Z", updated="2026-01-01T00:00:00Z"))
    return tags


def die_at(step: int, server: bool) -> None:
    """SIGKILL this process just before its `step`-th write, fsync or rename of a store file
    (on a server: its `step`-th statement, COMMIT included)."""
    done = itertools.count(1)

    def counted(real):
        def call(*args, **kwargs):
            if next(done) == step:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return call

    if server:
        import psycopg

        for owner, name in ((psycopg.Cursor, "execute"), (psycopg.Cursor, "executemany"),
                            (psycopg.Connection, "commit"), (psycopg.Transaction, "__exit__")):
            setattr(owner, name, counted(getattr(owner, name)))
        return
    # disk.os is the os module: patched for this process only, after start-up
    for name in ("write", "fsync", "replace"):
        setattr(disk.os, name, counted(getattr(os, name)))


def main(argv: list[str]) -> int:
    db, parity, first, count = argv[0], argv[1], int(argv[2]), int(argv[3])
    store = TagStore(location(db), f"writer-{parity}")
    articles()  # build the texts before counting steps
    if "--wait" in argv:
        print("ready", flush=True)
        sys.stdin.readline()
    if "--die-at" in argv:
        die_at(int(argv[argv.index("--die-at") + 1]), server=not isinstance(location(db), Path))
    numbers = itertools.count(first) if count == 0 else range(first, first + count)
    for n in numbers:
        store.put_tags(batch(n, parity, f"writer-{parity}"))
        print(n, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
