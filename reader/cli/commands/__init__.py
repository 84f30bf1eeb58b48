"""The registry of commands: one module each, with NAME, HELP, add_arguments() and run()."""
from __future__ import annotations

from types import ModuleType

from reader.cli.commands import extract, open_

COMMANDS: tuple[ModuleType, ...] = (open_, extract)
DEFAULT_COMMAND = open_.NAME
