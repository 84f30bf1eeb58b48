"""The queue of the review desk, timed as a reviewer meets it (part of `python -m bench tui`):
a folder of 1,000 articles, opened in a real process on a pseudo-terminal.

- process start -> the list of articles drawn ("queue"), while the articles are still being
  read in the background; -> every article read ("queue-read");
- `>` (next article) -> the next article's statements drawn with their tags ("ready"), a few
  times while the background reading still runs and then once it is done.

The folder mixes generated news-like articles (4-8 KB, invented people and places) with copies
of the repository's real dev articles (one in four); the tag database has seen every article
before (a desk's second day), so each move registers an article in an index of 1,000.
With READER_BENCH_AGAINST=<another checkout>, that checkout's reader opens the same folder and
database too, taking turns with this one (its rows marked with its path).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from bench.corpus import generate
from bench.harness import Row

ARTICLES = 1000
NEXT = b">"
ENTER = b"\r"
REAL = sorted((Path(__file__).resolve().parent.parent / "tests" / "data" / "articles").glob("*.txt"))


def make_folder(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    real = [p.read_text(encoding="utf-8") for p in REAL]
    for i in range(n):
        if real and i % 4 == 3:
            text = real[i % len(real)].replace("\n", f" (copy {i})\n", 1)  # its own title and id
        else:
            text = generate(4000 + (i * 37) % 4000, seed=i)
            text = text.replace("\n", f" ({i})\n", 1)
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")


def register_all(folder: Path, db: Path) -> None:
    """The tag database of a desk that has opened every article once."""
    from reader.article import load_article
    from reader.attribution import extract
    from reader.config import load_config
    from reader.store import TagStore

    config = load_config(Path(__file__).resolve().parent.parent / "config.yaml")
    store = TagStore(db, "bench")
    for path in sorted(folder.iterdir()):
        article = load_article(path)
        store.register(article, extract(article.text, config))


def _count(ready: Path, stage: str) -> list[float]:
    if not ready.exists():
        return []
    return [float(line.split()[1]) for line in ready.read_text(encoding="utf-8").splitlines()
            if line.split()[0] == stage]


def _wait(ready: Path, stage: str, count: int, child: object, timeout: float = 120) -> float:
    deadline = time.monotonic() + timeout
    while True:
        found = _count(ready, stage)
        if len(found) >= count:
            return found[count - 1]
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {stage!r} #{count} from the queue:\n{bytes(child.output[-2000:])!r}")  # type: ignore[attr-defined]
        time.sleep(0.002)


def one_session(folder: Path, home: Path, early: int, late: int, cwd: Path | None = None
                ) -> tuple[float, float, list[float], list[float]]:
    """(start -> list drawn, start -> all read, next-article seconds while reading, after);
    `cwd`: another checkout whose reader to run."""
    from bench.suites.tui import PtyProcess, _env

    ready = home / f"ready-{time.monotonic_ns()}"
    child = PtyProcess([sys.executable, "-m", "reader", str(folder)], _env(home, ready, READER_BENCH_STAY="1"), cwd)
    listed = _wait(ready, "queue", 1, child) - child.started
    child.send(ENTER)
    opened = 1
    _wait(ready, "ready", opened, child)
    during, after = [], []
    for _ in range(early):
        sent = child.send(NEXT)
        opened += 1
        during.append(_wait(ready, "ready", opened, child) - sent)
    read = _wait(ready, "queue-read", 1, child) - child.started
    child.quiet_after(time.monotonic(), quiet=0.3)
    for _ in range(late):
        sent = child.send(NEXT)
        opened += 1
        after.append(_wait(ready, "ready", opened, child) - sent)
    child.send(b"q")
    child.finish()
    return listed, read, during, after


def queue_rows(home: Path, quick: bool, against: Path | None = None) -> list[Row]:
    folder = home / "desk"
    n = 200 if quick else ARTICLES
    make_folder(folder, n)
    register_all(folder, home / "db")
    runs = 2 if quick else 3
    checkouts: list[Path | None] = [None] if against is None else [None, against]
    found: dict[Path | None, tuple[list[float], list[float], list[float], list[float]]] = {
        c: ([], [], [], []) for c in checkouts}
    for _ in range(runs):
        for checkout in checkouts:  # taking turns, so drifts in machine load hit both alike
            one = one_session(folder, home, 3, 10 if quick else 20, checkout)
            listed, read, during, after = found[checkout]
            listed.append(one[0])
            read.append(one[1])
            during += one[2]
            after += one[3]
    rows = []
    for checkout, (listed, read, during, after) in found.items():
        case = f"queue of {n:,} articles" + (f" ({checkout})" if checkout else "")
        shown = statistics.median(listed)
        nxt = statistics.median(after)
        rows += [
            Row("tui", case, "process start → list drawn", shown, "s", "≤ 1", shown <= 1),
            Row("tui", case, "process start → every article read", statistics.median(read), "s"),
            Row("tui", case, "next article (> → statements drawn), while reading",
                statistics.median(during) * 1000, "ms"),
            Row("tui", case, "next article (> → statements drawn)", nxt * 1000, "ms", "≤ 150", nxt <= 0.15),
        ]
    return rows
