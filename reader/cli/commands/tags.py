"""`reader tags PATH [--format table|json]`: the article's statements with their tags and
suggestions, and the orphaned tags kept from older versions of the text. The progress counted
is this reviewer's; with several reviewers, each one's tag is shown beside the outcome."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.commands.tag import open_for_review
from reader.cli.context import Context
from reader.safe_text import json_text
from reader.store import Tag, outcome, statement_record, tally
from reader.store.model import anchor_to_json
from reader.store.records import tag_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="article file")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")


def orphan_json(tag: Tag) -> dict[str, Any]:
    return {"statement_id": tag.statement_id, **(tag_json(tag) or {}), "anchor": anchor_to_json(tag.anchor)}


def run(args: argparse.Namespace, ctx: Context) -> int:
    review = open_for_review(ctx, args.path)
    article = review.article
    state = ctx.store.article_state(article.id)
    reviews, resolutions = state.reviews, state.resolutions
    orphans = review.reanchored.orphaned
    added = {s.id for s in review.edits.added}
    count = tally((s.id for s in review.statements), state.tags_of(ctx.store.reviewer), review.edits.dismissed)
    if args.format == "json":
        doc = {
            "article": {"id": article.id, "path": article.path, "title": article.title, "chars": article.chars},
            "statements": [statement_record(s, reviews.get(s.id, {}).values(), resolutions.get(s.id),
                                            dismissed=s.id in review.edits.dismissed,
                                            added=s.id in added, number=review.number(s))
                           for s in review.statements],
            "tagged": count.tagged, "total": count.total,
            "orphans": [orphan_json(t) for t in orphans],
        }
        sys.stdout.write(json_text(doc) + "\n")
        return 0

    from rich.table import Table
    from rich.text import Text

    from reader.cli.render import console, excerpt, literal, reviewers_cell, suggestion_cell, tag_cell

    table = Table(title=literal(article.title, "bold"), expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("statement", ratio=5)
    table.add_column("suggested", ratio=2)
    table.add_column("tag", ratio=2)
    several = len(state.reviewers) > 1
    if several:
        table.add_column("reviewers", ratio=3)
    for s in review.statements:
        dismissed = s.id in review.edits.dismissed
        words = literal(excerpt(s.text))
        if dismissed:
            words.append(" (dismissed)", style="italic")
        by = reviews.get(s.id, {})
        resolution = resolutions.get(s.id)
        cells: list[Text | str] = [str(review.number(s)), literal(s.id), literal(s.speaker or "—"), words,
                 suggestion_cell(s, ctx.config), tag_cell(outcome(by.values(), resolution), ctx.config)]
        if several:
            cells.append(reviewers_cell(by, resolution, ctx.config))
        table.add_row(*cells, style="dim" if dismissed else "")
    out = console()
    out.print(table)
    gone = len(review.edits.dismissed & {s.id for s in review.statements})
    out.print(Text(f"{count.tagged} of {count.total} statements tagged"
                   + (f" ({gone} dismissed, not counted)." if gone else ".")))
    if orphans:
        kept = Table(title=Text("Orphaned tags: kept, but their statements are no longer in the text",
                                style="bold yellow"), expand=True)
        kept.add_column("old id", no_wrap=True)
        kept.add_column("words when tagged", ratio=5)
        kept.add_column("tag", ratio=2)
        for t in orphans:
            kept.add_row(literal(t.statement_id), literal(excerpt(t.anchor.exact)), tag_cell(t, ctx.config))
        out.print(kept)
        out.print(literal(f"`reader untag {args.path} OLD_ID` removes one.", "dim"))
    return 0
