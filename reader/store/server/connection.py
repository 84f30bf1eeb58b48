"""One connection to the PostgreSQL server, and every failure as one sentence naming the server.

The address is a libpq URL (`postgresql://user@host:port/dbname`, with anything libpq reads:
`?host=/run/postgresql` for a socket, `sslmode=…`). The password comes from the URL, PGPASSWORD
or ~/.pgpass, as for psql; no message ever shows it: the server is named by host, port,
database and user, read from the address (or libpq's defaults and PG* variables).
"""
from __future__ import annotations

import os
import select
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import errors, pq
from psycopg.conninfo import conninfo_to_dict

from reader.errors import CannotWrite, ReaderError

LOCK_TIMEOUT = 30  # seconds a write waits for another reader's write on the same article
CONNECT_TIMEOUT = 10  # seconds, unless the address says otherwise
APPLICATION_NAME = "reader"  # what pg_stat_activity shows for reader's connections
PgConnection = psycopg.Connection[tuple[Any, ...]]


@dataclass(frozen=True)
class Server:
    """Who and where, as messages say it."""

    host: str
    port: str
    dbname: str
    user: str

    @classmethod
    def of(cls, url: str) -> Server:
        try:
            info = conninfo_to_dict(url)
        except psycopg.ProgrammingError as e:
            raise ReaderError(f"{_without_password(url)}: is not a PostgreSQL address ({_first_line(e)}).") from None
        user = str(info.get("user") or os.environ.get("PGUSER") or _login())
        return cls(host=str(info.get("host") or os.environ.get("PGHOST") or "localhost"),
                   port=str(info.get("port") or os.environ.get("PGPORT") or "5432"),
                   dbname=str(info.get("dbname") or os.environ.get("PGDATABASE") or user), user=user)

    def __str__(self) -> str:
        where = f"{self.host}:{self.port}" if not self.host.startswith("/") else f"{self.host} (port {self.port})"
        return f"PostgreSQL server {where}, database {self.dbname}"


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "postgres"


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0].rstrip(".") if text else type(e).__name__


def _without_password(url: str) -> str:
    from reader.safe_text import without_password

    return without_password(url)


def sentence(server: Server, e: psycopg.Error, *, connecting: bool = False) -> ReaderError:
    """What went wrong, as one sentence naming the server (never the password)."""
    detail = _first_line(e)
    if isinstance(e, errors.InvalidPassword) or "password authentication failed" in detail:
        return ReaderError(f"{server}: the password of user {server.user} was refused (from the address, "
                           "PGPASSWORD or ~/.pgpass).")
    if "no password supplied" in detail:
        return ReaderError(f"{server}: asks for a password for user {server.user}; give it in PGPASSWORD or "
                           "~/.pgpass (or the address).")
    if isinstance(e, errors.InvalidCatalogName) or (connecting and "does not exist" in detail and "database" in detail):
        return ReaderError(f"{server}: there is no database {server.dbname} on the server; create it "
                           f"(createdb {server.dbname}) or correct the address.")
    if isinstance(e, errors.InsufficientPrivilege):
        return CannotWrite(f"{server}: user {server.user} may not do this ({detail}); nothing was changed.")
    if isinstance(e, errors.LockNotAvailable):
        return ReaderError(f"{server}: another reader has held this article for {LOCK_TIMEOUT} seconds; "
                           "nothing was changed, try again.")
    if isinstance(e, errors.UntranslatableCharacter) or "NUL" in detail or "0x00" in detail:
        return ReaderError(f"{server}: PostgreSQL cannot keep the character NUL (U+0000) that this text holds; "
                           "nothing was changed.")
    if connecting:
        return ReaderError(f"{server}: cannot connect ({detail}); is the server running and the address right?")
    if isinstance(e, psycopg.OperationalError):
        return ReaderError(f"{server}: the connection to the server was lost ({detail}); the last change may "
                           "not have been saved.")
    return ReaderError(f"{server}: {detail}.")


class Connection:
    """The backend's one connection, opened on first use (then `prepare` runs on it: the schema
    check) and again when it was lost meanwhile; one user at a time (threads wait their turn).

    A reading is one statement (one snapshot, no transaction needed); a write is a transaction
    sent in pipeline mode, so a tag write costs two round trips to the server: the lock and
    the reading of the tag, then the change and the COMMIT."""

    def __init__(self, url: str, server: Server, prepare: Callable[[PgConnection], None]) -> None:
        self._url = url
        self.server = server
        self._prepare = prepare
        self._conn: PgConnection | None = None
        self._lock = threading.RLock()

    def _open(self) -> PgConnection:
        if self._conn is not None and _alive(self._conn):
            return self._conn
        self.close()
        given = conninfo_to_dict(self._url)
        timeout = None if "connect_timeout" in given else CONNECT_TIMEOUT
        name = None if "application_name" in given else APPLICATION_NAME
        try:
            conn = psycopg.connect(self._url, autocommit=True, connect_timeout=timeout, application_name=name)
        except psycopg.Error as e:
            raise sentence(self.server, e, connecting=True) from None
        try:
            conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}s'")
            self._prepare(conn)
        except psycopg.Error as e:
            conn.close()
            raise sentence(self.server, e) from None
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    @contextmanager
    def reading(self) -> Iterator[PgConnection]:
        """The connection for one statement that only reads."""
        with self._lock:
            conn = self._open()
            try:
                yield conn
            except psycopg.Error as e:
                self._forget_if_lost(conn)
                raise sentence(self.server, e) from None

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """A transaction (READ COMMITTED: what it reads after taking a lock is what others
        committed before), committed when the block ends without an exception, rolled back
        otherwise; a failure of the server or the connection is a ReaderError naming it."""
        with self._lock:
            conn = self._open()
            try:
                with conn.pipeline(), conn.transaction():
                    yield conn
            except psycopg.Error as e:
                self._forget_if_lost(conn)
                raise sentence(self.server, e) from None

    def _forget_if_lost(self, conn: PgConnection) -> None:
        if conn.broken or conn.closed or not _alive(conn):
            self.close()

    def close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None and not conn.closed:
                try:
                    conn.close()
                except psycopg.Error:
                    pass  # closing a connection that is already gone


def _alive(conn: PgConnection) -> bool:
    """Whether the connection still stands, without a round trip. Between transactions the
    server has nothing to say to reader (it listens to no notifications): anything waiting on
    the socket is the server ending the session (a restart, an administrator, an idle timeout),
    or at worst a notice, and either way a new connection is the safe course."""
    if conn.closed or conn.broken:
        return False
    try:
        readable, _, _ = select.select([conn.fileno()], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable and conn.pgconn.status == pq.ConnStatus.OK
