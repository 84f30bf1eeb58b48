"""The registry of commands: one module each, with NAME, HELP, add_arguments() and run()."""
from __future__ import annotations

from types import ModuleType

from reader.cli.commands import articles, export, extract, import_, open_, report, tag, tags, untag

COMMANDS: tuple[ModuleType, ...] = (open_, extract, tag, untag, tags, articles, export, import_, report)
DEFAULT_COMMAND = open_.NAME
