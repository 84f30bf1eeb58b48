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
    """A regular file's bytes, or a ReaderError naming it: missing, a folder, a device or a
    pipe, too big, not readable. `what` names the kind of file in messages ("an article
    file", "an import file"). At most `limit` bytes are ever read, whatever the file claims."""
    try:
        data = read_regular(path, what=what, limit=limit)
    except OSError as e:
        raise reading_error(path, e) from None
    if data is None:
        raise ReaderError(f"{path}: no such file.")
    return data


def read_regular(path: Path, *, what: str, limit: int | None = None) -> bytes | None:
    """A regular file's bytes (None when there is no such file). Devices (/dev/zero), pipes
    and sockets are refused with a ReaderError before anything is read (opening does not wait
    for a pipe's writer), as is a file over `limit` bytes, counted while reading. Other
    failures raise OSError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ReaderError(f"{path}: is a folder, not {what}.") from None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReaderError(f"{path}: is a folder, not {what}.")
        raise ReaderError(f"{path}: is {_kind(info.st_mode)}, not {what}; reader reads regular files only.")
    with os.fdopen(fd, "rb") as f:
        if limit is None:
            return f.read()
        data = f.read(limit + 1) if info.st_size <= limit else b""  # what it says it holds is too much
        if info.st_size > limit:
            raise ReaderError(f"{path}: is {info.st_size // 2**20} MB, more than reader reads as {what} "
                              f"({limit // 2**20} MB).")
        if len(data) > limit:
            raise ReaderError(f"{path}: grew past {limit // 2**20} MB while being read, more than reader reads "
                              f"as {what}.")
        return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


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
