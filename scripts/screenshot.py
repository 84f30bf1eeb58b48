"""Regenerate the README's screenshots: the review screen (docs/screenshot.svg) and the queue of
articles (docs/queue.svg).

    .venv/bin/python scripts/screenshot.py [--size 120x36] [--theme textual-dark] [--only review|queue]

The review screen: the bundled sample article with the real engine and a throwaway tag
database, tagged the way a reviewer would (keys, not code): one key per statement moves on to
the next; then back to the first to grade it, and a note on the second. The queue: the sample
and the repository's three dev articles in a throwaway folder, two of them reviewed. Nothing in
your own tag database is touched.
"""
from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader import paths  # noqa: E402
from reader.article import load_article  # noqa: E402
from reader.config import load_config  # noqa: E402
from reader.review.queue import Queue, sources_from  # noqa: E402
from reader.store import TagStore  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402

# What the reviewer does before the picture of the review screen: three statements with one key
# each (accept, accept, eyewitness), back to the first to grade it B2, a note on the second,
# then on to the next one left untagged.
REVIEW_KEYS = ["enter", "enter", "3", "home", "g", "b", "2", "enter", "j", "n", *"Seen on the ministry's site",
               "ctrl+s", "j", "j", "j"]
# Before the picture of the queue: the first article reviewed whole, the second begun, back to the list.
QUEUE_KEYS = ["enter", "A", "enter", "enter", "enter", "greater_than_sign", "enter", "enter", "escape", "down",
              "down"]
DEV_ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))


async def shoot(app: ReaderApp, keys: list[str], output: Path, size: tuple[int, int], theme: str) -> None:
    app.theme = theme
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.queue is None:
            await app.ready.wait()
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause(0.5)
        output.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=output.name, path=str(output.parent))
    print(f"wrote {output}")


async def review(output: Path, size: tuple[int, int], theme: str) -> None:
    with tempfile.TemporaryDirectory(prefix="reader-screenshot-") as tmp:
        store = TagStore(Path(tmp) / "db", "reviewer")
        app = ReaderApp(load_article(paths.sample_article()), load_config(ROOT / "config.yaml"), store)
        await shoot(app, REVIEW_KEYS, output, size, theme)


async def queue(output: Path, size: tuple[int, int], theme: str) -> None:
    with tempfile.TemporaryDirectory(prefix="reader-screenshot-") as tmp:
        folder = Path(tmp) / "desk"
        folder.mkdir()
        for n, source in enumerate([paths.sample_article(), *DEV_ARTICLES], 1):
            shutil.copy(source, folder / f"{n:02d}-{source.name}")
        config = load_config(ROOT / "config.yaml")
        store = TagStore(Path(tmp) / "db", "reviewer")
        app = ReaderApp(None, config, store, queue=Queue(sources_from([str(folder)]), config, store))
        await shoot(app, QUEUE_KEYS, output, size, theme)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x36", help="terminal size, COLUMNSxROWS (default 120x36)")
    parser.add_argument("--theme", default="textual-dark", help="Textual theme (default textual-dark)")
    parser.add_argument("--only", choices=("review", "queue"), help="one of the two pictures")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the folder to write them to")
    args = parser.parse_args()
    cols, _, rows = args.size.partition("x")
    size = (int(cols), int(rows))
    if args.only in (None, "review"):
        asyncio.run(review(args.docs / "screenshot.svg", size, args.theme))
    if args.only in (None, "queue"):
        asyncio.run(queue(args.docs / "queue.svg", size, args.theme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
