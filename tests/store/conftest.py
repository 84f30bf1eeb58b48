from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import TagStore
from tests.store.helpers import QUOTES, article, statements_in, text_with

BACKENDS = ("files", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every store test that takes `db` runs on both backends (a folder of files, and a
    PostgreSQL server); tests of the files themselves are marked files_only."""
    if "db" in metafunc.fixturenames:
        files_only = metafunc.definition.get_closest_marker("files_only") is not None
        metafunc.parametrize("backend", ["files"] if files_only else list(BACKENDS))


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """An empty tag database: a folder, or a schema of its own on the test server."""
    if backend == "files":
        return tmp_path / "db"
    return request.getfixturevalue("server_db")


@pytest.fixture
def store(db: Path | str):
    found = TagStore(db, "tester")
    yield found
    found.close()


@pytest.fixture
def registered(store: TagStore, tmp_path: Path):
    """An article with four quotes, registered; returns (article, statements)."""
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    store.register(a, statements)
    return a, statements
