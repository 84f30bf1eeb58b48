"""`reader [PATH]` (or `reader open PATH`): the review screen (the bundled sample when no PATH).

Everything that can fail on bad input (settings, database, article, keymap, terminal) is
loaded and checked here first, so a problem is one line on stderr and exit status 1, never a
broken screen. The screen then opens the review session (reader.tui.screen).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys

from reader.cli.context import Context
from reader.errors import ReaderError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", nargs="?",
                        help="article file, or - for standard input (default: the sample)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    config = ctx.config
    store = ctx.store  # a damaged or newer database stops us before the article is read
    article = ctx.article(args.path)
    from reader.tui.app import ReaderApp  # Textual only when the screen is really needed

    app = ReaderApp(article, config, store)  # checks config.yaml's keys:
    _need_terminal(args.path)
    # What is alive now (Textual's and reader's modules, settings, article) lives as long as
    # the process: out of the garbage collector's sight, the collections of the screen's
    # start-up are short (about a quarter of its CPU time otherwise).
    gc.freeze()
    app.run()
    return app.return_code or 0


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
