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

# Labels the web uses for one encoding while meaning a wider one (the WHATWG Encoding
# Standard's mapping): a page saying "iso-8859-1" is read as windows-1252, and so on.
_WEB_SUPERSETS = {
    "ascii": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254",
    "iso8859-11": "cp874", "tis-620": "cp874", "gb2312": "gbk", "shift_jis": "cp932",
    "euc_kr": "cp949", "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8",
}


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


def codec_for(label: str | None) -> str | None:
    """The Python codec for an encoding label a page or server declared, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return _WEB_SUPERSETS.get(name, name)


def _from_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data.decode(encoding).lstrip("\ufeff")), encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes, name: str) -> Decoded:
    """Decode an article file's bytes; `name` is only used in messages.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 decode silently; anything else is
    detected and decoded with a warning that names the guess; binary data is refused.
    """
    decoded = _from_bom(data)
    if decoded is not None:
        return decoded
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, name, f"{name}: not UTF-8")


def decode_declared(data: bytes, name: str, declared: str | None) -> Decoded:
    """Decode bytes whose encoding a web page or server declared (None: nothing declared).

    A byte-order mark wins, then the declaration. Two declarations are not believed: one that
    names an encoding Python does not know, or one the bytes do not decode in; bytes that are
    valid UTF-8 with non-ASCII characters are UTF-8 whatever the page says (a CMS that moved to
    UTF-8 and kept its old meta tag). In those cases reader warns and says what it chose.
    """
    decoded = _from_bom(data)
    if decoded is not None:
        return decoded
    codec = codec_for(declared)
    if codec is None:
        if not declared:
            return decode(data, name)
        try:
            return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
        except UnicodeDecodeError:
            return _detect(data, name, f"{name}: declares an unknown encoding {declared!r}")
    if codec != "utf-8" and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(normalise_newlines(text), "utf-8",
                           f"{name}: declares {declared} but is UTF-8; decoded as utf-8.")
    try:
        return Decoded(normalise_newlines(data.decode(codec)), codec)
    except UnicodeDecodeError:
        return _detect(data, name, f"{name}: declares {declared} but is not {declared}")


def _detect(data: bytes, name: str, why: str) -> Decoded:
    if b"\x00" in data:
        raise ReaderError(f"{name}: looks like a binary file, not article text.")
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    best = _best_guess(from_bytes(data))
    if best is None or not _looks_like_text(str(best)):
        raise ReaderError(f"{name}: looks like a binary file, not article text.")
    text, encoding = str(best), best.encoding
    for common in _PREFERRED:  # the same text in a more common encoding: name that one
        try:
            if data.decode(common) == text:
                encoding = common
                break
        except UnicodeDecodeError:
            continue
    return Decoded(normalise_newlines(text), encoding, f"{why}; decoded as {encoding}.")


# When detection ties, the encodings most text on the web was written in win the tie.
_PREFERRED = ("cp1252", "iso8859_1", "iso8859_15")
_TIE = 0.05  # coherence (a language model's score) is noisy on short texts


def _best_guess(matches: Any) -> Any:
    best = matches.best()
    if best is None:
        return None
    for name in _PREFERRED:
        for m in matches:
            if m.encoding == name and m.chaos <= best.chaos and m.coherence >= best.coherence - _TIE:
                return m
    return best


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f")
    return controls / len(text) < 0.01
