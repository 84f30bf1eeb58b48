"""Where each of the store's files lives, from the path the user chose (--db, READER_DB,
config storage.database or the user data folder)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

INDEX_NAME = "index.json"
FILE_SUFFIXES = (".json",)


@dataclass(frozen=True)
class Layout:
    index: Path  # the small index of articles
    folder: Path  # holds .lock, articles/ and texts/

    @classmethod
    def at(cls, root: Path) -> Layout:
        """A folder (existing, or any new path not ending in .json) holds the whole database:
        `index.json`, `articles/`, `texts/`. A file (an existing one, or a new path ending in
        .json, e.g. `tags.json`) is the index itself, and the rest lives beside it in
        `tags.json.d/`; an existing file that is not a reader index is refused, not touched."""
        root = Path(root).expanduser().absolute()
        is_file = root.is_file() or (not root.exists() and root.suffix.lower() in FILE_SUFFIXES)
        if is_file:
            return cls(index=root, folder=root.with_name(root.name + ".d"))
        return cls(index=root / INDEX_NAME, folder=root)

    @property
    def articles(self) -> Path:
        return self.folder / "articles"

    @property
    def texts(self) -> Path:
        return self.folder / "texts"

    def article(self, article_id: str) -> Path:
        return self.articles / f"{_safe_id(article_id)}.json"

    def text(self, article_id: str) -> Path:
        return self.texts / f"{_safe_id(article_id)}.json"


def is_article_id(text: str) -> bool:
    """Article ids are hex digests."""
    return bool(text) and all(c in "0123456789abcdefABCDEF" for c in text)


def _safe_id(article_id: str) -> str:
    """Anything but an article id must not be able to name another path."""
    if not is_article_id(article_id):
        raise ValueError(f"not an article id: {article_id!r}")
    return article_id.lower()
