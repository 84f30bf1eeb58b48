"""Downloading a web page with a real HTTP client (httpx): a timeout, a size limit, a limit on
redirects, and a User-Agent that says who is asking. Every failure is one ReaderError sentence
that names the address. httpx is imported only when an address is opened."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import reader
from reader.errors import ReaderError

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
    deadline: float = 120.0  # seconds for the whole download
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
    (which never reaches the server). Keeping the given address, not where redirects led, means opening the same link
    again finds the same article even when the site changes where it redirects."""
    import httpx

    try:
        parsed = httpx.URL(url)
        return str(parsed.copy_with(fragment=None, path=parsed.path))  # "https://site" -> "https://site/"
    except httpx.InvalidURL as e:
        raise ReaderError(f"{url}: not a valid web address ({e}).") from None


def fetch(url: str, limits: Limits | None = None) -> Download:
    """Download `url`. Refuses types that are neither a web page nor text before reading them."""
    import httpx

    limits = limits or LIMITS
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as e:
        raise ReaderError(f"{url}: not a valid web address ({e}).") from None
    if parsed.scheme not in ("http", "https") or not _HOST.match(parsed.host):
        raise ReaderError(f"{url}: not a valid web address.")
    headers = {"User-Agent": user_agent(), "Accept": ACCEPT}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=limits.max_redirects,
                          timeout=httpx.Timeout(limits.timeout), headers=headers) as client:
            with client.stream("GET", parsed.copy_with(fragment=None)) as response:
                return _read(response, url, limits, time.monotonic() + limits.deadline)
    except httpx.TooManyRedirects:
        raise ReaderError(f"{url}: more than {limits.max_redirects} redirects (a redirect loop?).") from None
    except httpx.ConnectTimeout:
        raise ReaderError(f"{url}: could not connect within {limits.timeout:g} seconds.") from None
    except httpx.TimeoutException:
        raise ReaderError(f"{url}: the server did not answer within {limits.timeout:g} seconds.") from None
    except httpx.ConnectError as e:
        raise ReaderError(f"{url}: could not connect ({_reason(e)}).") from None
    except httpx.UnsupportedProtocol as e:
        raise ReaderError(f"{url}: redirected to an address reader cannot open ({_reason(e)}).") from None
    except httpx.InvalidURL as e:
        raise ReaderError(f"{url}: not a valid web address ({_reason(e)}).") from None
    except (httpx.HTTPError, httpx.StreamError) as e:
        raise ReaderError(f"{url}: download failed ({_reason(e)}).") from None


def _read(response: httpx.Response, url: str, limits: Limits, deadline: float) -> Download:
    import httpx

    final = str(response.url)
    where = "" if final == url else f" at {final}"
    status = response.status_code
    if status >= 300:
        reason = response.reason_phrase or httpx.codes.get_reason_phrase(status)
        answer = f"{status} {reason}" if reason else str(status)
        raise ReaderError(f"{url}: the server answered {answer}{where}.")
    media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    kind: Kind
    if media_type in HTML_TYPES:
        kind = "html"
    elif media_type in TEXT_TYPES:
        kind = "text"
    elif media_type in UNSURE_TYPES:
        kind = "unknown"
    else:
        raise ReaderError(f"{url}: is {media_type}{where}, not a web page or text.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise ReaderError(f"{url}: is {_size(int(declared))}, more than reader downloads ({_size(limits.max_bytes)}).")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limits.max_bytes:
            raise ReaderError(f"{url}: is larger than {_size(limits.max_bytes)}, more than reader downloads.")
        if time.monotonic() > deadline:
            raise ReaderError(f"{url}: the download took longer than {limits.deadline:g} seconds.")
    return Download(final, kind, media_type, response.charset_encoding, bytes(body))


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _reason(error: Exception) -> str:
    """The useful words of a network error: "[Errno 111] Connection refused" -> "Connection refused"."""
    text = str(error) or type(error).__name__
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text).rstrip(".")
