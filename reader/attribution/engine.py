"""The extraction engine: from article text to attributed statements.

One pass over paragraphs and sentences (structure.py). Each sentence goes through the rooms of
the engine, one per kind of statement, in this order (a later room leaves alone the cue verbs
and the words an earlier one used):
  direct.py     quotations attributed by a cue before, after or around them (split quotes too),
                and bylines.py those attributed without a cue verb;
  indirect.py   what follows a cue verb ("said (that) ...", "told reporters ..."), and
                trailing.py what comes before one ("..., X said");
                mixed when it holds quoted fragments;
  according.py  "according to X", where no cue of the sentence attributes the same words;
  findings.py   what footage, documents and reports show;
and posts.py reads the signature lines of embedded posts between paragraphs. Then resolve.py
finds each speaker past pronouns and short references and suggests a source category.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from reader.attribution import according, bylines, direct, findings, headlines, indirect, parallel, posts
from reader.attribution.candidates import CueIndex, Raw, SentenceScan, dedupe
from reader.attribution.cues import CueLexicon
from reader.attribution.model import Statement
from reader.attribution.resolve import finish
from reader.attribution.sources import SourceClassifier
from reader.attribution.structure import Paragraph, Sentence, analyse, sentences_of
from reader.attribution.verbs import verb_like
from reader.attribution.nameindex import NameIndex
from reader.config import Config
from reader.gc_pause import collector_paused


_BLOCK_PARAGRAPHS = 3  # a block quotation after "X said:" runs at most this many paragraphs


class Extractor:
    """Finds attributed statements; build once per configuration, call `extract` per article."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.cues = CueLexicon(config.cues)
        self.classifier = SourceClassifier(config.categories)

    def extract(self, text: str) -> list[Statement]:
        """Every attributed statement in `text`, in reading order."""
        return parallel.extract(self, text)

    def extract_range(self, text: str, lo: int, hi: int, keep_from: int = 0) -> list[Statement]:
        """The statements of text[lo:hi] that start at or after `keep_from`: what comes before
        only introduces the speakers that later pronouns point back to."""
        with collector_paused():  # millions of short-lived objects, no cycles: collection is pure cost
            paras = analyse(text, lo, hi)
            raws = dedupe(self.scan(text, paras, 0, len(paras)))
            direct.across_sentences(self.cues, text, raws)
            statements = listed_once(finish(self.cues, self.classifier, text, raws, NameIndex(text, lo, hi)))
            return [s for s in statements if s.start >= keep_from]

    def scan(self, text: str, paras: list[Paragraph], lo: int, hi: int) -> list[Raw]:
        """Candidate statements in paragraphs lo..hi (speakers not yet resolved)."""
        raws: list[Raw] = []
        if lo >= hi:
            return raws
        # the cue words of the whole range in one pass; paragraphs and sentences take theirs
        cues = CueIndex(list(self.cues.pattern.finditer(text, paras[lo].start, paras[hi - 1].end)))
        introduced: Raw | None = None  # "Lindqvist says:" closing the paragraph before
        block_left = 0  # how many more paragraphs may be its block quotation
        for n in range(lo, hi):
            para = paras[n]
            sig = posts.signature(text, para)
            if sig is not None:
                found = posts.signature_post(text, paras, n, sig, raws)
                if found:
                    raws.append(found)
                introduced = None
                continue
            para_cues = cues.between(para.start, para.end)
            block = bylines.block(text, para, introduced) if introduced is not None and block_left and \
                not para.quotes and not para_cues else None
            if block is not None:  # a block quotation: no marks at all
                block.paragraph = n
                raws.append(block)
                block_left -= 1
                continue
            introduced = None
            if n == 0 and not text[:para.start].strip():  # the article's headline
                headline = headlines.find(self.cues, text, para)
                if headline is not None:
                    raws.append(headline)
                    continue
            if not para.quotes and not para_cues and \
                    "ccording to" not in text[para.start:para.end] and \
                    not findings.HINT.search(text, para.start, para.end):
                continue
            found_here = len(raws)
            sentences = sentences_of(text, para)
            for sent in sentences:
                for raw in self._sentence(text, paras, n, sent, cues.between(sent.start, sent.end)):
                    raw.paragraph = n
                    raws.append(raw)
            if not any(not r.silent and r.start >= sentences[-1].start for r in raws[found_here:]):
                introduced = bylines.introducer(self.cues, text, para, sentences[-1], para_cues)
                if introduced is not None:
                    introduced.paragraph = n
                    raws.append(introduced)
                    block_left = _BLOCK_PARAGRAPHS
        return raws

    def _sentence(self, text: str, paras: list[Paragraph], n: int, sent: Sentence,
                  cue_words: list[re.Match[str]]) -> list[Raw]:
        """One sentence through the rooms, in order."""
        inside = _quoted_stretches(sent)
        verbs = [m for m in cue_words if not inside(m.start()) and verb_like(self.cues, text, sent, m)]
        scan = SentenceScan(text, paras, n, sent, self.cues, verbs)
        direct.find(scan)
        indirect.find(scan)
        if according.present(scan):
            according.find(scan)
        if findings.present(scan):
            findings.find(scan)
        return scan.raws


def _quoted_stretches(sent: Sentence) -> Callable[[int], bool]:
    """Whether a position is inside one of the sentence's quotations, in log time: a sentence
    may hold hundreds of them."""
    opens: list[int] = []
    reach: list[int] = []  # the furthest close of the quotations opened so far
    for q in sorted(sent.quotes, key=lambda q: q.open):
        opens.append(q.open)
        reach.append(max(q.close, reach[-1]) if reach else q.close)

    def inside(pos: int) -> bool:
        k = bisect_left(opens, pos)  # the quotations opened before pos
        return k > 0 and reach[k - 1] > pos

    return inside


def listed_once(statements: list[Statement]) -> list[Statement]:
    """The same words are never listed twice: a quotation inside the same speaker's reported
    speech ("said the plan was “a disaster for all”") is shown there, in its context."""
    out: list[Statement] = []
    holders: list[Statement] = []  # the latest reported speech that may hold the next quotation
    for s in statements:
        if s.kind == "direct" and any(h.start <= s.start and s.end <= h.end and _same_speaker(h, s) for h in holders):
            continue
        if s.kind != "direct":
            holders = [h for h in holders[-3:] if h.end > s.start] + [s]
        out.append(s)
    return out


def _same_speaker(a: Statement, b: Statement) -> bool:
    if b.speaker is None:
        return True  # a quotation attributed to no one inside a speaker's words is theirs
    if a.entity is not None and b.entity is not None:
        return a.entity == b.entity
    return a.speaker is not None and a.speaker == b.speaker


@lru_cache(maxsize=4)
def _extractor(config: Config) -> Extractor:
    return Extractor(config)


def extract(text: str, config: Config) -> list[Statement]:
    """Every attributed statement in `text`, in reading order."""
    return _extractor(config).extract(text)
