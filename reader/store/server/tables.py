"""The store's keyed tables (backend.Table) on the server's tables (schema.py).

A `Shape` says where one of the store's tables sits: which server table, which columns pick it
out (the article, and for reader_records the kind), which columns make a document's key, and
how a document becomes a row and back. A `ServerTable` is one store table of one article (or
the index), read when first needed and written at once, inside the transaction of the write
that opened it.
"""
from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, LiteralString

from psycopg import sql
from psycopg.types.json import Jsonb

from reader.store.backend import (
    ADDED, ARTICLE_TABLES, ARTICLES, DISMISSED, Doc, ENGINE, LOST_ADDED, ORPHANS, POSITIONS, RESOLUTIONS, REVISED,
    SPEAKERS, TAGS,
)
from reader.store.schema import tag_key
from reader.store.server.connection import PgConnection


@dataclass(frozen=True)
class Shape:
    table: LiteralString
    scope: tuple[LiteralString, ...]  # columns whose values pick the store's table out of the server's
    keys: tuple[LiteralString, ...]  # columns that make a document's key
    # (document field, column), in the document's order; empty: the whole document in `doc`
    fields: tuple[tuple[str, LiteralString], ...] = ()
    json: frozenset[str] = frozenset()  # fields kept as jsonb
    pair: bool = False  # the key is schema.tag_key of the two key columns (else the one column)

    @cached_property
    def columns(self) -> tuple[LiteralString, ...]:
        return tuple(c for _, c in self.fields) if self.fields else ("key", "doc")

    @cached_property
    def _key_at(self) -> tuple[int, ...]:
        """Where the key columns stand in `columns`."""
        return tuple(self.columns.index(k) for k in self.keys)

    @cached_property
    def _key_fields(self) -> tuple[str, ...]:
        """The document fields of the key columns."""
        by_column = {c: f for f, c in self.fields}
        return tuple(by_column[k] for k in self.keys)

    def key_of(self, values: tuple[Any, ...]) -> str:
        """A document's key from its key columns' values."""
        if self.pair:
            return tag_key(values[0], values[1])
        return str(values[0])

    def key_values(self, key: str) -> tuple[Any, ...]:
        if self.pair:
            found = json.loads(key)
            return found[0], found[1]
        return (key,)

    def row(self, key: str, doc: Doc) -> tuple[Any, ...]:
        """The values of `columns` for this document."""
        if not self.fields:
            return key, Jsonb(dict(doc))
        values = tuple(Jsonb(doc.get(f)) if f in self.json else doc.get(f) for f, _ in self.fields)
        if self.key_of(tuple(values[i] for i in self._key_at)) != key:
            raise ValueError(f"a document put under {key!r} in {self.table} says another key")
        return values

    def doc(self, row: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
        """(key, document) of a row of `columns`."""
        if not self.fields:
            return str(row[0]), dict(row[1])
        doc = {f: v for (f, _), v in zip(self.fields, row)}
        return self.key_of(tuple(row[i] for i in self._key_at)), doc

    def as_json(self, alias: str, columns: Sequence[str] | None = None) -> sql.Composable:
        """SQL making a row of table `alias` into its document as a JSON object (its fields under
        their names), so a reading parses each document once and rebuilds nothing; with
        `columns`, the fields of those columns alone."""
        pairs = [sql.SQL("{}, {}").format(sql.Literal(f), sql.Identifier(alias, c)) for f, c in self.fields
                 if columns is None or c in columns]
        return sql.SQL("json_build_object({})").format(sql.SQL(", ").join(pairs))

    def key_of_doc(self, doc: Mapping[str, Any]) -> str:
        """A document's key from its own fields (a document as `as_json` makes it)."""
        if self.pair:  # (once a tag in a reading: no tuple made)
            first, second = self._key_fields
            return tag_key(doc[first], doc[second])
        return str(doc[self._key_fields[0]])


TAGS_SHAPE = Shape("reader_tags", ("article_id",), ("statement_id", "reviewer"),
                   fields=(("statement_id", "statement_id"), ("category", "category"), ("anchor", "anchor"),
                           ("note", "note"), ("reliability", "reliability"), ("credibility", "credibility"),
                           ("reviewer", "reviewer"), ("created", "created"), ("updated", "updated")),
                   json=frozenset({"anchor"}), pair=True)
RESOLUTIONS_SHAPE = Shape("reader_resolutions", ("article_id",), ("statement_id",),
                          fields=(("statement_id", "statement_id"), ("category", "category"), ("by", "decided_by"),
                                  ("at", "decided_at"), ("anchor", "anchor")),
                          json=frozenset({"anchor"}))
RECORDS_SHAPE = Shape("reader_records", ("article_id", "kind"), ("key",))
ARTICLES_SHAPE = Shape("reader_articles", (), ("id",),
                       fields=(("id", "id"), ("path", "path"), ("title", "title"), ("chars", "chars"),
                               ("first_seen", "first_seen"), ("last_opened", "last_opened"), ("meta", "meta"),
                               ("statements", "statements"), ("replaced_by", "replaced_by")),
                       json=frozenset({"meta"}))
IN_RECORDS = (ORPHANS, ADDED, LOST_ADDED, SPEAKERS, DISMISSED, REVISED, ENGINE, POSITIONS)
assert set(ARTICLE_TABLES) == {TAGS, RESOLUTIONS, *IN_RECORDS}, "every table of an article has its place"


def placed(name: str, article_id: str) -> tuple[Shape, tuple[str, ...]]:
    """Where the store's table `name` of this article is: its shape and its scope's values."""
    if name == TAGS:
        return TAGS_SHAPE, (article_id,)
    if name == RESOLUTIONS:
        return RESOLUTIONS_SHAPE, (article_id,)
    if name == ARTICLES:
        return ARTICLES_SHAPE, ()
    if name in IN_RECORDS:
        return RECORDS_SHAPE, (article_id, name)
    raise KeyError(f"no table {name!r} in the tag database")


def _where(columns: Iterable[str]) -> sql.Composable:
    conditions = [sql.SQL("{} = %s").format(sql.Identifier(c)) for c in columns]
    return sql.SQL(" AND ").join(conditions) if conditions else sql.SQL("true")


@dataclass(frozen=True)
class Statements:
    """The SQL of one shape, composed once."""

    select: sql.Composed
    select_one: sql.Composed
    upsert: sql.Composed
    delete: sql.Composed
    clear: sql.Composed

    @classmethod
    def of(cls, shape: Shape) -> Statements:
        table, columns = sql.Identifier(shape.table), sql.SQL(", ").join(map(sql.Identifier, shape.columns))
        every = [*shape.scope, *shape.columns]
        updates = [sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(c)) for c in shape.columns if c not in shape.keys]
        conflict = sql.SQL(", ").join(map(sql.Identifier, [*shape.scope, *shape.keys]))
        return cls(
            select=sql.SQL("SELECT {} FROM {} WHERE {} ORDER BY seq").format(columns, table, _where(shape.scope)),
            select_one=sql.SQL("SELECT {} FROM {} WHERE {}").format(columns, table, _where([*shape.scope, *shape.keys])),
            upsert=sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO {}").format(
                table, sql.SQL(", ").join(map(sql.Identifier, every)), sql.SQL(", ").join(sql.Placeholder() * len(every)),
                conflict, sql.SQL("UPDATE SET {}").format(sql.SQL(", ").join(updates)) if updates else sql.SQL("NOTHING")),
            delete=sql.SQL("DELETE FROM {} WHERE {}").format(table, _where([*shape.scope, *shape.keys])),
            clear=sql.SQL("DELETE FROM {} WHERE {}").format(table, _where(shape.scope)),
        )


