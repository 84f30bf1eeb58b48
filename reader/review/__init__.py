"""A review session: one article's statements, tags, filter and undo history, in plain Python.

The review screen (reader.tui) is a view of a `ReviewSession`; nothing here imports the UI.
The names below are imported on first use, so that `reader.review.prefetch` (all that the
start-up's second process needs from here) does not bring in the session and its records.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.review.saver import SaveResult, Saver, StoreHandle, Write
    from reader.review.session import ALL, Filter, Refused, ReviewSession

_WHERE = {"SaveResult": "saver", "Saver": "saver", "StoreHandle": "saver", "Write": "saver",
          "ALL": "session", "Filter": "session", "Refused": "session", "ReviewSession": "session"}

__all__ = ["ALL", "Filter", "Refused", "ReviewSession", "SaveResult", "Saver", "StoreHandle", "Write"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'reader.review' has no attribute {name!r}")
    value = getattr(import_module(f"reader.review.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
