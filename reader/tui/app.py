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

from reader.article import Article
from reader.attribution import Statement
from reader.config import Config
from reader.review.saver import Write, attempt
from reader.tui.commands import ReviewCommands
from reader.tui.keymap import checked_keys
from reader.tui.review import Place, ReviewBase
from reader.tui.screen import Extractor, ReviewScreen, screen_class

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.review.queue import Queue
    from reader.store import TagStore

# Only the benchmark sets these: a file to which the app writes when the article is on screen
# ("article <monotonic seconds>") and when the statements are ready ("ready ..."; again for each
# article opened from a queue), and for a queue when its list is drawn ("queue") and when every
# article of it has been read ("queue-read"); the app exits once ready, unless READER_BENCH_STAY
# is set too (to time key presses afterwards).
READY_ENV = "READER_BENCH_READY"
STAY_ENV = "READER_BENCH_STAY"


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
        self.review: ReviewScreen | None = None
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
        changes are saved)."""
        assert self.queue is not None
        entry = self.queue.load(index)  # at once when the queue's worker has read it already
        if entry.problem is not None or entry.article is None:
            self.notify(entry.problem or "The article cannot be read.", title="Cannot open this article",
                        severity="error", timeout=10, markup=False)
            return
        if leaving is not None:
            self._left(leaving)
        self.ready.clear()
        screen = self._review_type(entry.article, self.config, self.store, self.specs, statements=entry.statements,
                                   extractor=self._extractor, place=Place(index, len(self.queue)))
        if self.review is not None:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.review = screen
        self.queue.reviewing = index

    def back_to_queue(self, leaving: ReviewBase) -> None:
        """Leave the article under review (its changes saved) for the list."""
        self._left(leaving)
        self.review = None
        assert self.queue is not None
        self.queue.reviewing = None
        self.pop_screen()  # the queue screen redraws the articles reviewed meanwhile
        place = leaving.place
        if place is not None:
            from reader.tui.queue_screen import QueueScreen

            queue_screen = self.screen
            if isinstance(queue_screen, QueueScreen):
                queue_screen.table.move_cursor(row=place.index)

    def _left(self, screen: ReviewBase) -> None:
        place, session = screen.place, screen.session
        if self.queue is None or place is None or session is None:
            return
        self.queue.left(place.index, session.progress(), session.record.last_opened if session.record else None)
        # where the reviewer left it, written while the next screen is built (a quit writes it
        # before exiting: ReviewBase.action_quit)
        remember = session.leave_at(screen.selected_id)
        if remember is not None:
            self.run_worker(partial(self._remember, remember, session.saver.store), thread=True, group="positions")

    def _remember(self, write: Write, store: TagStore) -> None:
        problem, _ = attempt(write, store)
        if problem is not None:
            self.not_remembered(problem)

    def not_remembered(self, problem: str) -> None:
        """(On a worker's thread.) Where the reviewer left an article could not be written."""
        try:
            self.call_from_thread(self.notify, f"{problem}\nThe next opening starts at the first untagged statement.",
                                  title="Place not remembered", severity="warning", timeout=8, markup=False)
        except RuntimeError:  # the app has closed
            pass

    # --- keys and announcements --------------------------------------------------------------

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
            self.exit()
