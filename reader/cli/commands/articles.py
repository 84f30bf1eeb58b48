"""`reader articles [--format table|json] [--all]`: every article in the tag database, with its
progress counted as the queue and the review screen count it: the statements this reviewer
(`--reviewer`) tagged. Where others tagged too, the desk's count beside it (statements anyone
tagged or an adjudicator settled), and each reviewer's in the json."""
from __future__ import annotations

import argparse
import sys

from reader.cli.context import Context
from reader.cli.lines import say
from reader.safe_text import json_text
from reader.store import Progress, orphaned_ids, stored_ids, stored_tally


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    parser.add_argument("--all", action="store_true",
                        help="also list older texts of articles that changed since (their tags moved on)")


def _orphaned_resolutions(progress: Progress) -> int:
    ids = stored_ids(progress)
    return 0 if ids is None else len(orphaned_ids(ids, progress.settled))


def run(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    reviewer = store.reviewer  # (as the store names one without a name)
    records = [record for record in store.articles() if args.all or not record.replaced_by]
    # who tagged what, the edits and orphans of each article (many at once on a server, no
    # tag read whole), counted as everywhere else (reader.store.records)
    counted = dict(store.progress(record.id for record in records))
    listed = [(record, counted[record.id], stored_tally(counted[record.id], reviewer, record.statements),
               stored_tally(counted[record.id], None, record.statements)) for record in records]
    if args.format == "json":
        rows = [{"id": record.id, "path": record.path, "title": record.title, "chars": record.chars,
                 "tagged": mine.tagged, "statements": mine.total, "desk_tagged": desk.tagged,
                 "tagged_by": {name: stored_tally(progress, name, record.statements).tagged
                               for name in progress.reviewers},
                 "orphaned": progress.orphans, "orphaned_resolutions": _orphaned_resolutions(progress),
                 "first_seen": record.first_seen, "last_opened": record.last_opened, "replaced_by": record.replaced_by}
                for record, progress, mine, desk in listed]
        sys.stdout.write(json_text({"database": str(ctx.db_path), "reviewer": reviewer, "articles": rows}) + "\n")
        return 0
    from rich.table import Table
    from rich.text import Text

    from reader.cli.render import console, excerpt, literal

    if not listed:
        say(f"No articles in {ctx.db_path} yet: `reader tag`, `reader tags` or the review screen add them.")
        return 0
    # the desk's column only where someone else's work would otherwise go unseen
    desk_column = any(desk != mine for _, _, mine, desk in listed)
    table = Table(title=literal(f"Articles in {ctx.db_path}", "bold"), expand=True,
                  caption=literal(f"tagged: by {reviewer}"
                                  + ("; desk: by anyone, or settled" if desk_column else ""), "dim"))
    table.add_column("title", ratio=4)
    table.add_column("path", ratio=4)
    table.add_column("tagged", justify="right", no_wrap=True)
    if desk_column:
        table.add_column("desk", justify="right", no_wrap=True)
    table.add_column("last opened", no_wrap=True)
    for record, progress, mine, desk in listed:
        tagged = Text(str(mine))
        lost = [(progress.orphans, "orphaned"), (_orphaned_resolutions(progress), "orphaned resolutions")]
        for n, what in lost:
            if n:
                tagged.append(f" +{n} {what}", style="yellow")
        title = literal(excerpt(record.title, 80))
        if record.replaced_by:
            title.append(" (older text)", style="dim")
        cells = [title, literal(record.path), tagged, *([Text(str(desk))] if desk_column else []),
                 literal(record.last_opened.replace("T", " ").rstrip("Z"))]
        table.add_row(*cells)
    console().print(table)
    return 0
