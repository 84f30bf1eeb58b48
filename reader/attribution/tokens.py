"""Words and marks of a stretch of article text, as the phrase grammar reads them: a light
tokenisation (no tagger), and the split of a phrase at its commas and dashes."""
from __future__ import annotations

import re
from typing import NamedTuple

from reader.attribution.lexicon import ABBREVIATIONS

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])|(?:[A-Za-z]\.){2,}|[@#]\w+|[^\W_]+(?:[’'\-.&][^\W_]+)*|--+|[^\w\s]")
DASHES = (",", "—", "–", "--", ";")


class Tok(NamedTuple):
    """A word or punctuation mark, with what the rules ask of it computed once."""

    start: int
    end: int
    text: str
    lower: str
    cap: bool  # starts with a capital letter
    word: bool  # a word, a number, a handle or a hashtag (not punctuation)


def word_key(tok: Tok) -> str:
    """The word for the grammar's lists: lower case, but an acronym stays a name ("WHO", "IS")."""
    return tok.text if len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha() else tok.lower


def abbreviation(tok: Tok) -> bool:
    """"Mr", "Dr", "J": the full stop after it does not end the phrase."""
    return tok.lower in ABBREVIATIONS or (len(tok.text) == 1 and tok.cap)


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    out: list[Tok] = []
    append, new = out.append, tuple.__new__  # the hottest loop of the engine: no attribute lookups
    for m in _TOKEN.finditer(text, lo, hi):
        g = m.group()
        start, end = m.span()
        first = g[0]
        append(new(Tok, (start, end, g, g.lower(), first.isupper(), first.isalnum() or first in "@#")))
    return out


def segments(toks: list[Tok]) -> list[list[Tok]]:
    """Split at commas and dashes that are not inside brackets."""
    out: list[list[Tok]] = [[]]
    depth = 0
    for t in toks:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and t.text in DASHES:
            out.append([])
            continue
        if depth == 0 and t.text not in ")]":
            out[-1].append(t)
    return out
