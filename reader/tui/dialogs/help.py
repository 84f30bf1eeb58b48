"""Every key of the review screen, as config.yaml has them now."""
from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from reader.tui.dialogs.base import Dialog
from reader.tui.keymap import KeySpec, dialog_bindings


class HelpDialog(Dialog[None]):
    BINDINGS = dialog_bindings("dialog_cancel", "help_close")

    def __init__(self, specs: tuple[KeySpec, ...], keys_for: Callable[[str], str],
                 built_in: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.specs = specs
        self.keys_for = keys_for
        self.built_in = built_in

    def _display(self, keys: str) -> str:
        return ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, keys as shown, what they do) for every key, in the table's order; then the
        list's marks and what they mean."""
        from reader.tui.statement_list import MARKS

        rows = [(s.group, self._display(self.keys_for(s.id)), s.description) for s in self.specs]
        return (rows + [("Always", self._display(key), does) for key, does in self.built_in]
                + [("Marks in the list", mark, means) for mark, means in MARKS])

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True, min_width=12)
        table.add_column("does", ratio=1)
        group = None
        for row_group, keys, does in self.rows():
            if row_group != group:
                group = row_group
                table.add_row(Text(group, style="bold underline"), "")
            table.add_row(keys, does)
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(Text("Keys (change them under keys: in config.yaml)", style="bold"), classes="dialog-title")
            with VerticalScroll(id="help-keys"):
                yield Static(table)
            hint = Text("↑↓ pgup pgdn", style="bold")
            hint.append(" scroll · ", style="dim")
            hint.append_text(self.hint(("dialog_cancel", "close")))
            yield Static(hint, classes="dialog-hint")
