"""Statements as the rules find them, before speakers are resolved: what every room of the
engine (direct.py, indirect.py, according.py, findings.py, posts.py) produces."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from reader.attribution.cues import CueLexicon
from reader.attribution.model import Kind
from reader.attribution.mentions import Mention
from reader.attribution.speakers import Entity
from reader.attribution.structure import Paragraph, Quote, Sentence


@dataclass
class Raw:
    """A statement before its speaker is resolved and its source suggested."""

    start: int
    end: int
    kind: Kind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: Mention | None
    post_reason: str | None = None
    inherit: bool = False  # speaker: the one who spoke just before
    entity: Entity | None = None
    context: str = ""
    paragraph: int = 0
    silent: bool = False  # no statement: only a mention for later "he" or "the official"
    nested_in: "Raw | None" = None  # a quotation inside another speaker's quotation
    quote: Quote | None = None  # the quotation a direct statement is


class CueIndex:
    """The cue words found in a stretch of text, looked up by position."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches
        self.starts = [m.start() for m in matches]

    def between(self, lo: int, hi: int) -> list[re.Match[str]]:
        return self.matches[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


@dataclass
class SentenceScan:
    """One sentence being read: its text, its cue verbs and the statements found in it so far."""

    text: str
    paras: list[Paragraph]
    n: int  # the paragraph's index
    sent: Sentence
    lexicon: CueLexicon
    cues: list[re.Match[str]]  # cue words used as verbs, outside quotations
    used_cues: set[int] = field(default_factory=set)  # start offsets of cues that attribute something
    raws: list[Raw] = field(default_factory=list)
    memo: dict[tuple[int, int], Raw | None] = field(default_factory=dict)  # attributions read, by span
    cue_starts: list[int] = field(init=False)
    # indirect.py: where the clause of the cue at each index begins, read once per sentence
    clause_stops: dict[int, int | None] = field(default_factory=dict)
    first_open: int | None = None  # first_quote(), once read

    def __post_init__(self) -> None:
        self.cue_starts = [m.start() for m in self.cues]

    def cues_between(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The cue verbs starting in lo..hi: a sentence of many quotations has as many cues, and
        each quotation looks only at its own stretch."""
        return self.cues[bisect_left(self.cue_starts, lo):bisect_left(self.cue_starts, hi)]

    def first_quote(self) -> int:
        """Where the sentence's first quotation opens (read once: a sentence may hold hundreds)."""
        if self.first_open is None:
            self.first_open = min((q.open for q in self.sent.quotes), default=-1)
        return self.first_open

    @property
    def para(self) -> Paragraph:
        return self.paras[self.n]

    def add(self, raw: Raw) -> None:
        self.raws.append(raw)
        if raw.cue_start is not None:
            self.used_cues.add(raw.cue_start)

    def covered(self, pos: int) -> bool:
        """Are the words at `pos` already someone's statement?"""
        return any(not r.silent and r.start <= pos < r.end for r in self.raws)


def dedupe(raws: list[Raw]) -> list[Raw]:
    """Reading order; of two statements over nearly the same words, the better attributed stays."""
    raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[Raw] = []
    kept: list[int] = []  # indexes into out of the statements kept so far
    for raw in raws:
        if raw.silent:
            out.append(raw)
            continue
        if raw.end <= raw.start:
            continue
        twin = next((k for k in kept[-4:] if _overlap(out[k], raw) >= 0.8 * max(
            out[k].end - out[k].start, raw.end - raw.start)), None)
        if twin is not None:
            if raw.kind == "direct" and out[twin].kind != "direct" and raw.mention is not None:
                out[twin] = raw
            continue
        kept.append(len(out))
        out.append(raw)
    return out


def _overlap(a: Raw, b: Raw) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))
