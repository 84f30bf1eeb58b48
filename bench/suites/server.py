"""The tag database on a PostgreSQL server beside the same database in a folder, in one run:
`python -m bench store --db postgresql://…` (this suite runs after the store suite's own rows).

One database of 1,000 articles × 100 tagged statements (100,000 tags; the exports suite's
articles), built in a folder, then:

- `reader db copy` folder → server (a schema of its own on the server, dropped at the end),
  then server → a new folder, timed, and the json exports of the three (folder, server,
  folder again) compared byte for byte, and their `reader articles --format json` (but for
  the database's address);
- tag write latency (p50, p99) on both, the review screen's way (bench/suites/store.py's
  sessions: up to 10 statements of an article in a row, then another article), each write
  committed (fsynced) before it returns;
- `reader articles --format json` and `reader export --all --format json -o FILE` on both, as
  the command runs them (in this process, with the engine's output served from memory, so the
  figures are the store's: the exports suite does the same), medians of 3.

A server of your own: `python3 tests/postgres.py start /tmp/pg --durable` prints the address
of a throw-away local cluster with PostgreSQL's default durability (`stop /tmp/pg` ends it).
The address's user must be allowed to create a schema in its database.
"""
from __future__ import annotations

import contextlib
import io
import json
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch
from urllib.parse import quote

from bench.harness import Row, median_seconds
from bench.suites.exports import ARTICLES, TAGS_PER_ARTICLE, _article, _fill
from bench.suites.store import _p, _sessions
from reader.attribution import Statement
from reader.cli import main as reader_main
from reader.config import Config
from reader.exports import collector
from reader.store import TagStore
from reader.store.copying import copy_database

REPEAT = 3


def _schema(url: str) -> tuple[str, Callable[[], None]]:
    """A fresh schema on the server for this run: its address, and how to drop it."""
    import psycopg

    name = f"reader_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")

    return f"{url}{'&' if '?' in url else '?'}options={quote(f'-csearch_path={name}', safe='')}", drop


def _command(*args: str) -> str:
    """`reader ARGS` in this process; its standard output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = reader_main(list(args))
    if code != 0:
        raise RuntimeError(f"reader {' '.join(args)} exited with {code}")
    return out.getvalue()


def _median(fn: Callable[[], object]) -> float:
    fn()  # warm: the first run reads from a cold cache
    return median_seconds(fn, REPEAT)


def run(quick: bool = False, db: str | None = None) -> list[Row]:
    if db is None:
        return []
    rng = random.Random(5)
    count = 100 if quick else ARTICLES
    pairs = [_article(i, TAGS_PER_ARTICLE, rng) for i in range(count)]
    engine = {a.text: s for a, s in pairs}

    def cached(text: str, cfg: Config) -> list[Statement]:  # the engine's output, known in advance
        return list(engine.get(text, ()))

    label = f"{count * TAGS_PER_ARTICLE:,} tags"
    rows: list[Row] = []
    url, drop = _schema(db)
    try:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp, patch.object(collector, "extract", cached):
            folder, back = Path(tmp) / "files", Path(tmp) / "back"
            _fill(folder, pairs, rng)
            files, server = TagStore(folder, "bench"), TagStore(url, "bench")
            t0 = time.perf_counter()
            copy_database(files, server)
            rows.append(Row("server", label, "db copy folder → server", time.perf_counter() - t0, "s"))
            t0 = time.perf_counter()
            copy_database(server, TagStore(back, "bench"))
            rows.append(Row("server", label, "db copy server → folder", time.perf_counter() - t0, "s"))
            exports = [_command("--db", where, "export", "--all", "--format", "json") for where in
                       (str(folder), url, str(back))]
            same = exports[0] == exports[1] == exports[2]
            rows.append(Row("server", label, "json exports identical (folder, server, copied back)", float(same), "",
                            "1", same))
            listed = [json.loads(_command("--db", where, "articles", "--format", "json"))
                      for where in (str(folder), url, str(back))]
            same = len({json.dumps({**doc, "database": None}) for doc in listed}) == 1
            rows.append(Row("server", label, "reader articles identical but for the address (folder, server, back)",
                            float(same), "", "1", same))

            out = Path(tmp) / "export.json"
            timed: dict[tuple[str, str], float] = {}
            for name, where in (("folder", str(folder)), ("server", url)):
                timed[name, "articles"] = _median(lambda: _command("--db", where, "articles", "--format", "json"))
                timed[name, "export"] = _median(lambda: _command("--db", where, "export", "--all", "--format", "json",
                                                                 "-o", str(out)))
            for what, command in (("articles", "reader articles --format json"),
                                  ("export", "reader export --all --format json")):
                for name in ("folder", "server"):
                    ok = timed["server", what] <= timed["folder", what] if name == "server" else None
                    rows.append(Row("server", f"{name}, {label}", command, timed[name, what], "s",
                                    "≤ folder" if name == "server" else "", ok))

            targets = {a.id: statements for a, statements in rng.sample(pairs, 60)}
            writes = 150 if quick else 500
            for name, store in (("folder", files), ("server", server)):
                _sessions(store, targets, 20, rng)  # warm up
                times = _sessions(store, targets, writes, rng)
                p50 = statistics.median(times) * 1000
                target = "≤ 5" if name == "server" else ""
                rows.append(Row("server", f"{name}, {label}", "tag write p50", p50, "ms", target,
                                p50 <= 5 if target else None))
                rows.append(Row("server", f"{name}, {label}", "tag write p99", _p(times, 0.99) * 1000, "ms"))
            server.close()
    finally:
        drop()
    return rows
