"""Opening an article from what the user names: a text or Markdown file."""
from __future__ import annotations

from pathlib import Path

from reader.article.decode import decode
from reader.article.model import Article, title_of
from reader.errors import ReaderError

MAX_BYTES = 200 * 1024 * 1024  # far beyond any article; stops a mistaken multi-GB path early


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ReaderError(f"{path}: is a folder, not an article file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReaderError(f"{path}: is {size // (1024 * 1024)} MB, more than reader opens ({MAX_BYTES // (1024 * 1024)} MB).")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file.") from None
    except PermissionError:
        raise ReaderError(f"{path}: permission denied.") from None
    except OSError as e:
        raise ReaderError(f"{path}: cannot read ({e.strerror or e}).") from None


def load_text_file(path: Path) -> Article:
    """A plain-text or Markdown article. Markdown is shown as its text, marks included."""
    decoded = decode(read_bytes(path), str(path))
    warnings = (decoded.warning,) if decoded.warning else ()
    return Article(text=decoded.text, path=str(path), title=title_of(decoded.text),
                   encoding=decoded.encoding, warnings=warnings)


def load_article(source: str | Path) -> Article:
    """Open the article named on the command line."""
    return load_text_file(Path(source).expanduser())
