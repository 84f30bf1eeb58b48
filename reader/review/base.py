"""The core of a review session: one article's statements (the engine's, merged with the
reviewer's edits), their tags, the list filter, where the selection goes, and undo/redo over
every change. `ReviewSession` (reader.review.session) adds tagging and, through
`Corrections` (reader.review.corrections), the reviewer's corrections of the engine.

Plain Python: the review screen drives it, tests drive it without Textual. Every change is
applied in memory at once and queued for the store (`saver`), where it is merged field by
field into the record as it is then (see reader.review.changes). What other windows and
commands save is taken in by `sync`, for the statements with no change of this session still
waiting, so what is on screen is the reviewer's latest word and everyone else's.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from reader.article import Article
from reader.attribution import Statement
from reader.config import Advance, Config
from reader.review.changes import Change, State
from reader.review.saver import Saver, Write
from reader.store import (ArticleRecord, ArticleState, Edits, Reanchored, Resolution, Tag, Tally, apply_edits,
                          disputed, numbers, orphaned_resolutions, statement_record, tally)

if TYPE_CHECKING:
    from reader.store import TagStore

T = TypeVar("T")


class Refused(Exception):
    """A change that cannot be made as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Filter:
    """Which statements the list shows. `value`: the category of a "category" filter, the
    speaker of a "speaker" filter (any capitals)."""

    kind: Literal["all", "untagged", "category", "speaker", "dismissed", "note", "disagreements"] = "all"
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


class SessionBase:
    def __init__(self, article: Article, config: Config, store: TagStore,
                 statements: list[Statement], *, tags: dict[str, Tag] | None = None, edits: Edits | None = None,
                 record: ArticleRecord | None = None, reanchored: Reanchored | None = None,
                 orphans: tuple[Tag, ...] = (), clock: Callable[[], str] | None = None,
                 others: dict[str, dict[str, Tag]] | None = None,
                 resolutions: dict[str, Resolution] | None = None, left_at: str | None = None) -> None:
        """`left_at`: the statement this reviewer left the article at, as stored."""
        self.article = article
        self.left_at = left_at
        self.config = config
        self.record = record
        self.reanchored = reanchored or Reanchored()
        self.orphans = orphans
        edits = edits or Edits()
        self.state = State(engine=list(statements), added={s.id: s for s in edits.added},
                           speakers=dict(edits.speakers), dismissed=set(edits.dismissed),
                           tags=dict(tags or {}), revised=dict(edits.revised), others=dict(others or {}),
                           resolutions=dict(resolutions or {}))
        self.saver = Saver(store)  # the session writes only through its queue
        self.filter: Filter = ALL
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._clock = clock
        self._refresh()

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

    def others(self, sid: str) -> dict[str, Tag]:
        """The other reviewers' tags on the statement, by name."""
        return self.state.others.get(sid, {})

    def resolution(self, sid: str) -> Resolution | None:
        return self.state.resolutions.get(sid)

    def differ(self, sid: str) -> bool:
        """The reviewers' categories differ here (this reviewer's included), settled or not."""
        mine = self.state.tags.get(sid)
        return len({t.category for t in [*self.others(sid).values(), *([mine] if mine else [])]}) > 1

    def disputed(self, sid: str) -> bool:
        """The reviewers differ and nobody has settled it (reader.store.disputed)."""
        mine = self.state.tags.get(sid)
        return disputed([*self.others(sid).values(), *([mine] if mine else [])], self.resolution(sid))

    def added(self, sid: str) -> bool:
        return sid in self.state.added

    def speaker_edited(self, sid: str) -> bool:
        return sid in self.state.speakers

    def visible(self) -> list[Statement]:
        f, s = self.filter, self.state
        if f.kind == "all":
            return list(self.statements)
        if f.kind == "disagreements":
            return [st for st in self.statements if self.disputed(st.id) and st.id not in s.dismissed]
        return [st for st in self.statements if f.keeps(st, s.tags.get(st.id), st.id in s.dismissed)]

    def orphaned_resolutions(self) -> list[Resolution]:
        """Decisions kept on statements this text no longer has (reader.store.orphaned_resolutions)."""
        return orphaned_resolutions(self._index, self.state.resolutions)

    def progress(self) -> Tally:
        """Tagged / total, as every other view of the article counts them (reader.store.tally)."""
        return tally(self._index, self.state.tags, self.state.dismissed)

    def start(self) -> str | None:
        """The statement to select on opening: where this reviewer left the article (in any
        process), else the first untagged one, else the first."""
        if self.left_at in self._index:
            return self.left_at
        return self.first_untagged() or (self.statements[0].id if self.statements else None)

    def leave_at(self, sid: str | None, failed: Callable[[str], None] | None = None) -> Write | None:
        """The reviewer leaves the article at `sid`: the write that remembers it in the store
        (None: nothing new to remember), for the caller to run or queue. A write of its own,
        not a change: nothing to undo, and not unsaved work (`failed` hears why it could not
        be written)."""
        if sid is None or sid == self.left_at:
            return None
        aid = self.article.id
        self.left_at = sid
        return Write(sid, "remember where you left the article", lambda store: store.set_position(aid, sid),
                     keep=False, failed=failed)

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
        return [statement_record(st, [t for t in [s.tags.get(st.id)] if t is not None], dismissed=st.id in s.dismissed,
                                 added=st.id in s.added)
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

        take(s.tags, stored.tags_of(self.reviewer))
        take(s.others, others_of(stored, self.reviewer))
        take(s.resolutions, stored.resolutions)
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


def others_of(stored: ArticleState, reviewer: str) -> dict[str, dict[str, Tag]]:
    """statement id -> every other reviewer's tag on it."""
    out: dict[str, dict[str, Tag]] = {}
    for sid, by in stored.reviews.items():
        theirs = {name: tag for name, tag in by.items() if name != reviewer}
        if theirs:
            out[sid] = theirs
    return out
