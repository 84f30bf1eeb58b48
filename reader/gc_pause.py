"""The cycle collector paused for work that builds many objects with no reference cycles.

The engine pauses it while it extracts (millions of short-lived tokens and matches). Commands
that read a whole database at once (`reader agreement --all`: 1,000 article files, 300,000 tags)
build hundreds of thousands of small records that hold no reference cycles, and
Python's cycle collector walks them again and again as they pile up: a fifth of that command's
time, for nothing it could free. Such a command runs with the collector paused (plain reference
counting still frees everything at once; the peak memory measured the same): the command
registry marks it (`whole_database`, reader.cli.commands) and `reader.cli.main` pauses it, only
where `python -m bench desk_reads` / `agreement` measured a gain."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector held off for the block, and restored as it was after it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
