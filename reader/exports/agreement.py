"""The desk's agreement over articles: their units (statements two or more reviewers tagged,
dismissed ones left out) read from the store alone, or from what a report already collected,
and the figures of reader.agreement over them."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reader.agreement import Unit
from reader.exports.model import ArticleData

if TYPE_CHECKING:
    from reader.store import ArticleRecord, TagStore


def stored_units(store: TagStore, record: ArticleRecord) -> Iterator[Unit]:
    """The article's statements with tags from two or more reviewers, as the store holds them
    (no engine run: each tag's words are its statement's; numbers as the review screen shows
    them, 0 for an article last registered by a reader that did not keep its statement ids)."""
    from reader.store import numbers

    found = store.judgements(record.id)
    numbered = numbers(found.engine_ids, found.added_ids)
    for sid, by in found.categories.items():
        if len(by) < 2 or sid in found.dismissed:
            continue
        yield Unit(record.id, sid, by, numbered.get(sid, 0), found.words[sid], record.title, found.settled.get(sid))


def report_units(data: ArticleData) -> Iterator[Unit]:
    """The same units from an article a report collected."""
    for item in data.items:
        if len(item.tags) < 2 or item.dismissed:
            continue
        yield Unit(data.record.id, item.statement.id, {t.reviewer: t.category for t in item.tags}, item.number,
                   item.statement.text, data.record.title,
                   item.resolution.category if item.resolution is not None else None)


def units_by_article(store: TagStore, records: Iterable[ArticleRecord]) -> Iterator[tuple[ArticleRecord, list[Unit]]]:
    for record in records:
        yield record, list(stored_units(store, record))
