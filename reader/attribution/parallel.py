"""Large inputs on every core.

Finding statements is local: a statement, its speaker and the mentions its pronouns point back
to sit within a few paragraphs of each other. So a large text is cut at paragraph boundaries
into runs that worker processes extract at the same time; each run starts a little early, so
its first "he said" still finds who "he" is, and keeps only the statements of its own part.
Ordinary articles never reach the threshold: starting processes costs more than it saves below
a megabyte or so.
"""
from __future__ import annotations

import os
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from reader.attribution.model import Statement, statement_id
from reader.config import Config

if TYPE_CHECKING:
    from reader.attribution.engine import Extractor

PARALLEL_FROM = 1_500_000  # characters
_FIELDS = tuple(f.name for f in fields(Statement))
WARM_UP = 6_000  # characters read before a run's own part, for the speakers named there


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return min(len(os.sched_getaffinity(0)), 8)
    return min(os.cpu_count() or 1, 8)


def extract(extractor: Extractor, text: str) -> list[Statement]:
    n = cores()
    if len(text) < PARALLEL_FROM or n < 2:
        return extractor.extract_range(text, 0, len(text))
    from concurrent.futures import ProcessPoolExecutor  # only large texts need it; ~6 ms to import

    cuts = _cuts(text, n)
    runs = list(zip(cuts, cuts[1:]))
    with ProcessPoolExecutor(max_workers=n - 1) as pool:
        futures = [pool.submit(_extract_run, extractor.config, text, a, b) for a, b in runs[1:]]
        out = extractor.extract_range(text, *runs[0])
        entities = _Entities()
        out = [entities.merge(0, s) for s in out]
        for n, future in enumerate(futures, 1):
            out.extend(entities.merge(n, Statement(*row)) for row in future.result())
    return _renumber(out)


class _Entities:
    """Each run numbers its sources from e1: give them ids over the whole text, the same id to
    a source another run already named the same way."""

    def __init__(self) -> None:
        self.ids: dict[tuple[int, str], str] = {}
        self.by_speaker: dict[str, str] = {}

    def merge(self, run: int, s: Statement) -> Statement:
        if s.entity is None:
            return s
        key = (run, s.entity)
        if key not in self.ids:
            known = self.by_speaker.get(s.speaker or "")
            self.ids[key] = known or f"e{len(set(self.ids.values())) + 1}"
        wanted = self.ids[key]
        self.by_speaker.setdefault(s.speaker or "", wanted)
        return s if s.entity == wanted else replace(s, entity=wanted)


def _cuts(text: str, n: int) -> list[int]:
    """n runs of similar length, each cut at the start of a line."""
    cuts = [0]
    for k in range(1, n):
        at = text.find("\n", len(text) * k // n)
        if at < 0 or at + 1 <= cuts[-1]:
            break
        cuts.append(at + 1)
    return cuts + [len(text)]


def _extract_run(config: Config, text: str, lo: int, hi: int) -> list[tuple[Any, ...]]:
    from reader.attribution.engine import _extractor

    start = text.find("\n", max(0, lo - WARM_UP), lo) + 1 if lo else 0
    statements = _extractor(config).extract_range(text, start, hi, keep_from=lo)
    return [tuple(getattr(s, name) for name in _FIELDS) for s in statements]  # plain tuples travel fastest


def _renumber(statements: list[Statement]) -> list[Statement]:
    """Runs number repeated statements on their own; make the ids count over the whole text."""
    seen: dict[str, int] = {}
    out = []
    for s in statements:
        seen[s.text] = seen.get(s.text, 0) + 1
        wanted = statement_id(s.text, seen[s.text])
        out.append(s if s.id == wanted else replace(s, id=wanted))
    return out
