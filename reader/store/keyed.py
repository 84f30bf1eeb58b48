"""TinyDB tables keyed by the ids we choose (statement ids, tag keys, article ids), never by
TinyDB's counter: `KeyedTable`, and `StoreDB`, the TinyDB whose tables they are."""
from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table


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
