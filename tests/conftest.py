"""Fixtures shared by every test: an isolated home, config and database for each test."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from tests import postgres

from reader.cli import main
from reader.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_39b749fad2cbee79.txt"
# The settings tests run with: a frozen copy of the shipped defaults, so a change to
# config.yaml (a new category, more role words) breaks only the tests of the shipped defaults.
TEST_CONFIG = ROOT / "tests" / "data" / "config.yaml"
SHIPPED_CONFIG = ROOT / "config.yaml"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's folders, config or database; the command line
    (in this process or a child) reads the pinned test config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("READER_CONFIG", str(TEST_CONFIG))
    monkeypatch.setenv("READER_DB", str(home / "db"))
    monkeypatch.setenv("READER_REVIEWER", "tester")  # the reviewer the tests' own stores write as
    return home


@pytest.fixture
def config() -> Config:
    return load_config(TEST_CONFIG)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run `reader ARGS...` in this process; returns exit code, stdout and stderr."""

    def run(*args: str | Path) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli_process():
    """Run `python -m reader ARGS...` as a real process, as a user or a script would."""

    def run(*args: str | Path, stdin: bytes | None = None) -> Result:
        proc = subprocess.run([sys.executable, "-m", "reader", *map(str, args)], input=stdin,
                              capture_output=True, timeout=120)
        return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                      proc.stderr.decode("utf-8", "replace"))

    return run


# --- a real PostgreSQL server for the server backend's tests -----------------------------------

SERVER_ENV = "READER_TEST_POSTGRESQL"  # a server where the tests may create schemas and roles


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The address of a PostgreSQL server for the tests (a superuser's, over its Unix socket):
    READER_TEST_POSTGRESQL when set (.ci/run starts one), else a throw-away cluster started for
    this test session and stopped after it. No server to be had is a failure saying how to get
    one, never a skip."""
    given = os.environ.get(SERVER_ENV)
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="reader-pg-"))
    try:
        url = postgres.start(folder)
    except postgres.NoServer as e:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"{e}.", pytrace=False)
    try:
        yield url
    finally:
        postgres.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def with_parameter(url: str, name: str, value: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{name}={quote(value, safe='')}"


@pytest.fixture
def server_db(postgres_server: str) -> str:
    """The address of an empty tag database of this test's own: a fresh schema on the server
    (the address picks it with options=-csearch_path=…)."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    return with_parameter(postgres_server, "options", f"-csearch_path={name}")
