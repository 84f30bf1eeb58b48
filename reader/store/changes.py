"""What a write changes, as plain records, and how two versions of a tag become one.

Every write to the store is a read-modify-write under the database lock: it reads the record
as it is now (whatever other windows, commands or imports wrote meanwhile) and applies a
change to it. Two kinds of change:

- `merged(current, base, mine)`: a reviewer's edit, field by field. `mine` was made from
  `base` (the tag as that reviewer last saw it); the fields mine changed from base are set,
  every other field keeps its current value. So a note written by `reader tag` while the
  review screen was open survives the screen's next change of category, and the later of two
  changes to the same field wins.
- `ArticleChange`: records to put, as they are (an import, which decides what wins by each
  tag's `updated` from a reading made under the same lock).

Tags are one record per statement and reviewer: `merged` applies to one reviewer's record;
another reviewer's tag on the same statement is another record, never merged with it.
Resolutions (an adjudicator's decision) are whole records: the later one wins.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reader import grades
from reader.errors import ReaderError
from reader.store.model import UNNAMED, Edits, Resolution, Tag

# the reviewer's judgement, merged field by field; the rest (who, when, where) follows the change
JUDGEMENT = ("category", "note", "reliability", "credibility")


@dataclass(frozen=True)
class ArticleChange:
    """Changes to one article's file, made together or not at all: `tags` put on their
    statements as they are (a later one for the same statement wins), `orphans` kept as
    orphaned tags, `edits` merged into the reviewer's edits (statements added, speakers set or,
    None, reset, ids dismissed; nothing removed), `resolutions` put on their statements."""

    tags: Sequence[Tag] = ()
    orphans: Sequence[Tag] = ()
    edits: Edits = field(default_factory=Edits)
    resolutions: Sequence[Resolution] = ()

    @property
    def empty(self) -> bool:
        e = self.edits
        return not (self.tags or self.orphans or self.resolutions or e.added or e.speakers or e.dismissed
                    or e.revised)


def merged(current: Tag | None, base: Tag | None, mine: Tag | None) -> Tag | None:
    """The tag after applying the change base → mine to `current` (see the module docstring).
    `mine` None removes the tag; `base` None (a new tag) counts every field mine sets."""
    if mine is None:
        return None
    if current is None or current == base:  # nobody else changed it: mine, exactly (undo included)
        return mine
    changed = {name: getattr(mine, name) for name in JUDGEMENT
               if (getattr(mine, name) is not None if base is None else getattr(mine, name) != getattr(base, name))}
    created = min((t for t in (current.created, mine.created) if t), default="")
    return replace(current, **changed, anchor=mine.anchor, reviewer=mine.reviewer, created=created,
                   updated=max(current.updated, mine.updated))


def checked(tag: Tag) -> Tag:
    """A tag as the store keeps it: blank notes dropped, grades checked and normalised, a tag
    without a reviewer's name UNNAMED's."""
    if not tag.category or not isinstance(tag.category, str):
        raise ReaderError("a tag needs a category name.")
    if tag.note is not None and not isinstance(tag.note, str):
        raise ReaderError(f"a note must be text, got {tag.note!r}.")
    try:
        return replace(tag, note=tag.note if tag.note and tag.note.strip() else None, reviewer=tag.reviewer or UNNAMED,
                       reliability=grades.reliability(tag.reliability), credibility=grades.credibility(tag.credibility))
    except grades.GradeError as e:
        raise ReaderError(f"{e}.") from None


def checked_resolution(resolution: Resolution) -> Resolution:
    if not resolution.category or not isinstance(resolution.category, str):
        raise ReaderError("a resolution needs a category name.")
    return replace(resolution, by=resolution.by or UNNAMED)
