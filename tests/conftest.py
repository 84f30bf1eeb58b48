"""Fixtures shared by every test: an isolated home, config and database for each test."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

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
