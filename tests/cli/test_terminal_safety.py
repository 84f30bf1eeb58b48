"""What the command line prints comes from articles, imported files and servers: it reaches the
terminal as the characters it is, never as markup or a control sequence. And a database given
as a server address, or one that cannot be written, is handled as a user would expect."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_tag_commands import QUOTES, ids_of, statements, write_article

# a clipboard write (OSC 52), a title change, a screen clear, a C1 CSI, and Rich markup
HOSTILE_ID = "s\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;owned\x07\x1b[2J\x9b31m[bold red]x[/][link=file:///etc]y[/link]"
RAW = ("\x1b", "\x07", "\x9b")


def _no_control(text: str) -> None:
    assert not any(c in text for c in RAW), repr(text)


def test_ids_from_an_imported_file_are_shown_literally_by_tags(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough for the whole id on one line
    story = write_article(tmp_path / "storm.txt")
    sid = ids_of(statements(cli, story))[QUOTES[0]]
    assert cli("tag", story, sid, "official").code == 0
    exported = json.loads(cli("export", story, "--format", "json").out)
    article = exported["articles"][0]
    article["orphaned_tags"] = [{"statement_id": HOSTILE_ID, "category": "official", "note": "n",
                                 "anchor": {"exact": "words gone from the text", "prefix": "", "suffix": "",
                                            "start": 0, "end": 24}}]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert cli("import", path).code == 0
    shown = cli("tags", story)
    assert shown.code == 0, shown.err
    _no_control(shown.out)
    assert "[bold red]x[/][link=file:///etc]y[/link]" in shown.out  # the markup, as characters
    assert "␛]52;c;ZWNobyBwd25lZA==␇" in shown.out
    listed = cli("tags", story, "--format", "json")
    _no_control(listed.out)
    assert HOSTILE_ID in json.loads(listed.out)["orphans"][0]["statement_id"]


def test_json_for_scripts_escapes_c1_controls(cli, tmp_path):
    story = tmp_path / "c1.txt"
    story.write_text('Title \x9b2J here\n\nA spokesman said "We will rebuild \x9b31m the bridge" on Monday.\n',
                     encoding="utf-8")
    for command in (("extract", story, "--format", "json"), ("tags", story, "--format", "json"),
                    ("articles", "--format", "json")):
        result = cli(*command)
        assert result.code == 0, result.err
        _no_control(result.out)
        assert "\\u009b" in result.out and json.loads(result.out)


@pytest.mark.parametrize("where", ["option", "env", "config"])
@pytest.mark.parametrize("address, said", [
    ("postgresql://alex:s3cret@127.0.0.1:1/tags", "PostgreSQL server 127.0.0.1:1, database tags: cannot connect"),
    ("mysql://alex:s3cret@db.example/tags", "mysql://alex:…@db.example/tags is an address of a kind reader cannot"),
])
def test_a_database_address_is_never_taken_as_a_folder(cli, tmp_path, monkeypatch, where, address, said):
    """A PostgreSQL server's address is a server (here one nobody answers at), an address of
    another kind is refused: one sentence either way, never the password, no folder made."""
    story = write_article(tmp_path / "storm.txt")
    monkeypatch.chdir(tmp_path)
    args: tuple[str, ...] = ()
    if where == "option":
        args = ("--db", address)
    elif where == "env":
        monkeypatch.setenv("READER_DB", address)
    else:
        monkeypatch.delenv("READER_DB")
        config = tmp_path / "config.yaml"
        shipped = Path(os.environ["READER_CONFIG"]).read_text(encoding="utf-8")
        assert "storage:\n  database: null\n" in shipped
        config.write_text(shipped.replace("storage:\n  database: null\n", f"storage:\n  database: {address}\n"),
                          encoding="utf-8")
        args = ("--config", str(config))
    result = cli(*args, "tags", story)
    assert result.code == 1 and result.err.count("\n") == 1
    assert said in result.err
    assert "s3cret" not in result.err
    assert not (tmp_path / address.split("//")[0]).exists()


def _as_a_user_who_cannot_write(args: list[str]) -> list[str]:
    """Root writes anywhere, whatever the modes say: drop the capabilities that allow it."""
    if os.geteuid() != 0:
        return args
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root: setpriv (util-linux) is needed to test a read-only database"
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner", *args]


def _read_only(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True) + [folder]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def test_a_read_only_database_still_answers_every_reading_command(cli, tmp_path, isolated_home):
    story = write_article(tmp_path / "storm.txt")
    sid = ids_of(statements(cli, story))[QUOTES[0]]
    assert cli("tag", story, sid, "official", "--note", "kept").code == 0
    db = isolated_home / "db"
    _read_only(db)
    before = {p: p.read_bytes() for p in db.rglob("*") if p.is_file()}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = _as_a_user_who_cannot_write([sys.executable, "-m", "reader", *args])
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    try:
        for args in (["articles"], ["export", "--all", "--format", "csv"], ["report", "--all"],
                     ["export", str(story), "--format", "json"], ["tags", str(story), "--format", "json"]):
            result = run(*args)
            assert result.returncode == 0, (args, result.stderr)
            assert ("Storm closes" if args[0] == "articles" else "kept") in result.stdout, (args, result.stdout)
        refused = run("tag", str(story), sid, "eyewitness")
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "cannot" in refused.stderr.splitlines()[-1]
    finally:
        for path in [db, *db.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert {p: p.read_bytes() for p in db.rglob("*") if p.is_file()} == before
