"""What every dialog shares: the frame, a cancel key, and key hints that follow the keymap."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.screen import ModalScreen

from reader.tui.keymap import dialog_bindings

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    CSS_PATH = Path(__file__).with_name("dialogs.tcss")  # read by Textual when the first dialog opens
    BINDINGS = dialog_bindings("dialog_cancel")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def key(self, action_id: str) -> str:
        """How the key for `action_id` is shown, after config.yaml's remapping."""
        keys = getattr(self.app, "keys_for", None)
        raw = keys(action_id) if keys else action_id
        return self.app.get_key_display(Binding(raw.split(",")[0], ""))

    def hint(self, *pairs: tuple[str, str]) -> Text:
        out = Text(style="dim")
        for i, (action_id, words) in enumerate(pairs):
            if i:
                out.append(" · ")
            out.append(self.key(action_id), style="bold")
            out.append(f" {words}")
        return out
