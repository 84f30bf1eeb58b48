"""`reader db copy SOURCE TARGET`: a whole tag database copied to another place, either backend
to either backend (a folder onto a team's server, the server back to a folder).

Lossless: every record of every article (every reviewer's tags, resolutions, orphaned tags,
added statements, corrections, dismissals, revisions, the engine's statement ids), the index
and every text, as the store keeps them; each is read and checked first (a damaged record
stops the copy, naming it, before its batch is written).

Idempotent, and never destructive: a record the target lacks is added; one it holds alike is
left alone (a second copy writes nothing); where both hold a version of the same tag or
decision, the later one (`updated`, or the decision's time) stays, as an import decides (of
two records of one article in the index, the one opened last); any other record the target
holds differently is left as it is and counted. Records only the
target has are kept.

Written in batches of BATCH articles, each batch one write (one transaction on a server; whole
files in a folder), the index last: a copy stopped midway is finished by running it again.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.errors import ReaderError
from reader.store.backend import ARTICLE_TABLES, ARTICLES, ORPHANS, POSITIONS, RESOLUTIONS, TAGS, Doc, Table
from reader.store.model import record_from_json
from reader.store.reading import READERS
from reader.store.store import TagStore

BATCH = 50  # articles per write
# for these tables, where both sides hold a version, the later by this field stays
LATER_BY = {TAGS: "updated", ORPHANS: "updated", RESOLUTIONS: "at", POSITIONS: "at", ARTICLES: "last_opened"}


@dataclass
class Copied:
    """What a copy did."""

    articles: int = 0  # articles copied (their records, text and index entry)
    added: dict[str, int] = field(default_factory=dict)  # table -> records the target did not have
    replaced: dict[str, int] = field(default_factory=dict)  # table -> the target's older versions replaced
    kept: dict[str, int] = field(default_factory=dict)  # table -> records the target holds differently, kept

    @property
    def written(self) -> int:
        return sum(self.added.values()) + sum(self.replaced.values())


def copy_database(source: TagStore, target: TagStore, progress: Callable[[int, int], None] | None = None) -> Copied:
    """Copy everything in `source` into `target` (see the module docstring)."""
    if source.location == target.location:
        raise ReaderError(f"{source.location}: is both the source and the target of the copy.")
    done = Copied()
    ids = list(source.backend.article_ids())
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        read = [(aid, source.text(aid), _checked(source, aid)) for aid in batch]
        with target.backend.writing() as w:
            for aid, text, tables in read:
                if text is not None:
                    w.add_text(aid, text)
                records = w.article(aid)
                changed = False
                for name, docs in tables.items():
                    changed |= _merge(records.table(name), name, docs, done, aid)
                if changed:
                    w.save(records, batch=True)
        done.articles += len(batch)
        if progress is not None:
            progress(done.articles, len(ids))
    index = _checked_index(source)
    with target.backend.writing() as w:
        records = w.index()
        if _merge(records.table(ARTICLES), ARTICLES, index, done):
            w.save(records)
    return done


def _checked(source: TagStore, article_id: str) -> dict[str, dict[str, Doc]]:
    """Every table of one article of the source, each document read as the store reads it."""
    records = source.backend.article(article_id)
    out: dict[str, dict[str, Doc]] = {}
    for name in ARTICLE_TABLES:
        docs = dict(records.table(name).items())
        for key, doc in docs.items():
            _check(READERS[name], doc, article_id, records.where, name, key)
        if docs:
            out[name] = docs
    return out


def _checked_index(source: TagStore) -> dict[str, Doc]:
    docs = dict(source.backend.index().items())
    where = source.backend.where("", "index")
    for key, doc in docs.items():
        _check(lambda d, _: record_from_json(d), doc, key, where, ARTICLES, key)
    return docs


def _check(read: Callable[[Mapping[str, Any], str], object], doc: Doc, article_id: str, where: str,
           table: str, key: str) -> None:
    try:
        read(doc, article_id)
    except (KeyError, TypeError, ValueError) as e:
        raise ReaderError(f"{where}: the {table} record {key!r} is damaged ({e}); nothing of it was copied.") from None


def _merge(table: Table, name: str, docs: Mapping[str, Doc], done: Copied, article_id: str = "") -> bool:
    """Put into `table` what it lacks of `docs` (and newer versions of tags and decisions);
    True when anything was written."""
    have = dict(table.items())
    later = LATER_BY.get(name)
    read = READERS.get(name) or (lambda d, _: record_from_json(d))
    put: dict[str, Doc] = {}
    for key, doc in docs.items():
        theirs = have.get(key)
        if theirs is None:
            put[key] = doc
            done.added[name] = done.added.get(name, 0) + 1
        elif _same(read, theirs, doc, article_id):
            continue
        elif later is not None and str(doc.get(later, "")) > str(theirs.get(later, "")):
            put[key] = doc
            done.replaced[name] = done.replaced.get(name, 0) + 1
        else:
            done.kept[name] = done.kept.get(name, 0) + 1
    table.put_many(put)
    return bool(put)


def _same(read: Callable[[Mapping[str, Any], str], object], a: Doc, b: Doc, article_id: str) -> bool:
    """Whether two documents hold the same record (as the store reads them: a field stored as
    null and one left out are alike)."""
    try:
        return read(a, article_id) == read(b, article_id)
    except (KeyError, TypeError, ValueError):
        return dict(a) == dict(b)