STATEMENTS = {shape: Statements.of(shape) for shape in (TAGS_SHAPE, RESOLUTIONS_SHAPE, RECORDS_SHAPE, ARTICLES_SHAPE)}


class ServerTable:
    """One store table on the server. Given `items`, it is that reading (no connection needed);
    else it reads on first need through `conn`, the connection of the write holding it (the
    whole article at once, by `load`), and every change is executed at once in that write's
    transaction."""

    def __init__(self, shape: Shape, scope: tuple[str, ...], conn: PgConnection | None,
                 items: dict[str, dict[str, Any]] | None = None,
                 load: Callable[[], None] | None = None) -> None:
        self.shape, self.scope, self._conn = shape, scope, conn
        self._sql = STATEMENTS[shape]
        self.items_read = items
        self._load = load

    def _connection(self) -> PgConnection:
        if self._conn is None:
            raise RuntimeError("a reading of the tag database cannot be written to")
        return self._conn

    def _loaded(self) -> dict[str, dict[str, Any]]:
        if self.items_read is None:
            if self._load is not None:
                self._load()
            if self.items_read is None:
                rows = self._connection().execute(self._sql.select, self.scope).fetchall()
                self.items_read = dict(self.shape.doc(tuple(row)) for row in rows)
        return self.items_read

    def doc(self, key: str) -> Doc | None:
        if self.items_read is not None:
            return self.items_read.get(key)
        row = self._connection().execute(self._sql.select_one, (*self.scope, *self.shape.key_values(key))).fetchone()
        return None if row is None else self.shape.doc(tuple(row))[1]

    def has(self, key: str) -> bool:
        return self.doc(key) is not None

    def items(self) -> list[tuple[str, Doc]]:
        return list(self._loaded().items())

    def __len__(self) -> int:
        return len(self._loaded())

    def put(self, key: str, doc: Doc) -> None:
        self.put_many({key: doc})

    def put_many(self, docs: Mapping[str, Doc]) -> None:
        if not docs:
            return
        rows = [(*self.scope, *self.shape.row(key, doc)) for key, doc in docs.items()]
        conn = self._connection()
        if len(rows) == 1:
            conn.execute(self._sql.upsert, rows[0])
        else:
            with conn.cursor() as cursor:
                cursor.executemany(self._sql.upsert, rows)
        if self.items_read is not None:
            for key, doc in docs.items():
                self.items_read[key] = dict(doc)

    def discard(self, keys: Iterable[str]) -> None:
        gone = list(dict.fromkeys(keys))
        if not gone:
            return
        rows = [(*self.scope, *self.shape.key_values(key)) for key in gone]
        with self._connection().cursor() as cursor:
            cursor.executemany(self._sql.delete, rows)
        if self.items_read is not None:
            for key in gone:
                self.items_read.pop(key, None)

    def clear(self) -> None:
        self._connection().execute(self._sql.clear, self.scope)
        self.items_read = {}


