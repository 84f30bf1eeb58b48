"""`reader [PATH]`: open an article for review (the bundled sample when no PATH)."""
from __future__ import annotations

import argparse

from reader.attribution import extract
from reader.cli.context import Context

NAME = "open"
HELP = "open an article for review (default: the bundled sample)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", nargs="?", help="article file (default: the sample)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    article = ctx.article(args.path)
    from reader.cli.render import console, statements_table

    console().print(statements_table(article.title, extract(article.text, ctx.config), ctx.config))
    return 0
