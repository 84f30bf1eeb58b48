"""A desk's database: 1,000 articles × 100 statements, each tagged by three reviewers (alice,
bob, carol: 300,000 tags; bob and carol agree with alice on about 80% of statements).

- `reader agreement --all` as a user runs it (a process, start-up included), json and table:
  the issue's target is ≤ 5 s.
- Importing a reviewer's 100,000 tags (dana's json file, the first round's shape so any reader
  reads it) into a database holding the articles and no tags, as the exports suite has
  always measured an import (written at the schema version each checkout writes, so neither
  pays for a migration), and into the desk's database (300,000 tags already there: dana's go
  in beside them). Each import is a process of its own, timed inside it.

Side by side: with READER_BENCH_AGAINST=DIR (another checkout, e.g. the code before reviewers
were kept apart: `git worktree add --detach /tmp/before d3de3bb`), `reader agreement` and the
same import into the same untagged database are timed with that checkout's reader too,
interleaved with this one's, so both see the same machine. That is the issue's "as fast as
today's import", and a before/after of any change to agreement.

The engine is not measured: its statements for every article are computed once and given to
each importing process (they are what the exports suite serves from memory too). The
databases are written directly through the storage layer, as the exports suite does.
"""
from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import astuple
from pathlib import Path

from bench.harness import Row
from bench.suites.exports import _article
from reader.article import Article
from reader.attribution import Statement
from reader.store import Tag, make_anchor, schema
from reader.store.disk import atomic_write, make_folder
from reader.store.encoding import encode
from reader.store.layout import Layout
from reader.store.model import ArticleRecord, record_to_json, tag_to_json

ARTICLES = 1_000
STATEMENTS = 100
REVIEWERS = ("alice", "bob", "carol")
CATEGORIES = ("official", "intelligence", "eyewitness", "social media")
AGREE = 0.8
STAMP = "2026-01-01T00:00:00Z"
AGAINST_ENV = "READER_BENCH_AGAINST"
ROOT = Path(__file__).resolve().parents[2]

# Run by each importing process: `python -c IMPORT CHECKOUT CONFIG DB FILE ENGINE` prints the
# import's own time (file read, check, plan, writes) and how many tags it added.
IMPORT = """
import json, pickle, sys, time
from pathlib import Path
checkout, config, db, path, engine = sys.argv[1:6]
sys.path.insert(0, checkout)
import reader
assert Path(reader.__file__).resolve().is_relative_to(Path(checkout).resolve()), reader.__file__
from reader.attribution.model import Statement
from reader.config import load_config
from reader.exports import importer
from reader.store import TagStore
known = pickle.loads(Path(engine).read_bytes())
importer.extract = lambda text, cfg: [Statement(*fields) for fields in known.get(text, ())]
store, settings = TagStore(Path(db), "bench"), load_config(config)
t0 = time.perf_counter()
result = importer.import_file(store, settings, Path(path))
print(json.dumps({"time": time.perf_counter() - t0, "added": result.added}))
"""


def _write(path: Path, kind: str, tables: dict[str, object], version: int, **meta: str) -> None:
    """A database file at this schema version (1: what the first round's reader reads too)."""
    atomic_write(path, encode({**tables, schema.META: {schema.META_ID: {"schema": version, "kind": kind, **meta}}}),
                 durable=False)


def _categories(rng: random.Random) -> dict[str, str]:
    """Each reviewer's category of one statement: bob and carol agree with alice 80% of the time."""
    first = rng.choice(CATEGORIES)
    return {name: first if name == REVIEWERS[0] or rng.random() < AGREE else rng.choice(CATEGORIES)
            for name in REVIEWERS}


def _fill(root: Path, articles: list[tuple[Article, list[Statement]]], rng: random.Random, *,
          reviewers: tuple[str, ...], version: int) -> None:
    layout = Layout.at(root)
    for folder in (layout.articles, layout.texts):
        make_folder(folder)
    records = {}
    for article, statements in articles:
        aid, text = article.id, article.text
        _write(layout.text(aid), "text", {"text": {"text": {"text": text}}}, version, article=aid)
        tags = {}
        for s in statements if reviewers else ():
            for name, category in _categories(rng).items():
                if name in reviewers:
                    tags[schema.tag_key(s.id, name)] = tag_to_json(Tag(
                        article_id=aid, statement_id=s.id, category=category, anchor=make_anchor(text, s.start, s.end),
                        reviewer=name, created=STAMP, updated=STAMP))
        engine = {"ids": {"ids": [s.id for s in statements]}}
        _write(layout.article(aid), "article", {"tags": tags, "engine": engine}, version, article=aid)
        records[aid] = record_to_json(ArticleRecord(id=aid, path=article.path, title=article.title,
                                                    chars=article.chars, first_seen=STAMP, last_opened=STAMP,
                                                    meta={}, statements=len(statements)))
    _write(layout.index, "index", {"articles": records}, version)
    os.sync()


