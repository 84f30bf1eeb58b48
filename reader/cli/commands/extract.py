"""`reader extract PATH --format json|table`: the article's attributed statements."""
from __future__ import annotations

import argparse
import sys

from reader.attribution import extract
from reader.cli.context import Context
from reader.safe_text import json_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="article file")
    parser.add_argument("--format", choices=("json", "table"), default="table",
                        help="output format (default: table)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    article = ctx.article(args.path)
    statements = extract(article.text, ctx.config)
    if args.format == "json":
        doc = {
            "article": {"id": article.id, "path": article.path, "title": article.title,
                        "chars": article.chars},
            "statements": [s.to_json() for s in statements],
        }
        sys.stdout.write(json_text(doc) + "\n")
    else:
        from reader.cli.render import console, statements_table

        console().print(statements_table(article.title, statements, ctx.config))
    return 0
