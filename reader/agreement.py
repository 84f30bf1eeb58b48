"""How far reviewers agree, over units (statements) each tagged by two or more of them.

Plain statistics on plain records; no store, no UI. The figures:

- percent agreement: the share of units on which every reviewer who tagged it chose the same
  category (for a pair: the share of the units both tagged on which they agree);
- Cohen's κ for each pair of reviewers, over the units both tagged:
  κ = (p_o − p_e) / (1 − p_e), p_o the share they agree on, p_e the agreement expected from
  how often each uses each category (Cohen 1960); None when p_e = 1 (both used one category);
- Krippendorff's α, nominal, over every unit and reviewer, missing tags allowed
  (the maintained `krippendorff` package), overall and per category as "this category or
  not"; None where it is undefined (every tag the same, or no unit).

A unit with fewer than two tags (after `--reviewers`) is not a unit.
"""
from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any


@dataclass(frozen=True)
class Unit:
    """One statement and each reviewer's category on it."""

    article: str  # article id
    statement: str  # statement id
    tags: Mapping[str, str]  # reviewer -> category
    number: int = 0  # as the review screen shows it
    text: str = ""  # the statement's words
    title: str = ""  # the article's title
    settled: str | None = None  # the resolution's category, if settled
    agreed: bool = field(init=False)  # every reviewer who tagged it chose the same category

    def __post_init__(self) -> None:
        object.__setattr__(self, "agreed", len(set(self.tags.values())) == 1)


@dataclass(frozen=True)
class Pair:
    reviewers: tuple[str, str]
    units: int
    percent_agreement: float | None
    cohen_kappa: float | None


@dataclass(frozen=True)
class CategoryAgreement:
    units: int  # units where at least one reviewer chose the category
    krippendorff_alpha: float | None


@dataclass(frozen=True)
class Agreement:
    reviewers: list[str]
    units: int
    percent_agreement: float | None
    krippendorff_alpha: float | None
    pairs: list[Pair] = field(default_factory=list)
    categories: dict[str, CategoryAgreement] = field(default_factory=dict)
    disagreements: list[Unit] = field(default_factory=list)


def units_of(candidates: Iterable[Unit], reviewers: Sequence[str] | None = None) -> list[Unit]:
    """The units among these statements: only the named reviewers' tags (None: everyone's),
    and only statements with two or more of them."""
    wanted = None if reviewers is None else set(reviewers)
    out = []
    for unit in candidates:
        tags = unit.tags if wanted is None else {r: c for r, c in unit.tags.items() if r in wanted}
        if len(tags) >= 2:
            out.append(unit if tags is unit.tags else Unit(unit.article, unit.statement, tags, unit.number,
                                                           unit.text, unit.title, unit.settled))
    return out


def percent_agreement(units: Sequence[Unit]) -> float | None:
    return sum(u.agreed for u in units) / len(units) if units else None


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's κ of two raters from their (first's, second's) category on each unit."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def _counts(units: Sequence[Mapping[str, str]], categories: Sequence[str]) -> Any:
    """The units × categories matrix of how many reviewers chose each category (numpy)."""
    import numpy as np

    column = {c: i for i, c in enumerate(categories)}
    rows = [row for row, unit in enumerate(units) for _ in unit]
    columns = [column[c] for unit in units for c in unit.values()]
    counts = np.zeros((len(units), max(2, len(categories))), dtype=np.int64)  # two values at least, or the
    np.add.at(counts, (np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64)), 1)  # package refuses
    return counts


def krippendorff_alpha(units: Sequence[Mapping[str, str]]) -> float | None:
    """Nominal α over units given as reviewer -> category (missing tags allowed)."""
    categories = sorted({c for unit in units for c in unit.values()})
    if not units or not categories:
        return None
    return _alpha(_counts(units, categories))


def _alpha(counts: Any) -> float | None:
    import krippendorff

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 where every value is the same
        value = float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))
    return None if value != value else value  # NaN: undefined


def _category_alphas(counts: Any, categories: Sequence[str]) -> dict[str, float | None]:
    """α of "this category or not" for each category (a column of `counts`)."""
    import numpy as np

    total = counts.sum(axis=1)
    return {c: _alpha(np.stack([total - counts[:, i], counts[:, i]], axis=1)) for i, c in enumerate(categories)}


def _pairs(units: Sequence[Unit], names: Sequence[str]) -> list[Pair]:
    """Each pair of reviewers over the units both tagged."""
    pairs = []
    for a, b in combinations(names, 2):
        both = [(u.tags[a], u.tags[b]) for u in units if a in u.tags and b in u.tags]
        pairs.append(Pair((a, b), len(both), sum(x == y for x, y in both) / len(both) if both else None,
                          cohen_kappa(both)))
    return pairs


def agreement(candidates: Iterable[Unit], reviewers: Sequence[str] | None = None,
              category_order: Sequence[str] = ()) -> Agreement:
    """Every figure over the units among `candidates` (see the module docstring)."""
    units = units_of(candidates, reviewers)
    names = sorted({r for u in units for r in u.tags}) if reviewers is None else list(reviewers)
    tags = [u.tags for u in units]
    present = {c for unit in tags for c in unit.values()}
    order = [c for c in category_order if c in present] + sorted(c for c in present if c not in category_order)
    categories: dict[str, CategoryAgreement] = {}
    alpha = None
    if units:  # one units × categories matrix for α overall and per category
        counts = _counts(tags, order)
        alpha = _alpha(counts)
        used = (counts[:, :len(order)] > 0).sum(axis=0)  # units where someone chose each category
        alphas = _category_alphas(counts[:, :len(order)], order)
        categories = {c: CategoryAgreement(int(used[i]), alphas[c]) for i, c in enumerate(order)}
    return Agreement(names, len(units), percent_agreement(units), alpha, _pairs(units, names), categories,
                     [u for u in units if not u.agreed])


def rounded(value: float | None, places: int = 3) -> float | None:
    return None if value is None else round(value, places)


def figure(value: float | None, percent: bool = False) -> str:
    """A figure for people: "83.3%" or "0.689"; "–" where it is undefined."""
    if value is None:
        return "–"
    return f"{100 * value:.1f}%" if percent else f"{value:.3f}"


def agreement_json(found: Agreement, articles: int) -> dict[str, Any]:
    """The figures as `reader agreement --format json` prints them (CONTRACT.md)."""
    return {
        "reviewers": found.reviewers, "articles": articles, "units": found.units,
        "percent_agreement": rounded(found.percent_agreement),
        "krippendorff_alpha": rounded(found.krippendorff_alpha),
        "pairs": [{"reviewers": list(p.reviewers), "units": p.units, "percent_agreement": rounded(p.percent_agreement),
                   "cohen_kappa": rounded(p.cohen_kappa)} for p in found.pairs],
        "categories": {name: {"units": c.units, "krippendorff_alpha": rounded(c.krippendorff_alpha)}
                       for name, c in found.categories.items()},
        "disagreements": [{"article": u.article, "title": u.title, "statement": u.statement, "number": u.number,
                           "text": u.text, "tags": dict(sorted(u.tags.items())), "settled": u.settled}
                          for u in found.disagreements],
    }
