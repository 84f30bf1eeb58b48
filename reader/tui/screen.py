"""The review screen: the core (reader.tui.review) and its changes (reader.tui.changes), with
tagging (reader.tui.tagging), its dialogs' flows (reader.tui.flows), search (reader.tui.search)
and moves through the queue (reader.tui.moves)."""
from __future__ import annotations

from reader.tui.flows import DialogFlows
from reader.tui.keymap import KeySpec
from reader.tui.moves import QueueMoves
from reader.tui.review import Extractor, ReviewBase
from reader.tui.search import Search
from reader.tui.tagging import Tagging

__all__ = ["Extractor", "ReviewBase", "ReviewScreen", "screen_class"]


class ReviewScreen(Tagging, QueueMoves, Search, DialogFlows):
    """The review screen; see reader.tui.review."""


def screen_class(specs: tuple[KeySpec, ...]) -> type[ReviewScreen]:
    """The review screen with one binding per screen action of the key table (category keys
    come from the config, so the class is made per config)."""
    bindings = [s.binding() for s in specs if s.where == "screen"]
    return type("ReviewScreen", (ReviewScreen,), {"BINDINGS": bindings})
