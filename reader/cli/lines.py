"""Plain lines for people, the one way the command line prints text that is not a table
(tables go through `render.literal`): file names, ids, notes and servers' answers come from
outside, so they pass through `printable` and can never reach the terminal as a control
sequence (a title change, a clipboard write, a cleared screen). No Rich here: the commands that
print only lines start without it."""
from __future__ import annotations

import sys

from reader.safe_text import printable


def say(line: str) -> None:
    """A line of a command's output, on stdout."""
    print(printable(line))


def warn(line: str) -> None:
    """A warning on stderr: `reader: warning: …`, one line."""
    print(f"reader: warning: {one_line(line)}", file=sys.stderr)


def tell(line: str) -> None:
    """A note or an error on stderr: `reader: …`, one line."""
    print(f"reader: {one_line(line)}", file=sys.stderr)


def one_line(text: str) -> str:
    return printable(text.replace("\r\n", " ").replace("\n", " "))
