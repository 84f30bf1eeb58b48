"""The small read-only panels: the title bar, the selected statement's details, the legend.
Every piece of article text goes in as a Rich `Text` (never markup)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from reader.attribution import Statement
from reader.grades import CREDIBILITY, RELIABILITY
from reader.config import Category
from reader.safe_text import printable
from reader.store import Resolution, Tag
from reader.tui.statement_list import chip_style, flat

if TYPE_CHECKING:
    from reader.exports.wording import Part
    from reader.tui.review import Place

def progress_text(tagged: int, total: int, filter_label: str, unsaved: int, saving_error: bool,
                  place: Place | None = None) -> Text:
    out = Text()
    if unsaved:
        out.append(f" {unsaved} unsaved ", style="bold reverse red" if saving_error else "bold")
        out.append("  ")
    if filter_label != "all":
        out.append(f"filter: {filter_label}  ", style="italic")
    if place is not None:
        out.append(place_text(place))
    out.append(f"{tagged}/{total} tagged", style="bold")
    return out


def place_text(place: Place) -> str:
    """Where an article is in the queue, as the top line says it."""
    return f"article {place.index + 1}/{place.total} · "


def title_text(title: str) -> Text:
    return Text(flat(title) or "(untitled)", style="bold", no_wrap=True, overflow="ellipsis")


def wording_of(statement: Statement, text: str) -> list[Part]:
    """The statement worded as the reports word it (reader.exports.wording); `text` is the article's."""
    from reader.exports.wording import wording  # the exports package, on first use, not at start-up

    return wording(statement, text)


def worded_text(parts: list[Part], limit: int = 200) -> Text:
    """A statement worded as the reports word it (quotation marks only around quoted words),
    its words cut to `limit` characters."""
    out = Text()
    for part in parts:
        text = part.text if len(part.text) <= limit else part.text[:limit - 1] + "…"
        if part.role == "quote":
            out.append(f"“{text}”", style="italic")
        elif part.role == "speaker":
            out.append(text, style="bold")
        elif part.role == "marker":
            out.append(text, style="dim italic")
        else:
            out.append(text)
    return out


def detail_text(number: int, statement: Statement, worded: list[Part], tag: Tag | None, *, dismissed: bool,
                added: bool, speaker_edited: bool, revised: bool, colours: dict[str, str], unsaved: bool,
                others: dict[str, Tag] | None = None, resolution: Resolution | None = None) -> Text:
    """What the detail pane says about the selected statement: its number and id, kind and cue,
    speaker, suggestion, tag, then its wording as the reports give it (last: on a small
    terminal the pane cuts it short, never the suggestion)."""
    out = Text(no_wrap=False)
    out.append(f"#{number} ", style="bold")
    out.append(statement.kind)
    if statement.cue:
        out.append(" · ")
        out.append(flat(statement.cue))
    if added:
        out.append(" · added by you", style="italic")
    if revised:
        out.append(" · edited by you", style="italic")  # its words or its kind
    if dismissed:
        out.append(" · dismissed (not a statement)", style="bold italic")
    if unsaved:
        out.append(" · NOT SAVED YET", style="bold red")
    out.append(f" · {statement.id}", style="dim")
    out.append("\nspeaker: ", style="dim")
    out.append(flat(statement.speaker) if statement.speaker else "— (none named)",
               style="bold" if statement.speaker else "dim")
    if speaker_edited:
        out.append(" (corrected)", style="italic")
    if statement.suggested_source:
        out.append("\nsuggested: ", style="dim")
        out.append(statement.suggested_source, style=chip_style(colours.get(statement.suggested_source)))
        if statement.reason:
            out.append(" ")
            out.append(flat(statement.reason), style="italic")
    elif statement.reason:
        out.append("\n")
        out.append(flat(statement.reason), style="dim italic")
    out.append("\ntag: ", style="dim")
    if tag is None:
        out.append("untagged", style="dim")
    else:
        out.append(f" {tag.category} ", style=chip_style(colours.get(tag.category)))
        if tag.reliability or tag.credibility:
            out.append(f"  {tag.reliability or '?'}{tag.credibility or '?'}", style="bold")
            words = [RELIABILITY.get(tag.reliability or ""), CREDIBILITY.get(tag.credibility or "")]
            out.append(" (" + ", ".join(w for w in words if w) + ")", style="dim")
        if tag.note:
            out.append("\nnote: ", style="dim")
            out.append(printable(tag.note.replace("\n", " ")))
    if others:  # the other reviewers' tags, and how the desk settled a difference
        out.append("\nothers: ", style="dim")
        for n, name in enumerate(sorted(others)):
            out.append(" · " if n else "")
            out.append(flat(name))
            out.append(f" {others[name].category} ", style=chip_style(colours.get(others[name].category)))
    if resolution is not None:
        out.append("\nsettled: ", style="dim")
        out.append(f" {resolution.category} ", style=chip_style(colours.get(resolution.category)))
        out.append(f" by {flat(resolution.by)}", style="italic")
    out.append("\n")
    out.append_text(worded_text(worded))
    return out


def legend_text(categories: Sequence[Category], keys: dict[str, str]) -> Text:
    """One chip per category with the key that applies it."""
    out = Text(no_wrap=False)
    for i, c in enumerate(categories):
        if i:
            out.append(" ")
        out.append(f"{keys.get(c.name, c.key)}\u00a0", style="bold")  # no-break: a key stays with its chip
        out.append(f"\u00a0{c.name}\u00a0".replace(" ", "\u00a0"), style=chip_style(c.colour))
    return out


class Panel(Static):
    """A Static that only ever shows Rich Text built here (no markup parsing)."""

    def show(self, text: Text) -> None:
        self.update(text)


class TopBar(Widget):
    """The top line: the article's title, cut to fit, and the progress on the right. One
    widget, so a new progress count redraws one line instead of laying out the screen."""

    def __init__(self, title: Text, progress: Text, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = title
        self._progress = progress

    @property
    def progress(self) -> Text:
        return self._progress

    def show_progress(self, progress: Text) -> None:
        self._progress = progress
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        progress = self._progress
        room = width - 2 - cell_len(progress.plain)  # two spaces between title and progress
        out = Text(no_wrap=True, overflow="crop", end="")
        if room > 0:
            title = self._title.copy()
            title.truncate(room, overflow="ellipsis")
            out.append_text(title)
            out.append(" " * (room - title.cell_len + 2))
        out.append_text(progress)
        return out
