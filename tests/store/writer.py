"""A writer process for the crash and concurrency tests: `python -m tests.store.writer DB
ARTICLE_ID FIRST STEP COUNT [--wait]` tags statements FIRST, FIRST+STEP, ... of the
`many_quotes` article (wrapping around), COUNT times (0: forever), printing "<statement id>
<n>" after each write returns. With --wait it prints "ready" and waits for a line on stdin."""
from __future__ import annotations

import itertools
import sys

from reader.store import TagStore
from tests.store.helpers import location, many_quotes, statements_in, text_with

QUOTES = 120
CATEGORIES = ("official", "intelligence", "eyewitness", "social media")


def main(argv: list[str]) -> int:
    db, article_id, first, step, count = argv[0], argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    # one reviewer per interleaved writer, unless named: --as NAME
    name = argv[argv.index("--as") + 1] if "--as" in argv else f"writer-{first % step}"
    store = TagStore(location(db), name)
    statements = statements_in(text_with(many_quotes(QUOTES)))
    if "--wait" in argv:
        print("ready", flush=True)
        sys.stdin.readline()
    numbers = itertools.count() if count == 0 else range(count)
    for i in numbers:
        n = first + i * step
        s = statements[n % len(statements)]
        store.set_tag(article_id, s, CATEGORIES[n % 4], note=str(n))
        print(f"{s.id} {n}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
