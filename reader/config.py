"""Typed, validated settings read from config.yaml.

The file is parsed as `yaml.safe_load` does, more strictly: aliases (`*name`, with which a
few kilobytes can stand for gigabytes), repeated keys (the last would silently win) and deep
nesting are refused. Every key is checked against the fields below and any mistake becomes a
`ReaderError` naming the file, the line and the key. Nothing here
imports the UI: the command line and the review screen receive a ready `Config`.
"""
from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, get_args

import yaml
from yaml.constructor import SafeConstructor

from reader import paths
from reader.errors import ReaderError
from reader.fileio import read_file
from reader.safe_text import without_password

CONFIG_ENV = "READER_CONFIG"
# yaml.safe_load's loader, in C when PyYAML was built with libyaml (ten times faster at start-up)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_CONFIG_BYTES = 1024 * 1024  # the shipped file is under 10 KB
MAX_DEPTH = 8  # mappings and lists inside each other; the settings go three deep

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# The colour names a category may use: the terminal's sixteen standard colours, which every
# terminal draws (and Rich and Textual know by these names), with the values the html report
# gives them (the Tango palette).
NAMED_COLOURS: Final[Mapping[str, str]] = {
    "black": "#000000", "red": "#cc0000", "green": "#4e9a06", "yellow": "#c4a000",
    "blue": "#3465a4", "magenta": "#75507b", "cyan": "#06989a", "white": "#d3d7cf",
    "bright_black": "#555753", "bright_red": "#ef2929", "bright_green": "#8ae234",
    "bright_yellow": "#fce94f", "bright_blue": "#729fcf", "bright_magenta": "#ad7fa8",
    "bright_cyan": "#34e2e2", "bright_white": "#eeeeec",
}

# What a source can be, as the engine tells it from the article (a category's `kinds` lists the
# ones that suggest it): bodies by type, a person the article gives no role, a post on a platform.
SOURCE_KINDS = ("public body", "intelligence service", "company", "media outlet", "NGO", "armed group",
                "institution", "unnamed source", "private person", "post")


@dataclass(frozen=True)
class Category:
    """One source type a reviewer can tag a statement with."""

    name: str
    key: str
    colour: str
    description: str
    priority: int
    words: tuple[str, ...]
    context: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # SOURCE_KINDS that suggest this category


Advance = Literal["next-untagged", "next", "stay"]
ADVANCE: tuple[Advance, ...] = get_args(Advance)


@dataclass(frozen=True)
class Config:
    categories: tuple[Category, ...]
    cues: tuple[str, ...]
    database: Path | str | None = None  # a folder or .json file, or a server's address
    reviewer: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict, hash=False)  # action id -> key(s)
    source: Path | None = None  # the file these settings came from
    advance: Advance = "next-untagged"  # where the selection goes after a tag key
    exports_folder: Path | None = None  # where the review screen's exports go (None: beside the database)

    @property
    def category_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    def category(self, name: str) -> Category | None:
        return next((c for c in self.categories if c.name == name), None)


# --- locating the file -----------------------------------------------------------------

