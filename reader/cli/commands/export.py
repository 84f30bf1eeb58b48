"""`reader export PATH|--all --format FORMAT [-o FILE]`: the article's (or every article's)
statements and saved tags, from the tag database's copy of the text, in any format of the
export registry."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.attribution import Statement, extract
from reader.cli.context import Context
from reader.cli.lines import tell, warn
from reader.errors import ReaderError
from reader.exports import FORMATS, ExportOptions, export, export_to_file
from reader.exports.registry import format_of, listed


def add_source_arguments(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    """The arguments `export` and `report` share, offering `formats` (`default` without -o)."""
    parser.description = f"{parser.description}, as {listed(formats)}"
    parser.epilog = "; ".join(f"{name}: {FORMATS[name].description}" for name in formats)
    parser.add_argument("path", metavar="PATH", nargs="?",
                        help="article file or web address (it is opened and registered); or use --all")
    parser.add_argument("--all", action="store_true", help="every article in the tag database")
    parser.add_argument("--format", choices=formats, default=None,
                        help=f"output format (default: from the -o file's ending, else {default})")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (atomically: all or nothing) instead of standard output")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--untagged", dest="untagged", action="store_const", const=True, default=None,
                       help="list statements nobody has tagged (every format but w3c lists them anyway; "
                            "w3c adds them as highlights; those a reviewer edited it lists anyway)")
    shown.add_argument("--tagged-only", dest="untagged", action="store_const", const=False,
                       help="list tagged statements only (the reports still count the untagged ones)")
    parser.add_argument("--category", metavar="NAME", help="only statements tagged with this category")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser, tuple(FORMATS), "json")


def chosen_format(args: argparse.Namespace, formats: Sequence[str], default: str) -> str:
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        return format_of(Path(args.output), formats) or default
    return default


def _stored_record(ctx: Context, source: str) -> str | None:
    """The id of the article the tag database holds for this path or address, newest first."""
    wanted = source if "://" in source or source == "-" else str(Path(source).expanduser().resolve())
    found = [r for r in ctx.store.articles() if r.path == wanted]
    found.sort(key=lambda r: (getattr(r, "replaced_by", None) is None, r.last_opened), reverse=True)
    return found[0].id if found else None


def open_for_export(ctx: Context, source: str) -> tuple[str, dict[str, list[Statement]] | None]:
    """Open and register the article at `source`; when it cannot be read any more (moved,
    offline), fall back to the tag database's copy of the article last seen there."""
    try:
        article = ctx.article(source)
    except ReaderError as e:
        stored = _stored_record(ctx, source) if source != "-" else None
        if stored is None:
            raise
        warn(f"{e} Exporting the copy kept in the tag database.")
        return stored, None
    statements = extract(article.text, ctx.config)
    ctx.register(article, statements)
    return article.id, {article.id: statements}


def run_export(args: argparse.Namespace, ctx: Context, fmt: str) -> int:
    if args.all and args.path is not None:
        raise ReaderError(f"{args.path}: give an article PATH or --all, not both.")
    if not args.all and args.path is None:
        raise ReaderError("no article given: name an article PATH, or use --all for every article.")
    options = ExportOptions(untagged=args.untagged, category=args.category)
    output = Path(args.output) if args.output and args.output != "-" else None
    if output is not None:
        from reader.exports.output import check_target

        check_target(output)  # a missing folder is reported before any work
    ids, statements = (None, None) if args.all else open_for_export(ctx, args.path)
    article_ids = None if ids is None else [ids]
    if output is None:
        export(ctx.store, ctx.config, article_ids, fmt, sys.stdout, options, statements=statements)
        sys.stdout.flush()
    else:
        written = export_to_file(ctx.store, ctx.config, article_ids, fmt, output, options, statements=statements)
        tell(f"wrote {written} ({fmt}).")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    return run_export(args, ctx, chosen_format(args, tuple(FORMATS), "json"))
