"""Files as every part of reader reads and writes them: one sentence for each way reading can
fail, and the pieces of an atomic write. Plain Python, no UI imports."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reader.errors import ReaderError

# A new file is created here and now (O_EXCL) and never through a symbolic link planted in its
# place (O_NOFOLLOW): a folder others can write to cannot make reader write somewhere else.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


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


def create_new(path: Path, mode: int = 0o666) -> tuple[int, tuple[int, int]]:
    """Open a file that did not exist for writing; returns the descriptor and the file's
    identity (device, inode) for `replace_checked`. OSError when `path` exists in any form,
    a symbolic link included."""
    fd = os.open(path, _NEW_FILE, mode)
    info = os.fstat(fd)
    return fd, (info.st_dev, info.st_ino)


def replace_checked(tmp: Path, written: tuple[int, int], target: Path) -> None:
    """Rename `tmp` over `target`, making sure what is renamed, and what `target` then is, is
    the regular file we wrote (`written`, from `create_new`), not something swapped in by
    whoever else can write to the folder. OSError when the rename fails or the check does."""
    _check_is(tmp, written)
    os.replace(tmp, target)
    _check_is(target, written)


def _check_is(path: Path, written: tuple[int, int]) -> None:
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != written:
        raise OSError(errno.EPERM, "the file being written was replaced by another one meanwhile "
                                   "(can someone else write to this folder?)", str(path))


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
