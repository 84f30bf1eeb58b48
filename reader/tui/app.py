"""The review application: settings, store and article come in ready-made (the command line
loads them first, tests build them as they like); the app checks the keymap and shows the
review screen."""
from __future__ import annotations

import asyncio
import os
import time
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from reader.article import Article
from reader.attribution import Statement
from reader.config import Config
from reader.review.saver import SaveResult, Saver
from reader.tui.background import off_thread
from reader.tui.commands import ReviewCommands
from reader.tui.keymap import checked_keys
from reader.tui.review import Place, ReviewBase
from reader.tui.screen import Extractor, ReviewScreen, screen_class

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.review.queue import Queue
    from reader.store import TagStore
    from reader.tui.reading import ReadingScreen

# Only the benchmark sets these: a file to which the app writes when the article is on screen
# ("article <monotonic seconds>") and when the statements are ready ("ready ..."; again for each
# article opened from a queue), and for a queue when its list is drawn ("queue") and when every
# article of it has been read ("queue-read"); the app exits once ready, unless READER_BENCH_STAY
# is set too (to time key presses afterwards).
READY_ENV = "READER_BENCH_READY"
STAY_ENV = "READER_BENCH_STAY"
# Seconds an article's opening, or quitting, waits for where the reviewer left the articles
# before to be written (a write of some milliseconds, unless the database is locked).
PLACE_WAIT = 2.0


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReviewCommands}

    def __init__(self, article: Article | None, config: Config, store: TagStore, *,
                 statements: list[Statement] | None = None, extractor: Extractor | None = None,
                 queue: Queue | None = None) -> None:
        """Raises ReaderError (naming the config file) for an unknown action id under `keys:`
        or two actions on one key. With a `queue`, the app opens on the list of its articles;
        else on the review of `article`, its session opened from `statements`, or from what
        `extractor` (default: the engine) finds, and `store` (see ReviewScreen)."""
        self.specs, self.keymap = checked_keys(config)
        super().__init__()
        if article is None and queue is None:
            raise ValueError("ReaderApp needs an article or a queue")
        self.article = article
        self.config = config
        self.store = store
        self.queue = queue
        self._statements = statements
        self._extractor = extractor
        self._review_type = screen_class(self.specs)
        self._ready_file = os.environ.get(READY_ENV)
        self.review: ReviewScreen | None = None  # the article under review, when its screen is shown
        self.places = Saver(store)  # where the reviewer left each article of the queue, written in order
        self._placing: asyncio.Future[SaveResult] | None = None  # the writing of those places, if any
        self.ready = asyncio.Event()  # set once the statements are listed (tests await it)
        self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen[None]:
        if self.queue is not None:
            from reader.tui.queue_screen import queue_class

            return queue_class(self.specs)(self.queue)
        assert self.article is not None
        self.review = self._review_type(self.article, self.config, self.store, self.specs,
                                        statements=self._statements, extractor=self._extractor)
        return self.review

    # --- the queue ---------------------------------------------------------------------------

    def open_article(self, index: int, *, leaving: ReviewBase | None = None) -> None:
        """Review the queue's article `index` (after `leaving` the one under review, whose
        changes are saved). One the queue's worker has read already opens at once; else it is
        read off the UI thread while a reading screen says so."""
        assert self.queue is not None
        entry = self.queue.entries[index]
        if entry.problem is not None:
            self._cannot_open(entry.problem)
            return
        if leaving is not None:
            self._left(leaving)
        place = Place(index, len(self.queue))
        self.queue.reviewing = index
        if entry.loaded:
            self._review(place)
            return
        from reader.tui.reading import reading_class

        reading = reading_class(self.specs)(place, entry.title, entry.source)
        self._show(reading)
        off_thread(partial(self.queue.load, index), "reader-read-article").add_done_callback(
            lambda _: self._read(reading))

    def _read(self, reading: ReadingScreen) -> None:
        """The article `reading` waits for is read: review it, unless the reviewer went on."""
        if self.screen is not reading:
            return
        assert self.queue is not None
        entry = self.queue.entries[reading.place.index]
        if entry.problem is not None:
            reading.cannot_read(entry.problem)
            self._cannot_open(entry.problem)
        else:
            self._review(reading.place)

    def _review(self, place: Place) -> None:
        assert self.queue is not None
        entry = self.queue.entries[place.index]
        assert entry.article is not None
        self.ready.clear()
        screen = self._review_type(entry.article, self.config, self.store, self.specs, statements=entry.statements,
                                   extractor=self._extractor, place=place)
        self._show(screen)
        self.review = screen

    def _show(self, screen: Screen[None]) -> None:
        """Show an article's screen in place of the one shown (over the queue's list)."""
        from reader.tui.queue_screen import QueueScreen

        if isinstance(self.screen, QueueScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)
        self.review = None

    def _cannot_open(self, problem: str) -> None:
        self.notify(problem, title="Cannot open this article", severity="error", timeout=10, markup=False)

    def step(self, place: Place, step: int, *, leaving: ReviewBase | None = None) -> None:
        """Go from the article at `place` to the next (1) or previous (-1) one of the queue."""
        target = place.index + step
        if 0 <= target < place.total:
            self.open_article(target, leaving=leaving)
        else:
            self.notify(f"This is the {'last' if step > 0 else 'first'} article of the queue; "
                        f"{self.key_display('back_to_queue')} shows the list.", markup=False, timeout=4)

    def back_to_queue(self, place: Place, *, leaving: ReviewBase | None = None) -> None:
        """Leave the article at `place` (and `leaving`, its screen, changes saved) for the list."""
        if leaving is not None:
            self._left(leaving)
        self.review = None
        assert self.queue is not None
        self.queue.reviewing = None
        self.pop_screen()  # the queue screen redraws the articles reviewed meanwhile
        from reader.tui.queue_screen import QueueScreen

        queue_screen = self.screen
        if isinstance(queue_screen, QueueScreen):
            queue_screen.table.move_cursor(row=place.index)

    def _left(self, screen: ReviewBase) -> None:
        place, session = screen.place, screen.session
        if self.queue is None or place is None or session is None:
            return
        self.queue.left(place.index, session.progress(), session.record.last_opened if session.record else None)
        # where the reviewer left it, written at once on a thread of its own, whatever opens next
        remember = session.leave_at(screen.selected_id, failed=self.not_remembered)
        if remember is not None:
            self.places.submit(remember)
            if self.places.claim():
                self._placing = off_thread(self.places.drain, "reader-write-place")

    def wait_for_places(self) -> None:
        """(On any thread but the UI's.) Wait until where the reviewer left the articles is
        written, PLACE_WAIT seconds at most."""
        self.places.wait_idle(PLACE_WAIT)

    def quit(self) -> None:
        """Exit once where the reviewer left the articles is written (waiting PLACE_WAIT seconds
        at most: quitting never waits long)."""
        placing = self._placing
        if placing is None or placing.done():
            self.exit()
            return

        async def when_placed() -> None:
            await asyncio.wait({placing}, timeout=PLACE_WAIT)
            self.exit()

        self.run_worker(when_placed(), group="quit", exclusive=True)

    def not_remembered(self, problem: str) -> None:
        """(On a worker's thread.) Where the reviewer left an article could not be written."""
        try:
            self.call_from_thread(self.notify, f"{problem}\nThe next opening starts at the first untagged statement.",
                                  title="Place not remembered", severity="warning", timeout=8, markup=False)
        except RuntimeError:  # the app has closed
            pass

    # --- keys and announcements --------------------------------------------------------------

    def key_display(self, action_id: str) -> str:
        """The keys of an action as the screens show them ("⏎", "^s")."""
        return ", ".join(self.get_key_display(Binding(k.strip(), "")) for k in self.keys_for(action_id).split(","))

    def keys_for(self, action_id: str) -> str:
        """The keys of an action after config.yaml's remapping ("a,b" for several)."""
        if action_id in self.keymap:
            return self.keymap[action_id]
        return next((s.keys for s in self.specs if s.id == action_id), action_id)

    def announce(self, stage: str) -> None:
        if self._ready_file:
            with open(self._ready_file, "a", encoding="utf-8") as out:
                out.write(f"{stage} {time.monotonic()}\n")

    def announce_ready(self) -> None:
        """The statements are listed and the reviewer can act."""
        self.ready.set()
        if self._ready_file:
            self.announce("ready")
            if not os.environ.get(STAY_ENV):
                self.exit()

    def on_app_focus(self) -> None:
        """The terminal is back in front (where it says so): show what others saved meanwhile."""
        if self.review is not None:
            self.review.look_for_changes()

    async def action_quit(self) -> None:
        """Ctrl+Q too waits for the saves (and asks when one keeps failing)."""
        if self.review is not None:
            self.review.action_quit()
        else:
            self.quit()
