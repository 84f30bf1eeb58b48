"""The file backend: the database as a folder of small TinyDB files (see the package
docstring for the layout and its guarantees), held by one file lock while a write runs."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reader.errors import CannotWrite, ReaderError
from reader.fileio import fsync_folder
from reader.store import schema
from reader.store.backend import ARTICLES, Records, damaged_text
from reader.store.layout import Layout, is_article_id
from reader.store.disk import Staged, load_document, make_folder
from reader.store.encoding import WriteCache
from reader.store.keyed import KeyedTable, StoreDB
from reader.store.lock import DatabaseLock
from reader.store.storage import SafeStorage, open_db

TEXT = "text"  # a text file's one table and its one document


class FileRecords:
    """One file's tables, read once; changes stay in memory until the writer saves them."""

    def __init__(self, db: StoreDB, storage: SafeStorage, article_id: str = "") -> None:
        self._db, self.storage, self.article_id = db, storage, article_id

    @property
    def where(self) -> str:
        return str(self.storage.path)

    @property
    def exists(self) -> bool:
        return self.storage.exists

    def table(self, name: str) -> KeyedTable:
        return self._db.table(name)

    def clear(self) -> None:
        self._db.drop_tables()


class FileWriter:
    """A write under the file lock: `save` commits one file at once; batched files are staged
    (each in its temporary file, fsynced) and renamed into place together when the write ends."""

    def __init__(self, backend: FileBackend) -> None:
        self._backend = backend
        self._staged: list[Staged] = []

    def article(self, article_id: str) -> FileRecords:
        return self._backend.open_article(article_id, writing=True)

    def index(self) -> FileRecords:
        return FileRecords(*open_db(self._backend.layout.index, "index", self._backend.cache))

    def add_text(self, article_id: str, text: str) -> None:
        path = self._backend.layout.text(article_id)
        if not path.exists():
            self._backend.make_folders()
            db, storage = open_db(path, "text", article=article_id)
            db.table(TEXT).put(TEXT, {"text": text})
            storage.commit()

    def save(self, records: Records, *, batch: bool = False) -> None:
        assert isinstance(records, FileRecords), "a file writer saves the records it opened"
        self._backend.make_folders()
        if not batch:
            records.storage.commit()
            return
        staged = records.storage.stage()
        if staged is not None:
            self._staged.append(staged)
            size = self._backend.cache.size
            if len(self._staged) > size:  # keep the last few parsed, not all
                self._staged[-size - 1].forget()

    def finish(self) -> None:
        """Rename every staged file into place (then fsync the folder)."""
        staged, self._staged = self._staged, []
        for n, done in enumerate(staged):
            try:
                done.publish()
            except OSError as e:
                for rest in staged[n:]:
                    rest.discard()
                fsync_folder(self._backend.layout.articles)
                raise CannotWrite(f"{done.path}: cannot write ({e.strerror or e}); this batch of tags was "
                                  f"saved for {n} of its {len(staged)} articles, not for this one or "
                                  "the rest; save it again to complete it.") from None
        if staged:
            fsync_folder(self._backend.layout.articles)

    def abort(self) -> None:
        staged, self._staged = self._staged, []
        for done in staged:
            done.discard()


class FileBackend:
    """`root` is the database folder (or a `.json` file standing for it, see `Layout.at`).
    Raises ReaderError naming the file for an unusable folder, a damaged index or an index
    with an unknown schema version."""

    def __init__(self, root: Path) -> None:
        self._root = Path(root)
        self.layout = Layout.at(self._root)
        self.cache = WriteCache()  # used only under the lock
        self._lock = DatabaseLock(self.layout.folder)
        self._folders_made = False
        self._check_location()
        load_document(self.layout.index, "index")

    @property
    def root(self) -> Path:
        return self._root

    @property
    def location(self) -> str:
        return str(self._root)

    @property
    def home(self) -> Path:
        return self.layout.index.parent

    def where(self, article_id: str, what: str = "article") -> str:
        if what == "index":
            return str(self.layout.index)
        return str(self.layout.text(article_id) if what == "text" else self.layout.article(article_id))

    def _check_location(self) -> None:
        for folder in {self.layout.folder, self.layout.index.parent}:
            at = folder
            while not at.exists() and at.parent != at:
                at = at.parent
            if not at.is_dir():
                raise ReaderError(f"{at}: is a file, so the tag database folder {folder} cannot be created.")
            # a folder that cannot be written is fine until the first write: it can still be read
        if self.layout.index.is_dir():
            raise ReaderError(f"{self.layout.index}: is a folder where the tag database index was expected.")

    def make_folders(self) -> None:
        if not self._folders_made:
            for folder in (self.layout.index.parent, self.layout.articles, self.layout.texts):
                make_folder(folder)
            self._folders_made = True

    def open_article(self, article_id: str, *, writing: bool = False) -> FileRecords:
        """A fresh TinyDB on the article's file; `writing` only while holding the lock."""
        path = self.layout.article(article_id)
        db, storage = open_db(path, "article", self.cache if writing else None, article=article_id)
        data = storage.read()
        if data is not None:
            stored = data.get(schema.META, {}).get(schema.META_ID, {}).get("article")
            if stored != article_id:
                raise ReaderError(f"{path}: holds the tags of article {stored!r}, not of {article_id}; "
                                  "it was left as it is.")
        return FileRecords(db, storage, article_id)

    def article(self, article_id: str) -> FileRecords:
        return self.open_article(article_id)

    def articles(self, article_ids: Sequence[str], *, brief: bool = False, texts: bool = False
                 ) -> Iterator[FileRecords]:
        for article_id in article_ids:
            yield self.open_article(article_id)

    def index(self) -> KeyedTable:
        return open_db(self.layout.index, "index")[0].table(ARTICLES)

    def text(self, article_id: str) -> str | None:
        path = self.layout.text(article_id)
        data = open_db(path, "text", article=article_id)[1].read()
        if data is None:
            return None
        doc = data.get(TEXT, {}).get(TEXT)
        text = doc.get("text") if isinstance(doc, dict) else None
        if not isinstance(text, str):
            raise damaged_text(str(path))
        return text

    @contextmanager
    def writing(self) -> Iterator[FileWriter]:
        with self._lock.held():
            writer = FileWriter(self)
            try:
                yield writer
            except BaseException:
                writer.abort()
                raise
            writer.finish()

    def lock_held_elsewhere(self) -> bool:
        return self._lock.held_elsewhere

    def article_ids(self) -> Iterator[str]:
        found = {key for key, _ in self.index().items()}
        for folder in (self.layout.articles, self.layout.texts):
            if folder.is_dir():
                found.update(p.stem for p in folder.iterdir() if p.suffix == ".json" and is_article_id(p.stem))
        return iter(sorted(found))

    def close(self) -> None:
        pass

