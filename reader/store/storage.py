"""TinyDB made safe: atomic, durable writes of one small file, checked reads, one lock.

`SafeStorage` is a TinyDB `Storage`. It reads its file once per use (checking it parses, has
the expected kind and a schema version this reader knows, migrating older ones) and keeps
TinyDB's writes in memory until `commit()`, which replaces the file atomically:

    write <dir>/.<name>.tmp, flush, fsync  ->  os.replace over <name>  ->  fsync <dir>

so the file on disk is always either the old complete version or the new complete one, and
it is on disk before `commit()` returns. A file that cannot be read as a reader database
raises `ReaderError` naming it, and nothing is ever written over it.

Writers hold `DatabaseLock` (a `filelock` lock on `<folder>/.lock`) across the whole
read-modify-write, so two processes never lose each other's updates. Readers take no lock:
`os.replace` means they always see a whole file. Documents are keyed by their natural ids
(statement id, article id), never by TinyDB's counter, and every transaction builds a fresh
TinyDB, so no cached id or query result outlives the lock.

`WriteCache` keeps the files this process wrote last, parsed and encoded per document: under
the lock, a file whose bytes are exactly what we wrote is not parsed again, and only the
documents that changed are encoded again. It is what keeps a write to an article with a few
hundred tags close to the cost of one with none.
"""
from __future__ import annotations

import copy
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from reader.errors import CannotWrite, ReaderError
from reader.safe_text import encodable, printable
from reader.fileio import create_new, discard, fsync_folder, read_regular, reading_error, replace_checked
from reader.store import schema

LOCK_NAME = ".lock"
LOCK_TIMEOUT = 30.0  # seconds to wait for another reader process before giving up


