"""`reader import FILE [--keep-mine]`: merge tags from an export file (the registry's importable
formats: a json export or a W3C annotation collection) into the tag database, each reviewer's
beside the others', listing what was added, updated, identical and in conflict."""
from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.context import Context
from reader.cli.lines import say
from reader.exports import import_file
from reader.exports.registry import IMPORTABLE, listed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE",
                        help=f"a file written by `reader export` as {listed(IMPORTABLE)}")
    parser.add_argument("--keep-mine", action="store_true",
                        help="on a conflict (one reviewer's tag on one statement, with another category in "
                             "the file) keep the database's (default: the newer one wins); another reviewer's "
                             "tags are always added beside, never in conflict")
    parser.add_argument("--add-articles", action="store_true",
                        help="take articles this database has never seen from the json file's text "
                             "(default: refuse the file)")
    parser.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")


def run(args: argparse.Namespace, ctx: Context) -> int:
    result = import_file(ctx.store, ctx.config, Path(args.file), keep_mine=args.keep_mine,
                         add_articles=args.add_articles, dry_run=args.dry_run)
    for line in result.lines():
        say(line)
    return 0
