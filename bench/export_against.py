"""`reader export --all --format json -o FILE` against another checkout of reader, on a folder and
on a PostgreSQL server, each run a process of its own:

    python -m bench.export_against DIR [--db postgresql://…] [--runs N] [--articles N]

DIR is another checkout of reader (e.g. main before a change: `git worktree add --detach
/tmp/before main`). The database is the store suite's (1,000 articles × 100 tagged statements),
in a folder and, with --db, copied to a fresh schema on that server (`python3 tests/postgres.py
start DIR --durable` starts one). One round warms the caches, then the two checkouts take turns
so both see the same machine; prints the median wall and CPU seconds of each, and whether every
file written was the same, byte for byte. The engine is not measured: each process is given the
engine's statements (as bench.suites.desk_reads does).
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import statistics
import tempfile
from dataclasses import astuple
from pathlib import Path

from bench.suites.desk_reads import _timed
from bench.suites.exports import ARTICLES, TAGS_PER_ARTICLE, _article, _fill
from bench.suites.server import _schema
from reader.store import TagStore
from reader.store.copying import copy_database

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("against", type=Path, help="another checkout of reader")
    ap.add_argument("--db", help="also on this PostgreSQL server (postgresql://…)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each, interleaved (default 5)")
    ap.add_argument("--articles", type=int, default=ARTICLES, help=f"articles (default {ARTICLES:,})")
    args = ap.parse_args()
    rng = random.Random(5)
    pairs = [_article(i, TAGS_PER_ARTICLE, rng) for i in range(args.articles)]
    checkouts = {str(args.against): args.against.resolve(), "this checkout": HERE}
    url, drop = _schema(args.db) if args.db else (None, lambda: None)
    try:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
            folder, engine = Path(tmp) / "files", Path(tmp) / "engine.pickle"
            _fill(folder, pairs, rng)
            databases: dict[str, str | Path] = {"folder": folder}
            if url is not None:
                copy_database(TagStore(folder, "bench"), TagStore(url, "bench"))
                databases["server"] = url
            engine.write_bytes(pickle.dumps({a.text: [astuple(s) for s in found] for a, found in pairs}))
            runs: dict[tuple[str, str], list[tuple[float, float]]] = {}
            written: set[str] = set()
            for n in range(args.runs + 1):  # the first round warms the caches
                for where, db in databases.items():
                    for name, checkout in checkouts.items():
                        out = Path(tmp) / "export.json"
                        timed = _timed(checkout, db, engine, ["export", "--all", "--format", "json", "-o", str(out)])
                        written.add(hashlib.sha256(out.read_bytes()).hexdigest())
                        if n:
                            runs.setdefault((where, name), []).append(timed)
            for (where, name), found in runs.items():
                print(f"{where}, {name}: {statistics.median(w for w, _ in found):.2f} s "
                      f"(CPU {statistics.median(c for _, c in found):.2f} s), median of {len(found)}")
            print("every file written identical:", len(written) == 1)
    finally:
        drop()


if __name__ == "__main__":
    main()
