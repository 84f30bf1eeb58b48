"""Extraction throughput (MB/s), linearity and peak memory on generated articles.

Two kinds of generated text: news-like (about one statement per 400 characters, as in real
reporting) and dense (one per 160, denser than the hand-written development articles).
Throughput is what `reader extract` gives: texts over 1.5 MB are extracted on every core.
Linearity and memory are measured on one process, where they mean what they say; run-on text
(no full stops at all) checks that cost still grows with length, not with its square.
"""
from __future__ import annotations

import gc
import tracemalloc

from bench.corpus import DENSE, NEWS_LIKE, generate
from bench.harness import Row, median_seconds
from reader.attribution import Extractor
from reader.attribution.parallel import cores
from reader.config import load_config

SIZES = {"100 KB": 100_000, "1 MB": 1_000_000, "10 MB": 10_000_000}


def run(quick: bool = False) -> list[Row]:
    extractor = Extractor(load_config())
    sizes = {"100 KB": 100_000, "1 MB": 1_000_000} if quick else SIZES
    rows: list[Row] = []
    for density, narration in (("news-like", NEWS_LIKE), ("dense", DENSE)):
        single: dict[str, float] = {}
        for label, size in sizes.items():
            text = generate(size, narration=narration)
            mb = len(text.encode("utf-8")) / 1e6
            case = f"{label} {density}"
            extractor.extract(text[:20_000])  # warm caches once
            repeat = 3 if size >= 10_000_000 else 5
            seconds = median_seconds(lambda: extractor.extract(text), repeat)
            throughput = mb / seconds
            target = "≥ 5" if label == "10 MB" and density == "news-like" else ""
            rows.append(Row("extraction", case, f"throughput ({cores()} cores)", throughput, "MB/s", target,
                            (throughput >= 5) if target else None))
            single[label] = median_seconds(lambda: extractor.extract_range(text, 0, len(text)), 3)
            rows.append(Row("extraction", case, "throughput (1 process)", mb / single[label], "MB/s"))
            if density == "dense":
                gc.collect()
                tracemalloc.start()
                extractor.extract_range(text, 0, len(text))
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                ratio = peak / len(text.encode("utf-8"))
                rows.append(Row("extraction", case, "peak memory / input", ratio, "×", "≤ 20", ratio <= 20))
        if "10 MB" in single:
            ratio = single["10 MB"] / single["1 MB"]
            rows.append(Row("extraction", f"10 MB vs 1 MB {density}", "time ratio (1 process)", ratio, "×",
                            "≤ 12", ratio <= 12))
    rows += _run_on(extractor)
    return rows


def _run_on(extractor: Extractor) -> list[Row]:
    """Text without full stops (a transcript, minified page text): one endless sentence of
    quotations and cues. Its cost must grow with its length, not with its square."""
    unit = "“we were told nothing at all,” he said and officials said that the ministry warned "
    rows: list[Row] = []
    seconds: dict[str, float] = {}
    for label, size in (("100 KB", 100_000), ("1 MB", 1_000_000)):
        text = unit * (size // len(unit))
        seconds[label] = median_seconds(lambda: extractor.extract_range(text, 0, len(text)), 3)
        mb = len(text.encode("utf-8")) / 1e6
        rows.append(Row("extraction", f"{label} run-on", "throughput (1 process)", mb / seconds[label], "MB/s"))
    ratio = seconds["1 MB"] / seconds["100 KB"]
    rows.append(Row("extraction", "1 MB vs 100 KB run-on", "time ratio (1 process)", ratio, "×", "≤ 12",
                    ratio <= 12))
    return rows
