"""Assembling what to export: for one article or all, the record, the stored text, the
statements (the engine's, merged with the reviewer's edits) and the tags, orphans included."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from reader.attribution import Statement, extract
from reader.config import Config
from reader.errors import ReaderError
from reader.exports.model import ArticleData, Item

if TYPE_CHECKING:
    from reader.store import ArticleRecord, ArticleState, TagStore


def article_records(store: TagStore, article_ids: Iterable[str] | None = None) -> list[ArticleRecord]:
    """The articles to export: the ones named, in that order, or every article in the store,
    oldest first (an older text of an article, re-anchored onto its newer one and left with
    no tags of its own, is skipped: its tags are on the newer text). An id the store does not
    know is an error naming it."""
    if article_ids is None:
        records = sorted(store.articles(), key=lambda r: (r.first_seen, r.path, r.id))
        return [r for r in records if not _superseded(store, r)]
    ids = list(article_ids)
    if len(ids) == 1:
        found = {ids[0]: store.article(ids[0])}
    else:  # one read of the index for many articles
        found = {r.id: r for r in store.articles()}
    records = []
    for article_id in ids:
        record = found.get(article_id)
        if record is None:
            raise ReaderError(f"{article_id}: no such article in the tag database.")
        records.append(record)
    return records


def _superseded(store: TagStore, record: ArticleRecord) -> bool:
    if getattr(record, "replaced_by", None) is None:
        return False
    state = store.article_state(record.id)
    return not state.reviews and not state.orphans


def collect_one(store: TagStore, config: Config, record: ArticleRecord,
                statements: Sequence[Statement] | None = None, state: ArticleState | None = None) -> ArticleData:
    """One article as the exports see it. `statements` are the engine's statements for the
    stored text when the caller already has them; otherwise the engine runs on the stored text.
    `state`: the article's state when the caller read it already."""
    from reader.store import apply_edits, numbers, orphaned_resolutions

    text = store.text(record.id)
    if state is None:
        state = store.article_state(record.id)  # tags, orphans and edits from one read of the file
    tags = {sid: tuple(by[name] for name in sorted(by)) for sid, by in state.reviews.items()}
    orphans = list(state.orphans)
    if text is None:  # no copy of the text: every tag and decision is kept, as an orphan
        return ArticleData(record, "", (), tuple(orphans) + tuple(t for found in tags.values() for t in found),
                           tuple(orphaned_resolutions((), state.resolutions)))
    engine = list(statements) if statements is not None else extract(text, config)
    edits = state.edits
    added = {s.id: s for s in edits.added}  # in the order added
    numbered = numbers((s.id for s in engine), added)
    original = {s.id: s.speaker for s in (*edits.added, *engine)}
    items = []
    for statement in apply_edits(engine, edits, config, text):
        items.append(Item(statement, tags.pop(statement.id, ()), state.resolutions.get(statement.id),
                          dismissed=statement.id in edits.dismissed, added=statement.id in added,
                          speaker_corrected=statement.id in edits.speakers, number=numbered[statement.id],
                          original_speaker=original.get(statement.id),
                          revised=statement.id in edits.revised and statement.text == edits.revised[statement.id].text))
    # A tag whose statement this text no longer has is never dropped: it is listed with the orphans.
    orphans.extend(t for found in tags.values() for t in found)
    lost = orphaned_resolutions((i.statement.id for i in items), state.resolutions)  # (a decision, likewise)
    return ArticleData(record, text, tuple(items), tuple(orphans), tuple(lost))


def collect(store: TagStore, config: Config, articles: Iterable[str] | Iterable[ArticleRecord] | None = None, *,
            statements: Mapping[str, Sequence[Statement]] | None = None) -> Iterator[ArticleData]:
    """The articles to export (ids, records, or None for all), one at a time, so an export of
    the whole store never holds every article in memory at once. `statements`: the engine's
    statements of some articles, by article id, when the caller already has them."""
    known = statements or {}
    if articles is None:
        records = article_records(store)
    else:
        items: list[str | ArticleRecord] = list(articles)
        ids = [a for a in items if isinstance(a, str)]
        given = [a for a in items if not isinstance(a, str)]
        if ids and given:
            raise TypeError("collect: articles are ids or records, not both")
        records = article_records(store, ids) if ids else given
    # each article's state and text as the store reads them (a server many at once, and ahead)
    states = store.article_states((r.id for r in records), texts=True)
    for (_, state), record in zip(states, records):  # (states first: its reading ends with the last)
        yield collect_one(store, config, record, known.get(record.id), state)
