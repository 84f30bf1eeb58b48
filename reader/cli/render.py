"""Rich output for people: tables whose cells are article text shown literally."""
from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.attribution import Statement
from reader.config import Config
from reader.safe_text import printable


def literal(text: str | None, style: str = "") -> Text:
    """Article text as a Rich Text: never parsed as markup, control characters made visible."""
    return Text(printable(" ".join((text or "").split())), style=style)


def excerpt(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def statements_table(title: str, statements: Iterable[Statement], config: Config) -> Table:
    table = Table(title=literal(title, "bold"), show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("statement", ratio=5)
    table.add_column("suggested", ratio=2)
    for n, s in enumerate(statements, 1):
        category = config.category(s.suggested_source) if s.suggested_source else None
        suggestion = Text()
        if category is not None:
            suggestion.append(category.name, style=category.colour)
            if s.confidence == "low":
                suggestion.append(" (low)", style="dim")
            if s.reason:
                suggestion.append("\n")
                suggestion.append(literal(s.reason, "dim"))
        speaker = literal(s.speaker or "—")
        if s.entity:
            speaker.append(f" {s.entity}", style="dim")  # the same id: the same source
        table.add_row(str(n), speaker, s.kind, literal(excerpt(s.text)), suggestion)
    return table


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)
