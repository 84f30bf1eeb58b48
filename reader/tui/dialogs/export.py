"""Where and how to export: a format from the registry and a file name."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.tui.dialogs.base import Dialog


class ExportDialog(Dialog[tuple[str, Path]]):
    """Returns (format, path), or None. Changing the format changes the file's ending until
    the reviewer types a name of their own."""

    def __init__(self, heading: Text, formats: list[tuple[str, str]], path_for: Callable[[str], Path],
                 fmt: str = "json") -> None:
        super().__init__()
        self.heading = heading
        self.formats = formats
        self.path_for = path_for
        self.fmt = fmt
        self._suggested = str(path_for(fmt))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(self.heading, classes="dialog-title")
            options = []
            for name, description in self.formats:
                prompt = Text(no_wrap=True, overflow="ellipsis")
                prompt.append(f"{name:<5} ", style="bold")
                prompt.append(description, style="dim")
                options.append(Option(prompt, id=name))
            yield OptionList(*options, id="formats", compact=True)
            yield Static("File:", classes="dialog-label")
            yield Input(self._suggested, id="path", select_on_focus=False, compact=True)
            yield Static(id="exists", classes="dialog-warning")
            hint = self.hint(("dialog_ok", "export"), ("dialog_cancel", "cancel"))
            hint.append(" · ")
            hint.append("tab", style="bold")
            hint.append(" edit the file name")
            yield Static(hint, classes="dialog-hint")

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        names = [n for n, _ in self.formats]
        formats.highlighted = names.index(self.fmt) if self.fmt in names else 0
        formats.focus()
        self._check_exists(self._suggested)

    @on(OptionList.OptionHighlighted)
    def format_changed(self, event: OptionList.OptionHighlighted) -> None:
        self.fmt = event.option.id or self.fmt
        path = self.query_one("#path", Input)
        if path.value == self._suggested:  # still ours: follow the format
            self._suggested = str(self.path_for(self.fmt))
            path.value = self._suggested

    @on(Input.Changed, "#path")
    def path_changed(self, event: Input.Changed) -> None:
        self._check_exists(event.value)

    def _check_exists(self, value: str) -> None:
        path = Path(value).expanduser()
        self.query_one("#exists", Static).update(
            Text("This file exists and will be replaced.") if value and path.is_file() else Text())

    @on(OptionList.OptionSelected)
    def format_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._finish()

    @on(Input.Submitted, "#path")
    def path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def _finish(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self.notify("Give a file name for the export.", severity="warning", markup=False)
            return
        self.dismiss((self.fmt, Path(value).expanduser()))
