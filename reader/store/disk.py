"""One database file on disk: read and checked (`parse_document`: a reader database file of a
schema version this reader knows, older ones migrated), written atomically, folders made
durably. An atomic write is

    write <dir>/.<name>.tmp, flush, fsync  ->  os.replace over <name>  ->  fsync <dir>

so the file on disk is always either the old complete version or the new complete one, and
it is on disk before the write returns (`Staged` is a file between the two halves, for
writing several together). A file that cannot be read as a reader database raises
`ReaderError` naming it, and nothing is ever written over it."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import CannotWrite, ReaderError
from reader.fileio import create_new, discard, fsync_folder, read_regular, reading_error, replace_checked
from reader.safe_text import encodable
from reader.store import schema
from reader.store.encoding import NotUnicode, WriteCache, Written, encode


def read_raw(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return read_regular(path, what="a reader database file")
    except OSError as e:
        raise reading_error(path, e) from None


def parse_document(raw: bytes, path: Path, kind: str) -> tuple[schema.Document, int]:
    """The file's tables at the current schema and the version it was read at; ReaderError
    naming the file for anything that is not a reader database file this reader can read."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReaderError(f"{path}: is not a reader database file (not UTF-8 text); "
                          "it was left as it is.") from None
    except json.JSONDecodeError as e:
        raise ReaderError(f"{path}: is damaged (not valid JSON: {e.msg} at line {e.lineno}, "
                          f"column {e.colno}); it was left as it is for you to inspect.") from None
    except (RecursionError, ValueError):  # nested a thousand deep, or a number thousands of digits long
        raise ReaderError(f"{path}: is damaged (not a reader database file: nested too deep or a number "
                          "too long); it was left as it is for you to inspect.") from None
    if not isinstance(document, dict) or not all(
            isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in document.values()):
        raise ReaderError(f"{path}: is not a reader database file (not a JSON object of tables); "
                          "it was left as it is.")
    if (b"\\ud" in raw or b"\\uD" in raw) and not encodable(json.dumps(document, ensure_ascii=False)):
        raise ReaderError(f"{path}: is damaged (it holds text that is not valid Unicode, a lone surrogate); "
                          "it was left as it is.")
    try:
        return schema.upgrade(document, kind)
    except schema.SchemaError as e:
        raise ReaderError(f"{path}: {e}; it was left as it is.") from None


def load_document(path: Path, kind: str) -> schema.Document | None:
    """The file's tables at the current schema, or None when it does not exist."""
    raw = read_raw(path)
    return None if raw is None else parse_document(raw, path, kind)[0]


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one."""
    Staged(path, *write_temp(path, data, durable=durable)).put_in_place(durable=durable)


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def write_temp(path: Path, data: bytes, *, durable: bool = True) -> tuple[Path, tuple[int, int]]:
    """The first half of an atomic write: `data` in `path`'s temporary file (same folder),
    flushed and fsynced; `path` itself is untouched. Returns the temporary file and its
    identity (for the checked rename). On failure the temporary file is removed and
    ReaderError says nothing was changed.

    The temporary file's name is fixed and every writer holds the database lock, so one found
    there was left by a writer that died, or planted: it is removed (a symbolic link itself,
    never what it points to) and the file is created anew, exclusively and without following
    links."""
    tmp = temp_path(path)
    try:
        try:
            fd, written = create_new(tmp)
        except FileExistsError:
            os.unlink(tmp)
            fd, written = create_new(tmp)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as e:
        discard(tmp)
        raise CannotWrite(f"{path}: cannot write ({e.strerror or e}); nothing was changed.") from None
    return tmp, written


def make_folder(folder: Path) -> None:
    """Create `folder` (and its parents) durably, or say clearly why it cannot be."""
    if folder.is_dir():
        return
    missing = []
    at = folder
    while not at.exists():
        missing.append(at)
        if at.parent == at:
            break
        at = at.parent
    if not at.is_dir():
        raise ReaderError(f"{at}: is a file, so the tag database folder {folder} cannot be created.")
    for new in reversed(missing):
        try:
            new.mkdir()
        except FileExistsError:
            if not new.is_dir():
                raise ReaderError(f"{new}: is a file where the tag database folder should be.") from None
        except OSError as e:
            raise CannotWrite(f"{new}: cannot create the tag database folder ({e.strerror or e}).") from None
        fsync_folder(new.parent)


@dataclass
class Staged:
    """A file written to its temporary file and not yet renamed over the real one."""

    path: Path
    tmp: Path
    written: tuple[int, int]  # the temporary file's (device, inode)
    cache: WriteCache | None = None
    entry: Written | None = None  # what to remember once published (None: nothing)

    def publish(self) -> None:
        """Rename the temporary file over the real one, checked (OSError if that fails or if
        the file renamed is not the one written; the caller fsyncs the folder afterwards to
        make the rename durable)."""
        replace_checked(self.tmp, self.written, self.path)
        if self.cache is not None and self.entry is not None:
            self.cache.put(self.path, self.entry)
        self.entry = None

    def put_in_place(self, *, durable: bool = True) -> None:
        """Publish alone (not with other files): CannotWrite naming the file if the rename
        fails, the temporary file removed and the real one untouched; with `durable`, the
        folder fsynced so the rename survives a crash."""
        try:
            self.publish()
        except OSError as e:
            self.discard()
            raise CannotWrite(f"{self.path}: cannot write ({e.strerror or e}); nothing was changed.") from None
        if durable:
            fsync_folder(self.path.parent)

    def forget(self) -> None:
        """Do not keep this file's parsed form in the write cache (saves memory in big batches)."""
        self.entry = None

    def discard(self) -> None:
        discard(self.tmp)
        self.entry = None


def write_document(path: Path, kind: str, tables: dict[str, dict[str, Any]], *,
                   durable: bool = True, **meta: Any) -> None:
    """Write a whole file at once (new files, bulk loads); callers hold the lock."""
    data = dict(tables)
    data[schema.META] = schema.meta(kind, **meta)
    try:
        raw = encode(data)
    except NotUnicode as e:
        raise e.refusal(path) from None
    atomic_write(path, raw, durable=durable)
