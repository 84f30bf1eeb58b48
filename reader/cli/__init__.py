"""The `reader` command line: parses options, runs one command, turns errors into sentences."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext

from reader.gc_pause import collector_paused
from reader.cli.commands import COMMANDS, DEFAULT_COMMAND
from reader.cli.context import Context
from reader.cli.lines import tell
from reader.errors import ReaderError

_GLOBAL_WITH_VALUE = ("--db", "--config", "--reviewer")


class _Version(argparse.Action):
    """--version, with the version looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        import reader

        print(f"reader {reader.__version__}")
        parser.exit()


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="tag database folder (env READER_DB; default: your data folder)")
    parser.add_argument("--config", metavar="PATH", default=default,
                        help="settings file (env READER_CONFIG; default: config.yaml)")
    parser.add_argument("--reviewer", metavar="NAME", default=default,
                        help="whose tags to save and edit (env READER_REVIEWER; default: `reviewer` in the "
                             "settings, else your login name)")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only `command`'s own arguments are read in (its module imported)."""
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Find every attributed statement in a news article and tag its source.",
        epilog="With no command, `reader [PATH]` opens the review screen (no PATH: the sample article).",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    _add_global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for spec in COMMANDS:
        p = sub.add_parser(spec.name, help=spec.help, description=spec.help)
        if spec.name == command:
            module = spec.load()
            _add_global_options(p, suppress=True)
            module.add_arguments(p)
            p.set_defaults(run=module.run, whole_database=spec.whole_database)
    return parser


def _route(argv: list[str]) -> tuple[list[str], str | None]:
    """The arguments with the command made explicit (`reader PATH` and bare `reader` mean
    `reader open ...`), and that command's name (None for `--help` and `--version`)."""
    names = {c.name for c in COMMANDS}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_WITH_VALUE:
            i += 2
            continue
        if arg == "-" or not arg.startswith("-"):
            if arg in names:
                return argv, arg
            return argv[:i] + [DEFAULT_COMMAND] + argv[i:], DEFAULT_COMMAND
        if arg in ("-h", "--help", "--version"):
            return argv, None
        i += 1
    return argv + [DEFAULT_COMMAND], DEFAULT_COMMAND


def main(argv: Sequence[str] | None = None) -> int:
    routed, command = _route(list(sys.argv[1:] if argv is None else argv))
    args = build_parser(command).parse_args(routed)
    ctx = Context(config_option=args.config, db_option=args.db, reviewer_option=args.reviewer)
    try:
        with collector_paused() if args.whole_database else nullcontext():
            return int(args.run(args, ctx) or 0)
    except ReaderError as e:
        tell(str(e))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `reader extract x | head`: the reader of our output left
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
