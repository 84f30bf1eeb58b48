"""The commands that read every article at once run with Python's cycle collector paused
(reader.gc_pause: measured by `python -m bench desk_reads` and `agreement`), the others with it
as it was; after any of them it is as it was, an error or not."""
from __future__ import annotations

import gc
import importlib

import pytest

from reader.errors import ReaderError

PAUSED = {"agreement": True, "articles": False, "export": True, "tags": False, "resolve": False}


def test_only_the_whole_database_commands_pause_the_cycle_collector(cli, monkeypatch):
    seen: dict[str, bool] = {}
    for name in PAUSED:
        module = importlib.import_module(f"reader.cli.commands.{name}")

        def run(args: object, ctx: object, name: str = name) -> int:
            seen[name] = not gc.isenabled()
            if name == "export":
                raise ReaderError("stopped on purpose")
            return 0

        monkeypatch.setattr(module, "run", run)
    assert gc.isenabled()
    arguments = {"agreement": ["--all"], "articles": [], "export": ["--all"], "tags": ["x.txt"],
                 "resolve": ["x.txt", "1", "official"]}
    for name, args in arguments.items():
        result = cli(name, *args)
        assert result.code == (1 if name == "export" else 0), result.err
        assert gc.isenabled(), name
    assert seen == PAUSED


@pytest.fixture(autouse=True)
def _collector_back_on():
    yield
    gc.enable()  # (should a failure above leave it paused, the other tests run as usual)
