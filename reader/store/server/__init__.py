"""The server backend: the tag database on PostgreSQL, for a desk of reviewers on several
machines (`--db postgresql://user@host:port/dbname`).

Every write is one transaction, committed before the store's call returns. It first takes a
transaction-level advisory lock per article it opens (and one for the index when it changes
it), so two writes to one article queue up, each reading what the other committed (READ
COMMITTED) and changing it; writes to different articles run side by side. A reading is one
statement, so one snapshot. The tables are created on first use (schema.py).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reader import paths
from reader.safe_text import without_password
from reader.store.backend import ARTICLES, Records
from reader.store.layout import is_article_id
from reader.store.server import schema
from reader.store.server.connection import Connection, PgConnection, Server
from reader.store.server.tables import (
    ARTICLES_SHAPE, STATEMENTS, ServerRecords, ServerTable, read_many, reading, tables_of,
)


READ_AT_ONCE = 50  # articles read in one statement by `articles`


def lock_key(article_id: str) -> int:
    """The advisory lock of an article (a 32-bit number from its id; two ids that share one
    only queue up behind each other)."""
    return int(article_id[:8], 16) - 2 ** 31 if len(article_id) >= 8 else int(article_id, 16)


class ServerWriter:
    """A write on the server: one transaction, holding each article it opened."""

    def __init__(self, backend: ServerBackend, conn: PgConnection) -> None:
        self._backend, self._conn = backend, conn
        self._opened: dict[str, ServerRecords] = {}

    def article(self, article_id: str) -> ServerRecords:
        found = self._opened.get(article_id)
        if found is None:
            where = self._backend.where(article_id)
            self._conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (schema.LOCKS, lock_key(article_id)))
            found = self._opened[article_id] = ServerRecords(article_id, where, self._conn)
        return found

    def index(self) -> ServerRecords:
        self._conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (schema.LOCKS, schema.INDEX_LOCK))
        return ServerRecords("", self._backend.where("", "index"), self._conn, names=(ARTICLES,))

    def add_text(self, article_id: str, text: str) -> None:
        self._conn.execute("INSERT INTO reader_texts (article_id, text) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                           (article_id, text))

    def save(self, records: Records, *, batch: bool = False) -> None:
        """Nothing to do: the write's transaction commits everything when it ends."""


class ServerBackend:
    """The tag database in a PostgreSQL database. Connects at once, so a wrong address,
    password or database, or tables of a newer reader, are said before anything else happens."""

    def __init__(self, url: str) -> None:
        self._url = url
        self.server = Server.of(url)
        self._connection = Connection(url, self.server, lambda conn: schema.prepare(conn, self.server))
        # texts a reading of many articles sent along (`articles`, texts=True), until asked for
        self._texts_sent: dict[str, str | None] = {}
        with self._connection.reading():
            pass

    @property
    def root(self) -> str:
        return self._url

    @property
    def location(self) -> str:
        return without_password(self._url)

    @property
    def home(self) -> Path:
        return paths.user_data_dir()

    def where(self, article_id: str, what: str = "article") -> str:
        if what == "index":
            return f"{self.server}, table reader_articles"
        if not is_article_id(article_id):
            raise ValueError(f"not an article id: {article_id!r}")
        return f"{self.server}, {'text of ' if what == 'text' else ''}article {article_id[:12]}…"

    def article(self, article_id: str) -> ServerRecords:
        return next(self.articles([article_id]))

    def articles(self, article_ids: Sequence[str], *, brief: bool = False, texts: bool = False
                 ) -> Iterator[ServerRecords]:
        batches = [article_ids[start:start + READ_AT_ONCE] for start in range(0, len(article_ids), READ_AT_ONCE)]
        wheres = {aid: self.where(aid) for aid in article_ids}
        try:
            with self._connection.reading() as conn:  # held until the last article is read
                for batch, found in zip(batches, read_many(conn, batches, reading(brief, texts))):
                    if texts:
                        self._texts_sent.update((aid, text) for aid, (_, text) in found.items())
                    for aid in batch:
                        yield ServerRecords(aid, wheres[aid], None, tables_of(found[aid][0]))
        finally:
            if texts:
                for aid in article_ids:
                    self._texts_sent.pop(aid, None)

    def index(self) -> ServerTable:
        with self._connection.reading() as conn:
            rows = conn.execute(STATEMENTS[ARTICLES_SHAPE].select).fetchall()
        return ServerTable(ARTICLES_SHAPE, (), None, dict(ARTICLES_SHAPE.doc(tuple(r)) for r in rows))

    def text(self, article_id: str) -> str | None:
        try:
            return self._texts_sent.pop(article_id)
        except KeyError:
            pass
        with self._connection.reading() as conn:
            row = conn.execute("SELECT text FROM reader_texts WHERE article_id = %s", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    @contextmanager
    def writing(self) -> Iterator[ServerWriter]:
        with self._connection.transaction() as conn:
            yield ServerWriter(self, conn)

    def lock_held_elsewhere(self) -> None:
        """Not told: asking the server would cost every write a round trip."""
        return None

    def article_ids(self) -> Iterator[str]:
        with self._connection.reading() as conn:
            rows = conn.execute(
                "SELECT id FROM reader_articles UNION SELECT article_id FROM reader_texts "
                "UNION SELECT article_id FROM reader_tags UNION SELECT article_id FROM reader_resolutions "
                "UNION SELECT article_id FROM reader_records ORDER BY 1").fetchall()
        return iter([str(r[0]) for r in rows])

    def close(self) -> None:
        self._connection.close()
