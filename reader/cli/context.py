"""What every command needs, resolved once and only when asked for: settings, database, article."""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.article import Article, load_article
from reader.cli.lines import warn
from reader.config import Config, load_config

if TYPE_CHECKING:
    from reader.store import TagStore

DB_ENV = "READER_DB"


@dataclass
class Context:
    config_option: str | None = None
    db_option: str | None = None

    @cached_property
    def config(self) -> Config:
        return load_config(self.config_option)

    @cached_property
    def db_path(self) -> Path:
        """--db, then READER_DB, then the config's storage.database, then the data folder."""
        chosen = self.db_option or os.environ.get(DB_ENV)
        if chosen:
            return Path(chosen).expanduser()
        return self.config.database or paths.user_data_dir()

    @cached_property
    def store(self) -> TagStore:
        """The tag store at db_path; tags are saved under config.reviewer or the login name."""
        from reader.store import TagStore

        try:
            reviewer = self.config.reviewer or getpass.getuser()
        except (KeyError, OSError):  # no login name (e.g. a container without a passwd entry)
            reviewer = ""
        return TagStore(self.db_path, reviewer)

    def article(self, source: str | None) -> Article:
        """The article named on the command line, or the bundled sample when none is."""
        article = load_article(source if source is not None else paths.sample_article())
        for warning in article.warnings:
            warn(warning)
        return article
