"""The note editor: free text kept with the tag."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from reader.tui.dialogs.base import Dialog
from reader.tui.keymap import dialog_bindings


class NoteDialog(Dialog[str]):
    """Returns the note ("" removes it), or None when cancelled."""

    BINDINGS = dialog_bindings("dialog_save", "dialog_cancel")

    def __init__(self, heading: Text, note: str) -> None:
        super().__init__()
        self.heading = heading
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            yield Static(self.hint(("dialog_save", "save"), ("dialog_cancel", "cancel")), classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
