"""`reader untag PATH STATEMENT_ID`: remove the tag from a statement."""
from __future__ import annotations

import argparse

from reader.cli.commands.tag import excerpt, find_statement, open_for_review
from reader.cli.context import Context
from reader.cli.lines import say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="article file")
    parser.add_argument("statement", metavar="STATEMENT_ID",
                        help="the statement's number or id (or an orphaned tag's id), as `reader tags PATH` "
                             "shows them")


def run(args: argparse.Namespace, ctx: Context) -> int:
    review = open_for_review(ctx, args.path)
    article_id = review.article.id
    orphaned = {t.statement_id for t in review.reanchored.orphaned}
    if args.statement in orphaned:  # an orphan's statement is gone from the text: remove by its old id
        removed = ctx.store.remove_tag(article_id, args.statement)
        words = removed.anchor.exact if removed else ""
        say(f'removed the orphaned tag of {args.statement}: "{excerpt(words, 60)}"')
        return 0
    statement = find_statement(review, args.statement, args.path)
    removed = ctx.store.remove_tag(article_id, statement.id)
    if removed is None:
        say(f'#{review.number(statement)} {statement.id} had no tag; nothing to remove: '
            f'"{excerpt(statement.text, 60)}"')
    else:
        say(f'removed the {removed.category} tag of #{review.number(statement)} {statement.id}: '
            f'"{excerpt(statement.text, 60)}"')
    return 0
