"""The screen of a queue's article that is still being read (its file, then its statements):
shown at once when the reviewer opens an article the queue's background reader has not
reached yet, while it is read off the UI thread. It says so; `>`, `<`, `esc` and `q` act at
once, and every other key of the review screen changes nothing and says why."""
from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from reader.safe_text import printable
from reader.tui.app_screen import AppScreen
from reader.tui.keybar import KeyBar
from reader.tui.keymap import KeySpec
from reader.tui.panels import TopBar, place_text, title_text
from reader.tui.review import Place

ACTING = frozenset({"next_article", "previous_article", "back_to_queue", "quit"})  # key table ids


@lru_cache(maxsize=4)
def reading_class(specs: tuple[KeySpec, ...]) -> type[ReadingScreen]:
    """The reading screen with the review screen's keys (remapped as config.yaml says): the
    queue's moves and quit act, the others only say that the article is still being read."""
    bindings = [s.binding() if s.id in ACTING else Binding(s.keys, "still_reading", show=False, id=s.id)
                for s in specs if s.where == "screen"]
    return type("ReadingScreen", (ReadingScreen,), {"BINDINGS": bindings})


class ReadingScreen(AppScreen):
    def __init__(self, place: Place, title: str, source: str) -> None:
        super().__init__()
        self.place = place
        self._title = title
        self._source = source

    def compose(self) -> ComposeResult:
        yield TopBar(title_text(self._title), Text(f"{place_text(self.place)}reading…", style="dim"), id="top")
        yield Static(Text(f"Reading {printable(self._source)} and finding its statements…"), id="reading")
        yield KeyBar(id="keys")

    def cannot_read(self, problem: str) -> None:
        """The article could not be read: say why, here (the reviewer moves on with the keys)."""
        self.query_one("#reading", Static).update(Text(f"This article cannot be read: {problem}"))
        self.query_one(TopBar).show_progress(Text(f"{place_text(self.place)}can't read", style="bold red"))

    def action_next_article(self) -> None:
        self.reader_app.step(self.place, 1)

    def action_previous_article(self) -> None:
        self.reader_app.step(self.place, -1)

    def action_back_to_queue(self) -> None:
        self.reader_app.back_to_queue(self.place)

    def action_quit(self) -> None:
        self.reader_app.quit()

    def action_still_reading(self) -> None:
        self.notify("Still reading the article: nothing was changed.", severity="warning", timeout=4, markup=False)