def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The settings file to use: --config, then READER_CONFIG, then the checkout's
    config.yaml, then the user's config folder, then the copy shipped with reader."""
    chosen = explicit or os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    root = paths.checkout_root()
    if root is not None:
        return root / "config.yaml"
    user = paths.user_config_file()
    return user if user.is_file() else paths.default_config_file()


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    path = config_path(explicit)
    data = read_file(path, what="a config file", limit=MAX_CONFIG_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReaderError(f"{path}: config file is not UTF-8 text.") from None
    return parse_config(text, path)


# --- parsing ----------------------------------------------------------------------------

class _Where:
    """Maps a key path such as ("categories", 0, "key") to its line in the file, and refuses
    the YAML a config never needs: aliases, repeated keys, keys that are not plain words,
    nesting deeper than MAX_DEPTH."""

    def __init__(self, root: yaml.Node | None, path: Path) -> None:
        self.path = path
        self.lines: dict[tuple[Any, ...], int] = {}
        if root is not None:
            self._walk(root)

    def _walk(self, root: yaml.Node) -> None:
        seen: set[int] = set()  # an alias is a node met a second time
        self.lines[()] = root.start_mark.line + 1
        todo: deque[tuple[yaml.Node, tuple[Any, ...]]] = deque([(root, ())])  # breadth first: the
        while todo:  # shallowest repeat is met before any deep path through an alias
            node, at = todo.popleft()
            if id(node) in seen:
                raise self.error(at, "is a YAML alias (*name); aliases are not allowed in the settings, "
                                     "write the value out.")
            seen.add(id(node))
            if len(at) > MAX_DEPTH:
                raise self.error(at, f"is nested more than {MAX_DEPTH} levels deep; the settings never are.")
            if isinstance(node, yaml.MappingNode):
                first: dict[str, int] = {}
                for key, value in node.value:
                    line = key.start_mark.line + 1
                    if not isinstance(key, yaml.ScalarNode):
                        self.lines[at + ("?",)] = line
                        raise self.error(at + ("?",), "is a key that is not a plain word.")
                    name = key.value
                    self.lines[at + (name,)] = line  # the key's line, not its value's
                    if name in first:
                        raise self.error(at + (name,), f"repeats a key already given on line {first[name]}; "
                                                       "give each key once.")
                    first[name] = line
                    todo.append((value, at + (name,)))
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    self.lines.setdefault(at + (i,), item.start_mark.line + 1)
                    todo.append((item, at + (i,)))

    def error(self, at: tuple[Any, ...], problem: str) -> ReaderError:
        line = next((self.lines[at[:n]] for n in range(len(at), -1, -1) if at[:n] in self.lines), None)
        where = f"{self.path}, line {line}" if line else str(self.path)
        return ReaderError(f"{where}: {_dotted(at)} {problem}")


def _dotted(at: tuple[Any, ...]) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return f"'{out}'" if out else "the file"


def parse_config(text: str, path: Path) -> Config:
    try:
        root = yaml.compose(text, Loader=_LOADER)  # the C parser when there is one
    except yaml.YAMLError as e:
        raise _not_yaml(path, e) from None
    where = _Where(root, path)  # before building any value: refuses aliases, repeated keys
    try:
        data = None if root is None else SafeConstructor().construct_document(root)
    except (yaml.YAMLError, ValueError, OverflowError) as e:  # a date like 2026-13-45, a 5,000-digit number
        raise _not_yaml(path, e) from None
    if data is None:
        data = {}
    top = _mapping(data, (), where, required={"categories", "cues"},
                   optional={"storage", "reviewer", "keys", "review", "exports"})
    categories = _categories(top["categories"], where)
    cues = tuple(_words(top["cues"], ("cues",), where))
    storage = _mapping(top.get("storage") or {}, ("storage",), where, required=set(), optional={"database"})
    database = _optional_str(storage.get("database"), ("storage", "database"), where)
    reviewer = _optional_str(top.get("reviewer"), ("reviewer",), where)
    keys_raw = top.get("keys") or {}
    if not isinstance(keys_raw, dict):
        raise where.error(("keys",), "must be a mapping of action id to key, e.g. 'tag_official: \"1\"'.")
    keys = {}
    for action, key in keys_raw.items():
        if not isinstance(key, str) or not key.strip():
            raise where.error(("keys", action), "must be a key name such as \"j\" or \"ctrl+s\".")
        keys[str(action)] = key.strip()
    if database and paths.is_address(database) and not paths.is_server(database):
        raise where.error(("storage", "database"), f"{without_password(database)} {paths.DATABASE_ADDRESS}.")
    review = _mapping(top.get("review") or {}, ("review",), where, required=set(), optional={"advance"})
    advance = review.get("advance", "next-untagged")
    if advance not in ADVANCE:
        raise where.error(("review", "advance"), f"must be one of {', '.join(ADVANCE)}, got {advance!r}.")
    exports = _mapping(top.get("exports") or {}, ("exports",), where, required=set(), optional={"folder"})
    folder = _optional_str(exports.get("folder"), ("exports", "folder"), where)
    return Config(categories=categories, cues=cues, database=database if database and paths.is_server(database) else _beside(database, path), reviewer=reviewer,
                  keys=keys, source=path, advance=advance, exports_folder=_beside(folder, path))


def _beside(value: str | None, config_file: Path) -> Path | None:
    """A path from the settings: ~ expanded, a relative one taken from the settings' folder."""
    if not value:
        return None
    found = Path(value).expanduser()
    return found if found.is_absolute() else config_file.parent / found


def _not_yaml(path: Path, e: Exception) -> ReaderError:
    mark = getattr(e, "problem_mark", None)
    line = f", line {mark.line + 1}" if mark is not None else ""
    if isinstance(e, (ValueError, OverflowError)):
        problem = "a number or a date that cannot be read"
    else:
        problem = getattr(e, "problem", None) or ""
    return ReaderError(f"{path}{line}: not valid YAML" + (f" ({problem})." if problem else "."))


def _mapping(value: Any, at: tuple[Any, ...], where: _Where, *, required: set[str],
             optional: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(at, "must be a mapping of keys to values.")
    allowed = required | optional
    for key in value:
        if key not in allowed:
            raise where.error(at + (key,), f"is not a known key; expected one of: {', '.join(sorted(allowed))}.")
    for key in sorted(required):
        if key not in value:
            raise where.error(at, f"is missing the key '{key}'.")
    return value


def _optional_str(value: Any, at: tuple[Any, ...], where: _Where) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise where.error(at, "must be a non-empty string or null.")
    return value.strip()


def _required_str(value: Any, at: tuple[Any, ...], where: _Where) -> str:
    text = _optional_str(value, at, where)
    if text is None:
        raise where.error(at, "must be a non-empty string.")
    return text


def _words(value: Any, at: tuple[Any, ...], where: _Where) -> list[str]:
    if not isinstance(value, list) or not value:
        raise where.error(at, "must be a non-empty list of words.")
    words: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise where.error(at + (i,), f"must be a word, got {item!r}.")
        words.append(" ".join(item.lower().split()))
    return words


def _categories(value: Any, where: _Where) -> tuple[Category, ...]:
    at = ("categories",)
    if not isinstance(value, list) or not value:
        raise where.error(at, "must be a non-empty list of source categories.")
    fields = {"name", "key", "colour", "description", "priority", "words"}
    out: list[Category] = []
    for i, raw in enumerate(value):
        here = at + (i,)
        item = _mapping(raw, here, where, required=fields, optional={"context", "kinds"})
        name = _required_str(item["name"], here + ("name",), where)
        key = item["key"]
        if isinstance(key, int) and 0 <= key <= 9:
            key = str(key)
        if not isinstance(key, str) or len(key) != 1 or key.isspace():
            raise where.error(here + ("key",), f"must be a single character such as \"1\", got {key!r}.")
        colour = item["colour"].strip().lower() if isinstance(item["colour"], str) else None
        if colour is None or not (HEX_COLOUR.fullmatch(colour) or colour in NAMED_COLOURS):
            raise where.error(here + ("colour",), f"must be #rrggbb or a colour name ({', '.join(NAMED_COLOURS)}), "
                                                  f"got {item['colour']!r}.")
        description = _required_str(item["description"], here + ("description",), where)
        priority = item["priority"]
        if not isinstance(priority, int) or isinstance(priority, bool):
            raise where.error(here + ("priority",), f"must be a whole number, got {priority!r}.")
        words = _words(item["words"], here + ("words",), where)
        context = _words(item["context"], here + ("context",), where) if "context" in item else []
        kinds = _kinds(item.get("kinds", []), here + ("kinds",), where)
        for other in out:
            if other.name == name:
                raise where.error(here + ("name",), f"repeats the category name {name!r}.")
            if other.key == key:
                raise where.error(here + ("key",), f"repeats the key {key!r} of category {other.name!r}.")
        out.append(Category(name=name, key=key, colour=colour, description=description,
                            priority=priority, words=tuple(words), context=tuple(context), kinds=kinds))
    return tuple(out)


def _kinds(value: Any, at: tuple[Any, ...], where: _Where) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise where.error(at, f"must be a list of source kinds from: {', '.join(SOURCE_KINDS)}.")
    by_fold = {k.casefold(): k for k in SOURCE_KINDS}
    out = []
    for i, item in enumerate(value):
        kind = by_fold.get(" ".join(str(item).split()).casefold())
        if kind is None:
            raise where.error(at + (i,), f"is not a source kind ({item!r}); expected one of: {', '.join(SOURCE_KINDS)}.")
        out.append(kind)
    return tuple(out)
