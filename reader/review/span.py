"""Moving a statement's edges through the article's text by whole words (plain Python: the
review session and the bounds dialog share it)."""
from __future__ import annotations

from typing import Literal

QUOTES = "\"'“”‘’«»„‚‹›"
Edge = Literal["start", "end"]


def word_start(text: str, pos: int, step: int) -> int:
    """The start of the word before `pos` (step < 0), or of the word after the one at `pos`."""
    if step < 0:
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
        return pos
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def word_end(text: str, pos: int, step: int) -> int:
    """The end of the word after `pos` (step > 0), or of the word before the one ending at `pos`."""
    if step > 0:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        while pos < len(text) and not text[pos].isspace():
            pos += 1
        return pos
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """start..end without the quotation marks and spaces at its edges."""
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start] in QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTES or text[end - 1].isspace()):
        end -= 1
    return start, end


def moved(text: str, start: int, end: int, edge: Edge, step: int) -> tuple[int, int]:
    """start..end with one edge moved a word earlier (step < 0) or later (step > 0), trimmed
    (a word that is only a quotation mark away counts as the next one); (start, start) when
    nothing would be left, the same span at the edge of the text."""
    a, b = start, end
    while True:
        if edge == "start":
            a = word_start(text, a, step)
        else:
            b = word_end(text, b, step)
        if b <= a:
            return a, a
        found = trimmed(text, a, b)
        if found != (start, end) or (edge == "start" and a in (0, len(text))) or \
                (edge == "end" and b in (0, len(text))):
            return found
