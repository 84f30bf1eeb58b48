"""The `reader` command line: parses options, runs one command, turns errors into sentences."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.commands import COMMANDS, DEFAULT_COMMAND
from reader.cli.context import Context
from reader.errors import ReaderError

_GLOBAL_WITH_VALUE = ("--db", "--config")


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="tag database folder (env READER_DB; default: your data folder)")
    parser.add_argument("--config", metavar="PATH", default=default,
                        help="settings file (env READER_CONFIG; default: config.yaml)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Find every attributed statement in a news article and tag its source.",
        epilog="With no command, `reader [PATH]` opens the review screen (no PATH: the sample article).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _add_global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        _add_global_options(p, suppress=True)
        command.add_arguments(p)
        p.set_defaults(run=command.run)
    return parser


def _route(argv: list[str]) -> list[str]:
    """`reader PATH` and bare `reader` mean `reader open ...`: insert the command name."""
    names = {c.NAME for c in COMMANDS}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_WITH_VALUE:
            i += 2
            continue
        if arg == "-" or not arg.startswith("-"):
            return argv if arg in names else argv[:i] + [DEFAULT_COMMAND] + argv[i:]
        if arg in ("-h", "--help", "--version"):
            return argv
        i += 1
    return argv + [DEFAULT_COMMAND]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_route(args_list))
    ctx = Context(config_option=args.config, db_option=args.db)
    try:
        return int(args.run(args, ctx) or 0)
    except ReaderError as e:
        print(f"reader: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `reader extract x | head`: the reader of our output left
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
