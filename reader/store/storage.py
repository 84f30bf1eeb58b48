"""TinyDB made safe: `SafeStorage` is a TinyDB `Storage` for one reader database file.

It reads its file once per use (checked, migrated: disk.parse_document) and keeps TinyDB's
writes in memory until `commit()`, which replaces the file atomically (disk.py), so a
transaction's changes land together or not at all. Writers hold the database lock (lock.py)
across the whole read-modify-write. Documents are keyed by their natural ids (statement id,
article id), never by TinyDB's counter (keyed.py), and every transaction builds a fresh TinyDB,
so no cached id or query result outlives the lock. Under the lock, the write cache
(encoding.py) spares parsing and re-encoding a file this process wrote last.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reader.store import schema
from reader.store.disk import Staged, atomic_write, parse_document, read_raw, write_temp
from reader.store.encoding import Encoded, NotUnicode, WriteCache, Written, encode_reusing
from reader.store.keyed import StoreDB


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
        if staged is not None:
            staged.put_in_place(durable=durable)

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
        entry = Written(raw, data, encoded, schema.CURRENT) if self._cache is not None else None
        return Staged(self.path, tmp, written, self._cache, entry)


def open_db(path: Path, kind: str, cache: WriteCache | None = None, **meta: Any) -> tuple[StoreDB, SafeStorage]:
    """A fresh TinyDB on one file. Pass `cache` only while holding the lock."""
    storage = SafeStorage(path, kind, cache, **meta)
    db = StoreDB(storage=lambda: storage)
    return db, storage
