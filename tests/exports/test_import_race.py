"""An import and another writer at the same time, as real processes: what the other writer
saved while the import ran is merged like any other tag, never overwritten unseen."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("Ferry crossings suspended\n\n"
        'The harbour master said "All crossings are suspended until the engine room is inspected" on Monday.\n'
        'A passenger said "We watched the smoke for an hour before anyone spoke to us" later.\n')


def test_a_tag_saved_while_an_import_runs_is_not_overwritten(cli, tmp_path):
    """The attack: the import planned from a reading made before the lock, so a `reader tag`
    that returned success while it ran was replaced by the file's older tag, and the import
    said "0 in conflict"."""
    story = tmp_path / "ferry.txt"
    story.write_text(TEXT, encoding="utf-8")
    colleague, mine = tmp_path / "colleague-db", tmp_path / "db"
    sid = json.loads(cli("--db", colleague, "tags", story, "--format", "json").out)["statements"][0]["id"]
    assert cli("--db", colleague, "tag", story, sid, "official", "--note", "theirs, older").code == 0
    exported = tmp_path / "colleague.json"
    assert cli("--db", colleague, "export", story, "--format", "json", "-o", exported).code == 0
    assert cli("--db", mine, "tags", story).code == 0  # this database knows the article, untagged

    importer = subprocess.Popen([sys.executable, "-m", "tests.exports.slow_import", str(mine), str(exported)],
                                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    assert importer.stdout is not None and importer.stdin is not None
    assert importer.stdout.readline() == "reading\n"  # the import has started and holds its file
    tagger = subprocess.run([sys.executable, "-m", "reader", "--db", str(mine), "tag", str(story), sid,
                             "eyewitness", "--note", "mine, newer"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert tagger.returncode == 0, tagger.stderr  # `reader tag` said it saved the tag
    importer.stdin.write("go\n")
    importer.stdin.flush()
    out, err = importer.communicate(timeout=120)
    assert importer.returncode == 0, err

    tag = json.loads(cli("--db", mine, "tags", story, "--format", "json").out)["statements"][0]["tag"]
    assert (tag["category"], tag["note"]) == ("eyewitness", "mine, newer")
    assert "1 in conflict" in out and "kept the database's" in out, out
