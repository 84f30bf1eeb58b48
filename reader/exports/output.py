"""Writing an export to a file: all of it or nothing. The text goes to a temporary file in the
same folder, is flushed to disk, and then replaces the target in one step, so an interrupted
or failed export never leaves a half-written file (nor touches an existing one)."""
from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from reader.errors import ReaderError
from reader.fileio import create_new, discard, fsync_folder, replace_checked


def check_target(path: Path) -> Path:
    """The file an export will replace (a symlink's target), or a clear error before any work:
    an export goes to a new file or replaces a regular one, never a folder, a device or a pipe
    (which renaming over would have turned into a regular file)."""
    path = Path(path).expanduser()
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise ReaderError(f"{path}: cannot write ({e.strerror or e}).") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ReaderError(f"{path}: is a folder; give a file name for the export.")
    if mode is not None and not stat.S_ISREG(mode):
        raise ReaderError(f"{path}: is not a regular file (a device, a pipe or a socket); give the name of "
                          "a new or an ordinary file for the export.")
    parent = path.parent
    if not parent.exists():
        raise ReaderError(f"{path}: the folder {parent} does not exist.")
    if not parent.is_dir():
        raise ReaderError(f"{path}: {parent} is not a folder.")
    return path


@contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream (no newline translation) that becomes `path` only when the block
    ends without an error."""
    target = check_target(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd, written = create_new(tmp)
    except OSError as e:
        raise ReaderError(f"{target}: cannot write ({e.strerror or e}).") from None
    out = open(fd, "w", encoding="utf-8", newline="")
    try:
        with out:
            try:
                existing = target.stat()
            except OSError:
                existing = None
            if existing is not None:  # keep the permissions of the file being replaced
                os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            yield out
            out.flush()
            os.fsync(out.fileno())
        replace_checked(tmp, written, target)
    except OSError as e:
        discard(tmp)
        raise ReaderError(f"{target}: cannot write ({e.strerror or e}); nothing was changed.") from None
    except BaseException:
        discard(tmp)
        raise
    fsync_folder(target.parent)


def write_export(text: str, path: Path) -> Path:
    """Write an export's text to `path` atomically; returns the file written."""
    with atomic_text_file(path) as out:
        out.write(text)
    return check_target(path)
