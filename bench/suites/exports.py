"""Export of 100,000 tags (1,000 articles × 100 tagged statements) in every format: wall time
and peak memory, medians, `reader export --all -o FILE` as the command runs it (store reads,
records, formatting, the atomic write to a file in a temporary folder).

Import of the same 100,000 tags: the json export of that database imported, as `reader import
FILE` runs it (reading and checking the file, planning every merge, then the writes, locked and
fsynced), into a copy of the database with the same articles and no tags; then the same file
imported again (every tag identical: planning only, nothing written).

The engine is not measured here (the extraction suite does that): its output for each article
is computed once and served from memory, so the figures are the exports' own. The database is
pre-filled by writing its files directly through the storage layer (no fsync, then one
`os.sync()`), which takes seconds instead of 100,000 `put_tag` calls.

Peak memory is tracemalloc's peak of Python allocations during one export (a separate run from
the timed ones: tracing slows Python down).
"""
from __future__ import annotations

import gc
import os
import shutil
import random
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from unittest.mock import patch

from bench.corpus import FIRST, LAST, QUOTES, ROLES
from bench.harness import Row
from reader.article import Article, title_of
from reader.attribution import Statement, statement_id
from reader.config import Config, load_config
from reader.exports import FORMATS, export_to_file, import_file
from reader.exports.importer import parsing_memory
from reader.exports import collector, importer
from reader.store import Tag, TagStore, make_anchor, schema
from reader.store.layout import Layout
from reader.store.model import ArticleRecord, record_to_json, tag_to_json
from reader.store.disk import make_folder, write_document

ARTICLES = 1_000
TAGS_PER_ARTICLE = 100
CATEGORIES = ("official", "intelligence", "eyewitness", "social media")
STAMP = "2026-01-01T00:00:00Z"


def _article(i: int, statements: int, rng: random.Random) -> tuple[Article, list[Statement]]:
    """An invented article of `statements` quoted, attributed statements (about 120 characters
    each), and those statements as the engine would report them."""
    parts = [f"Storm report number {i}: officials weigh repairs"]
    found: list[Statement] = []
    at = len(parts[0]) + 1
    for n in range(statements):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        quote = f"{rng.choice(QUOTES)}, and that is what we saw on day {n}"
        lead = f"{name}, a {rng.choice(ROLES)}, said: \""
        para = f"{lead}{quote}.\""
        start = at + len(lead)
        found.append(Statement(statement_id(quote, 1 + sum(1 for s in found if s.text == quote)), start,
                               start + len(quote), quote, name, at, at + len(name), "said", "direct",
                               "official", "role → official"))
        parts.append(para)
        at += len(para) + 1
    text = "\n".join(parts) + "\n"
    return Article(text=text, path=f"/bench/exports-{i:04d}.txt", title=title_of(text)), found


def _fill(root: Path, articles: list[tuple[Article, list[Statement]]], rng: random.Random, *,
          tagged: bool = True) -> None:
    """The articles registered, with TAGS_PER_ARTICLE tags each (or none)."""
    layout = Layout.at(root)
    for folder in (layout.articles, layout.texts):
        make_folder(folder)
    records = {}
    for article, statements in articles:
        aid, text = article.id, article.text
        write_document(layout.text(aid), "text", {"text": {"text": {"text": text}}}, durable=False, article=aid)
        tags = {}
        for n, s in enumerate(statements[:TAGS_PER_ARTICLE] if tagged else ()):
            tag = Tag(article_id=aid, statement_id=s.id, category=rng.choice(CATEGORIES),
                      anchor=make_anchor(text, s.start, s.end),
                      note="checked against the ministry statement" if n % 3 == 0 else None,
                      reliability=rng.choice("ABCDEF"), credibility=rng.choice("123456"),
                      reviewer="bench", created=STAMP, updated=STAMP)
            tags[schema.tag_key(s.id, tag.reviewer)] = tag_to_json(tag)
        if tags:
            write_document(layout.article(aid), "article", {"tags": tags}, durable=False, article=aid)
        records[aid] = record_to_json(ArticleRecord(id=aid, path=article.path, title=article.title,
                                                    chars=article.chars, first_seen=STAMP, last_opened=STAMP,
                                                    meta={}, statements=len(statements)))
    write_document(layout.index, "index", {"articles": records}, durable=False)
    os.sync()


