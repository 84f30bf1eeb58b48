"""Shared pieces of the benchmark harness: result rows, timing, the table and the JSON file."""
from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass
class Row:
    suite: str
    case: str
    metric: str
    value: float
    unit: str
    target: str = ""  # the figure an issue asks for, e.g. "≥ 5"
    ok: bool | None = None  # whether the target holds; None when there is none


def median_seconds(fn: Callable[[], Any], repeat: int) -> float:
    """Median wall time of `repeat` calls: medians, because machines are noisy."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def machine() -> dict[str, str]:
    return {"python": platform.python_version(), "machine": platform.machine(),
            "processor": platform.processor() or "", "system": platform.platform()}


def write_json(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"machine": machine(), "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
           "rows": [asdict(r) for r in rows]}
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def print_table(rows: list[Row]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="reader benchmarks (medians)")
    for name in ("suite", "case", "metric"):
        table.add_column(name)
    table.add_column("value", justify="right")
    table.add_column("target")
    for r in rows:
        mark = "" if r.ok is None else (" ✓" if r.ok else " ✗")
        value = f"{r.value:,.3f}" if r.value < 100 else f"{r.value:,.0f}"
        table.add_row(r.suite, r.case, r.metric, f"{value} {r.unit}", r.target + mark)
    Console().print(table)
