"""`reader tags PATH [--reviewers A,B] [--format table|json]`: the article's statements with
their tags and suggestions, and what is kept from older versions of the text: orphaned tags
and the adjudicators' decisions on statements that are gone. The progress counted is this
reviewer's (`--reviewer`), as the queue and the review screen count it; with several
reviewers, each one's tag is shown beside the outcome, and `--reviewers` shows only theirs
(each one's count, the outcome of their tags)."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli.commands.tag import open_for_review
from reader.cli.context import Context, reviewer_names
from reader.safe_text import json_text
from reader.store import article_tally, orphaned_resolutions, outcome, statement_record
from reader.store.records import orphan_json, orphaned_resolution_json

if TYPE_CHECKING:
    from rich.table import Table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="article file")
    parser.add_argument("--reviewers", metavar="A,B",
                        help="only these reviewers' tags, comma-separated, and each one's count "
                             "(default: everyone's tags, your count)")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    only = reviewer_names(args.reviewers)
    review = open_for_review(ctx, args.path)
    article = review.article
    state = ctx.store.article_state(article.id)
    resolutions = state.resolutions
    reviews = {sid: {name: t for name, t in by.items() if only is None or name in only}
               for sid, by in state.reviews.items()}
    orphans = [t for t in review.reanchored.orphaned if only is None or t.reviewer in only]
    ids = [s.id for s in review.statements]
    lost_decisions = orphaned_resolutions(ids, resolutions)
    added = {s.id for s in review.edits.added}
    me = ctx.store.reviewer
    count = article_tally(ids, state.progress, me)
    counted = only if only is not None else state.reviewers
    by_reviewer = {name: article_tally(ids, state.progress, name) for name in counted}
    if args.format == "json":
        doc = {
            "article": {"id": article.id, "path": article.path, "title": article.title, "chars": article.chars},
            "statements": [statement_record(s, reviews.get(s.id, {}).values(), resolutions.get(s.id),
                                            dismissed=s.id in review.edits.dismissed,
                                            added=s.id in added, number=review.number(s))
                           for s in review.statements],
            "reviewer": me, "tagged": count.tagged, "total": count.total,
            "tagged_by": {name: found.tagged for name, found in by_reviewer.items()},
            "orphans": [orphan_json(t) for t in orphans],
            "orphaned_resolutions": [orphaned_resolution_json(r) for r in lost_decisions],
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
    several = len(state.reviewers) > 1 or only is not None
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
    gone = len(review.edits.dismissed & set(ids))
    aside = f" ({gone} dismissed, not counted)." if gone else "."
    if only is not None:
        out.print(literal("; ".join(f"{name}: {found.tagged} of {found.total}" for name, found in by_reviewer.items())
                          + " statements tagged" + aside))
    else:
        out.print(literal(f"{count.tagged} of {count.total} statements tagged"
                          + (f" by {me}" if several else "") + aside))
    if orphans:
        kept = _orphaned("tags", "words when tagged", "tag", *(["reviewer"] if several else []))
        for t in orphans:
            kept.add_row(literal(t.statement_id), literal(excerpt(t.anchor.exact)), tag_cell(t, ctx.config),
                         *([literal(t.reviewer)] if several else []))
        out.print(kept)
        out.print(literal(f"`reader untag {args.path} OLD_ID` removes one.", "dim"))
    if lost_decisions:
        kept = _orphaned("resolutions", "words when settled", "settled", "by")
        for r in lost_decisions:
            kept.add_row(literal(r.statement_id), literal(excerpt(r.anchor.exact)), literal(r.category),
                         literal(f"{r.by}, {r.at.replace('T', ' ').rstrip('Z')}"))
        out.print(kept)
        out.print(literal("They count again if the statement comes back to the text; "
                          f"`reader resolve {args.path} OLD_ID --clear` takes one back.", "dim"))
    return 0


def _orphaned(what: str, words: str, *columns: str) -> Table:
    """The table of orphaned `what` (tags, resolutions): old id, the words then, `columns`."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"Orphaned {what}: kept, but their statements are no longer in the text",
                             style="bold yellow"), expand=True)
    table.add_column("old id", no_wrap=True)
    table.add_column(words, ratio=5)
    for name in columns:
        table.add_column(name, ratio=2)
    return table