class ServerRecords:
    """An article's tables (or the index's) on the server; see ServerTable. A write's records
    read the whole article in one statement the first time a whole table is needed."""

    def __init__(self, article_id: str, where: str, conn: PgConnection | None,
                 items: Mapping[str, dict[str, dict[str, Any]]] | None = None, *, names: Iterable[str] = ARTICLE_TABLES
                 ) -> None:
        self._article_id, self._where, self._conn = article_id, where, conn
        load = self._load if conn is not None and items is None and article_id else None
        self._tables = {name: ServerTable(*placed(name, article_id), conn,
                                          None if items is None else dict(items.get(name, {})), load)
                        for name in names}

    def _load(self) -> None:
        assert self._conn is not None
        found = read_article(self._conn, self._article_id)
        for name, table in self._tables.items():
            if table.items_read is None:
                table.items_read = found[name]

    @property
    def article_id(self) -> str:
        return self._article_id

    @property
    def where(self) -> str:
        return self._where

    @property
    def exists(self) -> bool:
        return any(len(t) for t in self._tables.values())

    def table(self, name: str) -> ServerTable:
        return self._tables[name]

    def clear(self) -> None:
        done: set[tuple[Shape, tuple[str, ...]]] = set()
        for table in self._tables.values():
            if (table.shape, table.scope) not in done:
                table.clear()
                done.add((table.shape, table.scope))


