"""Regenerate the README's screenshot of the review screen: docs/screenshot.svg.

    .venv/bin/python scripts/screenshot.py [--size 120x36] [--theme textual-dark] [-o docs/screenshot.svg]

It opens the bundled sample article with the real engine and a throwaway tag database,
tags a few statements the way a reviewer would (keys, not code), and saves Textual's own
SVG screenshot. Nothing in your own tag database is touched.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader import paths  # noqa: E402
from reader.article import load_article  # noqa: E402
from reader.config import load_config  # noqa: E402
from reader.store import TagStore  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402

# What the reviewer does before the picture: accept the first suggestion, grade it, tag the
# next statement by key, add a note to it, then move on to an untagged one.
KEYS = ["home", "enter", "g", "b", "2", "enter", "j", "3", "n", *"Seen on the ministry's site", "ctrl+s", "j"]


async def shoot(output: Path, size: tuple[int, int], theme: str) -> None:
    with tempfile.TemporaryDirectory(prefix="reader-screenshot-") as tmp:
        store = TagStore(Path(tmp) / "db", "reviewer")
        app = ReaderApp(load_article(paths.sample_article()), load_config(ROOT / "config.yaml"), store)
        app.theme = theme
        async with app.run_test(size=size) as pilot:
            await app.ready.wait()
            for key in KEYS:
                await pilot.press(key)
                await app.workers.wait_for_complete()
            await pilot.pause()
            output.parent.mkdir(parents=True, exist_ok=True)
            app.save_screenshot(filename=output.name, path=str(output.parent))
    print(f"wrote {output}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x36", help="terminal size, COLUMNSxROWS (default 120x36)")
    parser.add_argument("--theme", default="textual-dark", help="Textual theme (default textual-dark)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshot.svg")
    args = parser.parse_args()
    cols, _, rows = args.size.partition("x")
    asyncio.run(shoot(args.output, (int(cols), int(rows)), args.theme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
