"""Rich output for people: tables whose every cell is a `literal` Text, so nothing from an
article, an import or the database (ids included) is ever read as markup or reaches the
terminal as a control sequence. Plain lines go through reader.cli.lines."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.attribution import Statement
from reader.config import Config
from reader.safe_text import one_line, printable
from reader.store import Resolution, Tag, disputed


def literal(text: str | None, style: str = "") -> Text:
    """Article text as a Rich Text: never parsed as markup, control characters made visible."""
    return Text(printable(" ".join((text or "").split())), style=style)


def excerpt(text: str, width: int = 90) -> str:
    """A table cell's one-line excerpt (Text escapes what it shows)."""
    return one_line(text, width)


def suggestion_cell(statement: Statement, config: Config) -> Text:
    """The engine's suggested category in its colour, with the reason below."""
    cell = Text()
    category = config.category(statement.suggested_source) if statement.suggested_source else None
    if category is not None:
        cell.append(category.name, style=category.colour)
        if statement.confidence == "low":
            cell.append(" (low)", style="dim")
        if statement.reason:
            cell.append("\n")
            cell.append(literal(statement.reason, "dim"))
    return cell


def tag_cell(tag: Tag | None, config: Config) -> Text:
    """A tag: its category in its colour, its Admiralty grades, its note below."""
    if tag is None:
        return Text()
    category = config.category(tag.category)
    cell = literal(tag.category, category.colour if category else "")
    if tag.reliability or tag.credibility:
        cell.append(literal(f" {tag.reliability or '-'}{tag.credibility or '-'}", "bold"))
    if tag.note:
        cell.append("\n")
        cell.append(literal(tag.note, "dim"))
    return cell


def reviewers_cell(tags: Mapping[str, Tag], resolution: Resolution | None, config: Config) -> Text:
    """Every reviewer's category, one a line, then the resolution; "disputed" when they differ
    and nobody has settled it."""
    cell = Text()
    for name in sorted(tags):
        category = config.category(tags[name].category)
        if cell:
            cell.append("\n")
        cell.append(literal(name, "dim"))
        cell.append(" ")
        cell.append(literal(tags[name].category, category.colour if category else ""))
    if resolution is not None:
        cell.append("\n")
        cell.append(literal(f"settled {resolution.category} by {resolution.by}", "bold"))
    elif disputed(tags.values(), None):
        cell.append("\ndisputed", style="bold yellow")
    return cell


def statements_table(title: str, statements: Iterable[Statement], config: Config) -> Table:
    table = Table(title=literal(title, "bold"), show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("statement", ratio=5)
    table.add_column("suggested", ratio=2)
    for n, s in enumerate(statements, 1):
        speaker = literal(s.speaker or "—")
        if s.entity:
            speaker.append(" ")  # literal() folds white space: the gap goes on its own
            speaker.append(literal(s.entity, "dim"))  # the same id: the same source
        table.add_row(str(n), speaker, literal(s.kind), literal(excerpt(s.text)), suggestion_cell(s, config))
    return table


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)
