"""Reading an article's records (backend.py) into the store's model: its tags, orphans,
resolutions, edits, the engine's statement ids and where each reviewer left it, whole
(`state_in`) or only what counting needs (`progress_in`, `judgements_in`); the index's article
records; and the articles' texts, checked against their ids. The same reading on both
backends. A document that cannot be read is a ReaderError naming where it is, and is left as
it is."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from reader.article.model import article_id as hash_text
from reader.errors import ReaderError
from reader.store.backend import (
    ADDED, ARTICLE_TABLES, DISMISSED, ENGINE, ENGINE_IDS, LOST_ADDED, ORPHANS, POSITIONS, RESOLUTIONS, REVISED,
    SPEAKERS, TAGS, Backend, Records, Table, damaged_text,
)
from reader.store.model import (
    ArticleRecord, ArticleState, Edits, Judgements, Progress, Resolution, Tag, position_from_json, record_from_json,
    resolution_from_json, revision_from_json, speaker_from_json, statement_from_json, tag_from_json, tag_mark,
    tagged_by,
)
from reader.store.schema import tag_key

T = TypeVar("T")


def engine_ids_from_json(doc: Mapping[str, Any]) -> tuple[str, ...]:
    ids = doc.get("ids")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise TypeError("expected a list of statement ids")
    return tuple(ids)


# How each table's documents are read (document, article id -> record): a document none of
# these can read is damaged. (The reads below use the same functions, table by table.)
READERS: dict[str, Callable[[Mapping[str, Any], str], object]] = {
    TAGS: tag_from_json, ORPHANS: tag_from_json, RESOLUTIONS: resolution_from_json,
    ADDED: lambda d, _: statement_from_json(d), LOST_ADDED: lambda d, _: statement_from_json(d),
    SPEAKERS: lambda d, _: speaker_from_json(d), DISMISSED: lambda d, _: True,
    REVISED: lambda d, _: revision_from_json(d), ENGINE: lambda d, _: engine_ids_from_json(d),
    POSITIONS: lambda d, _: position_from_json(d),
}
assert set(READERS) == set(ARTICLE_TABLES), "every table of an article has its reader"


def parse(table: Table, where: str, what: str, read: Callable[[Mapping[str, Any]], T]) -> dict[str, T]:
    """key -> record, every document of the table read with `read`; ReaderError naming `where`
    and the document for a damaged one."""
    out: dict[str, T] = {}
    for key, doc in table.items():
        try:
            out[key] = read(doc)
        except (KeyError, TypeError, ValueError) as e:
            raise ReaderError(f"{where}: {what} {key!r} is damaged ({e}); "
                              "it was left as it is.") from None
    return out


def in_text_order(tags: Iterable[Tag]) -> tuple[Tag, ...]:
    """Tags in the order of their words in the text (orphans are listed so)."""
    return tuple(sorted(tags, key=lambda t: (t.anchor.start, t.created)))


def tags_in(records: Records, table: str = TAGS) -> dict[str, Tag]:
    """document key -> tag (for TAGS, the key is tag_key(statement, reviewer))."""
    article_id = records.article_id
    return parse(records.table(table), records.where, "tag record", lambda d: tag_from_json(d, article_id))


def tag_in(records: Records, statement_id: str, reviewer: str) -> Tag | None:
    """One reviewer's tag on one statement (ReaderError naming the file when it is damaged)."""
    key = tag_key(statement_id, reviewer)
    found = records.table(TAGS).doc(key)
    if found is None:
        return None
    try:
        return tag_from_json(found, records.article_id)
    except (KeyError, TypeError, ValueError) as e:
        raise ReaderError(f"{records.where}: tag record {key!r} is damaged ({e}); "
                          "it was left as it is.") from None


def resolutions_in(records: Records) -> dict[str, Resolution]:
    article_id = records.article_id
    return parse(records.table(RESOLUTIONS), records.where, "resolution",
                 lambda d: resolution_from_json(d, article_id))


