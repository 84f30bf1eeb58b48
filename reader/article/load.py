"""Opening an article from what the user names, the one place that decides how:

- a text or Markdown file: its decoded text, unchanged but for line endings;
- a saved web page (.html, .htm, .xhtml, .mhtml): the article text trafilatura extracts;
- a web address (http:// or https://): downloaded, then as for a saved page (or as text when
  the server sends plain text);
- "-": standard input, read as bytes; a web page when it starts like one, else text.

Bytes that are not UTF-8 are decoded by the page's declared charset or by detection (with a
warning that names the encoding). Offsets everywhere index into Article.text.
"""
from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path
from typing import BinaryIO, Literal
from urllib.parse import unquote, urlsplit

from reader.article.decode import decode, decode_declared
from reader.article.fetch import Limits, is_web_address
from reader.article.html import (HTML_SUFFIXES, MHTML_SUFFIXES, declared_charset, extract_page,
                                 looks_like_html, unpack_mhtml)
from reader.article.model import Article, title_of
from reader.errors import ReaderError
from reader.fileio import read_file

MAX_BYTES = 200 * 1024 * 1024  # far beyond any article; stops a mistaken multi-GB path early
STDIN = "-"
STDIN_NAME = "standard input"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

Kind = Literal["text", "html", "mhtml", "unknown"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_MHTML_START = re.compile(rb"(?im)^content-type:\s*multipart/related")
_PDF = b"%PDF-"


def load_article(source: str | Path) -> Article:
    """Open the article named on the command line: a file, a web address, or "-" (stdin)."""
    if isinstance(source, Path):
        return load_file(source.expanduser())
    if source == STDIN:
        return load_stdin()
    if is_web_address(source):
        return load_url(source)
    if source[:7].lower() == "file://":
        return load_file(Path(unquote(urlsplit(source).path)))
    if _SCHEME.match(source):
        raise ReaderError(f"{source}: reader opens files and web addresses that start with http:// or https://.")
    path = Path(source).expanduser()
    if source.lower().startswith("www.") and not path.exists():
        raise ReaderError(f"{source}: no such file; for a web page give the whole address, https://{source}.")
    return load_file(path)


def load_file(path: Path) -> Article:
    return from_bytes(read_bytes(path), name=str(path), path=str(path), kind=_kind_of(path))


def load_stdin(stream: BinaryIO | None = None) -> Article:
    """The article piped into reader; its path is "-"."""
    return from_bytes(read_stdin(stream), name=STDIN_NAME, path=STDIN, kind="unknown")


def load_url(url: str, limits: Limits | None = None) -> Article:
    """Download and read a web page. The article's path is the address as given (see
    fetch.identity); meta["url"] is where the page was found after redirects."""
    from reader.article.fetch import fetch, identity
    from reader.safe_text import without_password as shown

    download = fetch(url, limits)
    article = from_bytes(download.body, name=shown(url), path=identity(url), kind=download.kind,
                         declared=download.charset, url=download.url)
    meta = dict(article.meta)
    canonical = meta.get("url")
    meta["url"] = download.url
    if canonical and canonical != download.url:
        meta["canonical_url"] = canonical
    return dataclasses.replace(article, meta=meta)


def from_bytes(data: bytes, *, name: str, path: str, kind: Kind, declared: str | None = None,
               url: str | None = None) -> Article:
    """An article from raw bytes. `name` is for messages, `path` becomes Article.path,
    `declared` is a charset the server declared, `url` the address the bytes came from."""
    if data.startswith(_PDF):
        raise ReaderError(f"{name}: is a PDF document; reader opens text and web pages "
                          "(copy the PDF's text into a .txt file first, e.g. with pdftotext).")
    if kind == "unknown":
        kind = "mhtml" if _MHTML_START.search(data[:4096]) else "html" if looks_like_html(data) else "text"
    if kind == "mhtml":
        archived = unpack_mhtml(data, name)
        data, declared, url = archived.markup, archived.charset, url or archived.url
        kind = "html"
    if kind == "html":
        decoded = decode_declared(data, name, declared or declared_charset(data))
        page = extract_page(decoded.text, name, url)
        return Article(text=page.text, path=path, title=page.title, encoding=decoded.encoding,
                       warnings=_warnings(decoded.warning),
                       meta={**page.meta, "encoding": decoded.encoding, "format": "html"})
    decoded = decode_declared(data, name, declared) if declared else decode(data, name)
    meta = {"encoding": decoded.encoding, "format": "text"}
    if url:
        meta["url"] = url
    return Article(text=decoded.text, path=path, title=title_of(decoded.text),
                   encoding=decoded.encoding, warnings=_warnings(decoded.warning), meta=meta)


def read_bytes(path: Path) -> bytes:
    return read_file(path, what="an article file", limit=MAX_BYTES)


def read_stdin(stream: BinaryIO | None = None) -> bytes:
    if stream is None:
        if sys.stdin is None:
            raise ReaderError(f"{STDIN_NAME}: is closed; pipe an article in, e.g. `cat article.txt | reader extract -`.")
        stream = sys.stdin.buffer
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as e:
        raise ReaderError(f"{STDIN_NAME}: cannot read ({e.strerror or e}).") from None
    if len(data) > MAX_BYTES:
        raise ReaderError(f"{STDIN_NAME}: is more than reader opens ({MAX_BYTES // (1024 * 1024)} MB).")
    return data


def _kind_of(path: Path) -> Kind:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MHTML_SUFFIXES:
        return "mhtml"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "unknown"


def _warnings(warning: str | None) -> tuple[str, ...]:
    return (warning,) if warning else ()
