import json

from tests.conftest import SAMPLE


def test_extract_json_follows_the_contract(cli):
    result = cli("extract", SAMPLE, "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    text = SAMPLE.read_text(encoding="utf-8")
    assert doc["article"]["chars"] == len(text) and len(doc["article"]["id"]) == 64
    assert doc["article"]["title"].startswith("The Russian government")
    assert doc["statements"]
    fields = {"id", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
              "kind", "suggested_source", "reason"}
    for s in doc["statements"]:
        assert fields <= s.keys()
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["kind"] in {"direct", "indirect", "mixed", "post"}
    starts = [s["start"] for s in doc["statements"]]
    assert starts == sorted(starts)


def test_ids_are_stable_between_runs(cli):
    first = json.loads(cli("extract", SAMPLE, "--format", "json").out)
    second = json.loads(cli("extract", SAMPLE, "--format", "json").out)
    assert [s["id"] for s in first["statements"]] == [s["id"] for s in second["statements"]]
    assert len({s["id"] for s in first["statements"]}) == len(first["statements"])


def test_empty_article_has_no_statements_and_succeeds(cli, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = cli("extract", path, "--format", "json")
    assert result.code == 0 and json.loads(result.out)["statements"] == []


def test_table_shows_markup_and_escapes_literally(cli, tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text('Title\n"[bold red]boom[/] and \x1b[31mred\x1b[0m text here," she said.\n')
    result = cli("extract", path, "--format", "table")
    assert result.code == 0
    assert "[bold red]boom[/]" in result.out
    assert "\x1b" not in result.out and "␛[31m" in result.out


def test_missing_file_is_one_line_on_stderr(cli_process, tmp_path):
    result = cli_process("extract", tmp_path / "missing.txt")
    assert result.code == 1 and result.out == ""
    assert result.err.strip() == f"reader: {tmp_path / 'missing.txt'}: no such file."


def test_version_and_help(cli_process):
    assert cli_process("--version").out.startswith("reader ")
    help_text = cli_process("--help").out
    assert "extract" in help_text and "--db" in help_text
    assert "--format" in cli_process("extract", "--help").out


async def test_bare_reader_opens_the_sample_in_the_review_screen(cli, cli_process, monkeypatch):
    """`reader` with no PATH builds the review app on the bundled sample; a real process
    answers `--help` and, without a terminal, says it needs one instead of hanging."""
    from reader.cli.commands import open_
    from reader.tui.app import ReaderApp

    opened: list[ReaderApp] = []
    monkeypatch.setattr(open_, "_need_terminal", lambda source: None)
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: opened.append(self))
    assert cli().code == 0
    (app,) = opened
    assert app.article.path == str(SAMPLE)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.ready.wait()
        await pilot.pause()
        assert app.screen.session.article.title.startswith("The Russian government")
        assert len(app.screen.listing.rows) == len(app.screen.session.statements) > 0
    help_text = cli_process("--help")
    assert help_text.code == 0 and "PATH" in help_text.out
    no_terminal = cli_process()
    assert no_terminal.code == 1 and no_terminal.err.startswith("reader: the review screen needs a terminal")
