"""`reader [PATH]` (or `reader open PATH`): the review screen (the bundled sample when no PATH);
`reader DIR`, `reader open FILE FILE …` and `reader open --list LIST.txt`: the queue of articles.

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
    parser.add_argument("paths", metavar="PATH", nargs="*",
                        help="an article file or address, - for standard input (default: the sample); "
                             "a folder, or several articles, opens the queue of them")
    parser.add_argument("--list", metavar="LIST.txt",
                        help="open the queue of the articles this file names, one path or address a line")


def run(args: argparse.Namespace, ctx: Context) -> int:
    config = ctx.config
    store = ctx.store  # a damaged or newer database stops us before the article is read
    paths: list[str] = args.paths
    queued = args.list is not None or len(paths) > 1 or (len(paths) == 1 and _is_folder(paths[0]))
    from reader.tui.app import ReaderApp  # Textual only when the screen is really needed

    if queued:
        from reader.review.queue import Queue, sources_from

        if "-" in paths:
            raise ReaderError("-: standard input cannot be part of a queue; save the article to a file.")
        app = ReaderApp(None, config, store, queue=Queue(sources_from(paths, args.list), config, store))
        source = None
    else:
        source = paths[0] if paths else None
        app = ReaderApp(ctx.article(source), config, store)  # checks config.yaml's keys:
    _need_terminal(source)
    # What is alive now (Textual's and reader's modules, settings, article) lives as long as
    # the process: out of the garbage collector's sight, the collections of the screen's
    # start-up are short (about a quarter of its CPU time otherwise).
    gc.freeze()
    app.run()
    return app.return_code or 0


def _is_folder(path: str) -> bool:
    return "://" not in path and os.path.isdir(os.path.expanduser(path))


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