def _import_file(path: Path, articles: list[tuple[Article, list[Statement]]], rng: random.Random) -> None:
    """dana's 100,000 tags as a json export of the first round's shape (one `tag` a statement)."""
    out = []
    for article, statements in articles:
        rows = []
        for s in statements:
            row = {k: getattr(s, k) for k in ("id", "start", "end", "text", "speaker", "speaker_start", "speaker_end",
                                              "cue", "kind", "suggested_source", "reason")}
            row["tag"] = {"category": rng.choice(CATEGORIES), "note": None, "reliability": None, "credibility": None,
                          "reviewer": "dana", "created": STAMP, "updated": STAMP}
            rows.append(row)
        out.append({"id": article.id, "path": article.path, "title": article.title, "chars": article.chars,
                    "text": article.text, "statements": rows})
    path.write_text(json.dumps({"format": "reader-export", "version": 1, "articles": out}), encoding="utf-8")


def _timed_import(checkout: Path, db: Path, source: Path, engine: Path, expected: int) -> float:
    proc = subprocess.run([sys.executable, "-c", IMPORT, str(checkout), str(checkout / "config.yaml"), str(db),
                           str(source), str(engine)], capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"import with {checkout} failed: {proc.stderr[-2000:]}")
    found = json.loads(proc.stdout.splitlines()[-1])
    if found["added"] != expected:
        raise RuntimeError(f"import with {checkout} added {found['added']} tags, not {expected}")
    return float(found["time"])


def _agreement(db: Path, fmt: str, checkout: Path = ROOT) -> tuple[float, float]:
    """`reader agreement --all` of this checkout as a process: (wall, its own CPU) seconds."""
    import time

    env = {**os.environ, "READER_DB": str(db), "PYTHONPATH": str(checkout)}
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reader", "agreement", "--all", "--format", fmt], cwd=checkout,
                          env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - t0
    after = os.times()
    if proc.returncode != 0:
        raise RuntimeError(f"reader agreement with {checkout} failed: {proc.stderr[-2000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return elapsed, cpu


def run(quick: bool = False) -> list[Row]:
    rng = random.Random(13)
    count = 100 if quick else ARTICLES
    articles = [_article(i, STATEMENTS, rng) for i in range(count)]
    tags = count * STATEMENTS
    label = f"{count:,} articles × {STATEMENTS} statements × {len(REVIEWERS)} reviewers"
    against = os.environ.get(AGAINST_ENV)
    rows: list[Row] = []
    repeat = 3
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        desk, untagged, first_round = Path(tmp) / "desk", Path(tmp) / "untagged", Path(tmp) / "untagged-v1"
        _fill(desk, articles, rng, reviewers=REVIEWERS, version=schema.CURRENT)
        _fill(untagged, articles, rng, reviewers=(), version=schema.CURRENT)
        if against:
            _fill(first_round, articles, rng, reviewers=(), version=1)  # what the other checkout reads
        readers = {"": ROOT, **({f", against {against}": Path(against)} if against else {})}
        for fmt in ("json", "table"):
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in readers}
            for _ in range(repeat):  # interleaved, so every checkout sees the same machine
                for name, checkout in readers.items():
                    runs[name].append(_agreement(desk, fmt, checkout))
            for name, found in runs.items():
                took = statistics.median(wall for wall, _ in found)
                rows.append(Row("agreement", f"reader agreement --all --format {fmt}{name}, {label}", "time (process)",
                                took, "s", "≤ 5", took <= 5))
                rows.append(Row("agreement", f"reader agreement --all --format {fmt}{name}, {label}",
                                "CPU time (process)", statistics.median(cpu for _, cpu in found), "s"))
        source, engine = Path(tmp) / "dana.json", Path(tmp) / "engine.pickle"
        _import_file(source, articles, rng)
        engine.write_bytes(pickle.dumps({a.text: [astuple(s) for s in statements] for a, statements in articles}))
        checkouts = {"this reader": ROOT, **({f"against {against}": Path(against)} if against else {})}
        times: dict[str, list[float]] = {name: [] for name in [*checkouts, "this reader, into the desk's database"]}
        for n in range(repeat):  # interleaved, so every checkout sees the same machine
            for name, checkout in checkouts.items():
                target = Path(tmp) / f"import-{n}"
                shutil.copytree(untagged if checkout == ROOT else first_round, target)
                os.sync()
                times[name].append(_timed_import(checkout, target, source, engine, tags))
                shutil.rmtree(target)
            target = Path(tmp) / f"desk-{n}"
            shutil.copytree(desk, target)
            os.sync()
            times["this reader, into the desk's database"].append(_timed_import(ROOT, target, source, engine, tags))
            shutil.rmtree(target)
        for name, taken in times.items():
            rows.append(Row("agreement", f"import a reviewer's {tags:,} tags, {name}", "time",
                            statistics.median(taken), "s"))
    return rows
