"""The indented JSON that the exports and the commands print is the standard encoder's text, byte
for byte, whichever encoder writes it (the json export is a contract: ../shared/CONTRACT.md)."""
from __future__ import annotations

import enum
import json
import re
import sys
from collections import OrderedDict

import pytest

from reader import safe_text
from reader.safe_text import json_text


def standard(value: object) -> str:
    """The standard encoder's text (json.dumps, indent 2, no \\u escapes for people's text) with
    what a terminal could obey escaped (DEL, C1 controls, line separators, lone surrogates): the
    reference every faster writing must match."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return re.sub("[\x7f-\x9f\u2028\u2029\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


class Kind(enum.IntEnum):
    ONE = 1


class Word(str):
    pass


TRICKY = [
    EVERY_CHARACTER,
    {EVERY_CHARACTER[:3000]: [EVERY_CHARACTER[3000:6000]]},
    'quotes " and \\ back\\slashes, \x00 NUL, \x1b[31m escapes, \x9b C1, \u2028 and \u2029 separators',
    "émigré 中文 😀 RTL \u202e override, zero width \u200b",
    "a lone surrogate \ud800 and its other half \udfff",
    {"": "", "nested": {"empty": {}, "list": [], "lists": [[], [{}]]}},
    [True, False, None, 0, -1, 2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**64), 10**40],
    ("a tuple", ("inside",), ()),
    [0.1, 1.0, -0.0, 1e16, 1.5e-07, 1e-05, 0.0001, 123456789.123, 5e-324, float("nan"), float("inf")],
    {2: "an int key", True: "a bool key", None: "no key", 1.5: "a float key"},
    {"subclasses": [Word("a str subclass"), Kind.ONE, OrderedDict(b=1, a=2)]},
    {"statement": {"text": "\x7f\x80\x9f", "start": 0, "end": 3}},
    "plain ASCII but for a DEL \x7f",
    {"deep": [{"inside": (1, [2.5e-05, float("nan")])}], "after": "x"},
]


@pytest.mark.parametrize("value", TRICKY, ids=range(len(TRICKY)))
def test_json_text_is_the_standard_encoders_text(value):
    assert json_text(value) == standard(value)


def test_json_text_of_very_deep_nesting_is_the_standard_encoders_text():
    deep: list[object] = []
    for _ in range(400):
        deep = [deep, {"k": "v"}]
    assert json_text(deep) == standard(deep)

