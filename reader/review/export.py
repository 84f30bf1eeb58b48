"""Exporting the article under review from the screen, through reader.exports.

The export reads the store, so it is queued behind the reviewer's pending writes: it runs
only once everything on screen has been saved, and a failed export is reported and dropped
without holding up later saves.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.exports import FORMATS, export_to_file, suggested_filename
from reader.review.saver import Write
from reader.review.session import ReviewSession

if TYPE_CHECKING:
    from reader.store import TagStore


def formats() -> list[tuple[str, str]]:
    """(name, description) of every export format, in the registry's order."""
    return [(f.name, f.description) for f in FORMATS.values()]


def default_path(session: ReviewSession, fmt: str, folder: Path | None = None) -> Path:
    """Where an export goes unless the reviewer says otherwise: the current folder."""
    from reader.exports import get_format

    if session.record is not None:
        name = suggested_filename(session.record, fmt)
    else:
        name = f"{session.article.id[:12]}-tags{get_format(fmt).suffix}"
    return (folder or Path.cwd()) / name


def queue_export(session: ReviewSession, fmt: str, path: Path, *, done: Callable[[object], None],
                 failed: Callable[[str], None]) -> None:
    """Queue the export of this article as `fmt` into `path`; `done` gets the file written."""
    aid, config, engine = session.article.id, session.config, list(session.state.engine)

    def run(store: TagStore) -> Path:  # the saver calls its writes with the opened store
        return export_to_file(store, config, [aid], fmt, path, statements={aid: engine})

    session.saver.submit(Write("", f"export {fmt} to {path}", run, keep=False, done=done, failed=failed))
