"""Golden files: every format's export of the tagged sample article, byte for byte.

The sample (tests/exports/conftest.py) is built explicitly — fixed statements in place of the
engine, tags with fixed times and reviewer — so these files change only when an export's
format changes. After an intended change, regenerate them and review the diff:

    READER_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/exports/test_golden.py

A regenerating run still fails, so it can never pass silently in CI.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.exports import FORMATS, ExportOptions, export_text

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("READER_REGENERATE_GOLDEN") == "1"


def check_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_bytes(output.encode("utf-8"))
        pytest.fail(f"regenerated {path}; review the diff and run again without READER_REGENERATE_GOLDEN")
    assert path.is_file(), f"{path} is missing: run with READER_REGENERATE_GOLDEN=1 to create it"
    assert output == path.read_bytes().decode("utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_matches_its_golden_file(sample, fmt):
    output = sample.fixed_times(export_text(sample.store, sample.config, [sample.id], fmt))
    check_golden(f"sample{FORMATS[fmt].suffix}", output)


@pytest.mark.parametrize("fmt", ["md", "html", "w3c"])
def test_untagged_option_matches_its_golden_file(sample, fmt):
    """--untagged: the reports list the untagged statement, w3c adds it as a highlight."""
    output = export_text(sample.store, sample.config, [sample.id], fmt, ExportOptions(untagged=True))
    check_golden(f"sample-untagged{FORMATS[fmt].suffix}", sample.fixed_times(output))
