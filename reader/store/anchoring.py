"""Re-finding saved tags in a changed text: by statement id, then by the exact words with
their prefix and suffix, then by the same words written differently. A tag only ever follows
a statement that makes the same claim: the same words, in the same order, whatever the
spacing, punctuation, quotation marks, capitals or articles. A statement that differs in any
other word (a number, a name, a day, "not") is another claim, however alike it looks, and the
tag is returned as an orphan for the caller to keep and report."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from reader.attribution.model import Statement
from reader.store.model import Anchor, Tag, make_anchor

MAX_OCCURRENCES = 50  # of the exact words in the new text, considered for context
# Words whose presence or absence never changes a claim: "rose to 12" and "rose to the 12"
# are one claim. Nothing else may differ (not negations, numbers, names or days).
IGNORED_WORDS = frozenset({"a", "an", "the"})
_WORD = re.compile(r"\w+(?:['.,]\w+)*")  # a word, or a number with its separators ("1,000", "2.5")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Placement:
    index: int  # which of the tags given to reanchor()
    tag: Tag  # the tag as it now stands (new statement id and anchor)
    old_id: str  # the statement id it had before


def _flat(text: str) -> str:
    return " ".join(text.split())


def claim_words(text: str) -> tuple[str, ...]:
    """The words that make a statement's claim: in order, in lower case, without punctuation,
    quotation marks or articles. Two statements make the same claim when these are equal."""
    words = _WORD.findall(text.translate(_APOSTROPHES).casefold())
    return tuple(w for w in words if w not in IGNORED_WORDS)


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
        self.by_claim: dict[tuple[str, ...], list[Statement]] = {}
        for s in self.statements:
            self.by_words.setdefault(_flat(s.text), []).append(s)
            self.by_claim.setdefault(claim_words(s.text), []).append(s)

    def free(self, s: Statement) -> bool:
        return s.id not in self.taken

    def _best(self, anchor: Anchor, candidates: Iterable[Statement]) -> Statement | None:
        """Of these statements, the free one whose surroundings fit the anchor's best (then the
        one nearest its old place)."""
        free = [s for s in candidates if self.free(s)]
        if not free:
            return None
        return max(free, key=lambda s: (context_score(anchor, self.text, s.start, s.end),
                                        -abs(s.start - anchor.start)))

    def by_exact_words(self, anchor: Anchor) -> Statement | None:
        """The statement with the anchor's words; else, where the words still stand in the
        text, the statement holding them or held by them (the engine drew its bounds
        differently), as long as one is at least half the other."""
        found = self._best(anchor, self.by_words.get(_flat(anchor.exact), []))
        if found is not None:
            return found
        span = locate(anchor, self.text)
        if span is None:
            return None
        start, end = span
        best, best_overlap = None, 0
        for s in self.statements:
            contains = s.start <= start and end <= s.end
            contained = start <= s.start and s.end <= end
            overlap = min(end, s.end) - max(start, s.start)
            if (contains or contained) and overlap > best_overlap and self.free(s):
                best, best_overlap = s, overlap
        if best is not None and best_overlap * 2 >= max(end - start, best.end - best.start):
            return best
        return None

    def by_same_claim(self, anchor: Anchor) -> Statement | None:
        """The statement whose words are the anchor's written differently (spacing,
        punctuation, quotation marks, capitals, articles): the same claim."""
        words = claim_words(anchor.exact)
        return self._best(anchor, self.by_claim.get(words, [])) if words else None


def reanchor(tags: Sequence[Tag], statements: Sequence[Statement], text: str, article_id: str,
             *, taken: Iterable[str] = ()) -> tuple[list[Placement], list[int]]:
    """Place each tag on one of `statements` (statements in `text`, whose ids in `taken` already
    carry a tag and are not available); earlier tags win a contested statement. Returns the
    placements and the indices of the tags left unplaced.

    Passes, each over the tags still unplaced: same statement id; same words (the statement
    whose words equal the anchor's, or the statement holding where the words now are, the
    prefix and suffix choosing between repeats); the same claim (`claim_words`). Nothing else
    moves a tag: a statement that only looks alike is another claim."""
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
    run(lambda tag: m.by_same_claim(tag.anchor))
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
