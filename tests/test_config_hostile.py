"""Config files written to hurt: each is refused with one sentence naming the file and the
line, quickly, without building what it asks for."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.config import load_config
from reader.errors import ReaderError

GOOD = Path(__file__).parent.parent / "config.yaml"

BOMB = "".join(["a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"]
               + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 12)]) + \
    "categories: *a11\ncues: [said]\n"  # ten to the twelfth words, from 1 KB


@pytest.mark.parametrize("text, line, words", [
    (BOMB, 13, "'categories' is a YAML alias"),
    ("a: &a [*a]\n", 1, "alias"),
    ("cues: [said]\ncues: [told]\ncategories: []\n", 2, "repeats a key already given on line 1"),
    ("categories:\n  - name: official\n    name: other\n", 3, "repeats a key"),
    ("? [a, b]\n: 1\n", 1, "not a plain word"),
    ("cues: " + "[" * 20 + "]" * 20 + "\n", 1, "nested more than"),
    ("cues: 2026-13-45\n", None, "a number or a date that cannot be read"),
    ("cues: " + "9" * 5000 + "\n", None, "a number or a date that cannot be read"),
])
def test_a_hostile_config_is_one_sentence(tmp_path, text, line, words):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReaderError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}:" if line else f"{path}"), message
    assert words in message and "\n" not in message


def test_the_shipped_config_has_no_alias_and_no_repeated_key():
    assert load_config(GOOD).categories  # read by the same strict parser


def test_a_config_that_is_a_device_or_too_big_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (2 * 1024 * 1024))
    for path in (Path("/dev/zero"), big):
        with pytest.raises(ReaderError, match=rf"^{path}: "):
            load_config(path)


@pytest.mark.parametrize("key", ["name", "description"])
def test_a_category_without_a_name_or_description_is_one_sentence(tmp_path, key):
    from tests.conftest import TEST_CONFIG

    text = TEST_CONFIG.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    doc["categories"][0][key] = None
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    with pytest.raises(ReaderError, match=rf"'categories\[0\]\.{key}' must be a non-empty string"):
        load_config(path)
