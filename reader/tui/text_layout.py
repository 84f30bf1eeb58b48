"""Word wrapping by offsets: which slice of the article each screen line shows.

The article view never builds a wrapped copy of the text. It keeps two integer arrays, the
start and end offset of every visual line, so a 1 MB article costs a few hundred KB of
layout and any character offset maps to its line with one binary search.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

from reader.safe_text import printable

def display_text(text: str) -> str:
    """The article as the screen shows it, one character for one so offsets stay valid:
    control characters become visible symbols and tabs become spaces."""
    return printable(text).replace("\t", " ")


@dataclass
class Layout:
    """The visual lines of a text wrapped at `width` cells."""

    width: int
    starts: array[int]
    ends: array[int]

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The visual line that shows character `offset` (or the line before a gap)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def line_step(self, text: str, offset: int, step: int) -> int:
        """The offset `step` lines below `offset` (above: negative) at the same column, kept
        within the first and last lines; `text` is the text laid out."""
        index = self.line_of(offset)
        target = min(max(0, index + step), len(self) - 1)
        column = offset_to_cell(text[self.starts[index]:self.ends[index]], offset - self.starts[index])
        start, end = self.starts[target], self.ends[target]
        return start + cell_to_offset(text[start:end], column)

    def edge(self, offset: int, side: int) -> int:
        """The start (`side` < 0) or the end of the line showing `offset`."""
        index = self.line_of(offset)
        return self.starts[index] if side < 0 else self.ends[index]


def wrap(text: str, width: int) -> Layout:
    """Greedy word wrap of `text` (already passed through `display_text`) at `width` cells.
    Paragraphs are the text's lines; words longer than a line are cut."""
    width = max(1, width)
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    pos = 0
    paragraphs = text.split("\n")
    if len(paragraphs) > 1 and paragraphs[-1] == "":
        paragraphs.pop()  # a final newline ends the last paragraph, it does not start one
    for para in paragraphs:
        n = len(para)
        if n <= width and (para.isascii() or cell_len(para) <= width):
            starts.append(pos)
            ends.append(pos + n)
        elif para.isascii() or cell_len(para) == n:
            _wrap_single(para, pos, width, starts, ends)
        else:
            _wrap_cells(para, pos, width, starts, ends)
        pos += n + 1
    if not starts:
        starts.append(0)
        ends.append(0)
    return Layout(width, starts, ends)


def _emit(para: str, base: int, s: int, cut: int, starts: array[int], ends: array[int]) -> int:
    """Add the line para[s:cut] (without trailing spaces); return where the next one starts."""
    end = cut
    while end > s and para[end - 1] == " ":
        end -= 1
    starts.append(base + s)
    ends.append(base + end)
    nxt = cut
    while nxt < len(para) and para[nxt] == " ":
        nxt += 1
    return nxt


def _wrap_single(para: str, base: int, width: int, starts: array[int], ends: array[int]) -> None:
    """One cell per character: jump from line to line with rfind instead of walking words."""
    n = len(para)
    s = 0
    while n - s > width:
        cut = para.rfind(" ", s, s + width + 1)
        if cut <= s:  # no space to break at: cut the word
            cut = s + width
        s = _emit(para, base, s, cut, starts, ends)
    if s < n:
        starts.append(base + s)
        ends.append(base + n)


def _wrap_cells(para: str, base: int, width: int, starts: array[int], ends: array[int]) -> None:
    """Wide or zero-width characters: walk the paragraph measuring each character."""
    n = len(para)
    s = 0
    while s < n:
        taken, i, space = 0, s, -1
        while i < n:
            w = get_character_cell_size(para[i])
            if taken + w > width:
                break
            if para[i] == " ":
                space = i
            taken += w
            i += 1
        if i >= n:
            starts.append(base + s)
            ends.append(base + n)
            return
        if para[i] == " ":
            cut = i
        elif space > s:
            cut = space
        else:
            cut = max(i, s + 1)  # no space to break at: cut the word (at least one character)
        s = _emit(para, base, s, cut, starts, ends)


_WORD = re.compile(r"\W*\w+")


def word_step(text: str, offset: int, step: int) -> int:
    """The offset past the end of the next word (`step` > 0), or at the start of the word
    before `offset`."""
    if step > 0:
        m = _WORD.match(text, offset)
        return m.end() if m else len(text)
    while offset > 0 and not text[offset - 1].isalnum():
        offset -= 1
    while offset > 0 and text[offset - 1].isalnum():
        offset -= 1
    return offset


def cell_to_offset(line: str, x: int) -> int:
    """The index of the character drawn at cell `x` of `line` (len(line) past its end)."""
    if line.isascii():
        return min(max(0, x), len(line))
    taken = 0
    for i, ch in enumerate(line):
        taken += get_character_cell_size(ch)
        if taken > x:
            return i
    return len(line)


def offset_to_cell(line: str, index: int) -> int:
    """The cell at which character `index` of `line` is drawn."""
    return index if line.isascii() else cell_len(line[:index])
