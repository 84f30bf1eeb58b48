"""Quitting with changes that could not be saved: retry, quit anyway, or stay."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reader.tui.dialogs.base import Dialog
from reader.tui.keymap import dialog_bindings


class UnsavedDialog(Dialog[str]):
    """Returns "retry", "quit", or None (stay)."""

    BINDINGS = dialog_bindings("dialog_cancel", "unsaved_retry", "unsaved_quit")

    def __init__(self, unsaved: int, error: str | None) -> None:
        super().__init__()
        self.unsaved = unsaved
        self.error = error

    def compose(self) -> ComposeResult:
        message = Text()
        message.append(f"{self.unsaved} change{'s' if self.unsaved != 1 else ''} could not be saved.\n",
                       style="bold")
        if self.error:
            message.append(self.error + "\n")
        message.append("\nThey are still on screen. Fix the problem and retry, or quit and lose them.")
        with Vertical(classes="dialog", id="unsaved-dialog"):
            yield Static(Text("Unsaved changes", style="bold"), classes="dialog-title")
            yield Static(message)
            yield Static(self.hint(("unsaved_retry", "retry"), ("unsaved_quit", "quit and lose them"),
                                   ("dialog_cancel", "stay")), classes="dialog-hint")

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer)
