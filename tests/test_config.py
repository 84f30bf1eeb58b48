import json
from pathlib import Path

import pytest

from reader.attribution import suggest
from reader.config import NAMED_COLOURS, config_path, load_config
from reader.errors import ReaderError

from tests.conftest import ROOT, SHIPPED_CONFIG, TEST_CONFIG


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def default_text() -> str:
    """The pinned test settings, as text to edit."""
    return TEST_CONFIG.read_text(encoding="utf-8")


# --- the shipped defaults (the only tests that read the shipped config.yaml) ----------------

def test_shipped_config_starts_with_the_four_categories_the_readme_names():
    shipped = load_config(SHIPPED_CONFIG)
    assert shipped.category_names[:4] == ("official", "intelligence", "eyewitness", "social media")
    assert [c.key for c in shipped.categories][:4] == ["1", "2", "3", "4"]
    assert all(c.description for c in shipped.categories)
    assert "said" not in shipped.cues and "say" in shipped.cues  # base forms


@pytest.mark.parametrize(("speaker", "category"), [
    ("the team's coach", "eyewitness"), ("civilians", "eyewitness"), ("a consultant to the government", "other"),
    ("the Republican nominee", "official"),
])
def test_shipped_config_suggests_participants_civilians_outsiders_and_nominees(speaker, category):
    found = suggest(speaker, load_config(SHIPPED_CONFIG))
    assert found is not None and found.category == category


def test_shipped_config_is_what_a_checkout_reads_by_default(monkeypatch):
    monkeypatch.delenv("READER_CONFIG")
    assert config_path() == SHIPPED_CONFIG


# --- reading and checking a settings file ---------------------------------------------------


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "categories:\n  - name: official\n    key: [unclosed\n")
    with pytest.raises(ReaderError) as e:
        load_config(path)
    assert str(path) in str(e.value) and "line" in str(e.value) and "YAML" in str(e.value)


def test_unknown_key_is_rejected_with_its_line(tmp_path):
    path = write(tmp_path, default_text().replace("reviewer: null", "reviewer: null\ncolours: blue"))
    line = path.read_text().splitlines().index("colours: blue") + 1
    with pytest.raises(ReaderError) as e:
        load_config(path)
    message = str(e.value)
    assert f"line {line}" in message and "'colours'" in message and "not a known key" in message


def test_wrong_type_names_the_nested_key(tmp_path):
    path = write(tmp_path, default_text().replace('key: "2"', 'key: "22"', 1))
    with pytest.raises(ReaderError) as e:
        load_config(path)
    assert "'categories[1].key'" in str(e.value) and "single character" in str(e.value)


def test_repeated_category_key_is_rejected(tmp_path):
    path = write(tmp_path, default_text().replace('key: "2"', 'key: "1"', 1))
    with pytest.raises(ReaderError, match="repeats the key '1'"):
        load_config(path)


def test_bad_colour_is_rejected(tmp_path):
    path = write(tmp_path, default_text().replace('colour: "#c678dd"', "colour: not-a-colour", 1))
    with pytest.raises(ReaderError, match="colour"):
        load_config(path)


@pytest.mark.parametrize("colour", ["grey50", "dark_orange3", "#12345", "red}body{x"])
def test_only_hex_and_the_sixteen_terminal_colour_names_are_colours(tmp_path, colour):
    path = write(tmp_path, default_text().replace('colour: "#c678dd"', f"colour: {json.dumps(colour)}", 1))
    with pytest.raises(ReaderError, match=r"'categories\[1\]\.colour' must be #rrggbb or a colour name \(black, red"):
        load_config(path)


def test_colour_names_are_read_in_any_case_and_every_one_is_drawn_by_the_terminal(tmp_path):
    from rich.color import Color

    path = write(tmp_path, default_text().replace('colour: "#c678dd"', "colour: Bright_Blue", 1))
    assert load_config(path).categories[1].colour == "bright_blue"
    for name in NAMED_COLOURS:
        Color.parse(name)  # the review screen's chips and `reader tags` draw them through Rich


def test_missing_config_file(tmp_path):
    with pytest.raises(ReaderError, match=r"nope\.yaml: no such file"):
        load_config(tmp_path / "nope.yaml")


def test_more_categories_are_allowed(tmp_path):
    extra = ("\n  - name: expert\n    key: \"5\"\n    colour: green\n    description: Academics.\n"
             "    priority: 0\n    words: [professor, analyst]\n")
    text = default_text().replace("\n# Attribution cues", extra + "\n# Attribution cues", 1)
    cfg = load_config(write(tmp_path, text))
    assert cfg.category_names[-1] == "expert" and cfg.category("expert").words == ("professor", "analyst")


def test_relative_database_is_relative_to_the_config_file(tmp_path):
    cfg = load_config(write(tmp_path, default_text().replace("database: null", "database: tags")))
    assert cfg.database == tmp_path / "tags"


def test_cli_reports_broken_config_in_one_line_without_traceback(tmp_path, cli_process):
    path = write(tmp_path, "categories: 5\ncues: [say]\n")
    result = cli_process("--config", path, "extract", ROOT / "seeds" / "000_39b749fad2cbee79.txt")
    assert result.code != 0
    assert "Traceback" not in result.err
    assert result.err.strip().count("\n") == 0
    assert str(path) in result.err and "'categories'" in result.err


def test_environment_variable_chooses_the_config(tmp_path, monkeypatch, cli):
    path = write(tmp_path, "cues: [say]\n")
    monkeypatch.setenv("READER_CONFIG", str(path))
    result = cli("extract", ROOT / "seeds" / "000_39b749fad2cbee79.txt")
    assert result.code == 1 and "missing the key 'categories'" in result.err


def test_the_shipped_categories_are_told_apart_on_screen_and_in_html():
    """Each pair of default colours differs clearly to the eye (CIEDE2000): at full strength, as
    the screen's chips and the html report's underlines draw them, and as the html report's
    washes over white (reader.exports.html_.WASH)."""
    from itertools import combinations

    from coloraide import Color

    from reader.exports.html_ import WASH

    shipped = load_config(SHIPPED_CONFIG)
    colours = {c.name: c.colour for c in shipped.categories}
    white = Color("white")

    def wash(colour: str) -> Color:
        return white.mix(colour, WASH / 255, space="srgb")

    for (one, a), (two, b) in combinations(colours.items(), 2):
        assert Color(a).delta_e(b, method="2000") >= 25, (one, two)
        assert wash(a).delta_e(wash(b), method="2000") >= 11, (one, two)
