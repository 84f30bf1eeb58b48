"""The commands that read every article of a desk's database, each as a process of its own:
`reader articles --format json` and `reader export --all --format json -o FILE`, on the
agreement suite's database (1,000 articles × 100 statements × 3 reviewers: 300,000 tags, in a
folder), medians of 5, wall time and the process's own CPU time.

The engine is not measured: `reader export` would run it on every article, so each process is
given the engine's statements for every article (computed once, as the agreement suite gives
them to its imports); `reader articles` reads the store alone.

Side by side: with READER_BENCH_AGAINST=DIR (another checkout of reader, e.g. main before a
change: `git worktree add --detach /tmp/before main`), every command is run with that
checkout's reader too, interleaved with this one's, so both see the same machine.
"""
from __future__ import annotations

import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import astuple
from pathlib import Path

from bench.harness import Row
from bench.suites.agreement import AGAINST_ENV, REVIEWERS, ROOT, STATEMENTS, _fill
from bench.suites.exports import _article
from reader.store import schema

ARTICLES = 1_000
REPEAT = 5
COMMANDS = (("articles", "--format", "json"), ("export", "--all", "--format", "json", "-o", "{out}"))

# Run by each process: `python -c RUN CHECKOUT ENGINE ARGS...` runs `reader ARGS...` of CHECKOUT
# with the engine's output served from ENGINE (a pickle of text -> statement fields).
RUN = """
import pickle, sys
from pathlib import Path
checkout, engine, *args = sys.argv[1:]
sys.path.insert(0, checkout)
import reader
assert Path(reader.__file__).resolve().is_relative_to(Path(checkout).resolve()), reader.__file__
from reader.attribution.model import Statement
from reader.cli import main
from reader.exports import collector
known = pickle.loads(Path(engine).read_bytes())
collector.extract = lambda text, cfg: [Statement(*fields) for fields in known.get(text, ())]
sys.exit(main(args))
"""


def _timed(checkout: Path, db: Path | str, engine: Path, args: list[str]) -> tuple[float, float]:
    """(wall, own CPU) seconds of `reader ARGS` of this checkout, as a process."""
    env = {**os.environ, "READER_DB": str(db), "READER_CONFIG": str(checkout / "config.yaml"),
           "READER_REVIEWER": REVIEWERS[0]}
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUN, str(checkout), str(engine), *args], cwd=checkout, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=1800)
    elapsed = time.perf_counter() - t0
    after = os.times()
    if proc.returncode != 0:
        raise RuntimeError(f"reader {' '.join(args)} with {checkout} failed: {proc.stderr[-2000:]}")
    return elapsed, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def run(quick: bool = False) -> list[Row]:
    rng = random.Random(13)
    count = 100 if quick else ARTICLES
    articles = [_article(i, STATEMENTS, rng) for i in range(count)]
    label = f"{count:,} articles × {STATEMENTS} statements × {len(REVIEWERS)} reviewers"
    against = os.environ.get(AGAINST_ENV)
    readers = {"": ROOT, **({f", against {against}": Path(against)} if against else {})}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        desk, engine = Path(tmp) / "desk", Path(tmp) / "engine.pickle"
        _fill(desk, articles, rng, reviewers=REVIEWERS, version=schema.CURRENT)
        engine.write_bytes(pickle.dumps({a.text: [astuple(s) for s in statements] for a, statements in articles}))
        for command in COMMANDS:
            args = [a.format(out=Path(tmp) / "export.json") for a in command]
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in readers}
            for checkout in readers.values():  # once each first: the files in the page cache
                _timed(checkout, desk, engine, args)
            for _ in range(1 if quick else REPEAT):  # interleaved, so every checkout sees the same machine
                for name, checkout in readers.items():
                    runs[name].append(_timed(checkout, desk, engine, args))
            shown = " ".join(a for a in command if a != "{out}").replace("-o", "-o FILE")
            for name, found in runs.items():
                case = f"reader {shown}{name}, {label}"
                rows.append(Row("desk_reads", case, "time (process)", statistics.median(w for w, _ in found), "s"))
                rows.append(Row("desk_reads", case, "CPU time (process)", statistics.median(c for _, c in found), "s"))
    return rows
