"""One article as an import will leave it (reader.exports.importer plans on it): its statements
and tags as read under the lock, updated as each step is planned, what to write for them, and
how an incoming tag's words are found among its statements or in its text."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader.attribution import Statement, statement_id
from reader.exports.incoming import IncomingArticle, IncomingResolution, IncomingTag

if TYPE_CHECKING:
    from reader.store import ArticleChange, ArticleState, Resolution, Revision, Tag

QUOTES = "\"'“”‘’«»„"


def context_score(prefix: str, suffix: str, text: str, start: int, end: int) -> int:
    before, after = text[max(0, start - len(prefix)):start], text[end:end + len(suffix)]
    score = 0
    for x, y in zip(reversed(prefix), reversed(before)):
        if x != y:
            break
        score += 1
    for x, y in zip(suffix, after):
        if x != y:
            break
        score += 1
    return score


def same_content(a: Tag, b: Tag) -> bool:
    return (a.category, a.note, a.reliability, a.credibility) == (b.category, b.note, b.reliability, b.credibility)


def same_record(a: Tag, b: Tag) -> bool:
    return same_content(a, b) and (a.statement_id, a.reviewer, a.created, a.updated, a.anchor.exact) == (
        b.statement_id, b.reviewer, b.created, b.updated, b.anchor.exact)


@dataclass
class Source:
    """An article the import names, as found before taking the lock: its text, the engine's
    statements on it, and the file's records about it."""

    id: str
    title: str
    text: str
    engine: list[Statement]
    articles: list[IncomingArticle] = field(default_factory=list)


class PlannedArticle:
    """An article as the import will leave it, starting from its state read under the lock:
    statements and tags, updated as steps are planned, and what to write for them."""

    def __init__(self, source: Source, stored: ArticleState) -> None:
        from reader.store import apply_edits

        self.id, self.title, self.text = source.id, source.title, source.text
        self.statements = apply_edits(source.engine, stored.edits, text=source.text)
        self.by_id = {s.id: s for s in self.statements}
        # (statement id, reviewer) -> tag: one per statement and reviewer
        self.tags = {(sid, name): tag for sid, by in stored.reviews.items() for name, tag in by.items()}
        self.resolutions = dict(stored.resolutions)
        self.orphans = list(stored.orphans)
        self.dismissed = set(stored.edits.dismissed)
        self.speakers = set(stored.edits.speakers)
        self.revised = set(stored.edits.revised)
        # what the import writes for this article
        self.new_tags: list[Tag] = []
        self.new_orphans: list[Tag] = []
        self.new_statements: list[Statement] = []
        self.new_speakers: dict[str, str | None] = {}
        self.new_dismissed: set[str] = set()
        self.new_revised: dict[str, Revision] = {}
        self.new_resolutions: list[Resolution] = []

    def add(self, statement: Statement) -> None:
        self.statements.append(statement)
        self.by_id[statement.id] = statement
        self.new_statements.append(statement)

    def change(self) -> ArticleChange:
        from reader.store import ArticleChange, Edits

        return ArticleChange(self.new_tags, self.new_orphans,
                             Edits(tuple(self.new_statements), self.new_speakers, frozenset(self.new_dismissed),
                                   self.new_revised), self.new_resolutions)

    def revise(self, revision_of: str, revision: Revision) -> None:
        """The statement `revision_of` now has these words or this kind."""
        found = replace(self.by_id[revision_of], start=revision.start, end=revision.end, text=revision.text,
                        kind=revision.kind)
        self.statements = [found if s.id == revision_of else s for s in self.statements]
        self.by_id[revision_of] = found
        self.revised.add(revision_of)
        self.new_revised[revision_of] = revision

    def find_statement(self, tag: IncomingTag | IncomingResolution) -> Statement | None:
        """By statement id (with the same words), then by the exact words and their context."""
        s = self.by_id.get(tag.statement_id or "")
        if s is not None and (tag.exact is None or s.text == tag.exact):
            return s
        if tag.exact is None:
            return None
        same = [s for s in self.statements if s.text == tag.exact]
        if not same:
            return None
        return max(same, key=lambda s: (context_score(tag.prefix, tag.suffix, self.text, s.start, s.end),
                                        -abs(s.start - (tag.start or 0))))

    def find_span(self, tag: IncomingTag) -> tuple[int, int] | None:
        """Where the tag's words are in the text when no statement holds them."""
        text = self.text
        if tag.exact is None:
            if tag.start is not None and tag.end is not None and tag.end <= len(text) and tag.end > tag.start:
                return tag.start, tag.end
            return None
        if tag.start is not None and text[tag.start:tag.start + len(tag.exact)] == tag.exact:
            return tag.start, tag.start + len(tag.exact)
        found: list[int] = []
        at = text.find(tag.exact)
        while at != -1 and len(found) < 200:
            found.append(at)
            at = text.find(tag.exact, at + 1)
        if not found:
            return None
        size = len(tag.exact)
        best = max(found, key=lambda s: (context_score(tag.prefix, tag.suffix, text, s, s + size),
                                         -abs(s - (tag.start or 0))))
        return best, best + size

    def new_statement(self, tag: IncomingTag, start: int, end: int) -> Statement:
        words = self.text[start:end]
        base = tag.statement
        if base is not None and base.id not in self.by_id:
            if (base.start, base.end) == (start, end):
                return base
            return replace(base, start=start, end=end, speaker_start=None, speaker_end=None,
                           cue_start=None, cue_end=None)
        sid = tag.statement_id if tag.statement_id and tag.statement_id not in self.by_id else None
        n = 1
        while sid is None or sid in self.by_id:
            sid = statement_id(words, n)
            n += 1
        quoted = start > 0 and end < len(self.text) and self.text[start - 1] in QUOTES and self.text[end] in QUOTES
        return Statement(sid, start, end, words, None, None, None, None,
                         tag.kind or ("direct" if quoted else "indirect"), None, None)
