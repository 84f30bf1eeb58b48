"""A database file's bytes: strict UTF-8 JSON, compact, re-using the encoding of every document
that did not change since this process last wrote the file (`encode_reusing`), and
`WriteCache`, the files this process wrote last, parsed and encoded per document: under the
lock, a file whose bytes are exactly what we wrote is not parsed again, and only the documents
that changed are encoded again. It is what keeps a write to an article with a few hundred tags
close to the cost of one with none."""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.safe_text import printable
from reader.store import schema


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
class Written:
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
        self._items: OrderedDict[Path, Written] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, path: Path) -> Written | None:
        with self._lock:
            return self._items.pop(path, None)

    def put(self, path: Path, entry: Written) -> None:
        with self._lock:
            self._items[path] = entry
            while len(self._items) > self.size:
                self._items.popitem(last=False)
