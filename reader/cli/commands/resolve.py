"""`reader resolve PATH STATEMENT CATEGORY`: settle a statement, as an adjudicator, with a
category (your name and the time are kept with it, apart from the reviewers' own tags, which
are not changed); `--clear` takes the decision back, an orphaned one too (its statement left
the text: named by its old id, as `reader tags PATH` lists it)."""
from __future__ import annotations

import argparse

from reader.cli.commands.tag import excerpt, find_category, find_statement, open_for_review
from reader.cli.context import Context
from reader.cli.lines import say
from reader.errors import ReaderError
from reader.safe_text import printable
from reader.store import orphaned_resolutions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="article file or web address")
    parser.add_argument("statement", metavar="STATEMENT",
                        help="the statement's number or id (or an orphaned resolution's id, with --clear), as "
                             "`reader tags PATH` shows them")
    parser.add_argument("category", metavar="CATEGORY", nargs="?",
                        help="the settled category: a name from the config, or its key")
    parser.add_argument("--clear", action="store_true", help="take the statement's resolution back")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.clear == (args.category is not None):
        raise ReaderError("give the CATEGORY that settles the statement, or --clear to take a resolution back.")
    category = find_category(ctx.config, args.category) if args.category is not None else None
    review = open_for_review(ctx, args.path)
    if category is None:  # an orphan's statement is gone from the text: cleared by its old id
        state = ctx.store.article_state(review.article.id)
        lost = {r.statement_id: r for r in orphaned_resolutions((s.id for s in review.statements), state.resolutions)}
        if args.statement in lost:
            gone = lost[args.statement]
            ctx.store.set_resolution(review.article.id, gone.statement_id, None)
            say(printable(f'cleared the orphaned resolution of {gone.statement_id} ({gone.category} by {gone.by}): '
                          f'"{excerpt(gone.anchor.exact, 60)}"'))
            return 0
    statement = find_statement(review, args.statement, args.path)
    number = review.number(statement)
    if category is None:
        ctx.store.resolve(review.article.id, statement, None)
        say(f'cleared the resolution of #{number} {statement.id}: "{excerpt(statement.text, 60)}"')
        return 0
    tags = ctx.store.article_state(review.article.id).reviews.get(statement.id, {})
    resolution = ctx.store.resolve(review.article.id, statement, category.name)
    assert resolution is not None
    others = " · ".join(f"{name} {tags[name].category}" for name in sorted(tags)) or "nobody has tagged it"
    say(printable(f'settled #{number} {statement.id} as {category.name} by {resolution.by} ({others}): '
                  f'"{excerpt(statement.text, 60)}"'))
    return 0
