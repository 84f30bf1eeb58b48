"""Fixtures for article loading: the saved test pages, and a local web server on 127.0.0.1
that serves them the ways real servers do (redirects, errors, stalls, huge and foreign bodies)."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.article.fetch import Limits

PAGES = Path(__file__).resolve().parent / "pages"
NOTE = "Notes from the harbour meeting\r\n“We will rebuild,” the mayor said.\r\nNo date was set.\n"

# A page whose text a script builds in the browser: nothing to read without running it.
APP_SHELL = (b'<!doctype html><html><head><title>Ferry fire latest | The Morning Ledger</title>'
             b'<script src="/static/app.js" defer></script></head><body><header><nav><a href="/">Home</a>'
             b'<a href="/world">World</a></nav></header><div id="root"></div><noscript>You need to enable '
             b'JavaScript to run this app.</noscript><footer>&copy; The Morning Ledger</footer></body></html>')

# Short limits so the failure cases take a fraction of a second.
TEST_LIMITS = Limits(timeout=0.5, deadline=30, max_bytes=1024 * 1024, max_redirects=5)


def restyled(markup: str) -> str:
    """The same story after a site redesign: new class names, an advert, a different menu."""
    return (markup.replace("article__", "story-").replace("primary-nav", "top-menu")
            .replace('<div class="article__body"', '<div class="ad-slot">Advertisement</div><div class="article__body"')
            .replace("<li><a href=\"/climate\">Climate</a></li>", "<li><a href=\"/travel\">Travel</a></li>"))


@dataclass
class Site:
    """The running server: `url(path)`, the requests it saw, and switches tests can flip."""

    base: str
    release: threading.Event
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    restyled: bool = False

    def url(self, path: str) -> str:
        return self.base + path


def _routes(site: Site) -> dict[str, Callable[[BaseHTTPRequestHandler], None]]:
    story = (PAGES / "news_site.html").read_text(encoding="utf-8")

    def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
             length: int | None = None, headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)
        h.wfile.flush()

    def redirect(to: str, status: int = 301) -> Callable[[BaseHTTPRequestHandler], None]:
        return lambda h: send(h, status, b"", "text/html", headers={"Location": to})

    def stream(h: BaseHTTPRequestHandler, ctype: str, chunk: bytes, pause: float = 0.0) -> None:
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.end_headers()  # no Content-Length: the body ends when the connection closes
        for _ in range(4096):
            if pause and site.release.wait(pause):
                return
            h.wfile.write(chunk)
            h.wfile.flush()

    def stall(h: BaseHTTPRequestHandler) -> None:
        site.release.wait(10)
        send(h, 200, story.encode(), "text/html; charset=utf-8")

    def stall_body(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.write(story.encode()[:1000])
        h.wfile.flush()
        site.release.wait(10)

    def blocked(ctype: str, length: int) -> Callable[[BaseHTTPRequestHandler], None]:
        """Headers, then nothing: a client that tried to read the body would time out."""
        def handle(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(length))
            h.end_headers()
            h.wfile.write(b"\x89PNG\r\n\x1a\n" if ctype == "image/png" else b"%PDF-1.7\n")
            h.wfile.flush()
            site.release.wait(10)
        return handle

    def drip_headers(h: BaseHTTPRequestHandler) -> None:
        """The status line and headers one byte at a time: each wait is short, the whole is not."""
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 400 + b"\r\n\r\n":
            if site.release.wait(0.02):
                return
            h.wfile.write(bytes([byte]))
            h.wfile.flush()

    def raw(head: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
        def handle(h: BaseHTTPRequestHandler) -> None:
            h.wfile.write(head + b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            h.wfile.flush()
        return handle

    latin = (PAGES / "legacy_cp1252.html").read_bytes()
    return {
        "/story": lambda h: send(h, 200, story.encode(), "text/html; charset=utf-8"),
        "/changing": lambda h: send(h, 200, (restyled(story) if site.restyled else story).encode(),
                                    "text/html; charset=utf-8"),
        "/old-address": redirect("/story"),
        "/short": redirect("/old-address", 302),
        "/loop": redirect("/loop", 302),
        "/moved": redirect("/gone"),
        "/missing": lambda h: send(h, 404, b"<html><body><h1>Page not found</h1></body></html>", "text/html"),
        "/slow": stall,
        "/stall-body": stall_body,
        "/huge": lambda h: stream(h, "text/html", b"<p>" + b"x" * 65536 + b"</p>"),
        "/huge-declared": blocked("text/html", 50 * 1024 * 1024),
        "/drip": lambda h: stream(h, "text/html", b"<p>more words</p>", pause=0.05),
        "/photo.png": blocked("image/png", 10 * 1024 * 1024),
        "/report.pdf": blocked("application/pdf", 10 * 1024 * 1024),
        "/note.txt": lambda h: send(h, 200, NOTE.encode(), "text/plain; charset=utf-8"),
        "/latin": lambda h: send(h, 200, latin, "text/html; charset=windows-1252"),
        "/untyped": lambda h: send(h, 200, story.encode(), None),
        "/download": lambda h: send(h, 200, b"%PDF-1.4\n%binary", "application/octet-stream"),
        "/empty-page": lambda h: send(h, 200, APP_SHELL, "text/html"),
        "/drip-headers": drip_headers,
        # a reason phrase with a C1 control (CSI, as an 8-bit terminal reads it) and a long tail
        "/evil-reason": raw(b"HTTP/1.1 500 Bad \x1b[2J\x1b]0;owned\x07" + b"!" * 500 + b"\r\n"),
        "/evil-type": raw(b"HTTP/1.1 200 OK\r\nContent-Type: image/\x9b2Jpng\r\n"),
    }


@pytest.fixture
def site() -> Iterator[Site]:
    """A web server on 127.0.0.1 (an ephemeral port) for the duration of one test."""
    release = threading.Event()
    state = Site("", release)
    routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            state.requests.append((self.path, dict(self.headers.items())))
            route = routes.get(self.path.split("?", 1)[0])
            try:
                if route is None:
                    self.send_error(404)
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading, as it should past its limits

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    routes.update(_routes(state))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def limits() -> Limits:
    return TEST_LIMITS
