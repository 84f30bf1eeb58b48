"""Where reader finds its bundled files and the user's folders."""
from __future__ import annotations

import re
from pathlib import Path

import platformdirs

APP_NAME = "reader"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A file shipped with reader: inside the installed wheel, or at a checkout's root."""
    packaged = _PACKAGE / "_data" / name
    return packaged if packaged.exists() else _PACKAGE.parent / name


def checkout_root() -> Path | None:
    """The project root when reader runs from a source checkout, else None."""
    root = _PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "config.yaml").is_file() else None


def default_config_file() -> Path:
    return _bundled("config.yaml")


def sample_article() -> Path:
    """The bundled sample article that `reader` opens with no argument."""
    seeds = _bundled("seeds")
    return min(p for p in seeds.iterdir() if p.suffix in {".txt", ".md"})


def user_config_file() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.yaml"


# `--db`, READER_DB and storage.database name a folder, a .json file or a PostgreSQL server
# (postgresql://…); an address of any other kind is refused (not taken as a folder called "ftp:")
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SERVER_SCHEMES = ("postgresql", "postgres")
DATABASE_ADDRESS = ("is an address of a kind reader cannot keep tags at; give a folder, a .json file or a "
                    "PostgreSQL server's address (postgresql://user@host:port/database)")


def is_address(location: str) -> bool:
    return bool(_ADDRESS.match(location))


def is_server(location: str) -> bool:
    """Whether `location` is a PostgreSQL server's address (postgresql:// or postgres://)."""
    return is_address(location) and location.split("://", 1)[0].lower() in SERVER_SCHEMES


def user_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)
