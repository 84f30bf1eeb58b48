"""`reader report --all [--format md|html] [-o FILE]`: a report over every article in the tag
database (or one article), with totals per category and per article."""
from __future__ import annotations

import argparse

from reader.cli.commands.export import add_source_arguments, chosen_format, run_export
from reader.cli.context import Context
from reader.exports import FORMATS

REPORT_FORMATS = tuple(name for name, f in FORMATS.items() if f.report)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser, REPORT_FORMATS, "md")


def run(args: argparse.Namespace, ctx: Context) -> int:
    return run_export(args, ctx, chosen_format(args, REPORT_FORMATS, "md"))
