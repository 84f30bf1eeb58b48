"""The article pane: a Line-API view that draws only the lines on screen.

The text is wrapped by offsets (`text_layout`), each visible line becomes a `Strip` built
from the article's characters directly (never parsed as markup: `article_paint`), and strips
are kept in an LRU cache until a highlight changes. Statements (`article_marks`) are painted by
category, the selected one and its speaker stand out, search matches and the mark-mode
selection are drawn on top. The view keeps what is shown, scrolls, searches, and takes the
mouse and the mark-mode keys.
"""
from __future__ import annotations

import re

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.tui.article_marks import Mark, Marks, Selected
from reader.tui.article_paint import LAYERS, Span, draw_line, span, statement_spans
from reader.tui.keymap import MARK_KEYS
from reader.tui.styling import Layer, Painter, layer, tint
from reader.tui.text_layout import Layout, cell_to_offset, display_text, word_step, wrap


GUTTER = 2  # a bar beside the selected statement's lines, then a space


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article text, wrapped, with statements highlighted."""

    ALLOW_SELECT = False  # mouse drags mark text for a new statement instead
    BINDINGS = [s.binding() for s in MARK_KEYS]
    COMPONENT_CLASSES = {
        "article--statement", "article--dismissed", "article--selected", "article--speaker",
        "article--match", "article--match-current", "article--mark", "article--caret", "article--gutter",
    }

    class StatementClicked(Message):
        def __init__(self, statement_id: str) -> None:
            super().__init__()
            self.statement_id = statement_id

    class AddRequested(Message):
        """The reviewer finished marking text to add as a statement."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class MarkingChanged(Message):
        def __init__(self, marking: bool) -> None:
            super().__init__()
            self.marking = marking

    def __init__(self, text: str, colours: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = display_text(text)
        self._colours = colours
        self._layout: Layout | None = None
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: tuple[Painter, dict[str, Layer]] | None = None
        self._marks = Marks()
        self._selected: Selected | None = None
        self._search: re.Pattern[str] | None = None
        self._search_len = 0
        self._current_match: tuple[int, int] | None = None
        self.marking = False
        self.caret = 0
        self.mark_anchor: int | None = None
        self._pressed_at: int | None = None
        self._dragged = False
        self._pending_range: tuple[int, int] | None = None  # to show once laid out

    # --- data from the screen ----------------------------------------------------------

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = Marks(marks)
        self._invalidate()

    def select(self, selected: Selected | None, *, scroll: bool = True) -> None:
        self._selected = selected
        self._invalidate()
        if selected is not None and scroll:
            self.show_range(selected.start, selected.end)

    def set_search(self, query: str) -> None:
        self._search = re.compile(re.escape(query), re.IGNORECASE) if query else None
        self._search_len = len(query)
        self._current_match = None
        self._invalidate()

    def find(self, direction: int = 1) -> tuple[int, int] | None:
        """Move to the next (or previous) match after the current one; wraps around."""
        if self._search is None:
            return None
        text = self.text
        if self._current_match is not None:
            here = self._current_match[0] + (1 if direction > 0 else 0)
        else:
            here = self._layout.starts[int(self.scroll_y)] if self._layout and len(self._layout) else 0
        match: tuple[int, int] | None = None
        if direction > 0:
            m = self._search.search(text, here) or self._search.search(text, 0)
            match = m.span() if m else None
        else:
            last = None
            for found in self._search.finditer(text, 0, max(0, here + self._search_len - 1)):
                if found.start() < here:
                    last = found.span()
            if last is None:  # wrap to the last match in the text
                for found in self._search.finditer(text, max(0, here)):
                    last = found.span()
            match = last
        self._current_match = match
        self._invalidate()
        if match is not None:
            self.show_range(*match)
        return match

    # --- scrolling ---------------------------------------------------------------------

    @property
    def layout_lines(self) -> Layout:
        if self._layout is None:
            self._relayout(self._text_width())
        assert self._layout is not None
        return self._layout

    def show_range(self, start: int, end: int) -> None:
        """Scroll so the text start..end is on screen (a third of the way down if it was not)."""
        if not self.size.width:  # not laid out yet (a session opened before the first frame)
            self._pending_range = (start, end)
            return
        layout = self.layout_lines
        first, last = layout.line_of(start), layout.line_of(max(start, end - 1))
        top, height = int(self.scroll_y), max(1, self.scrollable_content_region.height)
        if first >= top and last < top + height:
            return
        target = first - height // 3 if last - first < height else first
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def top_offset(self) -> int:
        layout = self.layout_lines
        return layout.starts[min(int(self.scroll_y), len(layout) - 1)]

    # --- layout and drawing ------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        width = self._text_width()
        if self._layout is None or self._layout.width != width:
            top = self.top_offset() if self._layout is not None else 0
            layout = self._relayout(width)
            self.scroll_to(y=layout.line_of(top) if top else 0, animate=False)
        if self._pending_range is not None:
            start, end = self._pending_range
            self._pending_range = None
            self.show_range(start, end)

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    def _relayout(self, width: int, *, drawing: bool = False) -> Layout:
        self._layout = layout = wrap(self.text, width)
        size = Size(width, len(self._layout))
        if drawing and size.height <= self.scrollable_content_region.height:
            # Wrapped while the first frame is drawn, and it all fits: there is nothing to
            # scroll and no scrollbar to show, so telling Textual (which lays out the screen
            # again, a frame later) would change nothing on screen.
            self.set_reactive(ScrollView.virtual_size, size)
        else:
            self.virtual_size = size
        self._cache.clear()
        return layout

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _paint(self) -> tuple[Painter, dict[str, Layer]]:
        if self._styles is None:
            layers = {name: layer(self, f"article--{name}") for name in (*LAYERS, "gutter") if name != "tag"}
            for category, colour in self._colours.items():
                layers[f"tag:{category}"] = tint(colour, 0.35)
            self._styles = (Painter(self), layers)
        return self._styles

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if self._layout is None:
            self._relayout(self._text_width(), drawing=True)
        layout = self.layout_lines
        base = self._paint()[0].base()
        if index >= len(layout):
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_index(index)
            self._cache[index] = strip
        return strip.crop_extend(0, width, base)

    def _spans(self, start: int, end: int) -> list[Span]:
        """Everything painted over start..end (or reaching into it)."""
        styles = self._paint()[1]
        spans = statement_spans(self._marks, start, end, styles)
        sel = self._selected
        if sel is not None:
            spans.append(span(sel.start, sel.end, "selected", styles))
            if sel.speaker_start is not None and sel.speaker_end is not None:
                spans.append(span(sel.speaker_start, sel.speaker_end, "speaker", styles))
        if self._search is not None:
            reach = self._search_len
            for found in self._search.finditer(self.text, max(0, start - reach), end + reach):
                spans.append(span(*found.span(), "match-current" if found.span() == self._current_match else "match",
                                  styles))
        if self.marking:
            if self.mark_anchor is not None:
                a, b = sorted((self.mark_anchor, self.caret))
                spans.append(span(a, b, "mark", styles))
            spans.append(span(self.caret, self.caret + 1, "caret", styles))
        return spans

    def _render_index(self, index: int) -> Strip:
        layout = self.layout_lines
        painter, styles = self._paint()
        start, end = layout.starts[index], layout.ends[index]
        caret_after = self.marking and self.caret == end and (
            index + 1 >= len(layout) or layout.starts[index + 1] > end)
        sel = self._selected
        chosen = sel is not None and sel.start < max(end, start + 1) and sel.end > start
        gutter = Segment("▌ " if chosen else "  ", painter.style((styles["gutter"],)) if chosen else painter.base())
        return draw_line(self.text[start:end], start, self._spans(start, end), gutter, painter,
                         styles["caret"] if caret_after else None)

    # --- mouse: click a highlight to select it, drag to mark text -------------------------

    def offset_at(self, x: int, y: int) -> int:
        layout = self.layout_lines
        index = min(max(0, int(self.scroll_y) + y), len(layout) - 1)
        start, end = layout.starts[index], layout.ends[index]
        return start + cell_to_offset(self.text[start:end], x - GUTTER)

    def statement_at(self, offset: int) -> Mark | None:
        """The innermost statement covering `offset` (the shortest, where they nest)."""
        return self._marks.innermost_at(offset)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        if event.button != 1 or offset is None:
            return
        self._pressed_at = self.offset_at(offset.x, offset.y)
        self._dragged = False
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._pressed_at is None or not event.button:
            return
        offset = event.get_content_offset_capture(self)
        here = self.offset_at(offset.x, offset.y)
        if here != self._pressed_at or self._dragged:
            if not self._dragged:
                self._dragged = True
                self.start_marking(self._pressed_at)
                self.mark_anchor = self._pressed_at
            self.caret = here
            self._invalidate()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._pressed_at is None:
            return
        self.release_mouse()
        press, self._pressed_at = self._pressed_at, None
        if not self._dragged:
            mark = self.statement_at(press)
            if mark is not None:
                self.post_message(self.StatementClicked(mark.id))

    # --- mark mode: a keyboard caret and selection ---------------------------------------

    def start_marking(self, at: int | None = None) -> None:
        self.marking = True
        self.mark_anchor = None
        self.caret = self.top_offset() if at is None else at
        self.focus()
        self._invalidate()
        self.refresh_bindings()
        self.post_message(self.MarkingChanged(True))

    def stop_marking(self) -> None:
        if not self.marking:
            return
        self.marking = False
        self.mark_anchor = None
        self._invalidate()
        self.refresh_bindings()
        self.post_message(self.MarkingChanged(False))

    def marked_range(self) -> tuple[int, int] | None:
        if not self.marking or self.mark_anchor is None or self.mark_anchor == self.caret:
            return None
        a, b = sorted((self.mark_anchor, self.caret))
        return a, b

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Mark-mode keys only act while marking; otherwise the key goes on to the screen.
        return self.marking

    def _move_caret(self, offset: int) -> None:
        self.caret = min(max(0, offset), len(self.text))
        self.show_range(self.caret, self.caret + 1)
        self._invalidate()

    def action_caret(self, step: int) -> None:
        self._move_caret(self.caret + step)

    def action_caret_line(self, step: int) -> None:
        self._move_caret(self.layout_lines.line_step(self.text, self.caret, step))

    def action_caret_word(self, step: int) -> None:
        self._move_caret(word_step(self.text, self.caret, step))

    def action_caret_edge(self, side: int) -> None:
        self._move_caret(self.layout_lines.edge(self.caret, side))

    def action_set_anchor(self) -> None:
        self.mark_anchor = self.caret
        self._invalidate()

    def action_finish(self) -> None:
        marked = self.marked_range()
        if marked is None:
            self.notify("Move the caret to the statement's first word, press space, then move to its end.",
                        title="Nothing marked yet")
            return
        self.post_message(self.AddRequested(*marked))

    def action_cancel(self) -> None:
        self.stop_marking()
