"""A desk on the command line: two reviewers tag the same article, `reader agreement` measures
them, `reader resolve` settles a difference, `reader import` brings a colleague's tags in."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.test_tag_commands import write_article

QUOTES = (
    "We will rebuild the bridge before the spring floods arrive",
    "Nobody told us anything until the water was at the door",
    "There is no evidence that anyone was hurt in the blast",
    "The road will stay closed until the engineers have checked it",
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_article(tmp_path / "storm.txt", QUOTES)


@pytest.fixture
def tagged(cli, story):
    """alice and bob agree on statements 1, 2 and 4 and differ on 3."""
    for reviewer, categories in (("alice", "1121"), ("bob", "1131")):
        for number, key in enumerate(categories, 1):
            result = cli("--reviewer", reviewer, "tag", story, str(number), key)
            assert result.code == 0, result.err
    return story


def test_agreement_of_two_reviewers_as_json(cli, tagged):
    result = cli("agreement", "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert (doc["reviewers"], doc["articles"], doc["units"], doc["percent_agreement"]) == (["alice", "bob"], 1, 4, 0.75)
    # kappa by hand: p_o = 3/4; alice official 3, intelligence 1; bob official 3, eyewitness 1:
    # p_e = 9/16; kappa = (12/16 - 9/16) / (7/16) = 3/7
    [pair] = doc["pairs"]
    assert pair == {"reviewers": ["alice", "bob"], "units": 4, "percent_agreement": 0.75,
                    "cohen_kappa": round(3 / 7, 3)}
    assert doc["categories"]["official"]["units"] == 3
    [disputed] = doc["disagreements"]
    assert (disputed["number"], disputed["tags"], disputed["settled"]) == (
        3, {"alice": "intelligence", "bob": "eyewitness"}, None)
    assert disputed["text"] == QUOTES[2]
    assert doc["per_article"][0]["units"] == 4


def test_agreement_table_lists_the_disagreement_and_one_reviewer_alone_has_none(cli, tagged):
    table = cli("agreement", tagged)
    assert table.code == 0, table.err
    assert "Agreement of alice, bob over 4 statements in 1 article: 75.0% agreed" in table.out
    assert "intelligence" in table.out and "eyewitness" in table.out and "Cohen's κ" in table.out
    alone = cli("agreement", "--reviewers", "alice,carol")
    assert alone.code == 0 and "No statement in 1 article has tags from two reviewers" in alone.out
    assert cli("agreement", "--reviewers", "alice").code == 1


def test_resolve_settles_the_outcome_and_keeps_both_tags(cli, tagged):
    result = cli("--reviewer", "carol", "resolve", tagged, "3", "eyewitness")
    assert result.code == 0, result.err
    assert result.out.startswith("settled #3 ") and "by carol (alice intelligence · bob eyewitness)" in result.out
    statement = json.loads(cli("tags", tagged, "--format", "json").out)["statements"][2]
    assert statement["resolution"]["category"] == "eyewitness" and statement["resolution"]["by"] == "carol"
    assert statement["tag"]["category"] == "eyewitness" and statement["disputed"] is False
    assert [t["category"] for t in statement["tags"]] == ["intelligence", "eyewitness"]
    settled = json.loads(cli("agreement", "--format", "json").out)["disagreements"][0]
    assert settled["settled"] == "eyewitness"  # still a disagreement between the reviewers
    assert cli("resolve", tagged, "3", "--clear").code == 0
    statement = json.loads(cli("tags", tagged, "--format", "json").out)["statements"][2]
    assert statement["resolution"] is None and statement["disputed"] is True
    assert cli("resolve", tagged, "3").code == 1  # neither a category nor --clear


def test_a_colleagues_export_is_imported_beside_and_dry_run_says_so(cli, story, tmp_path):
    for number, key in enumerate("1121", 1):
        assert cli("--reviewer", "alice", "tag", story, str(number), key).code == 0
    colleague = tmp_path / "bob-db"
    for number, key in enumerate("1131", 1):
        assert cli("--db", colleague, "--reviewer", "bob", "tag", story, str(number), key).code == 0
    exported = tmp_path / "bob.json"
    assert cli("--db", colleague, "export", story, "-o", exported).code == 0
    dry = cli("import", exported, "--dry-run")
    assert dry.code == 0 and dry.out.startswith(f"{exported}: would import json: 4 added, 0 updated")
    assert json.loads(cli("agreement", "--format", "json").out)["units"] == 0  # nothing written
    assert cli("import", exported).code == 0
    doc = json.loads(cli("agreement", "--format", "json").out)
    assert (doc["units"], doc["percent_agreement"]) == (4, 0.75)


def _articles(cli, *options: str) -> dict:
    result = cli(*options, "articles", "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_every_place_counts_the_current_reviewers_tags_and_articles_shows_the_desk_beside(cli, story):
    from reader.cli.context import Context
    from reader.review.queue import Queue

    cli("--reviewer", "alice", "tag", story, "1", "official")
    cli("--reviewer", "alice", "tag", story, "2", "official")
    cli("--reviewer", "bob", "tag", story, "2", "eyewitness")
    cli("--reviewer", "carol", "resolve", story, "2", "official")
    cli("--reviewer", "bob", "tag", story, "3", "eyewitness")
    for name, mine in (("alice", 2), ("bob", 2), ("dana", 0)):
        doc = _articles(cli, "--reviewer", name)
        [row] = doc["articles"]
        assert (doc["reviewer"], row["tagged"], row["statements"]) == (name, mine, 4)
        assert (row["desk_tagged"], row["tagged_by"]) == (3, {"alice": 2, "bob": 2})
        tags = json.loads(cli("--reviewer", name, "tags", story, "--format", "json").out)
        assert (tags["tagged"], tags["total"]) == (mine, 4)
        ctx = Context(reviewer_option=name)
        queue = Queue([str(story)], ctx.config, ctx.store)
        assert tuple(queue.load(0).tally) == (mine, 4)
    table = cli("--reviewer", "dana", "articles")
    assert "0/4" in table.out and "3/4" in table.out and "desk: by anyone, or settled" in table.out
    assert "by dana" in cli("--reviewer", "dana", "tags", story).out


def test_articles_shows_no_desk_column_for_a_reviewer_alone(cli, story):
    cli("--reviewer", "alice", "tag", story, "1", "official")
    table = cli("--reviewer", "alice", "articles")
    assert "1/4" in table.out and "desk" not in table.out


def test_tags_shows_only_the_reviewers_named_and_counts_each(cli, tagged):
    doc = json.loads(cli("--reviewer", "alice", "tags", tagged, "--reviewers", "bob", "--format", "json").out)
    assert [[t["reviewer"] for t in s["tags"]] for s in doc["statements"]] == [["bob"]] * 4
    third = doc["statements"][2]
    assert (third["tag"]["category"], third["disputed"]) == ("eyewitness", False)  # bob's alone: no dispute
    assert (doc["reviewer"], doc["tagged"], doc["tagged_by"]) == ("alice", 4, {"bob": 4})
    table = cli("tags", tagged, "--reviewers", "bob, carol")
    assert table.code == 0, table.err
    assert "bob: 4 of 4; carol: 0 of 4 statements tagged." in table.out
    assert "alice" not in table.out and "disputed" not in table.out
    everyone = cli("tags", tagged)
    assert "alice" in everyone.out and "disputed" in everyone.out
    wrong = cli("tags", tagged, "--reviewers", " , ")
    assert wrong.code == 1 and wrong.err == "reader: --reviewers ' , ': name a reviewer or more, separated by commas.\n"


def test_a_resolution_whose_statement_left_the_text_is_listed_where_orphaned_tags_are(cli, tagged, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert cli("--reviewer", "carol", "resolve", tagged, "3", "official").code == 0
    text = tagged.read_text(encoding="utf-8")
    tagged.write_text(text.replace(QUOTES[2], "Something else entirely was said about the weather"), encoding="utf-8")
    doc = json.loads(cli("tags", tagged, "--format", "json").out)
    [lost] = doc["orphaned_resolutions"]
    assert (lost["category"], lost["by"], lost["anchor"]["exact"]) == ("official", "carol", QUOTES[2])
    assert lost["statement_id"] not in {s["id"] for s in doc["statements"]}
    table = cli("tags", tagged).out
    assert "Orphaned resolutions" in table and lost["statement_id"] in table and "carol" in table
    [row] = _articles(cli)["articles"]
    assert (row["orphaned"], row["orphaned_resolutions"]) == (2, 1)  # alice's and bob's tags of it, carol's decision
    assert "+1 orphaned resolutions" in cli("articles").out
    export = json.loads(cli("export", tagged, "--format", "json").out)["articles"][0]
    assert [r["category"] for r in export["orphaned_resolutions"]] == ["official"]
    report = cli("report", tagged, "--format", "md").out
    assert "orphaned resolutions (1)" in report and f"settled official by carol: “{QUOTES[2]}”" in report
    rows = list(csv.DictReader(io.StringIO(cli("export", tagged, "--format", "csv").out)))
    [row] = [r for r in rows if r["status"] == "orphaned resolution"]
    assert (row["category"], row["resolved_by"], row["text"]) == ("official", "carol", QUOTES[2])


def test_an_orphaned_resolution_goes_through_a_json_round_trip(cli, tagged, tmp_path):
    assert cli("--reviewer", "carol", "resolve", tagged, "3", "official").code == 0
    text = tagged.read_text(encoding="utf-8")
    tagged.write_text(text.replace(QUOTES[2], "Something else entirely was said about the weather"), encoding="utf-8")
    exported = tmp_path / "desk.json"
    assert cli("export", tagged, "--format", "json", "-o", exported).code == 0
    other = tmp_path / "other-db"
    result = cli("--db", other, "import", exported, "--add-articles")
    assert result.code == 0, result.err
    assert "resolutions of statements not found" not in result.out
    again = json.loads(cli("--db", other, "export", "--all", "--format", "json").out)["articles"][0]
    first = json.loads(exported.read_text(encoding="utf-8"))["articles"][0]
    assert again["orphaned_resolutions"] == first["orphaned_resolutions"] != []
    assert cli("--db", other, "import", exported, "--add-articles").code == 0  # a second import adds nothing
    assert json.loads(cli("--db", other, "export", "--all", "--format", "json").out)["articles"][0][
        "orphaned_resolutions"] == first["orphaned_resolutions"]


@pytest.fixture(params=["files", "postgresql"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The command line's tag database: the test's folder, or a schema of its own on the test server."""
    if request.param == "postgresql":
        monkeypatch.setenv("READER_DB", request.getfixturevalue("server_db"))
    return str(request.param)


