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


# `--db`, READER_DB and storage.database name a folder or a .json file; an address such as
# postgresql://… is refused (not taken as a folder called "postgresql:")
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
DATABASE_ADDRESS = ("is a database server's address; reader keeps tags in a folder (or a .json file) "
                    "and cannot use a database server yet")


def is_address(location: str) -> bool:
    return bool(_ADDRESS.match(location))


def user_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)
