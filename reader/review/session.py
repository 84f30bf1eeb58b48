"""One article under review: its statements (the engine's, merged with the reviewer's
edits), their tags, the list filter, and undo/redo over every change.

Plain Python: the review screen drives it, tests drive it without Textual. Every change is
applied in memory at once and queued for the store (`saver`), where it is merged field by
field into the record as it is then (see reader.review.changes). What other windows and
commands save is taken in by `sync`, for the statements with no change of this session still
waiting, so what is on screen is the reviewer's latest word and everyone else's.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from reader import grades
from reader.article import Article
from reader.attribution import Kind, Statement, statement_id
from reader.config import Advance, Config
from reader.review.changes import (AddChange, BatchChange, Change, DismissChange, RevisionChange, SpeakerChange, State,
                                   TagChange)
from reader.review.saver import Saver, Write
from reader.review.span import QUOTES, Edge, moved, trimmed
from reader.store import (ArticleRecord, ArticleState, Edits, Reanchored, Revision, ReviewerStatement, Tag, Tally,
                          apply_edits, make_anchor, numbers, statement_record, tally)
from reader.store.records import suggestion_for

if TYPE_CHECKING:
    from reader.store import TagStore

T = TypeVar("T")


class Refused(Exception):
    """A change that cannot be made as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Filter:
    """Which statements the list shows. `value`: the category of a "category" filter, the
    speaker of a "speaker" filter (any capitals)."""

    kind: Literal["all", "untagged", "category", "speaker", "dismissed", "note"] = "all"
    value: str | None = None

    @property
    def label(self) -> str:
        if self.kind in ("category", "speaker") and self.value:
            return self.value if self.kind == "category" else f"speaker {self.value}"
        return "with a note" if self.kind == "note" else self.kind

    def keeps(self, statement: Statement, tag: Tag | None, dismissed: bool) -> bool:
        if self.kind == "untagged":
            return tag is None and not dismissed
        if self.kind == "category":
            return tag is not None and tag.category == self.value
        if self.kind == "speaker":
            return (statement.speaker or "").casefold() == (self.value or "").casefold()
        if self.kind == "dismissed":
            return dismissed
        if self.kind == "note":
            return tag is not None and bool(tag.note)
        return True


ALL = Filter()


