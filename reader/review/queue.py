"""A queue of articles to review: a folder, several files or a list of paths and addresses,
worked through one article after another (plain Python; the queue screen shows it).

Opening a queue reads only what is needed to list it at once: the names given and, for the
articles the tag database has seen, their titles, tallies and when they were last opened. Each
article's text, statements and tally are then read in order by `load` (the queue screen calls
it on a worker thread; the review screen, for the article it opens). A source that cannot be
read (gone, binary, unreachable) keeps its place in the queue with the reason.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.article import Article, load_article
from reader.article.html import HTML_SUFFIXES, MHTML_SUFFIXES
from reader.article.load import TEXT_SUFFIXES
from reader.attribution import Statement
from reader.config import Config
from reader.errors import ReaderError
from reader.fileio import read_file
from reader.safe_text import printable
from reader.store import Tally, article_tally

if TYPE_CHECKING:
    from reader.store import ArticleRecord, TagStore

ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES
Extractor = Callable[[str, Config], list[Statement]]


def sources_from(paths: Sequence[str], list_file: str | None = None) -> list[str]:
    """The articles a queue holds, in order: each folder's article files (by name, hidden files
    and other files left out), each file or address as given, then the lines of `list_file`
    (one path or address a line; blank lines and lines starting with # skipped; a relative path
    is taken from the list's folder). The same file named twice is listed once."""
    out: list[str] = []
    for given in paths:
        path = Path(given).expanduser()
        if "://" not in given and path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise ReaderError(f"{printable(given)}: no article files in this folder (reader reads "
                                  f"{', '.join(sorted(ARTICLE_SUFFIXES))}).")
            out += [str(p) for p in found]
        else:
            out.append(given)
    if list_file is not None:
        out += _listed(Path(list_file).expanduser())
    if not out:
        raise ReaderError("no articles to open: name a folder, files, or --list LIST.txt.")
    seen: set[str] = set()
    unique = []
    for source in out:
        key = source if "://" in source else os.path.realpath(os.path.expanduser(source))
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def _listed(path: Path) -> list[str]:
    data = read_file(path, what="a list of articles")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReaderError(f"{path}: a list of articles must be UTF-8 text, one path or address a line.") from None
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "://" in line or Path(line).expanduser().is_absolute():
            out.append(line)
        else:
            out.append(str(path.parent / line))
    if not out:
        raise ReaderError(f"{path}: the list names no articles (one path or address a line).")
    return out


@dataclass
class Entry:
    """One article of the queue, as far as it is known."""

    source: str  # the path or address as given
    title: str  # the best known: the article's, the tag database's, else the file's name
    article: Article | None = None
    statements: list[Statement] | None = None  # the engine's
    tally: Tally | None = None
    last_opened: str | None = None  # ISO 8601, from the tag database
    problem: str | None = None  # why it cannot be read, as a sentence

    @property
    def loaded(self) -> bool:
        return self.statements is not None or self.problem is not None


class Queue:
    """The articles to review, in order, and what is known of each."""

    def __init__(self, sources: Sequence[str], config: Config, store: TagStore,
                 extractor: Extractor | None = None) -> None:
        self.config = config
        self.store = store
        self._extract = extractor
        self._lock = threading.Lock()  # one load at a time: the worker's and the screen's
        self.changed: set[int] = set()  # articles reviewed since the list was last drawn
        self.reviewing: int | None = None  # the article under review, None while the list is shown
        known = _known(store)
        self.entries: list[Entry] = []
        for source in sources:
            record = known.get(_identity(source))
            entry = Entry(source, record.title if record else _name(source))
            if record is not None:
                entry.last_opened = record.last_opened
            self.entries.append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def loaded(self) -> int:
        return sum(1 for e in self.entries if e.loaded)

    @property
    def done(self) -> int:
        return sum(1 for e in self.entries if e.tally is not None and e.tally.total and e.tally.done)

    def next_to_read(self) -> int | None:
        """The article to read next: the first not yet read after the one under review (the
        reviewer's next, ready before they ask), else the first not yet read; None when all are."""
        start = 0 if self.reviewing is None else self.reviewing + 1
        order = list(range(start, len(self.entries))) + list(range(start))
        return next((i for i in order if not self.entries[i].loaded), None)

    def load(self, index: int) -> Entry:
        """Read the article, find its statements and count its tags (blocking; safe from any
        thread). A source that cannot be read gets its `problem` instead."""
        entry = self.entries[index]
        with self._lock:
            if entry.loaded:
                return entry
            try:
                article = load_article(entry.source)
                extract = self._extract or _engine()
                statements = extract(article.text, self.config)
                # who tagged which statement, no whole tag (as `reader articles` counts)
                [(_, progress)] = self.store.progress([article.id])
                ids = [s.id for s in statements] + list(progress.added_ids)
                entry.tally = article_tally(ids, progress, self.store.reviewer)
            except ReaderError as e:
                entry.problem = str(e)
                return entry
            except Exception as e:  # one article the engine cannot read must not stop the queue
                entry.problem = f"{printable(entry.source)}: unexpected {type(e).__name__}: {e}"
                return entry
            entry.article, entry.statements = article, statements
            entry.title = article.title or entry.title
            return entry

    def left(self, index: int, progress: Tally, last_opened: str | None) -> None:
        """The reviewer left article `index`: its tally now, when it was opened."""
        entry = self.entries[index]
        entry.tally = progress
        if last_opened:
            entry.last_opened = last_opened
        self.changed.add(index)


def _engine() -> Extractor:
    from reader.attribution import extract

    return extract


def _known(store: TagStore) -> dict[str, ArticleRecord]:
    """The tag database's records by path or address (the newest text of each), read once."""
    try:
        records = store.articles()
    except ReaderError:
        return {}
    out: dict[str, ArticleRecord] = {}
    for record in sorted(records, key=lambda r: r.last_opened):
        if record.replaced_by is None:
            out[record.path] = record
    return out


def _identity(source: str) -> str:
    from reader.store.registering import identity

    return identity(source)


def _name(source: str) -> str:
    return source if "://" in source else Path(source).name

