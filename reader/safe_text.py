"""Article text is data: make it safe to show on a terminal without changing its length."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␀ for NUL
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """Replace control characters (terminal escapes among them) by visible symbols, one
    character for one, so every offset into the text stays valid."""
    return _CONTROL.sub(_picture, text)