def _export(store: TagStore, config: Config, fmt: str, out: Path) -> None:
    export_to_file(store, config, None, fmt, out)


def _imports(tmp: Path, store: TagStore, config: Config, untagged: Path, label: str,
             repeat: int) -> list[Row]:
    """Import the json export of `store` into fresh copies of `untagged`: time (median of
    `repeat`), peak memory (one more run, traced), then the same file again (all identical)."""
    source = Path(tmp) / "import.json"
    _export(store, config, "json", source)

    def fresh(n: int) -> TagStore:
        root = Path(tmp) / f"import-{n}"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(untagged, root)
        os.sync()  # the copy on disk, so the import's fsyncs do not flush it
        return TagStore(root, "bench")

    times, again = [], []
    for n in range(repeat):
        target = fresh(n)
        gc.collect()
        t0 = time.perf_counter()
        result = import_file(target, config, source)
        times.append(time.perf_counter() - t0)
        expected = len(store.articles()) * TAGS_PER_ARTICLE
        if result.added != expected:
            raise RuntimeError(f"bench import added {result.added} tags, not {expected}")
        t0 = time.perf_counter()
        result = import_file(target, config, source)
        again.append(time.perf_counter() - t0)
        if result.identical != expected:
            raise RuntimeError(f"bench re-import found {result.identical} identical tags, not {expected}")
        shutil.rmtree(target.root)
    target = fresh(repeat)
    gc.collect()
    tracemalloc.start()
    import_file(target, config, source)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    case = f"import json, {label}"
    return [Row("exports", case, "time", statistics.median(times), "s"),
            Row("exports", case, "peak memory", peak / 1e6, "MB"),
            Row("exports", case, "parsing memory as estimated before reading", parsing_memory(source.read_bytes()) / 1e6,
                "MB", f"≤ {importer.MAX_IMPORT_MEMORY / 1e6:,.0f}", parsing_memory(source.read_bytes()) <= importer.MAX_IMPORT_MEMORY),
            Row("exports", case, "file size", source.stat().st_size / 1e6, "MB"),
            Row("exports", f"import json again (all identical), {label}", "time", statistics.median(again), "s")]


def run(quick: bool = False) -> list[Row]:
    rng = random.Random(5)
    count = 100 if quick else ARTICLES
    articles = [_article(i, TAGS_PER_ARTICLE, rng) for i in range(count)]
    engine = {a.text: s for a, s in articles}
    config = load_config()

    def cached(text: str, cfg: Config) -> list[Statement]:  # the engine's output, known in advance
        return list(engine.get(text, ()))

    rows: list[Row] = []
    repeat = 3
    label = f"{count * TAGS_PER_ARTICLE:,} tags"
    with patch.object(collector, "extract", cached), patch.object(importer, "extract", cached):
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
            root = Path(tmp) / "db"
            t0 = time.perf_counter()
            _fill(root, articles, rng)
            fill = time.perf_counter() - t0
            store = TagStore(root, "bench")
            rows.append(Row("exports", label, "fixture build", fill, "s"))
            for fmt in FORMATS:
                out = Path(tmp) / f"export{FORMATS[fmt].suffix}"
                _export(store, config, fmt, out)  # warm the text cache and the file system
                times = []
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    _export(store, config, fmt, out)
                    times.append(time.perf_counter() - t0)
                size = out.stat().st_size / 1e6
                gc.collect()
                tracemalloc.start()
                _export(store, config, fmt, out)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                case = f"{fmt}, {label}"
                rows.append(Row("exports", case, "time", statistics.median(times), "s"))
                rows.append(Row("exports", case, "peak memory", peak / 1e6, "MB"))
                rows.append(Row("exports", case, "output size", size, "MB"))
            untagged = Path(tmp) / "untagged"
            _fill(untagged, articles, rng, tagged=False)
            rows += _imports(Path(tmp), store, config, untagged, label, repeat)
    return rows
