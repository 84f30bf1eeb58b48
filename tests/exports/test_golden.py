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


MADE = "2026-01-05T10:00:00Z"  # when the reports say they were made


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_matches_its_golden_file(sample, fmt):
    """The sample holds a direct quotation, a mixed statement quoted whole, an indirect one
    ("denied that …"), an unnamed post, a dismissed statement and a corrected speaker."""
    output = export_text(sample.store, sample.config, [sample.id], fmt, ExportOptions(made=MADE))
    check_golden(f"sample{FORMATS[fmt].suffix}", sample.fixed_times(output))


@pytest.mark.parametrize("fmt, untagged, name", [("md", False, "tagged-only"), ("html", False, "tagged-only"),
                                                  ("w3c", True, "untagged")])
def test_listing_options_match_their_golden_files(sample, fmt, untagged, name):
    """--tagged-only: the reports leave the untagged statement out; --untagged: w3c adds it
    as a highlight."""
    output = export_text(sample.store, sample.config, [sample.id], fmt, ExportOptions(untagged=untagged, made=MADE))
    check_golden(f"sample-{name}{FORMATS[fmt].suffix}", sample.fixed_times(output))
