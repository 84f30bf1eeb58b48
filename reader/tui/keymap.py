"""Every key of the review screen in one table: ids, default keys, actions and descriptions.

The table is the single source for the screen's bindings, the filter's choices, the help
screen, the command palette and the check of config.yaml's `keys:` section (action id -> key
string, remapped with Textual's `App.set_keymap`, as posting does).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reader.config import Category, Config
from reader.errors import ReaderError

if TYPE_CHECKING:
    from textual.binding import Binding, BindingType

# Where a key acts: the review screen, the article view in mark mode, a dialog, the queue's
# list, or the filter's choices (after `f`; each is also a screen action, for the palette).
Where = Literal["screen", "article", "dialog", "queue", "filter"]


@dataclass(frozen=True)
class KeySpec:
    id: str  # what config.yaml's `keys:` names
    keys: str  # default keys, comma-separated, Textual key names
    action: str  # the action on the screen (or, for mark mode, on the article view)
    description: str  # shown in the footer, the help screen and the command palette
    group: str  # heading on the help screen
    where: Where = "screen"
    footer: str = ""  # the footer's short label; empty: not in the footer
    palette: bool = True  # offered in the command palette
    footer_filter: str = ""  # in the footer only while the list shows this filter (a Filter kind); empty: always

    def binding(self) -> Binding:
        from textual.binding import Binding

        return Binding(self.keys, self.action, self.footer or self.description, show=bool(self.footer),
                       id=self.id, tooltip=self.description)


def category_id(category: Category) -> str:
    return "tag_" + re.sub(r"[^a-z0-9]+", "_", category.name.lower()).strip("_")


# Mark mode: the article view's own keys, active only while marking text.
MARK_KEYS: tuple[KeySpec, ...] = (
    KeySpec("mark_left", "left,h", "caret(-1)", "caret left", "Mark mode", "article", palette=False),
    KeySpec("mark_right", "right,l", "caret(1)", "caret right", "Mark mode", "article", palette=False),
    KeySpec("mark_up", "up,k", "caret_line(-1)", "caret up a line", "Mark mode", "article", palette=False),
    KeySpec("mark_down", "down,j", "caret_line(1)", "caret down a line", "Mark mode", "article",
            palette=False),
    KeySpec("mark_word_next", "w,ctrl+right", "caret_word(1)", "caret to the next word", "Mark mode",
            "article", palette=False),
    KeySpec("mark_word_previous", "b,ctrl+left", "caret_word(-1)", "caret to the previous word",
            "Mark mode", "article", palette=False),
    KeySpec("mark_line_start", "home", "caret_edge(-1)", "caret to the line start", "Mark mode",
            "article", palette=False),
    KeySpec("mark_line_end", "end", "caret_edge(1)", "caret to the line end", "Mark mode", "article",
            palette=False),
    KeySpec("mark_start", "space,v", "set_anchor", "start the selection here", "Mark mode", "article",
            footer="start here", palette=False),
    KeySpec("mark_add", "enter", "finish", "add the selection as a statement", "Mark mode", "article",
            footer="add", palette=False),
    KeySpec("mark_cancel", "escape", "cancel", "leave mark mode", "Mark mode", "article", footer="cancel",
            palette=False),
)


# Keys inside the dialogs (note, grades, speaker, filter, export, help).
DIALOG_KEYS: tuple[KeySpec, ...] = (
    KeySpec("dialog_save", "ctrl+s", "save", "save the note (Enter makes a new line)", "Dialogs", "dialog",
            footer="save", palette=False),
    KeySpec("dialog_ok", "enter", "ok", "confirm the choice", "Dialogs", "dialog", footer="ok", palette=False),
    KeySpec("dialog_cancel", "escape", "cancel", "close the dialog without changes", "Dialogs", "dialog",
            footer="cancel", palette=False),
    KeySpec("grades_clear", "backspace,delete", "clear", "clear both grades", "Dialogs", "dialog",
            palette=False),
    KeySpec("help_close", "q,?,f1", "cancel", "close the help", "Dialogs", "dialog", palette=False),
    KeySpec("unsaved_retry", "r", "choose('retry')", "unsaved changes: retry saving", "Dialogs", "dialog",
            palette=False),
    KeySpec("unsaved_quit", "ctrl+d", "choose('quit')", "unsaved changes: quit and lose them", "Dialogs",
            "dialog", palette=False),
    KeySpec("bounds_start_earlier", "left,h", "move('start', -1)", "statement's words: start a word earlier",
            "Dialogs", "dialog", palette=False),
    KeySpec("bounds_start_later", "right,l", "move('start', 1)", "statement's words: start a word later",
            "Dialogs", "dialog", palette=False),
    KeySpec("bounds_end_earlier", "shift+left,H", "move('end', -1)", "statement's words: end a word earlier",
            "Dialogs", "dialog", palette=False),
    KeySpec("bounds_end_later", "shift+right,L", "move('end', 1)", "statement's words: end a word later",
            "Dialogs", "dialog", palette=False),
)


# The queue screen's keys (the list of articles).
QUEUE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("queue_open", "enter", "select_cursor", "open the selected article", "Queue", "queue", footer="open",
            palette=False),
    KeySpec("queue_help", "?,f1", "help", "show every key", "Queue", "queue", footer="help", palette=False),
    KeySpec("queue_quit", "q", "quit", "quit", "Queue", "queue", footer="quit", palette=False),
)


FILTER_GROUP = "Filter (f, then)"


def filter_keys(categories: Iterable[Category]) -> tuple[KeySpec, ...]:
    """The filter's choices: after `f`, one key each (the categories' own keys pick them)."""
    def choice(id_: str, keys: str, arguments: str, description: str) -> KeySpec:
        return KeySpec(id_, keys, f"set_filter({arguments})", f"filter: {description}", FILTER_GROUP, "filter")

    return (
        choice("filter_all", "a", "'all'", "all statements"),
        choice("filter_untagged", "u", "'untagged'", "untagged only"),
        *(choice("filter_" + category_id(c)[len("tag_"):], c.key, f"'category', {c.name!r}", f"tagged {c.name}")
          for c in categories),
        choice("filter_speaker", "s", "'speaker'", "spoken by the selected statement's speaker"),
        choice("filter_note", "n", "'note'", "with a note"),
        choice("filter_dismissed", "d", "'dismissed'", "dismissed"),
        choice("filter_disagreements", "r", "'disagreements'",
               "disagreements: reviewers differ, not settled (at a desk)"),
    )


def dialog_bindings(*ids: str) -> list[BindingType]:
    """Bindings for a dialog, from the table (so config.yaml can remap them too)."""
    return [s.binding() for s in DIALOG_KEYS if s.id in ids]


def review_keys(categories: Iterable[Category]) -> tuple[KeySpec, ...]:
    """The review screen's keys for these source categories (one tagging key each)."""
    tags = tuple(
        KeySpec(category_id(c), c.key, f"tag({c.name!r})", f"tag as {c.name}", "Tag")
        for c in categories
    )
    return (
        KeySpec("next", "down,j", "move(1)", "next statement", "Move"),
        KeySpec("previous", "up,k", "move(-1)", "previous statement", "Move"),
        KeySpec("first", "home", "first", "first statement", "Move"),
        KeySpec("last", "end", "last", "last statement", "Move"),
        KeySpec("page_down", "pagedown,space", "page(1)", "scroll the article down a page", "Move"),
        KeySpec("page_up", "pageup", "page(-1)", "scroll the article up a page", "Move"),
        *tags,
        KeySpec("accept", "enter", "accept", "accept the suggestion (never replaces a tag)", "Tag", footer="accept"),
        KeySpec("accept_all", "A", "accept_all", "accept every high-confidence suggestion in this article",
                "Tag"),
        KeySpec("clear", "x", "clear", "clear the tag", "Tag"),
        KeySpec("settle", "equals_sign", "settle", "settle a disagreement with a category (as adjudicator)", "Tag",
                footer="settle", footer_filter="disagreements"),
        KeySpec("take_back_orphaned", "X", "take_back_orphaned",
                "take back a resolution whose statement left the text (orphaned)", "Tag",
                footer="orphaned", footer_filter="disagreements"),
        KeySpec("note", "n", "note", "write a note", "Tag", footer="note"),
        KeySpec("grades", "g", "grades", "Admiralty grades (A–F, 1–6)", "Tag", footer="grades"),
        KeySpec("undo", "u,ctrl+z", "undo", "undo", "Tag", footer="undo"),
        KeySpec("redo", "ctrl+y", "redo", "redo", "Tag"),
        KeySpec("add_statement", "a", "add_statement", "add a statement from marked text", "Correct"),
        KeySpec("edit_speaker", "s", "edit_speaker", "edit the speaker", "Correct"),
        KeySpec("dismiss", "d", "dismiss_statement", "dismiss / restore a false statement", "Correct"),
        KeySpec("edit_bounds", "b", "edit_bounds", "move the statement's start or end by words", "Correct"),
        KeySpec("edit_kind", "K", "edit_kind", "change the statement's kind (direct, indirect, mixed, post)",
                "Correct"),
        KeySpec("search", "/", "search", "search the article", "Find", footer="search"),
        KeySpec("search_next", "],f3", "search_next(1)", "next search match", "Find"),
        KeySpec("search_previous", "[,shift+f3", "search_next(-1)",
                "previous search match", "Find"),
        KeySpec("filter", "f", "filter", "filter the list", "Find", footer="filter"),
        KeySpec("next_article", "greater_than_sign", "next_article", "next article of the queue", "Queue",
                footer="next article"),
        KeySpec("previous_article", "less_than_sign", "previous_article", "previous article of the queue", "Queue"),
        KeySpec("back_to_queue", "escape", "back_to_queue", "back to the queue", "Queue", footer="queue"),
        KeySpec("export", "e", "export", "export the tags to a file", "File", footer="export"),
        KeySpec("save", "ctrl+s", "save", "retry saving unsaved changes; show what others saved", "File"),
        KeySpec("theme", "ctrl+t", "toggle_theme", "switch dark / light theme", "App"),
        KeySpec("help", "?,f1", "help", "show every key", "App", footer="help"),
        KeySpec("quit", "q", "quit", "quit (waits for saves)", "App", footer="quit"),
        *filter_keys(categories),
        *MARK_KEYS,
        *DIALOG_KEYS,
        *QUEUE_KEYS,
    )