def test_an_orphaned_resolution_is_cleared_by_its_old_id(backend, cli, story):
    for reviewer, category in (("alice", "official"), ("bob", "eyewitness")):
        for number in ("2", "3"):
            assert cli("--reviewer", reviewer, "tag", story, number, category).code == 0
    for number in ("2", "3"):
        assert cli("--reviewer", "carol", "resolve", story, number, "official").code == 0
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace(QUOTES[2], "Something else entirely was said about the weather"), encoding="utf-8")
    [lost] = json.loads(cli("tags", story, "--format", "json").out)["orphaned_resolutions"]
    old = lost["statement_id"]
    assert "OLD_ID --clear` takes one back" in " ".join(cli("tags", story).out.split())
    unknown = cli("resolve", story, "s0000n0pe", "--clear")
    assert unknown.code == 1 and unknown.out == "" and unknown.err.count("\n") == 1
    assert "'s0000n0pe' is neither a number nor an id" in unknown.err and "reader tags" in unknown.err
    cleared = cli("--reviewer", "dana", "resolve", story, old, "--clear")
    assert cleared.code == 0, cleared.err
    assert cleared.out == f'cleared the orphaned resolution of {old} (official by carol): "{QUOTES[2]}"\n'
    doc = json.loads(cli("tags", story, "--format", "json").out)
    assert doc["orphaned_resolutions"] == []
    assert doc["statements"][1]["resolution"]["by"] == "carol"  # the other decision stays
    assert {t["reviewer"] for t in doc["orphans"]} == {"alice", "bob"}  # and the reviewers' tags of it
    [row] = _articles(cli)["articles"]
    assert row["orphaned_resolutions"] == 0
    again = cli("resolve", story, old, "--clear")
    assert again.code == 1 and f"'{old}' is neither a number nor an id" in again.err