def edits_in(records: Records) -> Edits:
    where = records.where
    added = parse(records.table(ADDED), where, "added statement", statement_from_json)
    speakers = parse(records.table(SPEAKERS), where, "speaker correction", speaker_from_json)
    dismissed = parse(records.table(DISMISSED), where, "dismissal", lambda d: True)
    revised = parse(records.table(REVISED), where, "revised statement", revision_from_json)
    # in the order added (the table keeps insertion order): an added statement's number
    return Edits(added=tuple(added.values()), speakers=speakers, dismissed=frozenset(dismissed),
                 revised=revised)


def engine_ids_in(records: Records) -> tuple[str, ...] | None:
    doc = records.table(ENGINE).doc(ENGINE_IDS)
    if doc is None:
        return None
    try:
        return engine_ids_from_json(doc)
    except TypeError:
        raise ReaderError(f"{records.where}: the list of statement ids is damaged; "
                          "it was left as it is.") from None


def positions_in(records: Records) -> dict[str, str]:
    """reviewer -> the statement they left the article at."""
    return parse(records.table(POSITIONS), records.where, "position", position_from_json)


def state_in(records: Records, *, tags: bool = True) -> ArticleState:
    """The article's state (`tags` False: without its tags)."""
    if not records.exists:
        return ArticleState()
    orphans = tags_in(records, ORPHANS).values()
    reviews: dict[str, dict[str, Tag]] = {}
    for tag in tags_in(records).values() if tags else ():
        reviews.setdefault(tag.statement_id, {})[tag.reviewer] = tag
    return ArticleState(reviews=reviews, resolutions=resolutions_in(records), orphans=in_text_order(orphans),
                        edits=edits_in(records), engine_ids=engine_ids_in(records),
                        positions=positions_in(records))


def progress_in(records: Records) -> Progress:
    """`state_in(records).progress`, read without building a tag."""
    marks = parse(records.table(TAGS), records.where, "tag record", tag_mark).values()
    return state_in(records, tags=False).counted(tagged_by(marks))


def judgements_in(records: Records) -> Judgements:
    """Each reviewer's category on the article's statements, read straight from its records
    (a damaged tag is a ReaderError naming the file, as everywhere)."""
    categories: dict[str, dict[str, str]] = {}
    words: dict[str, str] = {}
    for key, doc in records.table(TAGS).items():
        try:
            sid, reviewer, category = doc["statement_id"], doc["reviewer"], doc["category"]
            exact = doc["anchor"]["exact"]
            if not (type(sid) is str and type(reviewer) is str and type(category) is str
                    and type(exact) is str):
                raise TypeError("expected strings")
        except (KeyError, TypeError) as e:
            raise ReaderError(f"{records.where}: tag record {key!r} is damaged ({e}); "
                              "it was left as it is.") from None
        by = categories.get(sid)
        if by is None:  # (setdefault twice a tag cost a tenth of `reader agreement`)
            by = categories[sid] = {}
            words[sid] = exact
        by[reviewer] = category
    settled = {sid: r.category for sid, r in resolutions_in(records).items()}
    return Judgements(categories, words, settled, frozenset(k for k, _ in records.table(DISMISSED).items()),
                      engine_ids_in(records) or (), tuple(k for k, _ in records.table(ADDED).items()))


def index_records(index: Table, where: str) -> dict[str, ArticleRecord]:
    """article id -> its record, from the index (`where` names it)."""
    return parse(index, where, "article record", record_from_json)


class Texts:
    """The articles' texts as kept, each read once and checked against its id (the id is the
    text's hash). Safe to share between threads."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._known: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, article_id: str) -> str | None:
        with self._lock:
            if article_id in self._known:
                return self._known[article_id]
        text = self._backend.text(article_id)
        if text is None:
            return None
        if hash_text(text) != article_id:
            raise damaged_text(self._backend.where(article_id, "text"))
        self.keep(article_id, text)
        return text

    def keep(self, article_id: str, text: str) -> None:
        """Remember a text this process has (its id is its hash)."""
        with self._lock:
            self._known[article_id] = text