@cache
def reading(brief: bool = False, texts: bool = False) -> sql.Composed:
    """Every table of each article asked for, in one statement (so one snapshot), each article
    as one JSON value ({"tags": [document, …], "resolutions": […], "records": [[kind, key, doc],
    …]}, rows in the order first saved; one value parsed at once is what makes a reading as
    quick as a file's), then its text (`texts`; else null). `brief`: each tag's statement and
    reviewer alone (what counting needs)."""
    return sql.SQL("""SELECT a.id, json_build_object(
    'tags', (SELECT json_agg({tag} ORDER BY seq) FROM {tags} x WHERE x.article_id = a.id),
    'resolutions', (SELECT json_agg({resolution} ORDER BY seq) FROM {resolutions} x WHERE x.article_id = a.id),
    'records', (SELECT json_agg(json_build_array(kind, key, doc) ORDER BY seq) FROM reader_records x
                WHERE x.article_id = a.id))::text, {text}
    FROM unnest(%(ids)s::text[]) AS a(id)""").format(
        tags=sql.Identifier(TAGS_SHAPE.table), tag=TAGS_SHAPE.as_json("x", TAGS_SHAPE.keys if brief else None),
        resolutions=sql.Identifier(RESOLUTIONS_SHAPE.table), resolution=RESOLUTIONS_SHAPE.as_json("x"),
        text=sql.SQL("(SELECT text FROM reader_texts t WHERE t.article_id = a.id)" if texts else "NULL::text"))


ArticleTables = dict[str, dict[str, dict[str, Any]]]  # table name -> key -> document
Read = tuple[str, str | None]  # an article as read: its tables as JSON text (`tables_of`), its text if asked for
Rows = list[tuple[str, str, str | None]]  # a reading's rows
AHEAD = 3  # batches a reading of many takes off the connection before they are parsed


def read_articles(conn: PgConnection, article_ids: Sequence[str], statement: sql.Composed | None = None
                  ) -> dict[str, Read]:
    """These articles as `statement` (a `reading`) reads them: article id -> what was read."""
    return articles_read(conn.execute(statement or reading(), {"ids": list(article_ids)}).fetchall())


def read_many(conn: PgConnection, batches: Sequence[Sequence[str]], statement: sql.Composed
              ) -> Iterator[dict[str, Read]]:
    """`read_articles` of each batch, in order. A thread of its own sends every statement at
    once (pipeline mode) and takes each batch's rows off the connection as the server sends
    them, a few batches ahead, so the server builds the next batches while this process
    parses one, and never waits for this process to read its socket."""
    if len(batches) <= 1:
        for batch in batches:
            yield read_articles(conn, batch, statement)
        return
    rows: queue.Queue[Rows | BaseException] = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()

    def hand(item: Rows | BaseException) -> bool:
        """Give the reading the next batch (or what went wrong); False once it has stopped."""
        while not stop.is_set():
            try:
                rows.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def fetch() -> None:
        try:
            with conn.pipeline():
                cursors = [conn.execute(statement, {"ids": list(batch)}) for batch in batches]
                for cursor in cursors:
                    if not hand(cursor.fetchall()):
                        return
        except BaseException as e:  # (the reading raises it, and says it)
            hand(e)

    fetcher = threading.Thread(target=fetch, name="reader-server-reading", daemon=True)
    fetcher.start()
    try:
        for _ in batches:
            got = rows.get()
            if isinstance(got, BaseException):
                raise got
            yield articles_read(got)
    finally:
        stop.set()  # (a reading left before its end: the thread stops at its next batch)
        fetcher.join()


def articles_read(rows: Iterable[tuple[Any, ...]]) -> dict[str, Read]:
    """article id -> what was read of it, from a `reading`'s rows (each article's tables are
    parsed by `tables_of` when it is its turn: parsing a batch at once leaves thousands of
    young objects for Python's cycle collector to walk while the first article is used)."""
    return {article_id: (tables, text) for article_id, tables, text in rows}


def tables_of(read: str) -> ArticleTables:
    """An article's tables (name -> key -> document) from its JSON as a `reading` sends it."""
    found: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in ARTICLE_TABLES}
    data = json.loads(read)
    for name, shape in ((TAGS, TAGS_SHAPE), (RESOLUTIONS, RESOLUTIONS_SHAPE)):
        found[name] = {shape.key_of_doc(doc): doc for doc in data[name] or ()}
    for kind, key, doc in data["records"] or ():
        if kind in found:
            found[kind][key] = doc
    return found


def read_article(conn: PgConnection, article_id: str) -> ArticleTables:
    """Every table of an article: name -> key -> document."""
    return tables_of(read_articles(conn, [article_id])[article_id][0])
