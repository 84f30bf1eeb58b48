"""Extraction throughput (MB/s), linearity and peak memory on real and generated articles.

Real text: the twenty Wikinews development articles (shared/eval/real) one after another,
repeated to 2 MB and 8 MB. Two kinds of generated text: news-like (about one statement per 400
characters, as in real reporting) and dense (one per 160, denser than the development articles).
Throughput is what `reader extract` gives: texts over 1.5 MB are extracted on every core.
Linearity and memory are measured on one process, where they mean what they say; run-on text
(no full stops at all) checks that cost still grows with length, not with its square, and that
2 MB of it is read in under 5 s; so does a paragraph of many short quotations (`"x" said y.`
over and over: as many cues as words).
"""
from __future__ import annotations

import gc
import tracemalloc

import sys

from bench.corpus import DENSE, NEWS_LIKE, generate, real_folder, real_text
from bench.harness import Row, median_seconds
from reader.attribution import Extractor
from reader.attribution.parallel import cores
from reader.config import load_config

SIZES = {"100 KB": 100_000, "1 MB": 1_000_000, "10 MB": 10_000_000}


def run(quick: bool = False) -> list[Row]:
    extractor = Extractor(load_config())
    sizes = {"100 KB": 100_000, "1 MB": 1_000_000} if quick else SIZES
    rows: list[Row] = _real(extractor, quick)
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
    rows += _short_quotes(extractor)
    return rows


REAL_SIZES = {"2 MB": 2_000_000, "8 MB": 8_000_000}


def _real(extractor: Extractor, quick: bool) -> list[Row]:
    """Real reporting: throughput on every core (target ≥ 2 MB/s at 8 MB) and in one process,
    and how the time grows from 2 MB to 8 MB (target ≤ 5×)."""
    sizes = {"500 KB": 500_000, "2 MB": 2_000_000} if quick else REAL_SIZES
    rows: list[Row] = []
    single: dict[str, float] = {}
    for label, size in sizes.items():
        text = real_text(size)
        if text is None:
            print(f"extraction: no real articles in {real_folder()} (set READER_BENCH_REAL); real text skipped",
                  file=sys.stderr)
            return []
        mb = len(text.encode("utf-8")) / 1e6
        case = f"{label} real"
        extractor.extract(text[:20_000])  # warm caches once
        repeat = 3 if size >= 8_000_000 else 5
        throughput = mb / median_seconds(lambda: extractor.extract(text), repeat)
        target = "≥ 2" if label == "8 MB" else ""
        rows.append(Row("extraction", case, f"throughput ({cores()} cores)", throughput, "MB/s", target,
                        (throughput >= 2) if target else None))
        single[label] = median_seconds(lambda: extractor.extract_range(text, 0, len(text)), 3)
        rows.append(Row("extraction", case, "throughput (1 process)", mb / single[label], "MB/s"))
    if "8 MB" in single:
        ratio = single["8 MB"] / single["2 MB"]
        rows.append(Row("extraction", "8 MB vs 2 MB real", "time ratio (1 process)", ratio, "×", "≤ 5",
                        ratio <= 5))
    return rows


def _run_on(extractor: Extractor) -> list[Row]:
    """Text without full stops (a transcript, minified page text): one endless sentence of
    quotations and cues. Its cost must grow with its length, not with its square."""
    unit = "“we were told nothing at all,” he said and officials said that the ministry warned "
    rows = _linear(extractor, unit, "run-on", (("100 KB", 100_000), ("1 MB", 1_000_000)))
    text = unit * (2_000_000 // len(unit))
    whole = median_seconds(lambda: extractor.extract(text), 3)  # as `reader extract` reads it
    rows.append(Row("extraction", "2 MB run-on", f"time ({cores()} cores)", whole, "s", "< 5", whole < 5))
    return rows


def _short_quotes(extractor: Extractor) -> list[Row]:
    """One paragraph of many short quotations, each with its cue: a cue every twelve
    characters. Its cost must grow with its length (once 5 s for 120 KB)."""
    return _linear(extractor, '"x" said y. ', "short quotes", (("120 KB", 120_000), ("1.2 MB", 1_200_000)))


def _linear(extractor: Extractor, unit: str, name: str, sizes: tuple[tuple[str, int], tuple[str, int]]) -> list[Row]:
    """`unit` repeated to a small and a ten times larger size, in one process: the throughput of
    each and the ratio of their times (target ≤ 12: cost grows with the length)."""
    rows: list[Row] = []
    seconds: list[float] = []
    for label, size in sizes:
        text = unit * (size // len(unit))
        seconds.append(median_seconds(lambda: extractor.extract_range(text, 0, len(text)), 3))
        mb = len(text.encode("utf-8")) / 1e6
        rows.append(Row("extraction", f"{label} {name}", "throughput (1 process)", mb / seconds[-1], "MB/s"))
    ratio = seconds[1] / seconds[0]
    rows.append(Row("extraction", f"{sizes[1][0]} vs {sizes[0][0]} {name}", "time ratio (1 process)", ratio, "×",
                    "≤ 12", ratio <= 12))
    return rows
