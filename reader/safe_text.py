"""Text is data: make it safe to show on a terminal without changing its length, and check it
can be written at all."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from itertools import compress
from typing import Any

import orjson

# control characters, and lone surrogates (which no terminal or file encoding can take)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␀ for NUL
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """Replace control characters (terminal escapes among them) and lone surrogates by
    visible symbols, one character for one, so every offset into the text stays valid and
    printing it can never fail."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str, width: int) -> str:
    """The text on one line (runs of white space as one space), cut to `width` with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def without_password(address: str) -> str:
    """An address as messages show it: `scheme://user:…@host/…` and `?password=…`, never with
    its password."""
    return _PASSWORD_PARAMETER.sub(r"\1password=…", _PASSWORD.sub(r"\1:…@", address))


_PASSWORD = re.compile(r"(?<=://)([^/@:]*):[^/@]*@")
_PASSWORD_PARAMETER = re.compile(r"([?&])password=[^&#]*", re.IGNORECASE)


def encodable(text: str) -> bool:
    """Whether `text` can be written as UTF-8: false when it holds a lone surrogate, as JSON's
    "\\ud800" or a file name's undecodable bytes give."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# json.dumps escapes C0 control characters but not C1 ones (U+0080..U+009F, some of which
# terminals obey), nor the Unicode line separators, nor lone surrogates (which no output can
# encode): escape them too, so JSON printed on a terminal can never run a control sequence
# hidden in an article, and printing it never fails.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def json_text(value: Any, indent: int | None = 2) -> str:
    """`value` as JSON (UTF-8 text, not \\u escapes, for people), safe to print on a terminal:
    json.dumps(value, ensure_ascii=False, indent=indent) with `_safe`'s escapes."""
    if indent == 2:
        return _safe(_indented(value))
    return _safe(json.dumps(value, ensure_ascii=False, indent=indent))


def _indented(value: Any) -> str:
    """json.dumps(value, ensure_ascii=False, indent=2), byte for byte (the exports' files are a
    contract), written by orjson (with the check below, about three times quicker than json's
    indented writing, which is pure Python) whenever the value holds only what orjson
    writes exactly as json does: dicts with str keys, lists, tuples, str, int, bool and None,
    exactly those types (no subclass). Anything else goes to json: a float (orjson writes 1e-05
    as 0.00001 and NaN as null), and what orjson refuses (a lone surrogate, an int past 64 bits,
    nesting past 255)."""
    if _plain(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
    return json.dumps(value, ensure_ascii=False, indent=2)


_LEAVES = frozenset({str, int, bool, type(None)})
_NESTS = frozenset({dict, list, tuple})
_PLAIN = _LEAVES | _NESTS
_is_nest = _NESTS.__contains__


def _plain(value: Any) -> bool:
    """Whether `value` holds only dicts with str keys, lists, tuples, str, int, bool and None
    (each container's children are looked at by type all at once, in C: only containers are
    visited one by one)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            if item and {*map(type, item)} != {str}:
                return False
            children: Iterable[Any] = item.values()
        elif kind is list or kind is tuple:
            children = item
        else:
            return kind in _LEAVES  # (the value itself: a container's leaves are not pushed)
        kinds = {*map(type, children)}
        if kinds <= _LEAVES:
            continue
        if not kinds <= _PLAIN:
            return False
        stack.extend(compress(children, map(_is_nest, map(type, children))))
    return True


def json_lines(values: Iterable[Any]) -> list[str]:
    """Each value as `json_text(value, indent=None)` gives it, for long lists printed one entry
    a line (one encoder for all: json.dumps makes one a call, a third of the time for 30,000)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return [_safe(encode(value)) for value in values]


def _safe(text: str) -> str:
    if text.isascii() and "\x7f" not in text:  # nothing to escape (isascii costs nothing; most exports)
        return text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
