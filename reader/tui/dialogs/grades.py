"""The Admiralty grades: source reliability A–F and information credibility 1–6."""
from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reader.grades import CREDIBILITY, RELIABILITY, span
from reader.tui.dialogs.base import Dialog
from reader.tui.keymap import dialog_bindings

Grades = tuple[str | None, str | None]


class GradesDialog(Dialog[Grades]):
    """Press a letter and a digit, then Enter. Returns (reliability, credibility) or None."""

    BINDINGS = dialog_bindings("dialog_ok", "dialog_cancel", "grades_clear")

    def __init__(self, heading: Text, reliability: str | None, credibility: str | None) -> None:
        super().__init__()
        self.heading = heading
        self.reliability = reliability
        self.credibility = credibility

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="grades-dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield Static(id="reliability")
            yield Static(id="credibility")
            yield Static(self.hint(("dialog_ok", "save"), ("grades_clear", "clear"), ("dialog_cancel", "cancel")),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self._show()

    def _row(self, title: str, choices: Mapping[str, str], chosen: str | None, keys: str) -> Text:
        out = Text()
        out.append(f"{title} ", style="bold")
        out.append(f"(press {keys})\n", style="dim")
        for grade in choices:
            out.append(f" {grade} ", style="bold reverse" if grade == chosen else "")
        out.append("  ")
        out.append(choices.get(chosen or "", "not set"), style="italic")
        return out

    def _show(self) -> None:
        self.query_one("#reliability", Static).update(
            self._row("Source reliability", RELIABILITY, self.reliability, span(RELIABILITY).lower()))
        self.query_one("#credibility", Static).update(
            self._row("Information credibility", CREDIBILITY, self.credibility, span(CREDIBILITY)))

    def on_key(self, event: events.Key) -> None:
        ch = (event.character or "").upper()
        if ch in RELIABILITY:
            self.reliability = ch
        elif ch in CREDIBILITY:
            self.credibility = ch
        else:
            return
        event.stop()
        self._show()

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        offset = event.get_content_offset(widget) if widget is not None else None
        if widget is None or offset is None or offset.y != 1 or widget.id not in ("reliability", "credibility"):
            return
        choices = RELIABILITY if widget.id == "reliability" else CREDIBILITY
        index = offset.x // 3
        if 0 <= index < len(choices):
            setattr(self, widget.id, list(choices)[index])
            self._show()

    def action_clear(self) -> None:
        self.reliability = self.credibility = None
        self._show()

    def action_ok(self) -> None:
        self.dismiss((self.reliability, self.credibility))
