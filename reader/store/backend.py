"""The seam between the tag store's rules and where its records live.

`TagStore` (store.py, with reading.py and registering.py) holds every rule: what a write reads
and changes, merging, re-anchoring, numbering, counting. It reaches its records only through
the `Backend` below, so the same rules run on both backends and are written once:

- `FileBackend` (files.py): a folder of small TinyDB files, one per article, locked with a
  file lock; the embedded default for one reviewer.
- `ServerBackend` (server/): a PostgreSQL database shared by a desk of reviewers.

What a backend keeps is the same on both: per article, named tables of keyed JSON documents
(tags, orphans, added statements, corrections, resolutions, the engine's statement ids), an
index of article records, and each article's text. A backend may store a table relationally
(columns) as long as a document put comes back as the same document.

A write is `with backend.writing() as w:`: every article opened with `w.article(id)` is held
against other writers (the file lock; a row lock on the server) from then until the block ends,
so a read-modify-write of it sees what others saved and nobody writes in between. `w.save()`
makes a changed article durable; when the block ends without an exception, everything saved
is durable, before the store's call returns. An exception drops what was not yet saved (on the
server, the whole block: it is one transaction). Open several articles of one write in sorted
order of their ids: writers that open the same ones then never wait on each other in a circle.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from reader.errors import ReaderError
from reader.store import schema

Doc = Mapping[str, Any]

# An article's tables. Tags are keyed by statement and reviewer (schema.tag_key); orphans by
# their content (registering.orphan_key); POSITIONS (where each reviewer left the article) by
# reviewer; the rest by statement id, ENGINE by ENGINE_IDS alone.
TAGS, ORPHANS, ADDED, LOST_ADDED, SPEAKERS, DISMISSED, REVISED, RESOLUTIONS, ENGINE, POSITIONS = (
    schema.TAGS, "orphans", "added", "lost_added", "speakers", "dismissed", "revised", "resolutions", "engine",
    "positions")
ARTICLE_TABLES = (TAGS, ORPHANS, ADDED, LOST_ADDED, SPEAKERS, DISMISSED, REVISED, RESOLUTIONS, ENGINE, POSITIONS)
ENGINE_IDS = "ids"  # ENGINE's one document: the engine's statement ids at the last registration
ARTICLES = "articles"  # the index's one table: article id -> its record


def damaged_text(where: str) -> ReaderError:
    return ReaderError(f"{where}: is damaged (the stored text does not match its article id); it was left as it is.")


class Table(Protocol):
    """Documents keyed by strings we choose (statement ids, tag keys, article ids), kept in the
    order first put."""

    def doc(self, key: str) -> Doc | None:
        """The document with this key, or None."""

    def has(self, key: str) -> bool: ...

    def items(self) -> Iterable[tuple[str, Doc]]:
        """(key, document) in the order first put."""

    def __len__(self) -> int: ...

    def put(self, key: str, doc: Doc) -> None:
        """Insert or replace the document with this key."""

    def put_many(self, docs: Mapping[str, Doc]) -> None: ...

    def discard(self, keys: Iterable[str]) -> None:
        """Remove the documents with these keys, where present."""


class Records(Protocol):
    """One article's tables (or the index's one table, ARTICLES)."""

    @property
    def article_id(self) -> str:
        """The article these records are of ("" for the index)."""

    @property
    def where(self) -> str:
        """Where they are, as messages name it: the file, or the server and the article."""

    @property
    def exists(self) -> bool:
        """Whether anything is stored (a file, or a row in any table)."""

    def table(self, name: str) -> Table: ...

    def clear(self) -> None:
        """Empty every table."""


class Writer(Protocol):
    """One write's view of the database, holding what it opened (see the module docstring)."""

    def article(self, article_id: str) -> Records:
        """The article's records as they are now, held against other writers until the write ends."""

    def index(self) -> Records:
        """The index of articles (table ARTICLES), held likewise."""

    def add_text(self, article_id: str, text: str) -> None:
        """Keep the article's text; nothing happens when it is already kept (its id is its hash)."""

    def save(self, records: Records, *, batch: bool = False) -> None:
        """Make the changes to these records durable now; with `batch`, together with the rest
        of the batch when the write ends (each article whole; see `TagStore.update`)."""


class Backend(Protocol):
    @property
    def root(self) -> Path | str:
        """The location as given: the folder (or .json file), or the server's address."""

    @property
    def location(self) -> str:
        """The location as messages show it (never with a password)."""

    @property
    def home(self) -> Path:
        """A folder of this machine that goes with the database (exports from the screen go in
        its `exports` folder)."""

    def where(self, article_id: str, what: str = "article") -> str:
        """Where an article's records (`what` "article") or text ("text") are, or the index
        ("index", article_id ""), as messages name them; ValueError for what is not an article id."""

    def article(self, article_id: str) -> Records:
        """The article's records as they are now, read whole and consistent, not held."""

    def articles(self, article_ids: Sequence[str], *, brief: bool = False, texts: bool = False
                 ) -> Iterator[Records]:
        """`article` of each of these, in this order (a server reads many in one statement).
        `brief`: only a tag's statement_id and reviewer are needed, so its documents may hold
        just those (a server sends no more; a file is read whole anyway). `texts`: each one's
        `text` is asked for next, so a server sends it along (and `text` then answers at once)."""

    def index(self) -> Table:
        """The index of articles as it is now (ARTICLES), not held."""

    def text(self, article_id: str) -> str | None:
        """The article's text as kept (None: not kept); the store checks it against its id."""

    def writing(self) -> AbstractContextManager[Writer]: ...

    def lock_held_elsewhere(self) -> bool | None:
        """Whether a write of this process now waits for a lock another process holds (None:
        this backend cannot tell)."""

    def article_ids(self) -> Iterator[str]:
        """Every article with records or a text, sorted (for copying a database whole)."""

    def close(self) -> None:
        """Let go of connections and files (the store opens them again when used)."""


def open_backend(location: Path | str) -> Backend:
    """The backend for a location: a postgresql:// address is a server, anything else a folder
    or a .json file (an address of another kind is refused before this, by the caller)."""
    from reader import paths

    if isinstance(location, str) and paths.is_server(location):
        from reader.store.server import ServerBackend

        return ServerBackend(location)
    from reader.store.files import FileBackend

    return FileBackend(Path(location))
