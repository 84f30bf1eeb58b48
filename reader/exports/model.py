"""What every export format reads: one article's record, stored text, statements and tags."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.attribution import Statement

if TYPE_CHECKING:  # the store is only needed for its record types here
    from reader.store import ArticleRecord, Resolution, Tag, Tally

@dataclass(frozen=True)
class ExportOptions:
    """What to include. `untagged=None` means the format's own default: json, yaml, csv and the
    reports (md, html) list untagged statements; w3c only annotates tagged ones."""

    untagged: bool | None = None
    category: str | None = None  # only statements tagged with this category
    made: str | None = None  # when a report says it was made (ISO 8601 UTC); None: now


@dataclass(frozen=True, slots=True)
class Item:
    """One statement as the desk sees it: the engine's (or a reviewer's own) statement, every
    reviewer's tag on it, the adjudicator's resolution if any, and the edits that touch it."""

    statement: Statement
    tags: tuple[Tag, ...] = ()  # one per reviewer, by reviewer's name
    resolution: Resolution | None = None
    dismissed: bool = False  # marked "not a statement" by the reviewer (kept, never deleted)
    added: bool = False  # added by the reviewer, not found by the engine
    speaker_corrected: bool = False  # the speaker is the reviewer's correction
    number: int = 0  # as the review screen and `reader tags` show it (reader.store.numbers)
    original_speaker: str | None = None  # the engine's speaker, before the reviewer's correction
    revised: bool = False  # the reviewer moved its start or end, or changed its kind

    @property
    def tag(self) -> Tag | None:
        """The outcome (reader.store.outcome): what the reports count and show as its tag."""
        from reader.store import outcome

        return outcome(self.tags, self.resolution)

    @property
    def disputed(self) -> bool:
        """Reviewers' categories differ and nobody has settled it."""
        from reader.store import disputed

        return disputed(self.tags, self.resolution)

    @property
    def tagged(self) -> bool:
        """Somebody tagged it (or settled it)."""
        return bool(self.tags) or self.resolution is not None

    @property
    def edited(self) -> bool:
        """A reviewer added it, dismissed it, corrected its speaker, or moved its words or changed its kind."""
        return self.added or self.dismissed or self.speaker_corrected or self.revised

    @property
    def category(self) -> str | None:
        tag = self.tag
        return tag.category if tag is not None else None


@dataclass(frozen=True)
class ArticleData:
    """Everything an export needs about one article, read from the store's copy of the text,
    so an export works even when the original file has moved."""

    record: ArticleRecord
    text: str
    items: tuple[Item, ...]  # every statement, in reading order
    orphans: tuple[Tag, ...] = ()  # tags kept that match no statement of this text
    orphaned_resolutions: tuple[Resolution, ...] = ()  # decisions kept on statements this text no longer has

    def selected(self, options: ExportOptions, *, untagged_default: bool) -> list[Item]:
        """The statements an export lists under these options."""
        untagged = untagged_default if options.untagged is None else options.untagged
        out = []
        for item in self.items:
            if options.category is not None:
                if item.category != options.category:
                    continue
            elif not item.tagged and not untagged:
                continue
            out.append(item)
        return out

    def selected_orphans(self, options: ExportOptions) -> list[Tag]:
        if options.category is None:
            return list(self.orphans)
        return [t for t in self.orphans if t.category == options.category]

    def selected_orphaned_resolutions(self, options: ExportOptions) -> list[Resolution]:
        return [r for r in self.orphaned_resolutions if options.category in (None, r.category)]

    def counts(self, order: Sequence[str]) -> dict[str, int]:
        """Tagged statements per category of their outcome: the settings' categories (`order`)
        first, in order (zero when unused), then any other category a tag carries. Dismissed
        and disputed statements are not counted here."""
        counts = {name: 0 for name in order}
        for item in self.items:
            category = item.category
            if category is not None and not item.dismissed:
                counts[category] = counts.get(category, 0) + 1
        return counts

    @property
    def disputed_count(self) -> int:
        return sum(1 for item in self.items if item.disputed and not item.dismissed)

    @property
    def reviewers(self) -> list[str]:
        """Everyone with a tag in this article (orphaned ones included), by name."""
        return sorted({t.reviewer for i in self.items for t in i.tags} | {t.reviewer for t in self.orphans})

    def tally(self) -> Tally:
        """Tagged / total, counted as everywhere else (reader.store.tally)."""
        from reader.store import tally

        return tally((i.statement.id for i in self.items), {i.statement.id for i in self.items if i.tagged},
                     {i.statement.id for i in self.items if i.dismissed})

    @property
    def untagged_count(self) -> int:
        return self.tally().untagged

    @property
    def dismissed_count(self) -> int:
        return sum(1 for item in self.items if item.dismissed)
