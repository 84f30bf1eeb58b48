"""The reviewer's corrections of the engine in a review session: speakers (and every statement
of the same source), statements added, a statement's words and kind, dismissals."""
from __future__ import annotations

from dataclasses import replace

from reader.attribution import Kind, Statement, statement_id
from reader.review.base import Refused, SessionBase
from reader.review.changes import AddChange, BatchChange, Change, DismissChange, RevisionChange, SpeakerChange
from reader.review.span import QUOTES, Edge, moved, trimmed
from reader.store import Revision, ReviewerStatement
from reader.store.records import suggestion_for


class Corrections(SessionBase):
    def original(self, sid: str) -> Statement:
        """The statement as the engine (or the reviewer, adding it) first gave it."""
        return self.state.added.get(sid) or next(st for st in self.state.engine if st.id == sid)

    def set_speaker(self, sid: str, speaker: str | None, *, same_source: bool = False) -> Change:
        """Correct the speaker (None or blank: back to the engine's); the suggestion follows the
        new speaker. With `same_source`, every statement of the same source too, as one change."""
        speaker = (speaker or "").strip() or None
        targets = [sid, *(self.same_source(sid) if same_source else [])]
        changes = tuple(SpeakerChange(self.article.id, x, self.state.speakers.get(x), speaker) for x in targets
                        if self.state.speakers.get(x) != speaker)
        if not changes:
            raise Refused("Nothing changed.")
        if len(changes) == 1:
            return self._do(changes[0])
        return self._do(BatchChange(changes, f"edit the speaker of {len(changes)} statements"))

    def same_source(self, sid: str) -> list[str]:
        """The other statements the engine gave the same source as `sid` (the same entity, or
        where the engine gives none, the same speaker's name), in reading order."""
        key = _source_key(self.original(sid))
        if key is None:
            return []
        return [st.id for st in self.statements if st.id != sid and _source_key(self.original(st.id)) == key]

    def nearest(self, start: int, end: int) -> Statement | None:
        """The statement closest to the text start..end (one overlapping it first, then the
        nearest before or after): whose speaker an added statement most likely shares."""
        def distance(st: Statement) -> tuple[int, int]:
            gap = max(st.start - end, start - st.end, 0)
            return gap, 0 if st.end <= start else 1  # on a tie, the one before
        candidates = [st for st in self.statements if st.speaker and not self.dismissed(st.id)]
        return min(candidates, key=distance, default=None)

    def revised(self, sid: str) -> bool:
        """The reviewer moved the statement's start or end, or changed its kind."""
        return sid in self.state.revised

    def move_edge(self, sid: str, edge: Edge, step: int) -> Change:
        """Move the statement's start or end one word earlier (step < 0) or later (step > 0)."""
        st = self.statement(sid)
        start, end = moved(self.article.text, st.start, st.end, edge, step)
        which = f"{edge} one word {'earlier' if step < 0 else 'later'}"
        return self.set_bounds(sid, start, end, which)

    def set_bounds(self, sid: str, start: int, end: int, label: str = "statement's words") -> Change:
        """The statement's words become the article's text start..end (quotation marks and
        spaces at the edges left out, as when adding a statement); its id and number stay."""
        st = self.statement(sid)
        start, end = trimmed(self.article.text, start, end)
        if end <= start:
            raise Refused("A statement keeps at least one word.")
        if (start, end) == (st.start, st.end):
            raise Refused("Nothing changed.")
        return self._revise(sid, start, end, st.kind, label)

    def set_kind(self, sid: str, kind: Kind) -> Change:
        st = self.statement(sid)
        if kind == st.kind:
            raise Refused(f"Already {kind}.")
        return self._revise(sid, st.start, st.end, kind, f"kind {kind}")

    def _revise(self, sid: str, start: int, end: int, kind: Kind, label: str) -> Change:
        original = self.original(sid)
        after: Revision | None = Revision(start, end, self.article.text[start:end], kind)
        if (start, end, kind) == (original.start, original.end, original.kind):
            after = None  # as the engine (or the reviewer, adding it) had it: no revision
        return self._do(RevisionChange(self.article.id, sid, self.state.revised.get(sid), after, label))

    def toggle_dismissed(self, sid: str) -> Change:
        return self._do(DismissChange(self.article.id, sid, sid not in self.state.dismissed))

    def add_statement(self, start: int, end: int, speaker: str | None) -> Change:
        """A statement the engine missed: article text start..end (quotes and spaces at the
        edges are left out), said by `speaker`."""
        text = self.article.text
        start, end = trimmed(text, start, end)
        if end <= start:
            raise Refused("Mark some words of the article first.")
        for st in self.statements:
            if st.start == start and st.end == end:
                raise Refused(f"That is already statement #{self.number(st.id)}.")
        words = text[start:end]
        existing = set(self._index)
        n = 1
        while (sid := statement_id(words, n)) in existing:
            n += 1
        speaker = (speaker or "").strip() or None
        kind: Kind = "direct" if start > 0 and text[start - 1] in QUOTES else "indirect"
        near = self.nearest(start, end)
        draft = ReviewerStatement(sid, start, end, words, speaker, None, None, None, kind, None, "added by the reviewer")
        if speaker is not None and near is not None and (near.speaker or "").casefold() == speaker.casefold():
            # the source of the statement beside it: the same entity, cue and suggestion
            why = f"added by the reviewer; as #{self.number(near.id)}, {near.reason}" if near.reason else draft.reason
            draft = replace(draft, cue=near.cue, suggested_source=near.suggested_source, reason=why,
                            confidence=near.confidence, entity=near.entity)
        else:
            suggestion, reason, confidence = suggestion_for(speaker, self.config, words)
            if reason:
                draft = replace(draft, suggested_source=suggestion, reason=f"added by the reviewer; {reason}",
                                confidence=confidence)
        span = self.speaker_span(draft)
        if span is not None:
            draft = replace(draft, speaker_start=span[0], speaker_end=span[1])
        return self._do(AddChange(self.article.id, draft))

def _source_key(statement: Statement) -> tuple[str, str] | None:
    if statement.entity:
        return "entity", statement.entity
    name = " ".join((statement.speaker or "").split()).casefold()
    return ("name", name) if name else None
