"""Downloading a web page with a real HTTP client (httpx): a timeout for each wait, one deadline
for the whole download (headers included: a server sending a byte every few seconds cannot
hold reader for ever), a size limit, a limit on redirects, and a User-Agent that says who is
asking. Every failure is one ReaderError sentence that names the address, never with a
password that was in it. httpx and anyio are imported only when an address is opened."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import reader
from reader.errors import ReaderError
from reader.safe_text import encodable, printable
from reader.safe_text import without_password as shown

if TYPE_CHECKING:
    import httpx

Kind = Literal["html", "text", "unknown"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
# Servers that do not know what they send: look at the bytes instead.
UNSURE_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_HOST = re.compile(r"^(?:[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*\.?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$")
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"


@dataclass(frozen=True)
class Limits:
    """How long and how much reader downloads before giving up."""

    timeout: float = 20.0  # seconds to connect, and to wait for each part of the answer
    deadline: float = 120.0  # seconds for the whole download, from connecting to the last byte
    max_bytes: int = 20 * 1024 * 1024  # far beyond any news page, images aside
    max_redirects: int = 10


LIMITS = Limits()


@dataclass(frozen=True)
class Download:
    url: str  # where the page was found, after redirects
    kind: Kind
    media_type: str  # e.g. "text/html", "" when the server gave none
    charset: str | None  # as the server declared it
    body: bytes


def user_agent() -> str:
    return f"reader/{reader.__version__} (reader-sources news attribution reader)"


def is_web_address(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def identity(url: str) -> str:
    """The address an article fetched from `url` is stored under: the address as given, with
    the scheme and host in lower case, an empty path written "/", and without the #fragment
    (which never reaches the server) or a user name and password (which are not the page's).
    Keeping the given address, not where redirects led, means opening the same link again
    finds the same article even when the site changes where it redirects."""
    parsed = _parse(url)
    return str(parsed.copy_with(fragment=None, userinfo=b"", path=parsed.path))  # "https://site" -> "https://site/"


def _parse(url: str) -> httpx.URL:
    import httpx

    if not encodable(url):
        raise ReaderError(f"{printable(shown(url))}: not a valid web address (it holds bytes that are not UTF-8).")
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as e:
        raise ReaderError(f"{shown(url)}: not a valid web address ({e}).") from None


def fetch(url: str, limits: Limits | None = None) -> Download:
    """Download `url`. Refuses types that are neither a web page nor text before reading them."""
    import anyio
    import httpx

    limits = limits or LIMITS
    parsed = _parse(url)
    name = shown(url)
    if parsed.scheme not in ("http", "https") or not _HOST.match(parsed.host):
        raise ReaderError(f"{name}: not a valid web address.")
    try:
        return anyio.run(_download, parsed, name, limits)
    except TimeoutError:  # anyio's deadline over the whole download
        raise ReaderError(f"{name}: the download took longer than {limits.deadline:g} seconds.") from None
    except httpx.TooManyRedirects:
        raise ReaderError(f"{name}: more than {limits.max_redirects} redirects (a redirect loop?).") from None
    except httpx.ConnectTimeout:
        raise ReaderError(f"{name}: could not connect within {limits.timeout:g} seconds.") from None
    except httpx.TimeoutException:
        raise ReaderError(f"{name}: the server did not answer within {limits.timeout:g} seconds.") from None
    except httpx.ConnectError as e:
        raise ReaderError(f"{name}: could not connect ({_reason(e)}).") from None
    except httpx.UnsupportedProtocol as e:
        raise ReaderError(f"{name}: redirected to an address reader cannot open ({_reason(e)}).") from None
    except httpx.InvalidURL as e:
        raise ReaderError(f"{name}: not a valid web address ({_reason(e)}).") from None
    except (httpx.HTTPError, httpx.StreamError) as e:
        raise ReaderError(f"{name}: download failed ({_reason(e)}).") from None


async def _download(parsed: httpx.URL, name: str, limits: Limits) -> Download:
    import anyio
    import httpx

    headers = {"User-Agent": user_agent(), "Accept": ACCEPT}
    with anyio.fail_after(limits.deadline):
        async with httpx.AsyncClient(follow_redirects=True, max_redirects=limits.max_redirects,
                                     timeout=httpx.Timeout(limits.timeout), headers=headers) as client:
            async with client.stream("GET", parsed.copy_with(fragment=None)) as response:
                return await _read(response, name, limits)


async def _read(response: httpx.Response, name: str, limits: Limits) -> Download:
    import httpx

    final = str(response.url.copy_with(userinfo=b""))  # a redirect may name a user and password
    where = "" if final == name else f" at {final}"
    status = response.status_code
    if status >= 300:
        # the server's own words: shown as the characters they are, and not at any length
        reason = printable(response.reason_phrase[:80]) or httpx.codes.get_reason_phrase(status)
        answer = f"{status} {reason}" if reason else str(status)
        raise ReaderError(f"{name}: the server answered {answer}{where}.")
    media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    kind: Kind
    if media_type in HTML_TYPES:
        kind = "html"
    elif media_type in TEXT_TYPES:
        kind = "text"
    elif media_type in UNSURE_TYPES:
        kind = "unknown"
    else:
        raise ReaderError(f"{name}: is {printable(media_type[:80])}{where}, not a web page or text.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise ReaderError(f"{name}: is {_size(int(declared))}, more than reader downloads ({_size(limits.max_bytes)}).")
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > limits.max_bytes:
            raise ReaderError(f"{name}: is larger than {_size(limits.max_bytes)}, more than reader downloads.")
    return Download(final, kind, media_type, response.charset_encoding, bytes(body))


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _reason(error: BaseException) -> str:
    """The useful words of a network error: the system's reason at its root when there is one
    ("Connection refused", "Name or service not known"), else the error's own words."""
    cause: BaseException | None = error
    found = None
    while cause is not None:
        if isinstance(cause, OSError) and isinstance(cause.errno, int):
            found = cause
        cause = cause.__cause__ or cause.__context__
    if found is not None:
        import os
        import socket

        return (found.strerror if isinstance(found, socket.gaierror) and found.strerror
                else os.strerror(found.errno or 0))
    text = str(error) or type(error).__name__
    return printable(re.sub(r"^\[Errno -?\d+\]\s*", "", text).rstrip("."))
