"""What the desk's tags on one statement come to: every reviewer keeps their own tag, an
adjudicator may settle a difference, and the statement's outcome follows from both. Plain
rules on records, the same whatever holds them (no storage here).

- the outcome is the resolution, if there is one; else the one tag, or the tag every reviewer
  agrees on; else nothing (the reviewers differ and nobody has settled it);
- a statement is disputed when its reviewers' categories differ and nobody has settled it.

With one reviewer the outcome is exactly their tag, as it was before reviewers were kept apart.
"""
from __future__ import annotations

from collections.abc import Iterable

from reader.store.model import Resolution, Tag


def disputed(tags: Iterable[Tag], resolution: Resolution | None) -> bool:
    return resolution is None and len({t.category for t in tags}) > 1


def outcome(tags: Iterable[Tag], resolution: Resolution | None) -> Tag | None:
    """The statement's tag as reports and the first round's `tag` field show it. When several
    tags share the outcome's category, the one most recently changed is shown (its note and
    grades). A resolution no reviewer's tag shares is shown as a tag of its own, by the
    adjudicator, at the time of the decision."""
    found = list(tags)
    if resolution is not None:
        same = [t for t in found if t.category == resolution.category]
        if same:
            return max(same, key=lambda t: t.updated)
        return Tag(article_id=resolution.article_id, statement_id=resolution.statement_id,
                   category=resolution.category, anchor=resolution.anchor, reviewer=resolution.by,
                   created=resolution.at, updated=resolution.at)
    if not found or disputed(found, None):
        return None
    return max(found, key=lambda t: t.updated)
