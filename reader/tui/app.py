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
from reader.tui.commands import ReviewCommands
from reader.tui.keymap import checked_keys
from reader.tui.screen import Extractor, ReviewScreen, screen_class

if TYPE_CHECKING:
    from reader.store import TagStore

# Only the benchmark sets these: a file to which the app writes when the article is on screen
# ("article <monotonic seconds>") and when the statements are ready ("ready ..."); the app then
# exits, unless READER_BENCH_STAY is set too (to time key presses afterwards).
READY_ENV = "READER_BENCH_READY"
STAY_ENV = "READER_BENCH_STAY"


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReviewCommands}

    def __init__(self, article: Article, config: Config, store: TagStore, *,
                 statements: list[Statement] | None = None, extractor: Extractor | None = None) -> None:
        """Raises ReaderError (naming the config file) for an unknown action id under `keys:`
        or two actions on one key. The session is opened from `statements`, or from what
        `extractor` (default: the engine) finds, and `store` (see ReviewScreen)."""
        self.specs, self.keymap = checked_keys(config)
        super().__init__()
        self.article = article
        # the review screen is built when Textual asks for it, from the same arguments
        self._make_review = partial(screen_class(self.specs), article, config, store, self.specs,
                                    statements=statements, extractor=extractor)
        self._ready_file = os.environ.get(READY_ENV)
        self.review: ReviewScreen | None = None
        self.ready = asyncio.Event()  # set once the statements are listed (tests await it)
        self.set_keymap(self.keymap)

    def get_default_screen(self) -> ReviewScreen:
        self.review = self._make_review()
        return self.review

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

