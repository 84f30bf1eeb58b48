"""The slow hostile families, run by `python -m bench adversarial` only: web servers that
misbehave (on 127.0.0.1), inputs too big to try in the test suite, and writers racing an
import or killed at random moments."""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.adversarial.cases import ESCAPES, Case
from bench.adversarial.workspace import TEXT, Workspace
from bench.corpus import generate

ROOT = Path(__file__).resolve().parents[2]


# --- web servers ------------------------------------------------------------------------------

def _not_found(handler: BaseHTTPRequestHandler) -> None:
    handler.send_error(404)


class Server:
    """A web server on 127.0.0.1 whose every route misbehaves in its own way."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        routes = self._routes()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                try:
                    routes.get(self.path, _not_found)(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.http.shutdown()
        self.http.server_close()

    def _routes(self) -> dict[str, Callable[[BaseHTTPRequestHandler], None]]:
        stop = self.stop

        def raw(data: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
            def send(h: BaseHTTPRequestHandler) -> None:
                h.wfile.write(data)
                h.wfile.flush()
            return send

        def trickle(head: bytes, pause: float) -> Callable[[BaseHTTPRequestHandler], None]:
            def send(h: BaseHTTPRequestHandler) -> None:
                for byte in head:
                    if stop.wait(pause):
                        return
                    h.wfile.write(bytes([byte]))
                    h.wfile.flush()
            return send

        def endless(h: BaseHTTPRequestHandler) -> None:
            h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
            while not stop.is_set():
                h.wfile.write(b"<p>" + b"more words " * 1000 + b"</p>")

        bomb = gzip.compress(b"<p>" + b" " * (200 * 2 ** 20) + b"</p>", compresslevel=9)
        page = f"<html><body><p>{TEXT}</p></body></html>".encode()
        return {
            "/headers-a-byte-every-second": trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX: "
                                                    + b"y" * 200 + b"\r\n\r\n", 1.0),
            "/body-without-end": endless,
            "/gzip-bomb": raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                              + f"Content-Length: {len(bomb)}\r\n\r\n".encode() + bomb),
            "/a-1-MB-header": raw(b"HTTP/1.1 200 OK\r\nX: " + b"y" * 2 ** 20 + b"\r\n\r\n"),
            "/redirect-to-a-file": raw(b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n"),
            "/redirect-to-itself": raw(b"HTTP/1.1 302 Found\r\nLocation: /redirect-to-itself\r\nContent-Length: 0\r\n\r\n"),
            "/escapes-in-the-reason": raw(b"HTTP/1.1 500 " + ESCAPES.encode("latin-1", "replace") + b"\r\n"
                                          b"Content-Length: 0\r\n\r\n"),
            "/escapes-in-the-type": raw(b"HTTP/1.1 200 OK\r\nContent-Type: x/\x1b]0;t\x07\x9b2J\r\nContent-Length: 0\r\n\r\n"),
            "/not-http": raw(b"\x00\xff garbage, not HTTP\r\n\r\n"),
            "/reset-in-the-body": raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>x"),
            "/a-broken-chunk": raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   b"zz\r\nabc\r\n0\r\n\r\n"),
            "/a-page": raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                           + f"Content-Length: {len(page)}\r\n\r\n".encode() + page),
        }


def network(ws: Workspace, server: Server) -> Iterator[Case]:
    for path in server._routes():
        timeout = 160.0 if "byte-every" in path else 60.0  # the deadline is 120 s
        yield Case("network", path.strip("/"), ("extract", server.base + path), timeout=timeout)
    yield Case("network", "a password in the address", ("tags", server.base.replace("//", "//alex:s3cret@") + "/a-page"))
    with socket.socket() as s:  # https to a port that speaks plain HTTP
        s.bind(("127.0.0.1", 0))
    yield Case("network", "https to a plain port", ("extract", server.base.replace("http:", "https:") + "/a-page"))


# --- big inputs -------------------------------------------------------------------------------

def big(ws: Workspace) -> Iterator[Case]:
    folder = ws.inputs / "big"
    folder.mkdir(exist_ok=True)
    sparse = folder / "a-300-MB-article.txt"
    with open(sparse, "wb") as f:
        f.truncate(300 * 2 ** 20)
    yield Case("big", "a 300 MB article", ("extract", str(sparse)))
    large = folder / "a-20-MB-article.txt"
    large.write_text(generate(20 * 2 ** 20, seed=3), encoding="utf-8")
    yield Case("big", "a 20 MB article", ("extract", str(large), "--format", "json"), timeout=300)
    huge_import = folder / "a-600-MB-import.json"
    with open(huge_import, "wb") as f:
        f.truncate(600 * 2 ** 20)
    yield Case("big", "a 600 MB import", ("import", str(huge_import)))
    tiny = folder / "tiny-values.json"
    tiny.write_bytes(b"[" + b",".join([b"{}"] * (40 * 2 ** 20 // 3)) + b"]")
    yield Case("big", "a 40 MB import of tiny values", ("import", str(tiny)))
    yield Case("big", "190 MB on standard input", ("extract", "-"), stdin=b"x" * (190 * 2 ** 20), timeout=300)
    quotes = folder / "10000-quotes.txt"  # 120 KB that the engine takes seconds over
    quotes.write_text('"x" said y. ' * 10_000, encoding="utf-8")
    yield Case("big", "10,000 quotes", ("tags", str(quotes)), timeout=300)


# --- writers racing and killed ----------------------------------------------------------------

def _reader(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def import_races(root: Path, runs: int, articles: int) -> tuple[int, int, int]:
    """`runs` times: an import of a colleague's older tags on `articles` articles, while three
    `reader tag` processes tag some of the same statements, started a random moment after the
    import (when it has read those articles: before issue 11's fix, the window in which a tag
    was overwritten). Returns (imports run, tag writes that returned success, those lost: not
    in the database once the import is done)."""
    from reader.article import load_article
    from reader.attribution import extract
    from reader.config import load_config
    from reader.exports import export_to_file
    from reader.store import TagStore

    folder = root / "race"
    folder.mkdir()
    config_path = ROOT / "config.yaml"
    config = load_config(config_path)
    theirs = TagStore(folder / "theirs", "colleague")
    found = []
    for i in range(articles):
        path = folder / f"article-{i:03d}.txt"
        path.write_text(generate(2_500, seed=500 + i), encoding="utf-8")
        article = load_article(str(path))
        statements = extract(article.text, config)
        found.append((article, statements))
        theirs.register(article, statements)
        if statements:
            theirs.set_tag(article.id, statements[0], "official", note="theirs, older")
    exported = folder / "theirs.json"
    export_to_file(theirs, config, None, "json", exported)
    targets = [(Path(a.path), s[0].id) for a, s in found if s]
    rng = random.Random(7)
    acknowledged = lost = 0
    for run in range(runs):
        db = folder / f"mine-{run}"
        mine = TagStore(db, "me")
        for article, statements in found:  # this database knows every article, untagged
            mine.register(article, statements)
        # the same reviewer as the file's tags: two versions of one tag, the case an import must merge
        common = ("--db", str(db), "--config", str(config_path), "--reviewer", "colleague")
        importer = subprocess.Popen(_reader(*common, "import", str(exported)), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
        picked = rng.sample(targets[: len(targets) // 3], 3)  # articles the import reads first
        time.sleep(rng.uniform(0.0, 1.5))  # while the import runs (it takes 3-4 s with its start)
        taggers = [subprocess.Popen(_reader(*common, "tag", str(path), sid, "eyewitness", "--note", f"mine, run {run}"),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for path, sid in picked]
        written = [(path, sid) for (path, sid), tagger in zip(picked, taggers) if tagger.wait(timeout=600) == 0]
        importer.communicate(timeout=600)
        saved = TagStore(db, "checker")
        for path, sid in written:
            acknowledged += 1
            article_id = next(a.id for a, _ in found if Path(a.path) == path)
            notes = {tag.note for tag in saved.article_state(article_id).reviews.get(sid, {}).values()}
            lost += f"mine, run {run}" not in notes
    return runs, acknowledged, lost


def killed_writers(root: Path, rounds: int) -> tuple[int, int]:
    """`rounds` times: four writer processes tag at once and are killed with SIGKILL at random
    moments. Returns (writes that returned, those lost)."""
    from reader.article import Article, title_of
    from reader.store import TagStore
    from tests.store.helpers import many_quotes, statements_in, text_with
    from tests.store.writer import QUOTES

    db = root / "killed"
    text = text_with(many_quotes(QUOTES))
    article = Article(text=text, path="/killed.txt", title=title_of(text))
    TagStore(db, "seed").register(article, statements_in(text))
    rng = random.Random()
    returned: dict[str, int] = {}
    writes = base = 0
    for _ in range(rounds):
        children = [subprocess.Popen([sys.executable, "-m", "tests.store.writer", str(db), article.id, str(base + k),
                                      "4", "0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                    for k in range(4)]
        time.sleep(rng.uniform(0.5, 2.0))
        for child in children:
            os.kill(child.pid, signal.SIGKILL)
        for child in children:
            out, _ = child.communicate()
            writes += len(out.splitlines())
            for line in out.splitlines():
                sid, number = line.split()
                returned[sid] = max(returned.get(sid, -1), int(number))
                base = max(base, int(number) + 1)
        base += -base % 4
    reviews = TagStore(db, "checker").article_state(article.id).reviews  # each writer is its own reviewer
    lost = sum(1 for sid, n in returned.items()
               if max((int(t.note or -1) for t in reviews.get(sid, {}).values()), default=-1) < n)
    return writes, lost
