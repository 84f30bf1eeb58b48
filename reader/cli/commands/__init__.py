"""The registry of commands. Each command is a module with add_arguments() and run(); only
the module of the command being run is imported, so `reader PATH` starts fast."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Command:
    name: str
    module: str
    help: str
    # it reads every article of the database at once: run with the cycle collector paused
    # (reader.gc_pause), where that was measured to help (`python -m bench desk_reads`)
    whole_database: bool = False

    def load(self) -> ModuleType:
        return importlib.import_module(f"reader.cli.commands.{self.module}")


COMMANDS: tuple[Command, ...] = (
    Command("open", "open_", "open an article for review (default: the bundled sample)"),
    Command("extract", "extract", "print the article's attributed statements (json for scripts, table for people)"),
    Command("tag", "tag", "tag a statement with a source category (saved at once)"),
    Command("untag", "untag", "remove the tag from a statement"),
    Command("tags", "tags", "show the article's statements with their saved tags and suggestions"),
    Command("articles", "articles", "list the articles in the tag database: title, path, tagged/total, last opened"),
    Command("export", "export", "write an article's (or every article's) statements and tags", whole_database=True),
    Command("import", "import_", "merge tags from an export file (checked whole first)"),
    Command("agreement", "agreement", "how far the reviewers agree: percent agreement, Cohen's κ, Krippendorff's α, "
                                      "and every statement in disagreement", whole_database=True),
    Command("resolve", "resolve", "settle a statement the reviewers tagged differently, with a category"),
    Command("report", "report", "write a report of every tagged article (--all) or of one article"),
    Command("db", "db", "the tag database itself: `reader db copy SOURCE TARGET` copies it (a folder or a "
                        "postgresql:// address each way)"),
)
DEFAULT_COMMAND = "open"
