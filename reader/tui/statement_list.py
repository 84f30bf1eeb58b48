"""The statement list: one row per statement, or two (the speaker, then the words) when the
pane is narrow or tall enough to show every statement so; drawn with the Line API, so a long
article's thousands of statements cost only the rows on screen."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.safe_text import printable
from reader.tui.styling import Layer, Painter, layer

TWO_LINE_BELOW = 60  # panes narrower than this give each statement two lines
SPEAKER_MAX = 28  # cells a speaker may take on a one-line row
UNSAVED, DIFFER = "!", "≠"  # the marks before a row's number
# What the list shows beside the keys' effects (the help screen lists it): (mark, meaning).
MARKS: tuple[tuple[str, str], ...] = (
    (UNSAVED, "a change not saved yet (your next change retries it)"),
    (DIFFER, "the reviewers' categories differ here (at a desk)"),
    ("category?", "the engine's suggestion, dimmed: accepting it makes it the tag"),
    ("dismissed", "a statement dismissed as not a statement"),
)


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    number: int
    speaker: str | None
    text: str
    category: str | None  # the tag
    suggestion: str | None
    dismissed: bool = False
    unsaved: bool = False
    differs: bool = False  # the reviewers' categories differ here (marked ≠)


def chip_style(colour: str | None) -> Style:
    """A category drawn as a coloured chip: readable on dark and light themes alike."""
    if not colour:
        return Style(bold=True)
    background = Color.parse(colour)
    return Style(bgcolor=background.rich_color, color=background.get_contrast_text(1.0).rich_color, bold=True)


def flat(text: str | None) -> str:
    """Article text on one line, control characters made visible."""
    return printable(" ".join((text or "").split()))


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class StatementList(ScrollView, can_focus=False):
    COMPONENT_CLASSES = {
        "statements--cursor", "statements--number", "statements--speaker", "statements--dim",
        "statements--unsaved", "statements--dismissed", "statements--empty",
    }

    class Clicked(Message):
        def __init__(self, statement_id: str) -> None:
            super().__init__()
            self.statement_id = statement_id

    def __init__(self, colours: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._colours = colours
        self.rows: list[Row] = []
        self.cursor: int | None = None
        self.empty_message = "Finding statements…"
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(256)
        self._painter: tuple[Painter, dict[str, Layer]] | None = None
        self._label_width = max((cell_len(c) for c in colours), default=8) + 3
        self._speaker_cells = 8  # the longest speaker's cells (one column for every row)
        self._height = 1

    @property
    def row_height(self) -> int:
        """2 where the pane is narrow, or tall enough for every statement on two lines; else 1
        (also before the first layout)."""
        region = self.scrollable_content_region
        if 0 < region.width < TWO_LINE_BELOW:
            return 2
        return 2 if self.rows and region.height >= 2 * len(self.rows) else 1

    def set_rows(self, rows: list[Row], cursor_id: str | None) -> None:
        self.rows = rows
        self._speaker_cells = max((cell_len(flat(r.speaker)) if r.speaker else 1 for r in rows), default=8)
        ids = [r.id for r in rows]
        self.cursor = ids.index(cursor_id) if cursor_id in ids else (0 if rows else None)
        self._update_size()
        self._cache.clear()
        self.refresh()
        self.show_cursor()

    def update_row(self, row: Row) -> None:
        for i, r in enumerate(self.rows):
            if r.id == row.id:
                self.rows[i] = row
        self._cache.clear()
        self.refresh()

    def move_cursor(self, index: int) -> None:
        if not self.rows:
            return
        self.cursor = min(max(0, index), len(self.rows) - 1)
        self._cache.clear()
        self.refresh()
        self.show_cursor()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.cursor is not None and self.rows else None

    def show_cursor(self) -> None:
        if self.cursor is None or not self.size.width:  # not laid out yet: on_resize shows it
            return
        h = self.row_height
        self.scroll_to_region(Region(0, self.cursor * h, 1, h), animate=False, immediate=True)

    def _update_size(self) -> None:
        # Rows are cut to the pane's width, so only the height counts (and a width would change
        # with every resize, each time asking for one more layout of the screen).
        self._height = self.row_height
        self.virtual_size = Size(0, max(1, len(self.rows) * self._height))

    def on_resize(self, event: events.Resize) -> None:
        if self.row_height != self._height:  # the cache is by line and width: else nothing in it is wrong
            self._cache.clear()
        self._update_size()
        self.show_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter = None
        self._cache.clear()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.rows:
            return
        index = (int(self.scroll_y) + offset.y) // self.row_height
        if 0 <= index < len(self.rows):
            self.post_message(self.Clicked(self.rows[index].id))

    # --- drawing -------------------------------------------------------------------------

    def _paint(self) -> tuple[Painter, dict[str, Layer]]:
        if self._painter is None:
            names = ("cursor", "number", "speaker", "dim", "unsaved", "dismissed", "empty")
            self._painter = (Painter(self), {n: layer(self, f"statements--{n}") for n in names})
        return self._painter

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        painter, layers = self._paint()
        base = painter.base()
        line = int(self.scroll_y) + y
        if not self.rows:  # the message, wrapped to the pane (what the screen waits for, and why)
            lines = textwrap.wrap(self.empty_message, max(1, width - 1))
            if line < len(lines):
                return Strip([Segment(fit(" " + lines[line], width), painter.style((layers["empty"],)))])
            return Strip.blank(width, base)
        h = self.row_height
        index, part = divmod(line, h)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        key = (line, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(self.rows[index], part, width, index == self.cursor)
            self._cache[key] = strip
        return strip

    def _render_row(self, row: Row, part: int, width: int, cursor: bool) -> Strip:
        painter, layers = self._paint()
        under = (layers["cursor"],) if cursor else ()

        def style(*names: str) -> Style:
            return painter.style(under + tuple(layers[n] for n in names))

        base, dim = style(), style("dim")
        num_width = max(len(str(len(self.rows))), len(str(row.number)))
        marker = Segment(UNSAVED if row.unsaved else DIFFER if row.differs else " ",
                         style("unsaved") if row.unsaved or row.differs else base)
        two = self.row_height == 2
        room = width - num_width - 2 - (8 if two else 24)  # keep room for the speaker (and excerpt)
        label_width = min(self._label_width, max(0, room))
        if part == 1:  # the excerpt, under the speaker, in two-line mode
            indent = num_width + 2
            excerpt_style = style("dim", "dismissed") if row.dismissed else dim
            return Strip([Segment(" " * indent, base), Segment(fit(flat(row.text), width - indent), excerpt_style)])
        number = Segment(f"{row.number:>{num_width}} ", style("number"))
        rest = width - 1 - (num_width + 1) - label_width
        speaker_text = flat(row.speaker) if row.speaker else "—"
        names = ("speaker",) if row.speaker else ("dim",)
        speaker_style = style(*names, "dismissed") if row.dismissed else style(*names)
        if two:
            segments = [marker, number, Segment(fit(speaker_text, rest), speaker_style)]
        else:
            # one column for every row's speaker: as wide as the longest, up to SPEAKER_MAX
            speaker_width = min(max(8, rest * 2 // 5), SPEAKER_MAX, self._speaker_cells + 1) if rest > 16 else rest
            excerpt_width = rest - speaker_width
            excerpt_style = style("dim", "dismissed") if row.dismissed else base
            segments = [marker, number, Segment(fit(speaker_text, speaker_width - 1), speaker_style),
                        Segment(" ", base), Segment(fit(flat(row.text), excerpt_width), excerpt_style)]
        if row.dismissed:
            segments.append(Segment(fit(" dismissed", label_width), style("dim", "dismissed")))
        elif row.category is not None:
            # a chip of the category's colour; the space before it stays the row's colour
            chip = base + chip_style(self._colours.get(row.category))
            segments += [Segment(" ", base), Segment(fit(" " + row.category, label_width - 1), chip)]
        elif row.suggestion:
            segments.append(Segment(fit(f" {row.suggestion}?", label_width), dim + Style(italic=True)))
        else:
            segments.append(Segment(" " * label_width, base))
        return Strip(segments).crop_extend(0, width, base)
