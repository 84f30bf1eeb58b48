"""Drawing the article's lines: the layers painted over its text, in paint order, and one
visual line's `Strip`, built from the article's characters themselves (never parsed as markup)."""
from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip

from reader.tui.article_marks import Marks
from reader.tui.styling import Layer, Painter

# Paint order: later layers win where they overlap.
LAYERS = ("statement", "tag", "dismissed", "selected", "speaker", "match", "match-current", "mark", "caret")
ORDER = {name: i for i, name in enumerate(LAYERS)}

Span = tuple[int, int, int, Layer]  # from, to (offsets in the text), paint order, layer


def span(start: int, end: int, name: str, styles: dict[str, Layer]) -> Span:
    """start..end painted with the layer `name`."""
    return start, end, ORDER[name], styles[name]


def statement_spans(marks: Marks, start: int, end: int, styles: dict[str, Layer]) -> list[Span]:
    """The statements over start..end, each painted by its category (dismissed, or untagged)."""
    spans: list[Span] = []
    for m in marks.over(start, end):
        if m.dismissed:
            spans.append(span(m.start, m.end, "dismissed", styles))
        elif m.category is not None:
            spans.append((m.start, m.end, ORDER["tag"], styles.get(f"tag:{m.category}", Layer())))
        else:
            spans.append(span(m.start, m.end, "statement", styles))
    return spans


def draw_line(line: str, start: int, spans: list[Span], gutter: Segment, painter: Painter,
              caret_after: Layer | None = None) -> Strip:
    """`line` (the text from offset `start`) after the `gutter`, with `spans` painted over it,
    the later layer winning where they overlap; `caret_after`: a caret drawn past its end."""
    end = start + len(line)
    spans = [(max(a, start), min(b, end), n, st) for a, b, n, st in spans if a < end and b > start]
    if not spans and caret_after is None:
        return Strip([gutter, Segment(line, painter.base())])
    cuts = sorted({start, end, *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    segments = [gutter]
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(lay for _, lay in sorted(((n, lay) for s0, s1, n, lay in spans if s0 <= a and s1 >= b),
                                                   key=lambda item: item[0]))
        segments.append(Segment(line[a - start:b - start], painter.style(covering)))
    if caret_after is not None:
        segments.append(Segment(" ", painter.style((caret_after,))))
    return Strip(segments)
