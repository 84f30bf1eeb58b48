"""The reviewer's changes as undoable records: each one applies itself to the in-memory
state, reverts itself, and says which store write makes either direction durable.

Tag changes carry the whole record before and after. Applying one (or undoing it) changes
only the fields that differ between the two, on the tag as it is now, in memory and in the
store alike (`reader.store.merged`, `TagStore.merge_tag`): what another window or command saved
meanwhile in other fields is kept. When nobody else changed the tag, undo and redo write back
exactly what was there, timestamps included.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reader.attribution import Statement
from reader.review.saver import Write
from reader.store import Resolution, Revision, Tag, merged


@dataclass
class State:
    """What the review screen shows, apart from the article: the engine's statements and
    the reviewer's edits and tags. Changed only through `Change`s."""

    engine: list[Statement]
    added: dict[str, Statement] = field(default_factory=dict)
    speakers: dict[str, str | None] = field(default_factory=dict)
    dismissed: set[str] = field(default_factory=set)
    tags: dict[str, Tag] = field(default_factory=dict)  # this reviewer's
    revised: dict[str, Revision] = field(default_factory=dict)
    others: dict[str, dict[str, Tag]] = field(default_factory=dict)  # statement id -> other reviewer -> tag
    resolutions: dict[str, Resolution] = field(default_factory=dict)


@dataclass(frozen=True)
class TagChange:
    """Set, change or clear a tag (category, note, grades)."""

    article_id: str
    statement_id: str
    before: Tag | None
    after: Tag | None
    label: str

    def apply(self, state: State) -> Write:
        return self._set(state, self.before, self.after, self.label)

    def revert(self, state: State) -> Write:
        return self._set(state, self.after, self.before, f"undo {self.label}")

    def _set(self, state: State, base: Tag | None, mine: Tag | None, label: str) -> Write:
        aid, sid = self.article_id, self.statement_id
        now = merged(state.tags.get(sid), base, mine)
        if now is None:
            state.tags.pop(sid, None)
        else:
            state.tags[sid] = now
        return Write(sid, label, lambda store: store.merge_tag(aid, sid, base, mine))


@dataclass(frozen=True)
class SpeakerChange:
    """Correct a statement's speaker (None: back to the engine's)."""

    article_id: str
    statement_id: str
    before: str | None
    after: str | None
    label: str = "edit speaker"

    def apply(self, state: State) -> Write:
        return self._set(state, self.after, self.label)

    def revert(self, state: State) -> Write:
        return self._set(state, self.before, f"undo {self.label}")

    def _set(self, state: State, speaker: str | None, label: str) -> Write:
        aid, sid = self.article_id, self.statement_id
        if speaker is None:
            state.speakers.pop(sid, None)
        else:
            state.speakers[sid] = speaker
        return Write(sid, label, lambda store: store.set_speaker(aid, sid, speaker))


@dataclass(frozen=True)
class DismissChange:
    """Mark a statement as not a statement (kept, drawn struck through), or restore it."""

    article_id: str
    statement_id: str
    dismissed: bool

    @property
    def label(self) -> str:
        return "dismiss statement" if self.dismissed else "restore statement"

    def apply(self, state: State) -> Write:
        return self._set(state, self.dismissed, self.label)

    def revert(self, state: State) -> Write:
        return self._set(state, not self.dismissed, f"undo {self.label}")

    def _set(self, state: State, dismissed: bool, label: str) -> Write:
        aid, sid = self.article_id, self.statement_id
        (state.dismissed.add if dismissed else state.dismissed.discard)(sid)
        return Write(sid, label, lambda store: store.set_dismissed(aid, sid, dismissed))


@dataclass(frozen=True)
class AddChange:
    """A statement the engine missed, added by the reviewer."""

    article_id: str
    statement: Statement
    label: str = "add statement"

    @property
    def statement_id(self) -> str:
        return self.statement.id

    def apply(self, state: State) -> Write:
        aid, statement = self.article_id, self.statement
        state.added[statement.id] = statement
        return Write(statement.id, self.label, lambda store: store.add_statement(aid, statement))

    def revert(self, state: State) -> Write:
        aid, sid = self.article_id, self.statement.id
        state.added.pop(sid, None)
        return Write(sid, f"undo {self.label}", lambda store: store.remove_statement(aid, sid))


@dataclass(frozen=True)
class RevisionChange:
    """Move a statement's start or end by words, or change its kind (None: the engine's again)."""

    article_id: str
    statement_id: str
    before: Revision | None
    after: Revision | None
    label: str

    def apply(self, state: State) -> Write:
        return self._set(state, self.after, self.label)

    def revert(self, state: State) -> Write:
        return self._set(state, self.before, f"undo {self.label}")

    def _set(self, state: State, revision: Revision | None, label: str) -> Write:
        aid, sid = self.article_id, self.statement_id
        if revision is None:
            state.revised.pop(sid, None)
        else:
            state.revised[sid] = revision
        return Write(sid, label, lambda store: store.set_revision(aid, sid, revision))


@dataclass(frozen=True)
class ResolutionChange:
    """Settle a statement the reviewers tagged differently (None: take the decision back)."""

    article_id: str
    statement_id: str
    before: Resolution | None
    after: Resolution | None
    label: str

    def apply(self, state: State) -> Write:
        return self._set(state, self.after, self.label)

    def revert(self, state: State) -> Write:
        return self._set(state, self.before, f"undo {self.label}")

    def _set(self, state: State, resolution: Resolution | None, label: str) -> Write:
        aid, sid = self.article_id, self.statement_id
        if resolution is None:
            state.resolutions.pop(sid, None)
        else:
            state.resolutions[sid] = resolution
        return Write(sid, label, lambda store: store.set_resolution(aid, sid, resolution))


@dataclass(frozen=True)
class BatchChange:
    """Several changes made, undone and redone as one step (accept every sure suggestion;
    correct the speaker of every statement of one source)."""

    changes: tuple[TagChange | SpeakerChange, ...]
    label: str

    @property
    def statement_id(self) -> str:
        return self.changes[0].statement_id

    def apply(self, state: State) -> list[Write]:
        return [change.apply(state) for change in self.changes]

    def revert(self, state: State) -> list[Write]:
        return [change.revert(state) for change in reversed(self.changes)]


Change = TagChange | SpeakerChange | DismissChange | AddChange | RevisionChange | ResolutionChange | BatchChange
