"""The server backend's own behaviour, against a real PostgreSQL server: failures as one
sentence naming the server and never the password, the schema created, versioned and
migrated, a connection lost and found again, and what PostgreSQL cannot keep."""
from __future__ import annotations

import threading
import time

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from reader.errors import ReaderError
from reader.review.saver import Saver, Write
from reader.store import Tag, TagStore, make_anchor
from reader.store.server import lock_key, schema as server_schema
from tests.store.helpers import QUOTES, article, many_quotes, snapshot, statements_in, text_with

SECRET = "correct-horse-battery"


@pytest.fixture
def registered_on_server(server_db, tmp_path):
    store = TagStore(server_db, "tester")
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    store.register(a, statements)
    yield store, a, statements
    store.close()


def _port(url: str) -> str:
    return str(conninfo_to_dict(url).get("port") or "5432")


@pytest.fixture(scope="module")
def password_role(postgres_server):
    """A role that logs in over TCP with a password (the throw-away cluster asks for one there)."""
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN CREATE ROLE reader_pw LOGIN PASSWORD 'correct-horse-battery'; "
                     "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        # its own schema (first on its search_path), where it may create the tag database
        conn.execute("CREATE SCHEMA IF NOT EXISTS reader_pw AUTHORIZATION reader_pw")
    return f"127.0.0.1:{_port(postgres_server)}"


# --- failures: one sentence naming the server, never the password -----------------------------

def test_a_wrong_password_is_one_sentence_that_never_shows_it(password_role, cli):
    url = f"postgresql://reader_pw:wrong-{SECRET}@{password_role}/postgres"
    result = cli("--db", url, "articles")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "password of user reader_pw was refused" in result.err
    assert f"PostgreSQL server {password_role}, database postgres" in result.err
    assert SECRET not in result.err and "wrong-" not in result.err


def test_a_password_from_pgpassword_is_used_and_never_shown(password_role, cli, monkeypatch, tmp_path):
    url = f"postgresql://reader_pw@{password_role}/postgres"
    monkeypatch.setenv("PGPASSWORD", f"not-{SECRET}")
    refused = cli("--db", url, "articles")
    assert refused.code == 1 and "was refused" in refused.err and SECRET not in refused.err
    monkeypatch.setenv("PGPASSWORD", SECRET)
    accepted = cli("--db", url, "articles", "--format", "json")
    assert accepted.code == 0, accepted.err
    assert SECRET not in accepted.out + accepted.err


def test_an_unreachable_server_is_one_sentence(cli):
    result = cli("--db", f"postgresql://someone:{SECRET}@127.0.0.1:1/desk", "articles")
    assert result.code == 1 and "Traceback" not in result.err and result.err.count("\n") == 1
    assert "PostgreSQL server 127.0.0.1:1, database desk: cannot connect" in result.err
    assert SECRET not in result.err


def test_a_missing_database_is_one_sentence(postgres_server, cli):
    url = postgres_server.replace("/postgres?", "/no_such_desk?")
    result = cli("--db", url, "articles")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "database no_such_desk: there is no database no_such_desk on the server" in result.err


def test_an_address_of_another_kind_is_still_refused_without_its_password(cli):
    result = cli("--db", f"mysql://someone:{SECRET}@db.example/desk", "articles")
    assert result.code == 1 and "mysql://someone:…@db.example/desk is an address of a kind" in result.err
    assert SECRET not in result.err


# --- the schema: created on first use, versioned, migrated forward --------------------------------

def test_the_tables_are_created_on_first_use_and_plain_for_an_operator(registered_on_server, server_db):
    store, a, statements = registered_on_server
    store.set_tag(a.id, statements[0], "official", note="checked")
    TagStore(server_db, "bob").set_tag(a.id, statements[0], "eyewitness")
    with psycopg.connect(server_db) as conn:
        rows = conn.execute("SELECT reviewer, category, note FROM reader_tags WHERE article_id = %s ORDER BY 1",
                            (a.id,)).fetchall()
        version = conn.execute("SELECT version FROM reader_schema").fetchone()
    assert rows == [("bob", "eyewitness", None), ("tester", "official", "checked")]
    assert version == (server_schema.CURRENT,)


def test_a_newer_schema_is_refused_in_one_sentence_and_left_alone(registered_on_server, server_db):
    store, a, statements = registered_on_server
    store.set_tag(a.id, statements[0], "official")
    with psycopg.connect(server_db) as conn:
        conn.execute("UPDATE reader_schema SET version = %s", (server_schema.CURRENT + 1,))
    before = snapshot(server_db)
    with pytest.raises(ReaderError, match=r"holds a tag database of a newer reader \(schema version "
                                          rf"{server_schema.CURRENT + 1}; .*upgrade reader") as caught:
        TagStore(server_db, "tester")
    assert "PostgreSQL server" in str(caught.value)
    assert snapshot(server_db) == before


