"""`reader db copy SOURCE TARGET`: copy a whole tag database, a folder (or .json file) or a
PostgreSQL server's address each way, losslessly; a second copy writes nothing new."""
from __future__ import annotations

import argparse
import sys

from reader.cli.context import Context, database_location
from reader.cli.lines import say
from reader.errors import ReaderError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    copy = sub.add_parser("copy", help="copy every article, tag, decision and edit from SOURCE into TARGET",
                          description="Copy every article, every reviewer's tags, resolutions, orphaned tags, "
                                      "edits and texts from SOURCE into TARGET (each a folder, a .json file or "
                                      "postgresql://user@host:port/database). What TARGET lacks is added; what it "
                                      "holds alike is left alone, so running the copy again changes nothing; of "
                                      "two versions of a tag or decision the later stays; other records TARGET "
                                      "holds differently are kept and counted.")
    copy.add_argument("source", metavar="SOURCE", help="the database to copy from")
    copy.add_argument("target", metavar="TARGET", help="the database to copy into (created when new)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from reader.store import TagStore
    from reader.store.copying import copy_database

    source = TagStore(database_location(args.source), ctx.reviewer)
    if next(source.backend.article_ids(), None) is None:
        raise ReaderError(f"{source.location}: holds no tag database to copy (no articles).")
    target = TagStore(database_location(args.target), ctx.reviewer)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rcopied {done:,} of {total:,} articles", end="", file=sys.stderr, flush=True)

    copied = copy_database(source, target, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    tags = copied.added.get("tags", 0) + copied.replaced.get("tags", 0)
    say(f"copied {copied.articles:,} articles from {source.location} to {target.location}: "
        f"{copied.written:,} records written ({tags:,} tags), the rest already there.")
    if copied.kept:
        kept = ", ".join(f"{n:,} {name}" for name, n in sorted(copied.kept.items()))
        say(f"kept as they were in the target, which holds other versions of them: {kept}.")
    return 0
