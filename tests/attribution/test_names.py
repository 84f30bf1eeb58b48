"""First names: gender-guesser's answers, kept in the user's cache folder so that no start pays
for parsing the list again, and never trusted blindly."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.attribution import names


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Each test starts with no table in memory, and leaves none behind: a test that plants a
    one-name cache would otherwise hand it to every later test in the same process."""
    names._first_names.cache_clear()
    names.first_name_gender.cache_clear()
    yield
    names._first_names.cache_clear()
    names.first_name_gender.cache_clear()


def _cache() -> Path:
    path = names._cache_file()
    assert path is not None
    return path


def test_clear_first_names_and_unclear_ones() -> None:
    assert names.name_gender(["Lisa", "Monaco"]) == "f"
    assert names.name_gender(["Michael", "Brenner"]) == "m"
    assert names.name_gender(["Kim", "Lind"]) is None  # the list cannot tell
    assert names.name_gender(["Brenner"]) is None  # a lone surname says nothing
    assert names.name_gender(["Ms.", "Brenner"]) == "f"


def test_the_list_is_kept_in_the_cache_folder_and_read_back() -> None:
    assert not _cache().exists()
    assert names.first_name_gender("Lisa") == "f"
    lists = json.loads(_cache().read_text(encoding="utf-8"))
    assert "lisa" in lists["f"] and "michael" in lists["m"]
    # a second start reads the cache: an answer only the cache holds is the one given
    _cache().write_text(json.dumps({"m": ["lisa"], "f": []}), encoding="utf-8")
    names._first_names.cache_clear()
    names.first_name_gender.cache_clear()
    assert names.first_name_gender("Lisa") == "m"


def test_a_damaged_cache_is_built_again(tmp_path: Path) -> None:
    _cache().parent.mkdir(parents=True)
    _cache().write_text('{"lisa": 3', encoding="utf-8")
    assert names.first_name_gender("Lisa") == "f"
    assert "lisa" in json.loads(_cache().read_text(encoding="utf-8"))["f"]


@pytest.mark.parametrize("damaged", ['{"lisa": "f"}', '[]', '{"m": 3, "f": []}', '{"m": [[]], "f": []}'])
def test_a_cache_of_another_shape_is_built_again(damaged: str) -> None:
    _cache().parent.mkdir(parents=True)
    _cache().write_text(damaged, encoding="utf-8")
    assert names.first_name_gender("Lisa") == "f"
    assert "lisa" in json.loads(_cache().read_text(encoding="utf-8"))["f"]


def test_an_unwritable_cache_folder_costs_only_time() -> None:
    _cache().parent.parent.mkdir(parents=True)
    _cache().parent.write_text("not a folder", encoding="utf-8")  # the cache folder cannot be made
    assert names.first_name_gender("Michael") == "m"
    assert [p.name for p in _cache().parent.parent.iterdir()] == [_cache().parent.name]


def test_the_cache_is_never_written_through_a_planted_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    _cache().parent.mkdir(parents=True)
    _cache().symlink_to(victim)
    assert names.first_name_gender("Lisa") == "f"
    assert victim.read_text(encoding="utf-8") == "keep me"
