"""What the reports (md, html) show, whatever their format: the provenance they begin with,
statements per category, shares, totals over several articles, the statements grouped by
category, the dismissed statements and the speaker corrections; for a desk, the disputed
statements, each reviewer's tag where several tagged a statement, and the agreement figures.

A statement counts in the category of its outcome (reader.store.outcome: the resolution, else
the one or agreed tag); one the reviewers tagged differently, unsettled, counts as disputed."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from reader.agreement import Agreement, Unit, agreement, figure
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.grades import notation

UNTAGGED_LABEL = "untagged"
DISPUTED_LABEL = "disputed"


@dataclass(frozen=True)
class Summary:
    """Statement counts of one article or of several; dismissed statements are not counted."""

    by_category: dict[str, int]
    untagged: int
    disputed: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_category.values()) + self.disputed + self.untagged

    def rows(self) -> list[tuple[str, int, str]]:
        """(label, count, share) per category, then disputed (when any), untagged, the total."""
        rows = [(name, n, share(n, self.total)) for name, n in self.by_category.items()]
        if self.disputed:
            rows.append((DISPUTED_LABEL, self.disputed, share(self.disputed, self.total)))
        rows.append((UNTAGGED_LABEL, self.untagged, share(self.untagged, self.total)))
        rows.append(("total", self.total, share(self.total, self.total)))
        return rows


def share(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%" if total else "–"


def summarise(data: ArticleData, order: Sequence[str]) -> Summary:
    """One article's counts, the settings' categories (`order`) first."""
    return Summary(data.counts(order), data.untagged_count, data.disputed_count)


def combine(summaries: Sequence[Summary], category_order: Sequence[str]) -> Summary:
    by_category = {name: 0 for name in category_order}
    for s in summaries:
        for name, n in s.by_category.items():
            by_category[name] = by_category.get(name, 0) + n
    return Summary(by_category, sum(s.untagged for s in summaries), sum(s.disputed for s in summaries))


def grouped(data: ArticleData, options: ExportOptions, order: Sequence[str]) -> list[tuple[str | None, list[Item]]]:
    """The statements a report lists, grouped by category in the settings' order (`order`;
    other categories after), untagged last (None) unless --tagged-only. Dismissed statements
    are left out (`dismissed` lists them), and so are disputed ones (`disputes`)."""
    groups: dict[str | None, list[Item]] = {name: [] for name in order}
    for item in data.selected(options, untagged_default=True):
        if not item.dismissed and not item.disputed:
            groups.setdefault(item.category, []).append(item)
    ordered: list[tuple[str | None, list[Item]]] = [
        (name, items) for name, items in groups.items() if name is not None and items]
    if groups.get(None):
        ordered.append((None, groups[None]))
    return ordered



def disputes(data: ArticleData, options: ExportOptions) -> list[Item]:
    """The statements the reviewers tagged differently and nobody has settled."""
    return [item for item in data.selected(options, untagged_default=True) if item.disputed and not item.dismissed]


def desk_note(item: Item) -> str | None:
    """Each reviewer's category where more than one tagged the statement, and who settled it:
    "alice intelligence · bob eyewitness; settled eyewitness by carol" (None for one reviewer)."""
    parts = []
    if len(item.tags) > 1:
        parts.append(" · ".join(f"{t.reviewer} {t.category}" for t in item.tags))
    if item.resolution is not None:
        parts.append(f"settled {item.resolution.category} by {item.resolution.by}")
    return "; ".join(parts) or None


def remarks(item: Item) -> list[tuple[str, str]]:
    """What a report writes after a statement's words, in order, each as (kind, text): the
    tag's grades and note, else the engine's suggestion; the desk's categories; for a dismissed
    statement, the tag it kept. Kinds: grades, note, suggested (an HTML report's classes)."""
    out: list[tuple[str, str]] = []
    tag = item.tag
    if tag is not None:
        graded = notation(tag.reliability, tag.credibility)
        if graded:
            out.append(("grades", f"grades {graded}"))
        if tag.note:
            out.append(("note", f"note: {tag.note}"))
    elif item.statement.suggested_source and not item.dismissed and not item.tagged:
        out.append(("suggested", f"suggested: {item.statement.suggested_source}"))
    desk = desk_note(item)
    if desk:
        out.append(("note", desk))
    if item.dismissed and tag is not None:
        out.append(("grades", f"tagged {tag.category} (not counted)"))
    return out


def desk_agreement(units: list[Unit], order: list[str]) -> Agreement | None:
    """The agreement figures a report shows, None when no statement has two reviewers' tags."""
    found = agreement(units, category_order=order)
    return found if found.units else None


def dismissed(data: ArticleData, options: ExportOptions) -> list[Item]:
    """The statements the reviewer dismissed as not statements (kept, never counted)."""
    return [item for item in data.selected(options, untagged_default=True) if item.dismissed]


def corrections(data: ArticleData, options: ExportOptions) -> list[Item]:
    """The statements whose speaker the reviewer corrected (`original_speaker` was the engine's)."""
    return [item for item in data.selected(options, untagged_default=True) if item.speaker_corrected]


@dataclass
class Provenance:
    """Who reviewed what, when the report was made and with which reader: what every report
    says first. Filled article by article as a report is written."""

    made: str  # ISO 8601 UTC
    version: str
    reviewers: set[str] = field(default_factory=set)
    articles: list[tuple[str, str]] = field(default_factory=list)  # (title, path or address)

    @classmethod
    def start(cls, options: ExportOptions) -> Provenance:
        import reader

        made = options.made or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return cls(made, reader.__version__)

    def add(self, data: ArticleData) -> None:
        self.articles.append((data.record.title, data.record.path))
        self.reviewers.update(data.reviewers)
        self.reviewers.update(i.resolution.by for i in data.items if i.resolution is not None)

    @property
    def reviewed_by(self) -> str:
        return ", ".join(sorted(self.reviewers)) or "nobody yet (no tags)"

    @property
    def date(self) -> str:
        return self.made.replace("T", " ").replace("Z", " UTC")
