"""The tables on the server, created on first use, versioned and migrated forward.

Plain tables an operator can query (`SELECT reviewer, category, count(*) FROM reader_tags GROUP
BY 1, 2`): every name starts with `reader_`, so the tag database can share a database (or, with
`?options=-csearch_path%3D…` in the address, live in a schema of its own). Times are kept as the
ISO 8601 text reader writes, exactly (a copy back to files gives the same bytes). `seq` keeps the
order records were first saved in (an added statement's number follows it).

- reader_schema        one row: the version of these tables
- reader_articles      the index: one row per article (path or URL, title, size, times, count)
- reader_texts         each article's text, kept once (the id is its hash)
- reader_tags          one row per article, statement and reviewer
- reader_resolutions   an adjudicator's decision per article and statement
- reader_records       the rest of an article's records, as JSON documents by table and key:
                       orphaned tags, added statements, corrected speakers, dismissals,
                       revisions, the engine's statement ids, where each reviewer
                       left the article

To change the tables: bump CURRENT and add MIGRATIONS[CURRENT - 1], the statements that take
the tables from that version to the next. They run in one transaction with the version's
update, under a lock, the first time a newer reader connects; an older reader then refuses the
database with one sentence instead of misreading it.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import LiteralString

from reader.errors import ReaderError
from reader.store.server.connection import PgConnection, Server

CURRENT = 1
LOCKS = 0x72656164  # the class of reader's advisory locks ("read")
SCHEMA_LOCK = 0  # held while the tables are created or migrated
INDEX_LOCK = 1  # held by a write that changes the index

CREATE: tuple[LiteralString, ...] = (
    """CREATE TABLE reader_schema (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        version integer NOT NULL)""",
    """CREATE TABLE reader_articles (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        path text NOT NULL,
        title text NOT NULL,
        chars integer NOT NULL,
        first_seen text NOT NULL,
        last_opened text NOT NULL,
        meta jsonb NOT NULL DEFAULT '{}',
        statements integer NOT NULL DEFAULT 0,
        replaced_by text)""",
    "CREATE INDEX reader_articles_path ON reader_articles (path)",
    """CREATE TABLE reader_texts (
        article_id text PRIMARY KEY,
        text text NOT NULL)""",
    """CREATE TABLE reader_tags (
        article_id text NOT NULL,
        statement_id text NOT NULL,
        reviewer text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        category text NOT NULL,
        note text,
        reliability text,
        credibility text,
        created text NOT NULL,
        updated text NOT NULL,
        anchor jsonb NOT NULL,
        PRIMARY KEY (article_id, statement_id, reviewer))""",
    """CREATE TABLE reader_resolutions (
        article_id text NOT NULL,
        statement_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        category text NOT NULL,
        decided_by text NOT NULL,
        decided_at text NOT NULL,
        anchor jsonb NOT NULL,
        PRIMARY KEY (article_id, statement_id))""",
    """CREATE TABLE reader_records (
        article_id text NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        doc jsonb NOT NULL,
        PRIMARY KEY (article_id, kind, key))""",
)

# version -> the statements taking the tables from that version to the next
MIGRATIONS: dict[int, Sequence[LiteralString]] = {}


def prepare(conn: PgConnection, server: Server) -> None:
    """Make sure the tables are there at this reader's version: created on first use, migrated
    forward from an older version; a newer version is refused (ReaderError)."""
    if _version(conn) == CURRENT:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCKS, SCHEMA_LOCK))
        found = _version(conn)  # again, now that no other reader can be creating them
        if found is None:
            for statement in CREATE:
                conn.execute(statement)
            conn.execute("INSERT INTO reader_schema (version) VALUES (%s)", (CURRENT,))
            return
        if found > CURRENT:
            raise ReaderError(f"{server}: holds a tag database of a newer reader (schema version {found}; this "
                              f"one reads up to {CURRENT}); upgrade reader to use it.")
        for version in range(found, CURRENT):
            steps = MIGRATIONS.get(version)
            if steps is None:
                raise ReaderError(f"{server}: holds a tag database of schema version {version}, which this "
                                  "reader cannot migrate.")
            for statement in steps:
                conn.execute(statement)
        conn.execute("UPDATE reader_schema SET version = %s", (CURRENT,))


def _version(conn: PgConnection) -> int | None:
    """The tables' version, None when there are none yet."""
    row = conn.execute("SELECT to_regclass('reader_schema') IS NOT NULL").fetchone()
    if row is None or not row[0]:
        return None
    found = conn.execute("SELECT version FROM reader_schema").fetchone()
    return None if found is None else int(found[0])