def test_an_older_schema_is_migrated_forward_once(registered_on_server, server_db, monkeypatch):
    store, a, statements = registered_on_server
    store.set_tag(a.id, statements[0], "official")
    store.close()
    monkeypatch.setattr(server_schema, "CURRENT", server_schema.CURRENT + 1)
    monkeypatch.setitem(server_schema.MIGRATIONS, server_schema.CURRENT - 1,
                        ["ALTER TABLE reader_tags ADD COLUMN checked_by text"])
    newer = TagStore(server_db, "tester")
    assert newer.tags(a.id)[statements[0].id].category == "official"  # nothing lost on the way
    TagStore(server_db, "tester")  # a second reader finds it done: the column is added once
    with psycopg.connect(server_db) as conn:
        assert conn.execute("SELECT version FROM reader_schema").fetchone() == (server_schema.CURRENT,)
        assert conn.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'reader_tags' "
                            "AND column_name = 'checked_by' AND table_schema = current_schema()").fetchone() == (1,)


# --- connections lost and found again ---------------------------------------------------------------

def _terminate(server: str, where: str) -> int:
    """Terminate the server's reader connections matching `where` (SQL on pg_stat_activity),
    and wait until they are gone."""
    with psycopg.connect(server, autocommit=True) as admin:
        pids = [r[0] for r in admin.execute(f"SELECT pid FROM pg_stat_activity WHERE application_name = 'reader' "
                                            f"AND pid <> pg_backend_pid() AND {where}")]
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s, 30000)", (pid,))
    return len(pids)


def test_a_connection_lost_while_idle_is_opened_again_at_the_next_write(registered_on_server, postgres_server):
    store, a, statements = registered_on_server
    store.set_tag(a.id, statements[0], "official")
    assert _terminate(postgres_server, "state = 'idle'") >= 1  # e.g. the server restarted overnight
    store.set_tag(a.id, statements[1], "eyewitness")
    assert set(store.tags(a.id)) == {statements[0].id, statements[1].id}


def _waiting_on_a_lock(server: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    with psycopg.connect(server, autocommit=True) as admin:
        while time.monotonic() < deadline:
            row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'reader' "
                                "AND wait_event = 'advisory'").fetchone()
            if row and row[0]:
                return
            time.sleep(0.01)
    raise AssertionError("the write never waited for the article")


def test_a_connection_lost_during_a_write_is_a_sentence_and_the_saver_keeps_and_retries_it(
        registered_on_server, server_db, postgres_server):
    """The review screen's Saver: the server drops the connection while a tag is being saved.
    The change stays queued (the screen marks it unsaved), the error is one sentence naming
    the server; the retry saves it."""
    store, a, statements = registered_on_server
    saver = Saver(store)
    saver.submit(Write(statements[2].id, "tag official", lambda s: s.set_tag(a.id, statements[2], "official")))
    holder = psycopg.connect(server_db, autocommit=True)  # another reader holding this article
    holder.execute("SELECT pg_advisory_lock(%s, %s)", (server_schema.LOCKS, lock_key(a.id)))
    results = []
    drain = threading.Thread(target=lambda: results.append(saver.flush()))
    drain.start()
    _waiting_on_a_lock(postgres_server)
    assert _terminate(postgres_server, "wait_event = 'advisory'") == 1
    drain.join(30)
    holder.close()
    (first,) = results
    assert first.saved == 0 and first.unsaved == 1 and saver.unsaved_ids() == {statements[2].id}
    assert first.error is not None and "Could not save (tag official): PostgreSQL server" in first.error
    assert "connection to the server was lost" in first.error
    again = saver.flush()
    assert (again.saved, again.unsaved, again.recovered) == (1, 0, True)
    assert TagStore(server_db, "checker").tags(a.id, "tester")[statements[2].id].category == "official"


# --- what PostgreSQL cannot keep --------------------------------------------------------------------

def test_text_holding_a_nul_is_refused_in_one_sentence_and_nothing_changes(registered_on_server, server_db):
    store, a, statements = registered_on_server
    store.set_tag(a.id, statements[0], "official")
    before = snapshot(server_db)
    with pytest.raises(ReaderError, match="cannot keep the character NUL"):
        store.set_tag(a.id, statements[0], "official", note="a\x00b")
    assert snapshot(server_db) == before


def test_a_batch_failing_partway_on_the_server_changes_no_article(server_db, tmp_path):
    """A batch is one transaction: the third article's record is refused by the server after
    the first two were written, and none of the three changed."""
    store = TagStore(server_db, "tester")
    pairs = []
    for k in range(3):
        a = article(text_with(many_quotes(4), head=f"Storm report {k}"), tmp_path / f"report-{k}.txt")
        pairs.append((a, statements_in(a.text)))
        store.register(*pairs[-1])
    pairs.sort(key=lambda pair: pair[0].id)  # the batch writes articles in id order
    before = snapshot(server_db)
    tags = [Tag(a.id, s.id, "official", make_anchor(a.text, s.start, s.end), reviewer="colleague",
                note="bad\x00" if a is pairs[-1][0] else "fine", created="2026-01-01T00:00:00Z",
                updated="2026-01-01T00:00:00Z") for a, statements in pairs for s in statements]
    with pytest.raises(ReaderError, match="NUL"):
        store.put_tags(tags)
    assert snapshot(server_db) == before
