"""What every command needs, resolved once and only when asked for: settings, database, article."""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.article import Article, load_article
from reader.attribution import Statement
from reader.cli.lines import tell, warn
from reader.config import Config, load_config
from reader.errors import CannotWrite, ReaderError
from reader.safe_text import without_password

if TYPE_CHECKING:
    from reader.store import Reanchored, TagStore

DB_ENV = "READER_DB"
REVIEWER_ENV = "READER_REVIEWER"


@dataclass
class Context:
    config_option: str | None = None
    db_option: str | None = None
    reviewer_option: str | None = None

    @cached_property
    def config(self) -> Config:
        return load_config(self.config_option)

    @cached_property
    def db_path(self) -> Path | str:
        """--db, then READER_DB, then the config's storage.database, then the data folder: a
        folder or .json file, or a server's address (str)."""
        chosen = self.db_option or os.environ.get(DB_ENV)
        if chosen:
            return database_location(chosen)
        return self.config.database or paths.user_data_dir()

    @cached_property
    def reviewer(self) -> str:
        """Whose tags are saved and edited: --reviewer, then READER_REVIEWER, then `reviewer` in
        the settings, then the login name ("" when there is none: the store says UNNAMED)."""
        chosen = self.reviewer_option or os.environ.get(REVIEWER_ENV) or self.config.reviewer
        if chosen is not None and chosen.strip():
            return _tidy(chosen)
        try:
            return getpass.getuser()
        except (KeyError, OSError):  # no login name (e.g. a container without a passwd entry)
            return ""

    @cached_property
    def store(self) -> TagStore:
        """The tag store at db_path, saving and editing `reviewer`'s tags."""
        from reader.store import TagStore

        return TagStore(self.db_path, self.reviewer)

    def register(self, article: Article, statements: list[Statement]) -> Reanchored:
        """Register the article with the tag store (re-anchoring its saved tags) and say on
        stderr what re-anchoring did: tags that followed an edited text, tags orphaned now.
        When the database cannot be written (read-only, full) but already holds this very
        text, its tags are used as they are, with a warning, so reading commands still work;
        any other problem (a damaged file) stops the command."""
        from reader.store import Reanchored

        store = self.store
        known = store.article(article.id) is not None
        before = {(t.statement_id, t.created) for t in store.orphans(article.id)} if known else set()
        try:
            _, reanchored = store.register(article, statements)
        except CannotWrite as e:
            if not known:
                raise
            warn(f"{e} Its tags are used as they were last saved.")
            return Reanchored(orphaned=store.orphans(article.id))
        name = article.path
        if reanchored.moved:
            tell(f"{name}: the text changed since it was last opened; {_count(len(reanchored.moved), 'tag')} "
                 "followed their statements.")
        new = [t for t in reanchored.orphaned if (t.statement_id, t.created) not in before]
        if new:  # said once, when it happens
            warn(f"{name}: {_count(len(new), 'tag')} no longer {'matches' if len(new) == 1 else 'match'} a "
                 f"statement; kept as orphaned tags (`reader tags {name}` lists them).")
        return reanchored

    def article(self, source: str | None) -> Article:
        """The article named on the command line, or the bundled sample when none is."""
        article = load_article(source if source is not None else paths.sample_article())
        for warning in article.warnings:
            warn(warning)
        return article


def _tidy(name: str) -> str:
    """A reviewer's name as given, its runs of spaces made one."""
    return " ".join(name.split())


def reviewer_names(value: str | None, *, least: int = 1) -> list[str] | None:
    """The reviewers a `--reviewers A,B` option names (comma-separated, tidied as --reviewer's
    name is, each once, in the order given); None when the option is not given."""
    if value is None:
        return None
    names = list(dict.fromkeys(_tidy(n) for n in value.split(",") if n.strip()))
    if len(names) < least:
        wanted = "a reviewer or more" if least <= 1 else "two reviewers or more"
        raise ReaderError(f"--reviewers {value!r}: name {wanted}, separated by commas.")
    return names


def database_location(chosen: str) -> Path | str:
    """A database as the user named it: a server's address as it is, a path expanded; an
    address of another kind is a ReaderError (never with its password)."""
    if paths.is_server(chosen):
        return chosen
    if paths.is_address(chosen):
        raise ReaderError(f"{without_password(chosen)} {paths.DATABASE_ADDRESS}.")
    return Path(chosen).expanduser()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
