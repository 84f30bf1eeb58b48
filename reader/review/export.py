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


def exports_folder(session: ReviewSession) -> Path:
    """Where the screen's exports go: config.yaml's exports.folder, else the `exports` folder
    beside the tag database's index, or in the data folder for a database on a server (never the
    current folder by accident)."""
    folder = session.config.exports_folder or session.saver.store.backend.home / "exports"
    return folder.expanduser().absolute()


def default_path(session: ReviewSession, fmt: str) -> Path:
    """Where an export goes unless the reviewer says otherwise: the exports folder, a file
    named from the article's title."""
    from reader.exports import get_format

    if session.record is not None:
        name = suggested_filename(session.record, fmt)
    else:
        name = f"{session.article.id[:12]}-tags{get_format(fmt).suffix}"
    return exports_folder(session) / name


def queue_export(session: ReviewSession, fmt: str, path: Path, *, done: Callable[[object], None],
                 failed: Callable[[str], None]) -> None:
    """Queue the export of this article as `fmt` into `path`; `done` gets the file written.
    The exports folder is made when first used; any other folder must exist."""
    aid, config, engine = session.article.id, session.config, list(session.state.engine)
    made = exports_folder(session)

    def run(store: TagStore) -> Path:  # the saver calls its writes with the opened store
        if path.parent == made:
            made.mkdir(parents=True, exist_ok=True)
        return export_to_file(store, config, [aid], fmt, path, statements={aid: engine})

    session.saver.submit(Write("", f"export {fmt} to {path}", run, keep=False, done=done, failed=failed))
