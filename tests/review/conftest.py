from __future__ import annotations

from pathlib import Path

import pytest

from reader.review import ReviewSession
from reader.store import TagStore
from tests.review import sample


@pytest.fixture
def store(tmp_path: Path) -> TagStore:
    return TagStore(tmp_path / "db", "tester")


@pytest.fixture
def session(store, config) -> ReviewSession:
    return ReviewSession.open(sample.article(), config, store, sample.statements())
