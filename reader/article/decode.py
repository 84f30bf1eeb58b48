"""Bytes to article text: encodings, byte-order marks and line endings."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str) -> Decoded:
    """Decode an article file's bytes; `name` is only used in messages.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 decode silently; anything else is
    detected and decoded with a warning that names the guess; binary data is refused.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data.decode(encoding).lstrip("\ufeff")), encoding)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ReaderError(f"{name}: looks like a binary file, not article text.")
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = _best_guess(from_bytes(data))
    if best is None or not _looks_like_text(str(best)):
        raise ReaderError(f"{name}: looks like a binary file, not article text.")
    text = normalise_newlines(str(best))
    return Decoded(text, best.encoding, f"{name}: not UTF-8; decoded as {best.encoding}.")


# When detection ties, the encodings most text on the web was written in win the tie.
_PREFERRED = ("cp1252", "iso8859_1", "iso8859_15")


def _best_guess(matches: Any) -> Any:
    best = matches.best()
    if best is None:
        return None
    for name in _PREFERRED:
        for m in matches:
            if m.encoding == name and m.chaos <= best.chaos and m.coherence >= best.coherence - 0.01:
                return m
    return best


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f")
    return controls / len(text) < 0.01
