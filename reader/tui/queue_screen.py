"""The queue screen: the articles of a folder or list, each with its title, statements,
tagged/total and when it was last opened; Enter opens one. The articles are read and their
statements found in the background, in order, while the list is already usable."""
from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, ProgressBar
from textual.worker import get_current_worker

from reader.review.queue import Entry, Queue
from reader.tui.app_screen import AppScreen
from reader.tui.keybar import KeyBar
from reader.tui.keymap import KeySpec
from reader.tui.panels import TopBar
from reader.tui.statement_list import flat

TITLE_WIDTH = 72  # the widest the title column grows
BATCH_SECONDS = 0.25  # how often the list hears of the articles read meanwhile
REVIEWING_PAUSE = 0.02  # seconds between two articles read while the reviewer is on one
COLUMNS = (("number", "#"), ("title", "title"), ("statements", "statements"), ("tagged", "tagged"),
           ("opened", "last opened"))


def queue_class(specs: tuple[KeySpec, ...]) -> type[QueueScreen]:
    """The queue screen with the queue keys of the key table (remappable like the others):
    opening an article is the list's own key, the others the screen's."""
    table = type("QueueTable", (DataTable,), {"BINDINGS": [s.binding() for s in specs if s.id == "queue_open"]})
    bindings = [s.binding() for s in specs if s.where == "queue" and s.id != "queue_open"]
    return type("QueueScreen", (QueueScreen,), {"BINDINGS": bindings, "TABLE": table})


class QueueScreen(AppScreen):
    AUTO_FOCUS = "#queue"
    TABLE: type[DataTable[Text]] = DataTable

    def __init__(self, queue: Queue) -> None:
        super().__init__()
        self.queue = queue

    def compose(self) -> ComposeResult:
        yield TopBar(Text("Queue", style="bold"), self._summary(), id="top")
        yield ProgressBar(total=len(self.queue), show_eta=False, id="loading")
        yield self.TABLE(id="queue", cursor_type="row", zebra_stripes=True)
        yield KeyBar(id="keys")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#queue", DataTable)

    def on_mount(self) -> None:
        table = self.table
        widths = {"number": len(str(len(self.queue))), "statements": 10, "tagged": 9, "opened": 16}
        room = self.app.size.width - sum(widths.values()) - 2 * len(COLUMNS) - 2  # each cell is padded
        widths["title"] = max(20, min(TITLE_WIDTH, room))  # the title takes the room the others leave
        for key, label in COLUMNS:
            table.add_column(label, key=key, width=widths[key])
        for i, entry in enumerate(self.queue.entries):
            table.add_row(*self._cells(i, entry), key=str(i))
        self.call_after_refresh(self._listed)

    def _listed(self) -> None:
        """The list is on screen: now read the articles, in the background."""
        self.reader_app.announce("queue")
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
        title = Text(flat(entry.title) or "(untitled)", no_wrap=True, overflow="ellipsis")
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
            self.table.update_cell(str(index), key, cell)
        self.query_one(TopBar).show_progress(self._summary())

    def on_screen_resume(self) -> None:
        """Back from reviewing: redraw the rows of the articles reviewed meanwhile."""
        changed, self.queue.changed = self.queue.changed, set()
        for index in sorted(changed):
            self.show(index)

    @work(thread=True, exclusive=True, group="queue")
    def _load_all(self) -> None:
        """Read every article (the next one to review first), telling the list in batches;
        while an article is under review, gently, so its screen stays quick."""
        worker = get_current_worker()
        batch: list[int] = []
        told = time.monotonic()
        while not worker.is_cancelled:
            index = self.queue.next_to_read()
            if index is not None:
                self.queue.load(index)
                batch.append(index)
            if batch and (index is None or time.monotonic() - told > BATCH_SECONDS):
                try:
                    self.app.call_from_thread(self._loaded, batch)
                except RuntimeError:  # the app is closing
                    return
                batch, told = [], time.monotonic()
            if index is None:
                return
            if self.queue.reviewing is not None:
                time.sleep(REVIEWING_PAUSE)

    def _loaded(self, indices: list[int]) -> None:
        for index in indices:
            self.show(index)
        bar = self.query_one(ProgressBar)
        bar.update(progress=self.queue.loaded)
        if self.queue.loaded == len(self.queue):
            bar.display = False
            self.reader_app.announce("queue-read")

    @on(DataTable.RowSelected)
    def selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.reader_app.open_article(event.cursor_row)

    def action_help(self) -> None:
        from reader.tui.dialogs.help import HelpDialog
        from reader.tui.keymap import BUILT_IN

        app = self.reader_app
        self.app.push_screen(HelpDialog(app.specs, app.keys_for, BUILT_IN))

    def action_quit(self) -> None:
        self.reader_app.quit()  # once the place of the article left last is written
