"""`reader [PATH]` (or `reader open PATH`): the review screen (the bundled sample when no PATH).

Everything that can fail on bad input (settings, keymap, database, article) is loaded and
checked here first, so a problem is one line on stderr and exit status 1, never a broken
screen. Opening the tag store, running the engine and reading the article's tags happen in a
second process while Textual is imported (reader.review.prefetch; when there is none, on a
worker thread of the app, off the UI thread).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import TYPE_CHECKING

from reader.cli.context import Context
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.article import Article
    from reader.config import Config
    from reader.review import StoreHandle
    from reader.review.prefetch import SessionChild
    from reader.store import TagStore
    from reader.tui.screen import Opener


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", nargs="?",
                        help="article file, or - for standard input (default: the sample)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    pause = _GcPause()  # start-up allocates a large, long-lived heap: no collections until the screen is ready
    child: SessionChild | None = None
    try:
        from reader.review.prefetch import SessionChild

        config = ctx.config
        use_child = SessionChild.possible()
        if not use_child:
            ctx.store  # noqa: B018 -- no child to open it: check the database before reading the article
        article = ctx.article(args.path)
        # The tag store and the engine start in a second process (when a core is free to run
        # it) before Textual is imported here; without one, this process does it all.
        child = SessionChild.start(ctx, article) if use_child else None
        from reader.tui.keymap import checked_keys

        checked_keys(config)  # config.yaml's keys: (this imports the first half of Textual)
        _need_terminal(args.path)
        if child is not None:
            child.go()  # the screen will start: the child may register the article once it is ready
        from reader.tui.app import ReaderApp  # Textual only when the screen is really needed

        store, opener = _store_and_opener(ctx, child, article, config)  # a bad database stops us here
        app = ReaderApp(article, config, store, opener=opener, on_ready=pause.end)
        app.run()
        return app.return_code or 0
    finally:
        if child is not None:
            child.discard()  # only does something if the screen never asked for the session
        pause.end(freeze=False)  # the screen never got ready (an error, or a test): just switch it back on


def _store_and_opener(ctx: Context, child: SessionChild | None, article: Article, config: Config
                      ) -> tuple[TagStore | StoreHandle, Opener | None]:
    """The tag store the screen saves to, and what opens its session: the child's work when it
    opened the store (its ReaderError, for an unusable database, is raised here, before
    anything is drawn), else this process's, as without a child."""
    from reader.review import StoreHandle
    from reader.review.prefetch import ChildGone, ChildOpener

    if child is not None:
        try:
            reviewer = child.store_opened()
        except ChildGone:
            child.discard()
        else:
            store = StoreHandle(lambda: ctx.store, reviewer)  # this process opens it after the first frame
            return store, ChildOpener(child, article, config, store)
    return ctx.store, None


class _GcPause:
    """Start-up builds hundreds of thousands of objects that live as long as the process
    (Textual's and reader's modules, styles, widgets), and the cyclic garbage collector would
    scan them all several times over before the first frame (tens of milliseconds). So it is
    off from here until the screen is ready; then everything alive is moved out of its sight
    (`gc.freeze`) and it runs as usual on what the session allocates afterwards. Plain
    reference counting frees memory meanwhile as always."""

    def __init__(self) -> None:
        self._paused = gc.isenabled()
        if self._paused:
            gc.disable()

    def end(self, *, freeze: bool = True) -> None:
        if self._paused:
            self._paused = False
            if freeze:
                gc.freeze()
            gc.enable()


def _need_terminal(source: str | None) -> None:
    """The screen reads keys from the terminal and draws on it. When the article came through
    a pipe (`reader -`), standard input is spent: take the keys from /dev/tty instead."""
    if not sys.stdout.isatty():
        raise ReaderError("the review screen needs a terminal to draw on; to print the statements "
                          "instead, use `reader extract PATH`.")
    if sys.stdin.isatty():
        return
    what = "the article came from standard input" if source == "-" else "standard input is not a terminal"
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise ReaderError(f"-: {what} and there is no terminal to read keys from; save the article to "
                          "a file and open that, or use `reader extract -`.") from None
    os.dup2(tty, sys.stdin.fileno())
    os.close(tty)
