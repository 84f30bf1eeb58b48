from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import TagStore
from tests.store.helpers import QUOTES, article, statements_in, text_with


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db"


@pytest.fixture
def store(db: Path) -> TagStore:
    return TagStore(db, "tester")


@pytest.fixture
def registered(store: TagStore, tmp_path: Path):
    """An article with four quotes, registered; returns (article, statements)."""
    a = article(text_with(QUOTES), tmp_path / "storm.txt")
    statements = statements_in(a.text)
    store.register(a, statements)
    return a, statements
