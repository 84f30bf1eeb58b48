"""The numbers and groupings the reports (md, html) show: statements per category, shares,
totals over several articles, and the statements grouped by category."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.exports.model import ArticleData, ExportOptions, Item

UNTAGGED_LABEL = "untagged"


@dataclass(frozen=True)
class Summary:
    """Statement counts of one article or of several; dismissed statements are not counted."""

    by_category: dict[str, int]
    untagged: int

    @property
    def total(self) -> int:
        return sum(self.by_category.values()) + self.untagged

    def rows(self) -> list[tuple[str, int, str]]:
        """(label, count, share) per category, then untagged, then the total."""
        rows = [(name, n, share(n, self.total)) for name, n in self.by_category.items()]
        rows.append((UNTAGGED_LABEL, self.untagged, share(self.untagged, self.total)))
        rows.append(("total", self.total, share(self.total, self.total)))
        return rows


def share(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%" if total else "–"


def summarise(data: ArticleData, order: Sequence[str]) -> Summary:
    """One article's counts, the settings' categories (`order`) first."""
    return Summary(data.counts(order), data.untagged_count)


def combine(summaries: Sequence[Summary], category_order: Sequence[str]) -> Summary:
    by_category = {name: 0 for name in category_order}
    for s in summaries:
        for name, n in s.by_category.items():
            by_category[name] = by_category.get(name, 0) + n
    return Summary(by_category, sum(s.untagged for s in summaries))


def grouped(data: ArticleData, options: ExportOptions, order: Sequence[str]) -> list[tuple[str | None, list[Item]]]:
    """The statements a report lists, grouped by category in the settings' order (`order`;
    other categories after), untagged last (None) when asked for. Dismissed statements are
    left out."""
    groups: dict[str | None, list[Item]] = {name: [] for name in order}
    for item in data.selected(options, untagged_default=False):
        if not item.dismissed:
            groups.setdefault(item.category, []).append(item)
    ordered: list[tuple[str | None, list[Item]]] = [
        (name, items) for name, items in groups.items() if name is not None and items]
    if groups.get(None):
        ordered.append((None, groups[None]))
    return ordered

