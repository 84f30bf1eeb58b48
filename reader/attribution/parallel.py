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
from reader.attribution.structure import MAX_SENTENCE, analyse, sentences_of
from reader.config import Config

if TYPE_CHECKING:
    from reader.attribution.engine import Extractor

PARALLEL_FROM = 1_500_000  # characters
_FIELDS = tuple(f.name for f in fields(Statement))
WARM_UP = 6_000  # characters read before a run's own part, for the speakers named there
FAR = 100_000  # how far to look for a line break before cutting elsewhere



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
        at = _boundary(text, len(text) * k // n, len(text))
        if at <= cuts[-1] or at >= len(text):
            break
        cuts.append(at)
    return cuts + [len(text)]


def _boundary(text: str, pos: int, hi: int) -> int:
    """The first line start at or after `pos`. In text with no line break for a long way (a
    transcript, page text run together), the first start of a sentence, or of a piece of an
    endless sentence, outside quotations if it can: the same place one process reading from the
    line start would begin a sentence, so both read the same sentences (a quotation cut in two
    can differ at the cut)."""
    line = text.find("\n", pos, min(hi, pos + FAR))
    if line >= 0:
        return line + 1
    para_start = text.rfind("\n", 0, pos) + 1
    paras = analyse(text, para_start, min(len(text), pos + 10 * MAX_SENTENCE))
    if not paras:
        return min(hi, pos + FAR)
    para = paras[0]
    after = [sent.start for sent in sentences_of(text, para) if sent.start >= pos]
    clean = (start for start in after if not any(q.open < start <= q.close for q in para.quotes))
    return min(hi, next(clean, after[0] if after else pos + FAR))  # inside a quotation only if it must


def _extract_run(config: Config, text: str, lo: int, hi: int) -> list[tuple[Any, ...]]:
    from reader.attribution.engine import _extractor

    start = _boundary(text, max(0, lo - WARM_UP), lo) if lo else 0
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
