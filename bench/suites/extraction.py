"""Extraction throughput (MB/s), linearity and peak memory on generated articles."""
from __future__ import annotations

import gc
import tracemalloc

from bench.corpus import generate
from bench.harness import Row, median_seconds
from reader.attribution import Extractor
from reader.config import load_config

SIZES = {"100 KB": 100_000, "1 MB": 1_000_000, "10 MB": 10_000_000}


def run(quick: bool = False) -> list[Row]:
    extractor = Extractor(load_config())
    sizes = {"100 KB": 100_000, "1 MB": 1_000_000} if quick else SIZES
    rows: list[Row] = []
    seconds: dict[str, float] = {}
    for label, size in sizes.items():
        text = generate(size)
        mb = len(text.encode("utf-8")) / 1e6
        extractor.extract(text[:20_000])  # warm caches once
        seconds[label] = median_seconds(lambda: extractor.extract(text), 3 if size >= 10_000_000 else 5)
        throughput = mb / seconds[label]
        target = "≥ 5" if label == "10 MB" else ""
        rows.append(Row("extraction", label, "throughput", throughput, "MB/s", target,
                        (throughput >= 5) if target else None))
        gc.collect()
        tracemalloc.start()
        extractor.extract(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        ratio = peak / len(text.encode("utf-8"))
        rows.append(Row("extraction", label, "peak memory / input", ratio, "×", "≤ 20", ratio <= 20))
    if "10 MB" in seconds:
        ratio = seconds["10 MB"] / seconds["1 MB"]
        rows.append(Row("extraction", "10 MB vs 1 MB", "time ratio", ratio, "×", "≤ 12", ratio <= 12))
    return rows
