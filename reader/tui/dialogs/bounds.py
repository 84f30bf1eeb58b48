"""Where a statement starts and ends: move either edge by whole words, then Enter."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reader.review.span import Edge, moved
from reader.safe_text import printable
from reader.tui.dialogs.base import Dialog
from reader.tui.keymap import dialog_bindings

AROUND = 80  # characters of context shown on either side


class BoundsDialog(Dialog[tuple[int, int]]):
    """Returns the new (start, end), or None when cancelled."""

    BINDINGS = dialog_bindings("dialog_ok", "dialog_cancel", "bounds_start_earlier", "bounds_start_later",
                               "bounds_end_earlier", "bounds_end_later")

    def __init__(self, heading: Text, text: str, start: int, end: int) -> None:
        super().__init__()
        self.heading = heading
        self.text = text
        self.start, self.end = start, end

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="bounds-dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield Static(id="bounds")
            yield Static(self.hint(("bounds_start_earlier", "start earlier"), ("bounds_start_later", "start later"),
                                   ("bounds_end_earlier", "end earlier"), ("bounds_end_later", "end later"),
                                   ("dialog_ok", "keep"), ("dialog_cancel", "cancel")), classes="dialog-hint")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        lo, hi = max(0, self.start - AROUND), min(len(self.text), self.end + AROUND)
        out = Text()
        if lo > 0:
            out.append("…", style="dim")
        out.append(printable(self.text[lo:self.start]), style="dim")
        out.append(printable(self.text[self.start:self.end]), style="bold reverse")
        out.append(printable(self.text[self.end:hi]), style="dim")
        if hi < len(self.text):
            out.append("…", style="dim")
        self.query_one("#bounds", Static).update(out)

    def action_move(self, edge: Edge, step: int) -> None:
        start, end = moved(self.text, self.start, self.end, edge, step)
        if end <= start:
            self.notify("A statement keeps at least one word.", severity="warning", markup=False)
            return
        self.start, self.end = start, end
        self._show()

    def action_ok(self) -> None:
        self.dismiss((self.start, self.end))
