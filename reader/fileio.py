"""Files as every part of reader reads and writes them: one sentence for each way reading can
fail, and the pieces of an atomic write. Plain Python, no UI imports."""
from __future__ import annotations

import os
from pathlib import Path

from reader.errors import ReaderError


def read_file(path: Path, *, what: str, limit: int | None = None) -> bytes:
    """A file's bytes, or a ReaderError naming it: missing, a folder, too big, not readable.
    `what` names the kind of file in messages ("an article file", "an import file")."""
    try:
        if path.is_dir():
            raise ReaderError(f"{path}: is a folder, not {what}.")
        if limit is not None:
            size = path.stat().st_size
            if size > limit:
                raise ReaderError(f"{path}: is {size // 2**20} MB, more than reader reads as {what} "
                                  f"({limit // 2**20} MB).")
        return path.read_bytes()
    except OSError as e:
        raise reading_error(path, e) from None


def reading_error(path: Path, e: OSError) -> ReaderError:
    """The one sentence for a file that could not be read."""
    if isinstance(e, FileNotFoundError):
        return ReaderError(f"{path}: no such file.")
    if isinstance(e, PermissionError):
        return ReaderError(f"{path}: permission denied.")
    return ReaderError(f"{path}: cannot read ({e.strerror or e}).")


def discard(path: Path) -> None:
    """Remove a temporary file that will not be used, if it is there."""
    try:
        path.unlink()
    except OSError:
        pass


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in `folder` durable (a no-op where folders cannot be
    opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
