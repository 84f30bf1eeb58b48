"""Pick one of a few options (the list filter): arrows and Enter, or the option's own key."""
from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.tui.dialogs.base import Dialog


class ChoiceDialog(Dialog[str]):
    """`options`: (value, hot key, label). Returns the chosen value, or None."""

    def __init__(self, heading: Text, options: list[tuple[str, str, Text]], current: str) -> None:
        super().__init__()
        self.heading = heading
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice-dialog"):
            yield Static(self.heading, classes="dialog-title")
            prompts = []
            for value, key, label in self.options:
                prompt = Text(no_wrap=True, overflow="ellipsis")
                prompt.append(f"{key} ", style="bold")
                prompt.append_text(label)
                if value == self.current:
                    prompt.append("  (current)", style="dim")
                prompts.append(Option(prompt, id=value))
            yield OptionList(*prompts, id="choices", compact=True)
            yield Static(self.hint(("dialog_ok", "choose"), ("dialog_cancel", "cancel")), classes="dialog-hint")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        values = [v for v, _, _ in self.options]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    def on_key(self, event: events.Key) -> None:
        for value, key, _ in self.options:
            if event.character and event.character == key:
                event.stop()
                self.dismiss(value)
                return

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
