"""`reader export`, `reader import` and `reader report` as a user runs them."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from reader.store import TagStore
from tests.exports.conftest import ENGINE, SAMPLE_TEXT, fixed_engine, tag_sample  # noqa: F401

pytestmark = pytest.mark.usefixtures("fixed_engine")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def tagged(cli, article: Path) -> Path:
    """The sample article opened by `reader export` (which registers it), then tagged."""
    assert cli("export", article, "--format", "json").code == 0
    store = TagStore(Path(os.environ["READER_DB"]), "tester")
    [record] = store.articles()
    tag_sample(store, record.id)
    settled = cli("export", article, "--format", "json")  # the orphaned test tag is reported once
    assert "1 tag no longer matches a statement" in settled.err
    assert "no longer match" not in cli("export", article, "--format", "json").err
    return article


def test_export_prints_json_to_stdout_and_registers_the_article(cli, article):
    result = cli("export", article, "--format", "json")
    assert result.code == 0, result.err
    [doc] = json.loads(result.out)["articles"]
    assert doc["path"] == str(article.resolve()) and doc["text"] == SAMPLE_TEXT
    assert [s["id"] for s in doc["statements"]] == [s.id for s in ENGINE]
    assert TagStore(Path(os.environ["READER_DB"]), "x").article(doc["id"]) is not None


def test_export_to_a_file_takes_the_format_from_its_name(cli, tagged, tmp_path):
    out = tmp_path / "report.html"
    result = cli("export", tagged, "-o", out)
    assert result.code == 0 and result.out == ""
    assert result.err.strip() == f"reader: wrote {out} (html)."
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = cli("export", tagged, "-o", tmp_path / "rows.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "rows.csv").read_text(encoding="utf-8"), newline="")))
    assert result.code == 0 and len(rows) == 7


@pytest.mark.parametrize("name, fmt", [("tags.yml", "yaml"), ("Report.HTM", "html"), ("tags.w3c", "w3c"),
                                       ("tags.txt", "json")])
def test_every_ending_of_a_format_chooses_it_and_others_get_the_default(cli, tagged, tmp_path, name, fmt):
    result = cli("export", tagged, "-o", tmp_path / name)
    assert result.code == 0 and result.err.strip().endswith(f"({fmt}).")
    assert cli("report", tagged, "-o", tmp_path / name).err.strip().endswith("(html)." if fmt == "html" else "(md).")


def test_export_into_a_missing_folder_is_one_clear_line(cli_process, article, tmp_path):
    target = tmp_path / "missing" / "tags.json"
    result = cli_process("export", article, "-o", target)
    assert result.code == 1 and result.out == ""
    assert result.err == f"reader: {target}: the folder {target.parent} does not exist.\n"


def test_export_needs_a_path_or_all_but_not_both(cli, article):
    result = cli("export", "--format", "json")
    assert result.code == 1 and "name an article PATH, or use --all" in result.err
    result = cli("export", article, "--all")
    assert result.code == 1 and "not both" in result.err


def test_export_all_and_filters(cli, tagged):
    result = cli("export", "--all", "--format", "csv", "--category", "eyewitness")
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert result.code == 0 and [r["category"] for r in rows] == ["eyewitness"]
    result = cli("export", "--all", "--format", "json", "--tagged-only")
    assert len(json.loads(result.out)["articles"][0]["statements"]) == 4
    result = cli("export", "--all", "--format", "json", "--category", "rumour")
    assert result.code == 1 and result.err.startswith("reader: rumour: not a category in the settings")


def test_export_of_a_moved_article_uses_the_stored_text(cli, tagged):
    tagged.unlink()
    result = cli("export", tagged, "--format", "md")
    assert result.code == 0, result.err
    assert "Exporting the copy kept in the tag database" in result.err
    assert "### official (1)" in result.out


def test_import_prints_what_it_did_and_every_conflict(cli, tagged, tmp_path):
    exported = tmp_path / "mine.json"
    assert cli("export", tagged, "-o", exported).code == 0
    doc = json.loads(exported.read_text(encoding="utf-8"))
    eyewitness = next(s for s in doc["articles"][0]["statements"] if s["id"] == ENGINE[2].id)
    eyewitness["tags"][0].update(category="official", updated="2030-01-01T00:00:00Z")  # the same reviewer's, newer
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps(doc), encoding="utf-8")

    result = cli("import", theirs, "--keep-mine")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"{theirs}: imported json: 0 added, 0 updated, 4 skipped as identical, 1 in conflict."
    assert lines[1].startswith("conflict: ") and lines[1].endswith("→ kept the database's")
    result = cli("import", theirs)
    assert result.out.splitlines()[1].endswith("→ took the file's")
    assert json.loads(cli("export", "--all", "--format", "json").out)["articles"][0]["statements"][2]["tag"][
        "category"] == "official"


def test_refused_imports_are_one_line_and_change_nothing(cli_process, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json at all", encoding="utf-8")
    result = cli_process("import", bad)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith(f"reader: {bad}: not a JSON file") and result.err.count("\n") == 1
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"rows": []}), encoding="utf-8")
    result = cli_process("import", unknown)
    assert result.code == 1 and "unknown shape" in result.err and "Traceback" not in result.err


def test_report_all_has_totals_per_category_and_per_article(cli, tagged, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Second story\n\nNothing was said here.\n", encoding="utf-8")
    assert cli("export", other).code == 0
    result = cli("report", "--all")
    assert result.code == 0, result.err
    md = result.out
    assert md.startswith("# Source report\n\n- **Reviewed by:** alex\n- **Made:** ")
    assert "- **Articles:** 2, each below with its path or address\n\n## Totals\n" in md
    assert "## Per article" in md
    assert "| article | official | intelligence | eyewitness | social media | untagged | total |" in md
    assert "| Harbour bridge to reopen after storm repairs | 1 | 1 | 1 | 1 | 1 | 5 |" in md
    assert "| Second story | 0 | 0 | 0 | 0 | 0 | 0 |" in md
    html = cli("report", "--all", "--format", "html").out
    assert "<h2>Totals</h2>" in html and "<h2>Per article</h2>" in html
    with pytest.raises(SystemExit):  # reports are md or html: argparse says so
        cli("report", "--all", "--format", "json")
