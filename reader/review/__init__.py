"""A review session: one article's statements, tags, filter and undo history, in plain Python.

The review screen (reader.tui) is a view of a `ReviewSession`; nothing here imports the UI.
"""
from reader.review.saver import SaveResult, Saver, Write
from reader.review.session import ALL, Filter, Refused, ReviewSession

__all__ = ["ALL", "Filter", "Refused", "ReviewSession", "SaveResult", "Saver", "Write"]
