"""What every export format reads: one article's record, stored text, statements and tags."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.attribution import Statement

if TYPE_CHECKING:  # the store is only needed for its record types here
    from reader.store import ArticleRecord, Tag, Tally

@dataclass(frozen=True)
class ExportOptions:
    """What to include. `untagged=None` means the format's own default: json, yaml, csv and the
    reports (md, html) list untagged statements; w3c only annotates tagged ones."""

    untagged: bool | None = None
    category: str | None = None  # only statements tagged with this category
    made: str | None = None  # when a report says it was made (ISO 8601 UTC); None: now


@dataclass(frozen=True, slots=True)
class Item:
    """One statement as the reviewer sees it: the engine's (or the reviewer's own) statement,
    its tag if any, and the reviewer's edits that touch it."""

    statement: Statement
    tag: Tag | None
    dismissed: bool = False  # marked "not a statement" by the reviewer (kept, never deleted)
    added: bool = False  # added by the reviewer, not found by the engine
    speaker_corrected: bool = False  # the speaker is the reviewer's correction
    number: int = 0  # as the review screen and `reader tags` show it (reader.store.numbers)
    original_speaker: str | None = None  # the engine's speaker, before the reviewer's correction
    revised: bool = False  # the reviewer moved its start or end, or changed its kind

    @property
    def category(self) -> str | None:
        return self.tag.category if self.tag is not None else None


@dataclass(frozen=True)
class ArticleData:
    """Everything an export needs about one article, read from the store's copy of the text,
    so an export works even when the original file has moved."""

    record: ArticleRecord
    text: str
    items: tuple[Item, ...]  # every statement, in reading order
    orphans: tuple[Tag, ...] = ()  # tags kept that match no statement of this text

    def selected(self, options: ExportOptions, *, untagged_default: bool) -> list[Item]:
        """The statements an export lists under these options."""
        untagged = untagged_default if options.untagged is None else options.untagged
        out = []
        for item in self.items:
            if options.category is not None:
                if item.category != options.category:
                    continue
            elif item.tag is None and not untagged:
                continue
            out.append(item)
        return out

    def selected_orphans(self, options: ExportOptions) -> list[Tag]:
        if options.category is None:
            return list(self.orphans)
        return [t for t in self.orphans if t.category == options.category]

    def counts(self, order: Sequence[str]) -> dict[str, int]:
        """Tagged statements per category: the settings' categories (`order`) first, in order
        (zero when unused), then any other category a tag carries. Dismissed statements are
        not counted."""
        counts = {name: 0 for name in order}
        for item in self.items:
            if item.tag is not None and not item.dismissed:
                counts[item.tag.category] = counts.get(item.tag.category, 0) + 1
        return counts

    def tally(self) -> Tally:
        """Tagged / total, counted as everywhere else (reader.store.tally)."""
        from reader.store import tally

        return tally((i.statement.id for i in self.items), {i.statement.id for i in self.items if i.tag is not None},
                     {i.statement.id for i in self.items if i.dismissed})

    @property
    def untagged_count(self) -> int:
        return self.tally().untagged

    @property
    def dismissed_count(self) -> int:
        return sum(1 for item in self.items if item.dismissed)
