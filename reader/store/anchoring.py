"""Re-finding saved tags in a changed text: by statement id, then by the exact words with
their prefix and suffix, then (cheaply) by near-identical words. Whatever is not found is
returned as an orphan for the caller to keep."""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from reader.attribution.model import Statement
from reader.store.model import Anchor, Tag, make_anchor

FUZZY_RATIO = 0.85  # how alike the words must be for the last-resort match
FUZZY_LIMIT = 200_000  # skip the fuzzy pass when tags × statements exceeds this
MAX_OCCURRENCES = 50  # of the exact words in the new text, considered for context


@dataclass(frozen=True)
class Placement:
    index: int  # which of the tags given to reanchor()
    tag: Tag  # the tag as it now stands (new statement id and anchor)
    old_id: str  # the statement id it had before


def _flat(text: str) -> str:
    return " ".join(text.split())


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def context_score(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many characters of the anchor's prefix and suffix still surround start..end."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchor's exact words are in `text`, the occurrence whose context fits best
    (then the one nearest the old position), or None."""
    if not anchor.exact:
        return None
    found: list[int] = []
    at = text.find(anchor.exact)
    while at != -1 and len(found) < MAX_OCCURRENCES:
        found.append(at)
        at = text.find(anchor.exact, at + 1)
    if not found:
        return None
    size = len(anchor.exact)
    best = max(found, key=lambda s: (context_score(anchor, text, s, s + size), -abs(s - anchor.start)))
    return best, best + size


class _Matcher:
    def __init__(self, statements: Sequence[Statement], text: str, taken: set[str]) -> None:
        self.statements = list(statements)
        self.by_id = {s.id: s for s in self.statements}
        self.text = text
        self.taken = set(taken)
        self.by_words: dict[str, list[Statement]] = {}
        for s in self.statements:
            self.by_words.setdefault(_flat(s.text), []).append(s)

    def free(self, s: Statement) -> bool:
        return s.id not in self.taken

    def by_exact_words(self, anchor: Anchor) -> Statement | None:
        candidates = [s for s in self.by_words.get(_flat(anchor.exact), []) if self.free(s)]
        if candidates:
            return max(candidates, key=lambda s: (context_score(anchor, self.text, s.start, s.end),
                                                  -abs(s.start - anchor.start)))
        span = locate(anchor, self.text)
        if span is None:
            return None
        start, end = span
        best, best_overlap = None, 0
        for s in self.statements:
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > best_overlap and self.free(s):
                best, best_overlap = s, overlap
        if best is not None and best_overlap * 2 >= max(end - start, best.end - best.start):
            return best
        return None

    def by_similar_words(self, anchor: Anchor) -> Statement | None:
        words = _flat(anchor.exact)
        if not words:
            return None
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(words)
        best, best_ratio = None, FUZZY_RATIO
        for s in self.statements:
            if not self.free(s):
                continue
            matcher.set_seq1(_flat(s.text))
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio or (ratio == best_ratio and best is None):
                best, best_ratio = s, ratio
        return best


def reanchor(tags: Sequence[Tag], statements: Sequence[Statement], text: str, article_id: str,
             *, taken: Iterable[str] = ()) -> tuple[list[Placement], list[int]]:
    """Place each tag on one of `statements` (statements in `text`, whose ids in `taken` already
    carry a tag and are not available); earlier tags win a contested statement. Returns the
    placements and the indices of the tags left unplaced.

    Passes, each over the tags still unplaced: same statement id; same words (the statement
    whose words equal the anchor's, or the statement covering where the words now are, the
    prefix and suffix choosing between repeats); near-identical words (difflib ratio >= 0.85)."""
    m = _Matcher(statements, text, set(taken))
    placed: list[Placement] = []
    pending = list(range(len(tags)))

    def run(find: Callable[[Tag], Statement | None]) -> None:
        nonlocal pending
        still = []
        for i in pending:
            s = find(tags[i])
            if s is None:
                still.append(i)
                continue
            m.taken.add(s.id)
            new = replace(tags[i], article_id=article_id, statement_id=s.id,
                          anchor=make_anchor(text, s.start, s.end))
            placed.append(Placement(i, new, tags[i].statement_id))
        pending = still

    def by_id(tag: Tag) -> Statement | None:
        s = m.by_id.get(tag.statement_id)
        if s is None or not m.free(s) or len(m.by_words.get(_flat(s.text), ())) > 1:
            return None  # repeated words: their ids count occurrences, so let the context decide
        return s

    run(by_id)
    run(lambda tag: m.by_exact_words(tag.anchor))
    if len(pending) * len(m.statements) <= FUZZY_LIMIT:
        run(lambda tag: m.by_similar_words(tag.anchor))
    return placed, pending


def relocate_statement(statement: Statement, old_text: str | None, text: str) -> Statement | None:
    """A reviewer-added statement moved into `text` (same words, new offsets), or None."""
    if old_text is not None and old_text[statement.start:statement.end] == statement.text:
        anchor = make_anchor(old_text, statement.start, statement.end)
    else:
        anchor = Anchor(statement.text, "", "", statement.start, statement.end)
    span = locate(anchor, text)
    if span is None:
        return None
    shift = span[0] - statement.start

    def moved(offset: int | None) -> int | None:
        if offset is None:
            return None
        new = offset + shift
        return new if 0 <= new <= len(text) else None

    def pair(start: int | None, end: int | None) -> tuple[int | None, int | None]:
        a, b = moved(start), moved(end)
        if a is None or b is None or start is None or end is None:
            return None, None
        if old_text is not None and old_text[start:end] != text[a:b]:
            return None, None
        return a, b

    speaker_start, speaker_end = pair(statement.speaker_start, statement.speaker_end)
    cue_start, cue_end = pair(statement.cue_start, statement.cue_end)
    return replace(statement, start=span[0], end=span[1], speaker_start=speaker_start,
                   speaker_end=speaker_end, cue_start=cue_start, cue_end=cue_end)