class KeyedTable(Table):
    """A TinyDB table whose document ids are strings we choose (statement or article ids).

    `update` (and so `upsert`) replaces a changed document with a new dict instead of changing
    it in place, so a document that did not change keeps its identity: SafeStorage uses that
    to re-use its JSON encoding from the previous write."""

    # TinyDB annotates document ids as int everywhere, although `document_id_class` picks their
    # type at run time; `doc`, `has` and `put` are where our str ids meet those
    # annotations, so the rest of the store calls typed methods.
    document_id_class = str  # type: ignore[assignment]  # TinyDB declares type[int]; str is the class it lets a table choose

    def doc(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        found: Document | None = self.get(doc_id=doc_id)  # type: ignore[call-overload]  # TinyDB types doc_id as int; ours are str
        return found

    def has(self, doc_id: str) -> bool:
        return self.contains(doc_id=doc_id)  # type: ignore[arg-type]  # TinyDB types doc_id as int; ours are str

    def put(self, doc_id: str, fields: Mapping[str, Any]) -> None:
        """Insert or replace the document with this id."""
        self.upsert(Document(fields, doc_id=doc_id))  # type: ignore[arg-type]  # TinyDB types doc_id as int; ours are str

    def items(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """(doc id, document) in the order first put; the documents as stored, not copies (read
        them, never change them)."""
        for doc_id, doc in self._read_table().items():
            yield str(doc_id), doc

    def _get_next_id(self) -> Any:
        raise RuntimeError("reader's tables are keyed: insert with put(doc_id, fields)")

    def update(self, fields: Any, cond: Any = None, doc_ids: Any = None) -> list[Any]:
        def changed(doc: Mapping[str, Any]) -> dict[str, Any]:
            new = copy.deepcopy(dict(doc))
            if callable(fields):
                fields(new)
            else:
                new.update(fields)
            return new

        wanted = None if doc_ids is None else [str(i) for i in doc_ids]
        done: list[Any] = []

        def updater(table: dict[Any, Any]) -> None:
            for doc_id in wanted if wanted is not None else list(table):
                if doc_id in table and (wanted is not None or cond is None or cond(table[doc_id])):
                    table[doc_id] = changed(table[doc_id])
                    done.append(doc_id)

        self._update_table(updater)
        return done

    def put_many(self, documents: Mapping[str, Mapping[str, Any]]) -> None:
        """Insert or replace these documents (doc id -> fields) in one pass over the table
        (`upsert` goes over the whole table once per document)."""
        if not documents:
            return

        def updater(table: dict[Any, Any]) -> None:
            for doc_id, doc in documents.items():
                table[str(doc_id)] = dict(doc)

        self._update_table(updater)

    def discard(self, doc_ids: Iterable[str]) -> None:
        """Remove these documents where present, in one pass (TinyDB's `remove` raises
        KeyError for an id that is not there)."""
        gone = [doc_id for doc_id in map(str, doc_ids) if self.has(doc_id)]
        if not gone:
            return

        def updater(table: dict[Any, Any]) -> None:
            for doc_id in gone:
                table.pop(doc_id, None)

        self._update_table(updater)

    def update_multiple(self, updates: Any) -> list[Any]:
        raise NotImplementedError("use update() on a reader table")


class StoreDB(TinyDB):
    table_class = KeyedTable

    def table(self, name: str, **kwargs: Any) -> KeyedTable:
        table = super().table(name, **kwargs)
        assert isinstance(table, KeyedTable)  # table_class makes every table one
        return table


# --- files -------------------------------------------------------------------------------

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
    staged = Staged(path, *write_temp(path, data, durable=durable))
    try:
        staged.publish()
    except OSError as e:
        staged.discard()
        raise CannotWrite(f"{path}: cannot write ({e.strerror or e}); nothing was changed.") from None
    if durable:
        fsync_folder(path.parent)


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


# UTF-8, strictly: text that cannot be written as UTF-8 (a lone surrogate) is refused here, the
# one door every write goes through, so no file can hold what every later export would choke on
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False)
_dumps = _ENCODER.encode


class NotUnicode(Exception):
    """A document holds a str that cannot be written as UTF-8; the message shows where."""

    def refusal(self, path: Path) -> ReaderError:
        return ReaderError(f"{path}: cannot save text that is not valid Unicode (a lone surrogate, shown "
                           f"as �, in “{self}”); nothing was changed.")


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        around = text[max(0, e.start - 30):e.end + 30]
        raise NotUnicode(printable(around)) from None


def encode(document: schema.Document) -> bytes:
    return _utf8(_dumps(document))


Encoded = dict[tuple[str, str], tuple[Any, str]]  # (table, doc id) -> (the document object, '"id":{json}')


def encode_reusing(document: schema.Document, previous: Encoded) -> tuple[bytes, Encoded]:
    """`encode(document)`, re-using the JSON of every document that is the very object encoded
    last time (KeyedTable replaces changed documents, so an unchanged identity means unchanged
    content): one tag write encodes one tag, not the whole article's."""
    now: Encoded = {}
    tables = []
    for name, table in document.items():
        docs = []
        for doc_id, doc in table.items():
            key = (name, doc_id)
            seen = previous.get(key)
            text = seen[1] if seen is not None and seen[0] is doc else f"{_dumps(doc_id)}:{_dumps(doc)}"
            now[key] = (doc, text)
            docs.append(text)
        tables.append(f"{_dumps(name)}:{{{','.join(docs)}}}")
    return _utf8("{" + ",".join(tables) + "}"), now


@dataclass
class _Written:
    raw: bytes  # the file's bytes as this process last wrote them
    data: schema.Document  # those bytes, parsed
    encoded: Encoded = field(default_factory=dict)
    version: int = schema.CURRENT


class WriteCache:
    """The last few files this process wrote, so the next write to one of them skips parsing
    and re-encoding it. An entry is used only if the file's bytes on disk are exactly the
    bytes we wrote (so another process's change is always seen), only by writers holding the
    lock, and is taken out while in use (a failed write leaves nothing stale behind)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._items: OrderedDict[Path, _Written] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, path: Path) -> _Written | None:
        with self._lock:
            return self._items.pop(path, None)

    def put(self, path: Path, entry: _Written) -> None:
        with self._lock:
            self._items[path] = entry
            while len(self._items) > self.size:
                self._items.popitem(last=False)


# --- the TinyDB storage ------------------------------------------------------------------

class SafeStorage(Storage):
    """One reader database file as TinyDB storage: checked read, buffered write, atomic commit.

    Read once per use; TinyDB's writes stay in memory until `commit()`, so a transaction's
    changes to the file land together or not at all. One commit per storage."""

    def __init__(self, path: Path, kind: str, cache: WriteCache | None = None, **meta: Any) -> None:
        self.path = path
        self.kind = kind
        self.meta = meta
        self._cache = cache
        self._data: schema.Document | None = None
        self._loaded = False
        self._dirty = False
        self._committed = False
        self._read_version: int | None = None
        self._raw: bytes | None = None
        self._encoded: Encoded = {}

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            raw = read_raw(self.path)
            hit = self._cache.take(self.path) if self._cache is not None else None
            if raw is None:
                self._data = None
            elif hit is not None and hit.raw == raw and hit.version == schema.CURRENT:
                self._data, self._read_version, self._encoded = hit.data, schema.CURRENT, hit.encoded
            else:
                self._data, self._read_version = parse_document(raw, self.path, self.kind)
            self._raw = raw
            self._loaded = True
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._committed:
            raise RuntimeError(f"{self.path}: this storage was already committed")
        self._data = data
        self._dirty = True

    @property
    def exists(self) -> bool:
        return self.read() is not None

    def commit(self, *, durable: bool = True) -> None:
        """Write what TinyDB changed, atomically; nothing happens when nothing changed."""
        staged = self.stage(durable=durable)
        if staged is None:
            return
        try:
            staged.publish()
        except OSError as e:
            staged.discard()
            raise CannotWrite(f"{self.path}: cannot write ({e.strerror or e}); nothing was changed.") from None
        if durable:
            fsync_folder(self.path.parent)

    def stage(self, *, durable: bool = True) -> Staged | None:
        """The first half of `commit()`, for writing several files together: what TinyDB
        changed, encoded and in the file's temporary file on disk (fsynced), the file itself
        untouched until `Staged.publish()`; None when nothing changed. `Staged.discard()`
        drops it. The caller fsyncs the folder after publishing."""
        if self._committed:
            raise RuntimeError(f"{self.path}: this storage was already committed")
        if not self._dirty or self._data is None:
            return None
        data = self._data
        data[schema.META] = schema.meta(self.kind, **self.meta)
        if self._read_version is not None and self._read_version < schema.CURRENT and self._raw is not None:
            backup = self.path.with_name(f"{self.path.name}.schema-v{self._read_version}.bak")
            if not backup.exists():
                atomic_write(backup, self._raw, durable=durable)
        try:
            raw, encoded = encode_reusing(data, self._encoded)
        except NotUnicode as e:
            raise e.refusal(self.path) from None
        tmp, written = write_temp(self.path, raw, durable=durable)
        self._committed = True
        self._dirty = False
        entry = _Written(raw, data, encoded, schema.CURRENT) if self._cache is not None else None
        return Staged(self.path, tmp, written, self._cache, entry)


@dataclass
class Staged:
    """A file written to its temporary file and not yet renamed over the real one."""

    path: Path
    tmp: Path
    written: tuple[int, int]  # the temporary file's (device, inode)
    cache: WriteCache | None = None
    entry: _Written | None = None  # what to remember once published (None: nothing)

    def publish(self) -> None:
        """Rename the temporary file over the real one, checked (OSError if that fails or if
        the file renamed is not the one written; the caller fsyncs the folder afterwards to
        make the rename durable)."""
        replace_checked(self.tmp, self.written, self.path)
        if self.cache is not None and self.entry is not None:
            self.cache.put(self.path, self.entry)
        self.entry = None

    def forget(self) -> None:
        """Do not keep this file's parsed form in the write cache (saves memory in big batches)."""
        self.entry = None

    def discard(self) -> None:
        discard(self.tmp)
        self.entry = None


def open_db(path: Path, kind: str, cache: WriteCache | None = None, **meta: Any) -> tuple[StoreDB, SafeStorage]:
    """A fresh TinyDB on one file. Pass `cache` only while holding the lock."""
    storage = SafeStorage(path, kind, cache, **meta)
    db = StoreDB(storage=lambda: storage)
    return db, storage


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


# --- the lock ----------------------------------------------------------------------------

class DatabaseLock:
    """Held across every read-modify-write: one writer at a time, across threads and processes.
    `held_elsewhere` is True while a writer of this process waits for the lock file another
    process holds (filelock tells: a first try that does not wait fails)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._thread_lock = threading.RLock()
        self._file_lock: FileLock | None = None
        self.held_elsewhere = False

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._thread_lock:
            if self._file_lock is None:
                make_folder(self.folder)
                self._file_lock = FileLock(self.folder / LOCK_NAME, timeout=LOCK_TIMEOUT,
                                           thread_local=False, poll_interval=0.002,
                                           preserve_lock_file=True)
            try:
                self._acquire(self._file_lock)
            except Timeout:
                raise ReaderError(f"{self.folder / LOCK_NAME}: another reader process has held the tag "
                                  f"database lock for {LOCK_TIMEOUT:.0f} seconds; try again.") from None
            except OSError as e:
                raise CannotWrite(f"{self.folder / LOCK_NAME}: cannot lock the tag database "
                                  f"({e.strerror or e}).") from None
            try:
                yield
            finally:
                self._file_lock.release()

    def _acquire(self, lock: FileLock) -> None:
        try:
            lock.acquire(blocking=False)
            return
        except Timeout:
            self.held_elsewhere = True
        try:
            lock.acquire()
        finally:
            self.held_elsewhere = False
