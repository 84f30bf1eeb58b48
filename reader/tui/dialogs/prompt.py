"""A one-line question: the speaker of a statement (edited or newly added)."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from reader.tui.dialogs.base import Dialog


class PromptDialog(Dialog[str]):
    """Returns the text typed (maybe empty), or None when cancelled. The text it opens with is
    selected, so typing replaces it (and an arrow key keeps it, to edit it)."""

    def __init__(self, heading: Text, context: Text, value: str, *, placeholder: str = "",
                 help_text: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.context = context
        self.value = value
        self.placeholder = placeholder
        self.help_text = help_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="prompt-dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield Static(self.context, classes="dialog-context")
            yield Input(self.value, placeholder=self.placeholder, id="answer", select_on_focus=True, compact=True)
            hint = self.hint(("dialog_ok", "save"), ("dialog_cancel", "cancel"))
            if self.help_text:
                hint.append("\n" + self.help_text)
            yield Static(hint, classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)
