"""The queue screen: the articles of a folder or list, each with its title, statements,
tagged/total and when it was last opened; Enter opens one. The articles are read and their
statements found in the background, in order, while the list is already usable."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar
from textual.worker import get_current_worker

from reader.review.queue import Entry, Queue
from reader.tui.keybar import KeyBar
from reader.tui.keymap import KeySpec
from reader.tui.panels import TopBar
from reader.tui.statement_list import flat

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

TITLE_WIDTH = 72  # characters of a title the list shows
COLUMNS = (("number", "#"), ("title", "title"), ("statements", "statements"), ("tagged", "tagged"),
           ("opened", "last opened"))


def queue_class(specs: tuple[KeySpec, ...]) -> type[QueueScreen]:
    """The queue screen with the queue keys of the key table (remappable like the others)."""
    return type("QueueScreen", (QueueScreen,), {"BINDINGS": [s.binding() for s in specs if s.where == "queue"]})


class QueueScreen(Screen[None]):
    AUTO_FOCUS = "#queue"

    def __init__(self, queue: Queue) -> None:
        super().__init__()
        self.queue = queue

    def compose(self) -> ComposeResult:
        yield TopBar(Text("Queue", style="bold"), self._summary(), id="top")
        yield ProgressBar(total=len(self.queue), show_eta=False, id="loading")
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield KeyBar(id="keys")

    @property
    def reader_app(self) -> ReaderApp:
        from reader.tui.app import ReaderApp

        app = self.app
        assert isinstance(app, ReaderApp)
        return app

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#queue", DataTable)

    def on_mount(self) -> None:
        table = self.table
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        for i, entry in enumerate(self.queue.entries):
            table.add_row(*self._cells(i, entry), key=str(i))
        self.call_after_refresh(self.reader_app.announce, "queue")
        self._load_all()

    def _cells(self, index: int, entry: Entry) -> list[Text]:
        if entry.problem is not None:
            statements, tagged = Text("can't read", style="bold red"), Text("")
        elif entry.statements is None:
            statements, tagged = Text("…", style="dim"), Text("")
        else:
            assert entry.tally is not None
            statements = Text(str(entry.tally.total), justify="right")
            done = entry.tally.total > 0 and entry.tally.done
            tagged = Text(f"{entry.tally.tagged}/{entry.tally.total}" + (" ✓" if done else ""),
                          style="bold green" if done else "")
        opened = (entry.last_opened or "").replace("T", " ").rstrip("Z")[:16]
        words = flat(entry.title) or "(untitled)"
        title = Text(words if len(words) <= TITLE_WIDTH else words[:TITLE_WIDTH - 1] + "…")
        return [Text(str(index + 1), justify="right"), title, statements, tagged, Text(opened, style="dim")]

    def _summary(self) -> Text:
        queue = self.queue
        out = Text(f"{len(queue)} article{'s' if len(queue) != 1 else ''} · {queue.done} done")
        if queue.loaded < len(queue):
            out.append(f" · reading {queue.loaded}/{len(queue)}", style="dim")
        return out

    def show(self, index: int) -> None:
        """Redraw one article's row (read in the background, or reviewed just now)."""
        entry = self.queue.entries[index]
        for (key, _), cell in zip(COLUMNS, self._cells(index, entry)):
            self.table.update_cell(str(index), key, cell, update_width=key == "title")
        self.query_one(TopBar).show_progress(self._summary())

    def on_screen_resume(self) -> None:
        """Back from reviewing: redraw the rows of the articles reviewed meanwhile."""
        changed, self.queue.changed = self.queue.changed, set()
        for index in sorted(changed):
            self.show(index)

    @work(thread=True, exclusive=True, group="queue")
    def _load_all(self) -> None:
        worker = get_current_worker()
        for index in range(len(self.queue)):
            if worker.is_cancelled:
                return
            was = self.queue.entries[index].loaded
            self.queue.load(index)
            if not was:
                try:
                    self.app.call_from_thread(self._loaded, index)
                except RuntimeError:  # the app is closing
                    return

    def _loaded(self, index: int) -> None:
        self.show(index)
        bar = self.query_one(ProgressBar)
        bar.update(progress=self.queue.loaded)
        if self.queue.loaded == len(self.queue):
            bar.display = False

    @on(DataTable.RowSelected)
    def selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.reader_app.open_article(event.cursor_row)

    def action_open_selected(self) -> None:
        self.reader_app.open_article(self.table.cursor_row)

    def action_help(self) -> None:
        from reader.tui.dialogs.help import HelpDialog
        from reader.tui.keymap import BUILT_IN

        app = self.reader_app
        self.app.push_screen(HelpDialog(app.specs, app.keys_for, BUILT_IN))

    def action_quit(self) -> None:
        self.app.exit()
