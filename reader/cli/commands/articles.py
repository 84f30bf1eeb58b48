"""`reader articles [--format table|json]`: every article in the tag database."""
from __future__ import annotations

import argparse
import sys

from reader.cli.context import Context
from reader.cli.lines import say
from reader.safe_text import json_text
from reader.store import ArticleRecord, ArticleState, Tally, stored_tally, tagged_ids


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    parser.add_argument("--all", action="store_true",
                        help="also list older texts of articles that changed since (their tags moved on)")


def progress(record: ArticleRecord, state: ArticleState) -> Tally:
    """The article's tally from the store, current without reopening the article; for one last
    opened by an older reader (no statement ids kept), its count then with the tags since."""
    found = stored_tally(state)
    if found is not None:
        return found
    return Tally(len(tagged_ids(state) - state.edits.dismissed), record.statements)


def run(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    records = [record for record in store.articles() if args.all or not record.replaced_by]
    # tags, edits and orphans from one read of each article (many at once on a server), counted
    # as everywhere else
    states = dict(store.article_states(record.id for record in records))
    listed = [(record, states[record.id], progress(record, states[record.id])) for record in records]
    if args.format == "json":
        rows = [{"id": record.id, "path": record.path, "title": record.title, "chars": record.chars,
                 "tagged": count.tagged, "statements": count.total,
                 "orphaned": len(state.orphans), "first_seen": record.first_seen,
                 "last_opened": record.last_opened, "replaced_by": record.replaced_by}
                for record, state, count in listed]
        sys.stdout.write(json_text({"database": str(ctx.db_path), "articles": rows}) + "\n")
        return 0
    from rich.table import Table
    from rich.text import Text

    from reader.cli.render import console, excerpt, literal

    if not listed:
        say(f"No articles in {ctx.db_path} yet: `reader tag`, `reader tags` or the review screen add them.")
        return 0
    table = Table(title=literal(f"Articles in {ctx.db_path}", "bold"), expand=True)
    table.add_column("title", ratio=4)
    table.add_column("path", ratio=4)
    table.add_column("tagged", justify="right", no_wrap=True)
    table.add_column("last opened", no_wrap=True)
    for record, state, count in listed:
        tagged = Text(str(count))
        if state.orphans:
            tagged.append(f" +{len(state.orphans)} orphaned", style="yellow")
        title = literal(excerpt(record.title, 80))
        if record.replaced_by:
            title.append(" (older text)", style="dim")
        table.add_row(title, literal(record.path), tagged, literal(record.last_opened.replace("T", " ").rstrip("Z")))
    console().print(table)
    return 0
