"""`reader report --all [--format FORMAT] [-o FILE]`: a report over every article in the tag
database (or one article), with totals per category and per article, in any report format of
the export registry."""
from __future__ import annotations

import argparse

from reader.cli.commands.export import add_source_arguments, chosen_format, run_export
from reader.cli.context import Context
from reader.exports.registry import REPORTS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser, REPORTS, REPORTS[0])


def run(args: argparse.Namespace, ctx: Context) -> int:
    return run_export(args, ctx, chosen_format(args, REPORTS, REPORTS[0]))
