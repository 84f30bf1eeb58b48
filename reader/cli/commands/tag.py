"""`reader tag PATH STATEMENT_ID CATEGORY [--note TEXT]`: save a tag, as the review screen would.

Also home to what the tag commands share: opening an article for review (extract, register,
apply the reviewer's edits) and resolving what the user typed to a statement or a category."""
from __future__ import annotations

import argparse
from dataclasses import dataclass

from reader.article import Article
from reader.attribution import Statement, extract
from reader.cli.context import Context
from reader.cli.lines import say
from reader.config import Category, Config
from reader.errors import ReaderError
from reader.grades import CREDIBILITY, RELIABILITY, span
from reader.safe_text import one_line, printable
from reader.store import UNSET, Edits, Reanchored, apply_edits, numbers

SHOWN = 5  # statements listed when an id is not found


@dataclass(frozen=True)
class Review:
    article: Article
    statements: list[Statement]  # the engine's, with the reviewer's edits applied
    edits: Edits
    reanchored: Reanchored
    numbers: dict[str, int]  # statement id -> its number (reader.store.numbers)

    def number(self, statement: Statement) -> int:
        return self.numbers[statement.id]


def open_for_review(ctx: Context, path: str) -> Review:
    """Load the article, extract its statements, register it (re-anchoring saved tags), and
    say on stderr what re-anchoring did: tags that followed an edited text, tags orphaned now."""
    article = ctx.article(path)
    engine = extract(article.text, ctx.config)
    reanchored = ctx.register(article, engine)
    edits = ctx.store.edits(article.id)
    return Review(article, apply_edits(engine, edits, ctx.config, article.text), edits, reanchored,
                  numbers((s.id for s in engine), (s.id for s in edits.added)))


def excerpt(text: str, width: int = 40) -> str:
    """A one-line excerpt for a plain message (control characters made visible)."""
    return printable(one_line(text, width))


def find_statement(review: Review, wanted: str, path: str) -> Statement:
    """The statement with this number (`3` or `#3`, as the review screen and `reader tags`
    show it), or this id (or the one statement whose id starts with it)."""
    statements = review.statements
    name = printable(path)
    number = wanted[1:] if wanted.startswith("#") else wanted
    if number.isdigit():
        found = next((s for s in statements if review.number(s) == int(number)), None)
        if found is not None:
            return found
        if not statements:
            raise ReaderError(f"{name}: the article has no statements, so there is no statement {int(number)}.")
        raise ReaderError(f"{name}: there is no statement {int(number)}; the article's statements are numbered "
                          f"1 to {max(review.numbers.values())} (`reader tags {name}` lists them).")
    for s in statements:
        if s.id == wanted:
            return s
    matches = [s for s in statements if len(wanted) >= 3 and s.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not statements:
        raise ReaderError(f"{name}: the article has no statements, so there is no {printable(wanted)!r} to tag.")
    pool = matches or statements
    listed = "; ".join(f'#{review.number(s)} {s.id} "{excerpt(s.text)}"' for s in pool[:SHOWN])
    more = f" and {len(pool) - SHOWN} more" if len(pool) > SHOWN else ""
    what = "matches several statements" if matches else "is neither a number nor an id of this article's statements"
    raise ReaderError(f"{name}: {printable(wanted)!r} {what}; for example {listed}{more} "
                      f"(`reader tags {name}` lists them all).")


def find_category(config: Config, wanted: str) -> Category:
    """A category by name (any case) or by its key."""
    for c in config.categories:
        if wanted == c.name:
            return c
    for c in config.categories:
        if wanted.casefold() == c.name.casefold() or wanted == c.key:
            return c
    valid = ", ".join(f"{c.name} ({c.key})" for c in config.categories)
    source = f" in {config.source}" if config.source else ""
    raise ReaderError(f"{printable(wanted)!r} is not a category{source}; choose one of: {valid}.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="article file")
    parser.add_argument("statement", metavar="STATEMENT_ID",
                        help="the statement's number or id, as `reader tags PATH` shows them (a unique prefix "
                             "of the id will do)")
    parser.add_argument("category", metavar="CATEGORY", help="a category name from the config, or its key")
    parser.add_argument("--note", metavar="TEXT", help="a note to keep with the tag (\"\" removes it)")
    parser.add_argument("--reliability", metavar=span(RELIABILITY, "-"), help="Admiralty source reliability")
    parser.add_argument("--credibility", metavar=span(CREDIBILITY, "-"), help="Admiralty information credibility")


def run(args: argparse.Namespace, ctx: Context) -> int:
    category = find_category(ctx.config, args.category)
    review = open_for_review(ctx, args.path)
    statement = find_statement(review, args.statement, args.path)
    tag = ctx.store.set_tag(
        review.article.id, statement, category.name,
        note=UNSET if args.note is None else args.note,
        reliability=UNSET if args.reliability is None else (args.reliability or None),
        credibility=UNSET if args.credibility is None else (args.credibility or None))
    grades = f" {tag.reliability or '-'}{tag.credibility or '-'}" if tag.reliability or tag.credibility else ""
    say(f'tagged #{review.number(statement)} {statement.id} as {category.name}{grades}: '
        f'"{excerpt(statement.text, 60)}"')
    return 0
