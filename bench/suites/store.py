"""Tag write latency (p50, p99) with 100, 10,000 and 100,000 tags already stored across
1,000 articles: one `TagStore.set_tag` call each, lock, read, atomic write and fsyncs included.

Writes come the way the review screen makes them: a session tags the statements of one
article in turn (up to 10), then the next session picks another article at random. Every
write is timed, the first of each session too (p99 shows those). "first write" rows time only
writes to an article this process has not written lately (nothing cached): the cost of a
one-shot `reader tag`, process start-up aside.

The databases are pre-filled by writing their files directly through the storage layer (no
fsync, then one `os.sync()`), which takes seconds instead of 100,000 set_tag calls. They live
in a temporary folder: set TMPDIR to measure another disk.
"""
from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import generate
from bench.harness import Row
from reader.article import Article, title_of
from reader.attribution import Extractor, Statement
from reader.config import load_config
from reader.store import Tag, TagStore, make_anchor
from reader.store.layout import Layout
from reader.store.model import ArticleRecord, record_to_json, tag_to_json
from reader.store.schema import tag_key
from reader.store.disk import make_folder, write_document

ARTICLES = 1_000
SIZES = (100, 10_000, 100_000)
CATEGORIES = ("official", "intelligence", "eyewitness", "social media")
SESSION = 10  # statements tagged per article in a row
STAMP = "2026-01-01T00:00:00Z"


def _articles(count: int) -> list[Article]:
    out = []
    for i in range(count):
        text = generate(2_500, seed=1_000 + i)
        out.append(Article(text=text, path=f"/bench/article-{i:04d}.txt", title=title_of(text)))
    return out


def _fill(root: Path, articles: list[Article], total: int, rng: random.Random) -> None:
    """`total` tags spread evenly over the articles, written straight to the files."""
    layout = Layout.at(root)
    for folder in (layout.articles, layout.texts):
        make_folder(folder)
    records = {}
    for i, article in enumerate(articles):
        aid, text = article.id, article.text
        write_document(layout.text(aid), "text", {"text": {"text": {"text": text}}}, durable=False, article=aid)
        count = total // len(articles) + (1 if i < total % len(articles) else 0)
        tags = {}
        for n in range(count):
            start = rng.randrange(0, max(1, len(text) - 120))
            tag = Tag(article_id=aid, statement_id=f"sfill{n:05d}", category=rng.choice(CATEGORIES),
                      anchor=make_anchor(text, start, start + rng.randint(40, 120)),
                      note="checked against the ministry statement" if n % 3 == 0 else None,
                      reliability=rng.choice("ABCDEF"), credibility=rng.choice("123456"),
                      reviewer="bench", created=STAMP, updated=STAMP)
            tags[tag_key(tag.statement_id, tag.reviewer)] = tag_to_json(tag)
        write_document(layout.article(aid), "article", {"tags": tags}, durable=False, article=aid)
        records[aid] = record_to_json(ArticleRecord(id=aid, path=article.path, title=article.title,
                                                    chars=article.chars, first_seen=STAMP, last_opened=STAMP,
                                                    meta={}, statements=count))
    write_document(layout.index, "index", {"articles": records}, durable=False)
    os.sync()


def _sessions(store: TagStore, targets: dict[str, list[Statement]], writes: int,
              rng: random.Random) -> list[float]:
    out: list[float] = []
    ids = sorted(targets)
    while len(out) < writes:
        article_id = rng.choice(ids)
        for statement in targets[article_id][:SESSION]:
            t0 = time.perf_counter()
            store.set_tag(article_id, statement, rng.choice(CATEGORIES), note=f"bench {rng.random():.6f}")
            out.append(time.perf_counter() - t0)
    return out


def _first_writes(store: TagStore, targets: dict[str, list[Statement]], writes: int,
                  rng: random.Random) -> list[float]:
    """Each write to a different article, cycling through more articles than the cache holds."""
    out: list[float] = []
    ids = sorted(targets)
    rng.shuffle(ids)
    for n in range(writes):
        article_id = ids[n % len(ids)]
        statement = rng.choice(targets[article_id])
        t0 = time.perf_counter()
        store.set_tag(article_id, statement, rng.choice(CATEGORIES))
        out.append(time.perf_counter() - t0)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(quick: bool = False) -> list[Row]:
    rng = random.Random(3)
    articles = _articles(ARTICLES)
    extractor = Extractor(load_config())
    targets = {a.id: found for a in rng.sample(articles, 60) if (found := extractor.extract(a.text))}
    writes = 150 if quick else 500
    rows: list[Row] = []
    p50: dict[int, float] = {}
    for size in SIZES:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
            root = Path(tmp) / "db"
            _fill(root, articles, size, rng)
            store = TagStore(root, "bench")
            _sessions(store, targets, 20, rng)  # warm up the file system and the text cache
            times = _sessions(store, targets, writes, rng)
            first = _first_writes(store, targets, writes // 3, rng)
        label = f"{size:,} tags"
        p50[size] = statistics.median(times) * 1000
        target = "≤ 10" if size == 100_000 else ""
        rows.append(Row("store", label, "tag write p50", p50[size], "ms", target,
                        p50[size] <= 10 if target else None))
        rows.append(Row("store", label, "tag write p99", _p(times, 0.99) * 1000, "ms"))
        rows.append(Row("store", label, "first write p50", statistics.median(first) * 1000, "ms"))
    ratio = p50[100_000] / p50[100]
    rows.append(Row("store", "100,000 vs 100 tags", "p50 ratio", ratio, "×", "≤ 2", ratio <= 2))
    return rows
