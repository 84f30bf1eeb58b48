"""What the article pane draws over the text, as plain data: the statements (`Mark`, kept in
`Marks`, which finds those over any stretch of text by bisection) and the selected statement
with its speaker (`Selected`)."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A statement as the article draws it."""

    id: str
    start: int
    end: int
    category: str | None  # its tag, None when untagged
    dismissed: bool = False


@dataclass(frozen=True, slots=True)
class Selected:
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None


class Marks:
    """The statements, in text order, with the running maximum of their ends (statements nest
    and overlap): those over a stretch of text are found from the last one starting before its
    end, walking back while an earlier one can still reach it."""

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self._marks = sorted(marks, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self._marks]
        self._max_end: list[int] = []
        running = -1
        for m in self._marks:
            running = max(running, m.end)
            self._max_end.append(running)

    def over(self, start: int, end: int) -> Iterator[Mark]:
        """The statements overlapping start..end, the last starting first."""
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._max_end[i] > start:
            m = self._marks[i]
            if m.end > start:
                yield m
            i -= 1

    def innermost_at(self, offset: int) -> Mark | None:
        """The innermost statement covering `offset` (the shortest, where they nest)."""
        return min(self.over(offset, offset + 1), key=lambda m: m.end - m.start, default=None)
