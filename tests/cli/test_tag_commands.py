"""`reader tag`, `untag`, `tags` and `articles`, as a user or a script runs them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.attribution import extract
from reader.cli.context import Context
from reader.review import ReviewSession

QUOTES = (
    "We will rebuild the bridge before the spring floods arrive",
    "Nobody told us anything until the water was at the door",
    "There is no evidence that anyone was hurt in the blast",
)


def write_article(path: Path, quotes=QUOTES, lead: str = "") -> Path:
    lines = ["Storm closes coastal road", ""] + ([lead, ""] if lead else [])
    lines += [f'A spokesman said "{q}" on Monday.' for q in quotes]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_article(tmp_path / "storm.txt")


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LOGNAME", "desk-editor")  # the login name getpass finds first
    monkeypatch.delenv("READER_REVIEWER")  # so the login name is the reviewer's name
    return "desk-editor"


def test_the_reviewer_is_the_option_then_the_environment_then_the_settings_then_the_login(
        cli, story, monkeypatch, tmp_path):
    from tests.conftest import TEST_CONFIG

    def tagged_by(number: int, *options: str) -> str:
        assert cli(*options, "tag", story, str(number), "official").code == 0
        [tag] = statements(cli, story)["statements"][number - 1]["tags"]
        return tag["reviewer"]

    settings = tmp_path / "config.yaml"
    settings.write_text(TEST_CONFIG.read_text(encoding="utf-8").replace("reviewer: null", "reviewer: Carol  Ng"),
                        encoding="utf-8")
    assert tagged_by(1) == "desk-editor"
    assert tagged_by(2, "--config", str(settings)) == "Carol Ng"
    monkeypatch.setenv("READER_REVIEWER", "dana")
    assert tagged_by(3, "--config", str(settings)) == "dana"
    assert cli("--reviewer", "erin", "tag", story, "1", "eyewitness").code == 0  # beside, not over, desk-editor's
    first = statements(cli, story)["statements"][0]
    assert {t["reviewer"]: t["category"] for t in first["tags"]} == {"desk-editor": "official", "erin": "eyewitness"}
    assert first["disputed"] is True and first["tag"] is None


def statements(cli, path: Path, *extra: str) -> dict:
    result = cli(*extra, "tags", path, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def ids_of(doc: dict) -> dict[str, str]:
    return {s["text"]: s["id"] for s in doc["statements"]}


def test_tag_is_saved_and_shown_by_tags(cli, story, isolated_home):
    sid = ids_of(statements(cli, story))[QUOTES[1]]
    result = cli("tag", story, sid, "eyewitness", "--note", "spoke to her by phone",
                 "--reliability", "b", "--credibility", "2")
    assert result.code == 0, result.err
    assert result.out.startswith(f"tagged #2 {sid} as eyewitness B2:")
    doc = statements(cli, story)
    record = next(s for s in doc["statements"] if s["id"] == sid)
    assert record["tag"]["category"] == "eyewitness" and record["tag"]["note"] == "spoke to her by phone"
    assert (record["tag"]["reliability"], record["tag"]["credibility"]) == ("B", "2")
    assert record["tag"]["reviewer"] == "desk-editor"
    assert record["text"] == story.read_text()[record["start"]:record["end"]]
    assert [s["tag"] for s in doc["statements"] if s["id"] != sid] == [None] * (len(doc["statements"]) - 1)
    assert doc["orphans"] == [] and record["dismissed"] is False and record["added_by_reviewer"] is False
    assert (isolated_home / "db" / "index.json").is_file()  # READER_DB from the environment


def test_category_by_key_or_any_case_and_id_by_prefix(cli, story):
    sid = ids_of(statements(cli, story))[QUOTES[0]]
    assert cli("tag", story, sid[:6], "1").code == 0
    assert cli("tag", story, sid, "Social Media", "--note", "x").out.startswith(f"tagged #1 {sid} as social media")
    tag = next(s for s in statements(cli, story)["statements"] if s["id"] == sid)["tag"]
    assert tag["category"] == "social media" and tag["note"] == "x"


def test_unknown_category_lists_the_valid_ones(cli_process, story):
    result = cli_process("tag", story, "sanything", "rumour")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "'rumour' is not a category" in result.err
    assert "official (1), intelligence (2), eyewitness (3), social media (4)" in result.err


def test_unknown_statement_id_lists_statements_with_their_words(cli, story):
    result = cli("tag", story, "s0000000000", "official")
    assert result.code == 1 and result.out == ""
    assert "'s0000000000' is neither a number nor an id of this article's statements; for example" in result.err
    for n, (text, sid) in enumerate(ids_of(statements(cli, story)).items(), 1):
        assert f'#{n} {sid} "{text[:39]}' in result.err
    assert f"reader tags {story}" in result.err


def test_untag_removes_and_says_when_there_was_nothing(cli, story):
    sid = ids_of(statements(cli, story))[QUOTES[2]]
    cli("tag", story, sid, "official")
    removed = cli("untag", story, sid)
    assert removed.code == 0 and removed.out.startswith(f"removed the official tag of #3 {sid}")
    again = cli("untag", story, sid)
    assert again.code == 0 and again.out.startswith(f"#3 {sid} had no tag; nothing to remove")
    assert all(s["tag"] is None for s in statements(cli, story)["statements"])
    assert cli("untag", story, "snope").code == 1


def test_tags_table_shows_tags_and_text_literally(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")  # wide enough that no cell wraps
    path = write_article(tmp_path / "evil.txt", quotes=["[bold red]boom[/] and \x1b[31mred\x1b[0m text here"])
    sid = statements(cli, path)["statements"][0]["id"]
    cli("tag", path, sid, "official", "--note", "[link=x]note[/link]")
    result = cli("tags", path)
    assert result.code == 0, result.err
    assert "[bold red]boom[/]" in result.out and "[link=x]note[/link]" in result.out
    assert "\x1b" not in result.out and "␛[31m" in result.out
    assert sid in result.out and "official" in result.out and "1 of 1 statements tagged." in result.out


def test_tags_follow_an_edited_file_and_orphans_are_reported(cli, story, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    ids = ids_of(statements(cli, story))
    for n, quote in enumerate(QUOTES):
        cli("tag", story, ids[quote], ["official", "eyewitness", "intelligence"][n])
    write_article(story, quotes=QUOTES[:2], lead="Correction: an earlier version misnamed the road.")
    first = cli("tags", story, "--format", "json")
    assert "the text changed since it was last opened; 2 tags followed their statements" in first.err
    assert "1 tag no longer matches a statement; kept as orphaned tags" in first.err
    doc = json.loads(first.out)
    tagged = {s["text"]: s["tag"]["category"] for s in doc["statements"] if s["tag"]}
    assert tagged == {QUOTES[0]: "official", QUOTES[1]: "eyewitness"}
    assert [(o["statement_id"], o["category"], o["anchor"]["exact"]) for o in doc["orphans"]] == [
        (ids[QUOTES[2]], "intelligence", QUOTES[2])]
    table = cli("tags", story)
    assert table.err == ""  # said once, when it happened
    assert "Orphaned tags" in table.out and ids[QUOTES[2]] in table.out
    assert cli("untag", story, ids[QUOTES[2]]).out.startswith("removed the orphaned tag")
    assert statements(cli, story)["orphans"] == []


def test_articles_lists_title_path_counts_and_last_opened(cli, story, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    other = write_article(tmp_path / "second.txt", quotes=QUOTES[:1])
    sid = ids_of(statements(cli, story))[QUOTES[0]]
    cli("tag", story, sid, "official")
    statements(cli, other)
    result = cli("articles", "--format", "json")
    assert result.code == 0, result.err
    rows = {Path(r["path"]).name: r for r in json.loads(result.out)["articles"]}
    assert (rows["storm.txt"]["tagged"], rows["storm.txt"]["statements"]) == (1, 3)
    assert (rows["second.txt"]["tagged"], rows["second.txt"]["statements"]) == (0, 1)
    assert rows["storm.txt"]["title"] == "Storm closes coastal road" and rows["storm.txt"]["last_opened"]
    table = cli("articles")
    assert "Storm closes coastal road" in table.out and "1/3" in table.out and "0/1" in table.out


def test_articles_on_an_empty_database(cli):
    result = cli("articles")
    assert result.code == 0 and "No articles in" in result.out


def test_db_option_naming_a_json_file(cli, story, tmp_path):
    db = tmp_path / "case" / "tags.json"
    sid = ids_of(statements(cli, story, "--db", db))[QUOTES[0]]
    assert cli("--db", db, "tag", story, sid, "official").code == 0
    assert db.is_file() and (tmp_path / "case" / "tags.json.d" / "articles").is_dir()
    assert cli("--db", db, "articles", "--format", "json").out.count('"tagged": 1') == 1
    assert cli("articles", "--format", "json").out.count('"tagged": 1') == 0  # the default db is separate


def test_a_damaged_database_is_one_sentence_and_left_alone(cli_process, story, isolated_home):
    index = isolated_home / "db" / "index.json"
    index.parent.mkdir(parents=True)
    index.write_bytes(b'{"articles": {"oops"')
    result = cli_process("tag", story, "s1", "official")
    assert result.code == 1 and result.out == "" and "Traceback" not in result.err
    assert result.err.startswith(f"reader: {index}: is damaged (not valid JSON") and result.err.count("\n") == 1
    assert index.read_bytes() == b'{"articles": {"oops"'


def test_statements_by_number_as_tags_shows_them(cli, story):
    doc = statements(cli, story)
    assert [s["number"] for s in doc["statements"]] == [1, 2, 3]
    assert cli("tag", story, "2", "eyewitness").out.startswith(f"tagged #2 {doc['statements'][1]['id']} ")
    assert cli("tag", story, "#3", "official").code == 0
    assert cli("untag", story, "3").out.startswith("removed the official tag of #3")
    tags = {s["number"]: (s["tag"] or {}).get("category") for s in statements(cli, story)["statements"]}
    assert tags == {1: None, 2: "eyewitness", 3: None}


def test_an_unknown_number_is_one_clear_sentence(cli, story):
    result = cli("tag", story, "20", "official")
    assert result.code == 1 and result.out == "" and result.err.count("\n") == 1
    assert result.err == (f"reader: {story}: there is no statement 20; the article's statements are numbered "
                          f"1 to 3 (`reader tags {story}` lists them).\n")


def test_an_ambiguous_id_prefix_is_one_clear_sentence(cli, tmp_path):
    path = write_article(tmp_path / "many.txt", quotes=[f"Quote number {n} about the storm and the road" for n in range(40)])
    ids = [s["id"] for s in statements(cli, path)["statements"]]
    prefix = next(a[:3] for a in ids for b in ids if a != b and a[:3] == b[:3])
    result = cli("tag", path, prefix, "official")
    assert result.code == 1 and result.err.count("\n") == 1
    assert f"'{prefix}' matches several statements; for example #" in result.err


def test_the_count_is_the_same_in_tags_articles_and_the_screen(cli, story):
    second = statements(cli, story)["statements"][1]["id"]
    cli("tag", story, "1", "official")
    cli("tag", story, "2", "official")
    ctx = Context()
    article = ctx.article(str(story))
    ctx.store.set_dismissed(article.id, second, True)  # as the screen would: its tag is kept, not counted
    rows = json.loads(cli("articles", "--format", "json").out)["articles"]
    assert (rows[0]["tagged"], rows[0]["statements"]) == (1, 2)  # current, without reopening the article
    assert "1/2" in cli("articles").out
    tags = statements(cli, story)
    assert (tags["tagged"], tags["total"]) == (1, 2)
    assert "1 of 2 statements tagged (1 dismissed, not counted)." in cli("tags", story).out
    session = ReviewSession.open(article, ctx.config, ctx.store, extract(article.text, ctx.config))
    assert session.progress() == (1, 2)