# Keys Textual itself provides; listed on the help screen, not remappable here.
BUILT_IN: tuple[tuple[str, str], ...] = (
    ("ctrl+p", "command palette: every action by name"),
    ("ctrl+q", "quit (waits for saves)"),
    ("tab", "move focus (dialogs)"),
)


def checked_keys(config: Config) -> tuple[tuple[KeySpec, ...], dict[str, str]]:
    """The review screen's keys for `config` and its `keys:` remapping, checked: raises
    ReaderError (naming the config file) for an unknown action id or two actions on one key."""
    specs = review_keys(config.categories)
    keymap = validate_keymap(config.keys, specs, config.source)
    check_clashes(specs, keymap, config.source)
    return specs, keymap


def validate_keymap(keys: Mapping[str, str], specs: Iterable[KeySpec], source: Path | None) -> dict[str, str]:
    """config.yaml's `keys:` section, checked against the known action ids."""
    known = {s.id for s in specs}
    where = str(source) if source else "config.yaml"
    for action_id, key in keys.items():
        if action_id not in known:
            raise ReaderError(
                f"{where}: keys.{action_id} is not an action of the review screen; "
                f"known ids: {', '.join(sorted(known))}."
            )
        if not all(part.strip() for part in key.split(",")):
            raise ReaderError(f"{where}: keys.{action_id} has an empty key in {key!r}.")
    return dict(keys)


def effective_keys(spec: KeySpec, keymap: Mapping[str, str]) -> str:
    return keymap.get(spec.id, spec.keys)


def check_clashes(specs: Iterable[KeySpec], keymap: Mapping[str, str], source: Path | None) -> None:
    """Two actions of the same place on one key would make one of them unreachable. (The
    filter's choices are left out: a category key may be one of theirs, as `s` for social
    media, and the category's choice comes first in the dialog, as it always has.)"""
    where = str(source) if source else "config.yaml"
    seen: dict[tuple[str, str], KeySpec] = {}
    for spec in specs:
        if spec.where == "filter":
            continue
        for key in effective_keys(spec, keymap).split(","):
            key = _normal(key.strip())
            other = seen.setdefault((spec.where, key), spec)
            if other is not spec:
                raise ReaderError(
                    f"{where}: the key {key!r} is given to both {other.id} ({other.description}) and "
                    f"{spec.id} ({spec.description}); change one under keys: or in categories:.")


def _normal(key: str) -> str:
    """One spelling per key: "slash" and "/" are the same key."""
    from textual.keys import key_to_character

    if len(key) == 1:
        return key
    return {"slash": "/", "backslash": "\\"}.get(key) or key_to_character(key) or key
