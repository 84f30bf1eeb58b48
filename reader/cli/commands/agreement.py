"""`reader agreement [PATH ...|--all] [--reviewers a,b] [--format table|json]`: how far the
reviewers agree, over the statements two or more of them tagged (dismissed ones left out):
percent agreement, Cohen's κ for each pair, Krippendorff's α overall and per category, per
article in the table, and every statement in disagreement."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader.agreement import (Agreement, Unit, agreement, agreement_json, figure, krippendorff_alpha,
                              percent_agreement, rounded, units_of)
from reader.cli.context import Context, reviewer_names
from reader.cli.lines import say
from reader.errors import ReaderError
from reader.exports.agreement import units_by_article
from reader.exports.collector import article_records
from reader.safe_text import json_lines, json_text

if TYPE_CHECKING:
    from reader.store import ArticleRecord


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", metavar="PATH", nargs="*",
                        help="article files or web addresses (each opened and registered); none, or --all: "
                             "every article in the tag database")
    parser.add_argument("--all", action="store_true", help="every article in the tag database (the default)")
    parser.add_argument("--reviewers", metavar="A,B",
                        help="only these reviewers' tags, comma-separated (default: everyone's)")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.all and args.paths:
        raise ReaderError("give article PATHs or --all, not both.")
    reviewers = reviewer_names(args.reviewers, least=2)
    ids = None
    if args.paths:  # (the engine is imported only for articles named: --all reads the store alone)
        from reader.cli.commands.tag import open_for_review

        ids = [open_for_review(ctx, path).article.id for path in args.paths]
    records = article_records(ctx.store, ids)
    per_article = [(record, units_of(units, reviewers)) for record, units in units_by_article(ctx.store, records)]
    every = [u for _, units in per_article for u in units]
    found = agreement(every, reviewers, ctx.config.category_names)
    if args.format == "json":
        doc = agreement_json(found, len(records))
        doc["per_article"] = [{"article": record.id, "title": record.title, **_figures(units)}
                              for record, units in per_article]
        sys.stdout.write(_json(doc, ("disagreements", "per_article")))
        return 0
    _table(found, per_article, len(records))
    return 0


SHOWN = 40  # statements in disagreement the table lists (json lists every one)


def _json(doc: dict[str, Any], lists: tuple[str, ...]) -> str:
    """The document indented for people, except that each entry of the long `lists` is one
    line (json.dumps indents in pure Python: 30,000 disagreements took seconds)."""
    head = json_text({k: v for k, v in doc.items() if k not in lists})
    parts = [head[:-2]]  # without the closing "\n}"
    for key in lists:
        entries = ",\n    ".join(json_lines(doc[key]))
        parts.append(f'"{key}": [\n    {entries}\n  ]' if entries else f'"{key}": []')
    return ",\n  ".join(parts) + "\n}\n"


def _figures(units: list[Unit]) -> dict[str, float | int | None]:
    return {"units": len(units), "percent_agreement": rounded(percent_agreement(units)),
            "krippendorff_alpha": rounded(krippendorff_alpha([u.tags for u in units]))}


def _table(found: Agreement, per_article: list[tuple[ArticleRecord, list[Unit]]], articles: int) -> None:
    from rich.table import Table
    from rich.text import Text

    from reader.cli.render import console, excerpt, literal

    out = console()
    if found.units == 0:
        say(f"No statement in {articles} article{'s' if articles != 1 else ''} has tags from two reviewers or more "
            "yet: import a colleague's tags (reader import FILE) or tag as another reviewer (--reviewer NAME).")
        return
    out.print(literal(f"Agreement of {', '.join(found.reviewers)} over {found.units:,} statements in "
                      f"{articles:,} article{'s' if articles != 1 else ''}: {figure(found.percent_agreement, True)} "
                      f"agreed, Krippendorff's α {figure(found.krippendorff_alpha)}", "bold"))
    pairs = Table(title=Text("Pairs of reviewers"), expand=False)
    for name, right in (("reviewers", False), ("statements", True), ("agreed", True), ("Cohen's κ", True)):
        pairs.add_column(name, justify="right" if right else "left")
    for p in found.pairs:
        pairs.add_row(literal(" · ".join(p.reviewers)), f"{p.units:,}", figure(p.percent_agreement, True),
                      figure(p.cohen_kappa))
    out.print(pairs)
    categories = Table(title=Text("Per category (this category or not)"), expand=False)
    categories.add_column("category")
    categories.add_column("statements", justify="right")
    categories.add_column("Krippendorff's α", justify="right")
    for name, c in found.categories.items():
        categories.add_row(literal(name), f"{c.units:,}", figure(c.krippendorff_alpha))
    out.print(categories)
    if len(per_article) > 1:
        table = Table(title=Text("Per article"), expand=True)
        table.add_column("article", ratio=4)
        table.add_column("statements", justify="right")
        table.add_column("agreed", justify="right")
        table.add_column("α", justify="right")
        for record, units in per_article:
            figures = _figures(units)
            table.add_row(literal(excerpt(record.title, 60)), f"{len(units):,}",
                          figure(figures["percent_agreement"], True), figure(figures["krippendorff_alpha"]))
        out.print(table)
    if found.disagreements:
        several = articles > 1
        table = Table(title=Text(f"Statements in disagreement ({len(found.disagreements):,})"), expand=True)
        if several:
            table.add_column("article", ratio=2)
        table.add_column("#", justify="right")
        table.add_column("id", no_wrap=True)
        table.add_column("statement", ratio=4)
        for name in [*found.reviewers, "settled"]:  # a category is never cut
            table.add_column(literal(name), no_wrap=True, min_width=len("social media"))
        for u in found.disagreements[:SHOWN]:
            cells = [literal(excerpt(u.title, 30))] if several else []
            table.add_row(*cells, str(u.number or "?"), literal(u.statement), literal(excerpt(u.text, 60)),
                          *(literal(u.tags.get(n, "–")) for n in found.reviewers), literal(u.settled or ""))
        out.print(table)
        if len(found.disagreements) > SHOWN:
            say(f"… and {len(found.disagreements) - SHOWN:,} more: `reader agreement --format json` lists them all.")