class ReviewSession:
    def __init__(self, article: Article, config: Config, store: TagStore,
                 statements: list[Statement], *, tags: dict[str, Tag] | None = None, edits: Edits | None = None,
                 record: ArticleRecord | None = None, reanchored: Reanchored | None = None,
                 orphans: tuple[Tag, ...] = (), clock: Callable[[], str] | None = None) -> None:
        self.article = article
        self.config = config
        self.record = record
        self.reanchored = reanchored or Reanchored()
        self.orphans = orphans
        edits = edits or Edits()
        self.state = State(engine=list(statements), added={s.id: s for s in edits.added},
                           speakers=dict(edits.speakers), dismissed=set(edits.dismissed),
                           tags=dict(tags or {}), revised=dict(edits.revised))
        self.saver = Saver(store)  # the session writes only through its queue
        self.filter: Filter = ALL
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._clock = clock
        self._refresh()

    @classmethod
    def open(cls, article: Article, config: Config, store: TagStore, statements: list[Statement]
             ) -> ReviewSession:
        """Register the article with the store and read its tags and edits (disk I/O)."""
        record, reanchored = store.register(article, statements)
        state = store.article_state(article.id)  # tags, orphans and edits from one read
        return cls(article, config, store, statements, tags=dict(state.tags), edits=state.edits,
                   record=record, reanchored=reanchored, orphans=state.orphans)

    # --- reading -------------------------------------------------------------------------

    @property
    def reviewer(self) -> str:
        """The name saved with every tag: the store's."""
        return self.saver.store.reviewer

    def _refresh(self) -> None:
        s = self.state
        edits = Edits(added=tuple(s.added.values()), speakers=dict(s.speakers),
                      dismissed=frozenset(s.dismissed), revised=dict(s.revised))
        self.statements: list[Statement] = apply_edits(s.engine, edits, self.config, self.article.text)
        self._index = {st.id: i for i, st in enumerate(self.statements)}
        self._numbers = numbers((st.id for st in s.engine), s.added)

    def statement(self, sid: str) -> Statement:
        return self.statements[self._index[sid]]

    def number(self, sid: str) -> int:
        """The statement's number (reader.store.numbers): the same under any filter, and
        unchanged when a statement is added."""
        return self._numbers[sid]

    def tag(self, sid: str) -> Tag | None:
        return self.state.tags.get(sid)

    def dismissed(self, sid: str) -> bool:
        return sid in self.state.dismissed

    def added(self, sid: str) -> bool:
        return sid in self.state.added

    def speaker_edited(self, sid: str) -> bool:
        return sid in self.state.speakers

    def visible(self) -> list[Statement]:
        f, s = self.filter, self.state
        if f.kind == "all":
            return list(self.statements)
        return [st for st in self.statements if f.keeps(st, s.tags.get(st.id), st.id in s.dismissed)]

    def progress(self) -> Tally:
        """Tagged / total, as every other view of the article counts them (reader.store.tally)."""
        return tally(self._index, self.state.tags, self.state.dismissed)

    def first_untagged(self) -> str | None:
        """The first visible statement that is neither tagged nor dismissed."""
        return next((st.id for st in self.visible() if self.needs_tag(st.id)), None)

    def needs_tag(self, sid: str) -> bool:
        return sid not in self.state.tags and sid not in self.state.dismissed

    def after_tagging(self, sid: str, advance: Advance) -> str | None:
        """Where the selection goes once `sid` is tagged: the next visible statement nobody
        has tagged (wrapping to the top), the next visible one, or `sid` itself, per `advance`.
        Stays on `sid` when nothing is left to tag; a statement the filter now hides gives way
        to the next visible one."""
        ids = [st.id for st in self.statements]
        if sid not in self._index:
            return None
        shown = {st.id for st in self.visible()}
        here = self._index[sid]
        later = ids[here + 1:]
        if advance == "next-untagged":
            found = next((x for x in later + ids[:here] if x in shown and self.needs_tag(x)), None)
            if found is not None:
                return found
        elif advance == "next":
            found = next((x for x in later if x in shown), None)
            if found is not None:
                return found
        if sid in shown:
            return sid
        return next((x for x in later if x in shown), next((x for x in reversed(ids[:here]) if x in shown), None))


    def set_filter(self, value: Filter) -> None:
        self.filter = value

    def speaker_span(self, statement: Statement) -> tuple[int, int] | None:
        """Where the speaker is named: the engine's mention, else the nearest occurrence of
        the (corrected) name around the statement."""
        text = self.article.text
        if statement.speaker_start is not None and statement.speaker_end is not None:
            return statement.speaker_start, statement.speaker_end
        name = (statement.speaker or "").strip()
        if not name:
            return None
        window = 2000
        lo, hi = max(0, statement.start - window), min(len(text), statement.end + window)
        best: tuple[int, int] | None = None
        for m in re.finditer(re.escape(name), text[lo:hi]):
            a, b = lo + m.start(), lo + m.end()
            if statement.start <= a < statement.end:
                continue
            distance = statement.start - b if b <= statement.start else a - statement.end
            if best is None or distance < best[0]:
                best = (distance, a)
        return (best[1], best[1] + len(name)) if best else None

    def records(self) -> list[dict[str, Any]]:
        """Every statement as the JSON export shows it (the screen's state, saved or not)."""
        s = self.state
        return [statement_record(st, s.tags.get(st.id), dismissed=st.id in s.dismissed, added=st.id in s.added)
                for st in self.statements]

    # --- changing ------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _submit(self, writes: Write | list[Write]) -> None:
        for write in writes if isinstance(writes, list) else [writes]:
            self.saver.submit(write)

    def _do(self, change: Change) -> Change:
        self._submit(change.apply(self.state))
        self._undo.append(change)
        self._redo.clear()
        self._refresh()
        return change

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        change = self._undo.pop()
        self._submit(change.revert(self.state))
        self._redo.append(change)
        self._refresh()
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._submit(change.apply(self.state))
        self._undo.append(change)
        self._refresh()
        return change

    def _now(self) -> str:
        if self._clock is not None:
            return self._clock()
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _tag_change(self, sid: str, label: str, **fields: Any) -> Change:
        before = self.state.tags.get(sid)
        statement = self.statement(sid)
        stamp = self._now()
        if before is not None and replace(before, **fields) == before:
            raise Refused("Nothing changed.")
        if before is None:
            after = self._new_tag(statement, fields.pop("category"), stamp, **fields)
        else:
            after = replace(before, reviewer=self.reviewer, updated=stamp, **fields)
        return self._do(TagChange(self.article.id, sid, before, after, label))

    def _new_tag(self, statement: Statement, category: str, stamp: str, **fields: Any) -> Tag:
        return Tag(article_id=self.article.id, statement_id=statement.id, category=category,
                   anchor=make_anchor(self.article.text, statement.start, statement.end),
                   reviewer=self.reviewer, created=stamp, updated=stamp, **fields)

    def set_category(self, sid: str, category: str) -> Change:
        if self.config.category(category) is None:
            raise Refused(f"{category!r} is not a category of these settings.")
        current = self.state.tags.get(sid)
        if current is not None and current.category == category:
            raise Refused(f"Already tagged {category}.")
        return self._tag_change(sid, f"tag {category}", category=category)

    def accept(self, sid: str) -> Change:
        """Tag an untagged statement with its suggestion; never replaces a tag."""
        current = self.state.tags.get(sid)
        if current is not None:
            raise Refused(f"Already tagged {current.category}: accepting a suggestion never replaces a tag "
                          "(a category key changes it).")
        suggestion = self.statement(sid).suggested_source
        if not suggestion:
            raise Refused("No suggestion for this statement: tag it with a category key.")
        return self.set_category(sid, suggestion)

    def sure_suggestions(self) -> list[Statement]:
        """The untagged, undismissed statements whose suggestion the engine is sure of."""
        return [st for st in self.statements
                if self.needs_tag(st.id) and st.suggested_source and st.confidence == "high"
                and self.config.category(st.suggested_source) is not None]

    def accept_all(self) -> Change:
        """Tag every statement with a high-confidence suggestion that nobody has tagged yet,
        as one change (one undo takes them all back)."""
        sure = self.sure_suggestions()
        if not sure:
            raise Refused("No untagged statement has a high-confidence suggestion.")
        stamp = self._now()
        changes = tuple(TagChange(self.article.id, st.id, None, self._new_tag(st, str(st.suggested_source), stamp),
                                  f"tag {st.suggested_source}") for st in sure)
        n = len(changes)
        return self._do(BatchChange(changes, f"accept {n} sure suggestion{'s' if n != 1 else ''}"))

    def clear(self, sid: str) -> Change:
        before = self.state.tags.get(sid)
        if before is None:
            raise Refused("This statement has no tag to clear.")
        return self._do(TagChange(self.article.id, sid, before, None, f"clear tag {before.category}"))

    def _require_tag(self, sid: str, what: str) -> Tag:
        tag = self.state.tags.get(sid)
        if tag is None:
            raise Refused(f"Tag this statement first: {what} belong to a tag.")
        return tag

    def set_note(self, sid: str, note: str | None) -> Change:
        self._require_tag(sid, "notes")
        note = (note or "").strip() or None
        return self._tag_change(sid, "note", note=note)

    def set_grades(self, sid: str, reliability: str | None, credibility: str | None) -> Change:
        self._require_tag(sid, "grades")
        try:
            reliability, credibility = grades.reliability(reliability), grades.credibility(credibility)
        except grades.GradeError as e:
            message = str(e)
            raise Refused(f"{message[:1].upper()}{message[1:]}.") from None
        return self._tag_change(sid, "grades", reliability=reliability, credibility=credibility)

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

    def original(self, sid: str) -> Statement:
        """The statement as the engine (or the reviewer, adding it) first gave it."""
        return self.state.added.get(sid) or next(st for st in self.state.engine if st.id == sid)

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

    def sync(self, stored: ArticleState) -> set[str]:
        """Take in what other windows and commands saved: `stored` is the article's state as
        the store holds it now. Every statement without a change of this session waiting to be
        saved shows the stored tag and edits (this session's own saved changes are among them).
        Returns the statements whose tag or edits changed on screen."""
        pending = self.saver.unsaved_ids()
        s, edits = self.state, stored.edits
        changed: set[str] = set()

        def take(mine: dict[str, T], theirs: Mapping[str, T]) -> None:
            for sid in (mine.keys() | theirs.keys()) - pending:
                if mine.get(sid) != theirs.get(sid):
                    changed.add(sid)
                    if sid in theirs:
                        mine[sid] = theirs[sid]
                    else:
                        del mine[sid]

        take(s.tags, stored.tags)
        take(s.speakers, edits.speakers)
        take(s.added, {st.id: st for st in edits.added})
        take(s.revised, edits.revised)
        dismissed = {sid: True for sid in s.dismissed}
        take(dismissed, {sid: True for sid in edits.dismissed})
        s.dismissed = set(dismissed)
        if changed:
            self._refresh()
        return changed

    def flush(self) -> Any:
        """Save everything queued, on this thread."""
        return self.saver.flush()


def _source_key(statement: Statement) -> tuple[str, str] | None:
    if statement.entity:
        return "entity", statement.entity
    name = " ".join((statement.speaker or "").split()).casefold()
    return ("name", name) if name else None
