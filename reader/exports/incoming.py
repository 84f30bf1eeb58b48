"""Reading an import file: a reader json export or a W3C Web Annotation collection, detected
from its content, checked whole and turned into plain records before anything is written.
This module: the records, the detection, the checks of single fields, and reader's json
export; the W3C collection is read by reader.exports.incoming_w3c.

Every problem is a ReaderError naming the file and the place in it ("articles[0].statements[3]",
"annotation 4") and saying what is wrong.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal

from reader import grades
from reader.attribution import KINDS, Statement
from reader.attribution import Kind as StatementKind
from reader.config import Config
from reader.errors import ReaderError
from reader.exports.records import FORMAT_NAME, FORMAT_VERSION
from reader.safe_text import encodable
from reader.store.model import Revision

Kind = Literal["json", "w3c"]
_HEX64 = re.compile(r"[0-9a-f]{64}")
_STORE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # the form the store writes
_ANNOTATION_TYPES = {"Annotation", "AnnotationPage", "AnnotationCollection"}


@dataclass
class IncomingPlace:
    """The statement a record of the file names: its id, words, the text around them and their
    offsets (into the text it was made on, for an orphan)."""

    where: str  # the place in the file, for messages
    statement_id: str | None
    exact: str | None  # the statement's words, when the file gives them
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    orphan: bool = field(default=False, kw_only=True)  # listed as orphaned in the file (its statement gone there)
    # the statement's kind as a reviewer set it (w3c's `reader:kind`)
    kind: StatementKind | None = field(default=None, kw_only=True)


@dataclass
class IncomingTag(IncomingPlace):
    category: str
    note: str | None
    reliability: str | None
    credibility: str | None
    reviewer: str
    created: str
    updated: str
    statement: Statement | None = None  # the file's whole statement (json), to add if missing


@dataclass
class IncomingResolution(IncomingPlace):
    """An adjudicator's decision in the file, on the statement it names."""

    category: str
    by: str
    at: str


@dataclass
class IncomingEdit(IncomingPlace):
    """A w3c annotation of a statement nobody tagged that a reviewer edited: where its words are
    now and its kind (its other edits are the article's `added`, `dismissed`, `speakers`)."""


@dataclass
class IncomingArticle:
    where: str
    id: str | None  # None: a w3c source to look up in the store
    source: str | None = None  # w3c target source
    text: str | None = None  # json exports carry the text
    path: str = ""
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    tags: list[IncomingTag] = field(default_factory=list)
    resolutions: list[IncomingResolution] = field(default_factory=list)
    added: list[Statement] = field(default_factory=list)  # statements the reviewer added
    added_numbers: dict[str, int] = field(default_factory=dict)  # their numbers in the file: the order added
    dismissed: list[str] = field(default_factory=list)
    speakers: dict[str, str | None] = field(default_factory=dict)
    revised: dict[str, Revision] = field(default_factory=dict)  # statements whose words or kind the reviewer edited
    edited: list[IncomingEdit] = field(default_factory=list)  # w3c: untagged statements a reviewer edited


@dataclass
class IncomingFile:
    kind: Kind
    articles: list[IncomingArticle]
    skipped: int = 0  # annotations that carry no tag (highlights, other tools' comments)


class _Problem(Exception):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)


# --- detection ------------------------------------------------------------------------------

def parse(text: str, name: str, config: Config) -> IncomingFile:
    """The import file's content, validated whole; raises ReaderError naming `name`."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise ReaderError(f"{name}: not a JSON file ({e.msg} at line {e.lineno}, column {e.colno}); "
                          "reader imports its own json exports and W3C annotation collections.") from None
    except RecursionError:
        raise ReaderError(f"{name}: is nested deeper than any export (over a thousand levels); "
                          "nothing was imported.") from None
    except ValueError:  # Python's limit on the digits of a whole number (4,300)
        raise ReaderError(f"{name}: holds a number thousands of digits long, which no export has; "
                          "nothing was imported.") from None
    try:
        kind = detect(doc)
        if kind == "json":
            return _json_file(doc, config)
        from reader.exports.incoming_w3c import w3c_file  # (it checks fields with this module's checks)

        return w3c_file(doc, config)
    except _Problem as e:
        raise ReaderError(f"{name}: {e}; nothing was imported.") from None


def _types(value: Any) -> set[str]:
    t = value.get("type", value.get("@type")) if isinstance(value, dict) else None
    if isinstance(t, str):
        return {t}
    return {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()


def detect(doc: Any) -> Kind:
    if isinstance(doc, dict) and "articles" in doc and ("format" in doc or isinstance(doc["articles"], list)):
        return "json"
    if isinstance(doc, dict) and _types(doc) & _ANNOTATION_TYPES:
        return "w3c"
    if isinstance(doc, list) and doc and all("Annotation" in _types(a) for a in doc):
        return "w3c"
    raise _Problem("", "unknown shape: expected a reader json export (an object with \"articles\") "
                       "or a W3C Web Annotation collection")


# --- field checks ---------------------------------------------------------------------------

def _str(value: Any, where: str, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    return _text(value, where, what)


def _text(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str):
        raise _Problem(where, f"{what} must be text, got {_shown(value)}")
    if not encodable(value):
        raise _Problem(where, f"{what} is not valid Unicode text (it holds a lone surrogate such as \"\\ud800\")")
    return value


def _int(value: Any, where: str, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _Problem(where, f"{what} must be a whole number ≥ 0, got {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:39] + "…"


def _category(value: Any, where: str, config: Config) -> str:
    name = _str(value, where, "the category")
    assert name is not None
    if name not in config.category_names:
        raise _Problem(where, f"the category {name!r} is not in the settings "
                              f"({', '.join(config.category_names)})")
    return name


def _grade(check: Callable[[object], str | None], value: Any, where: str) -> str | None:
    try:
        return check(value)
    except grades.GradeError as e:
        raise _Problem(where, str(e)) from None


def _time(value: Any, where: str, what: str) -> str:
    """An ISO 8601 time as the store writes it (UTC, "Z"); "" when absent."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise _Problem(where, f"{what} must be an ISO 8601 time, got {_shown(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Problem(where, f"{what} must be an ISO 8601 time such as 2026-01-31T09:30:00Z, "
                              f"got {_shown(value)}") from None
    if _STORE_TIME.fullmatch(value):  # a valid time already in the store's form (most of them)
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        moment = moment.astimezone(timezone.utc)
    except OverflowError:  # year 1 or 9999 with an offset: before or after what a time can be
        raise _Problem(where, f"{what} is out of range, got {_shown(value)}") from None
    fraction = f".{moment.microsecond:06d}".rstrip("0") if moment.microsecond else ""
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"


def _note(value: Any, where: str) -> str | None:
    note = _str(value, where, "the note", optional=True)
    return note if note and note.strip() else None


# --- reader json ----------------------------------------------------------------------------

def _json_file(doc: dict[str, Any], config: Config) -> IncomingFile:
    fmt = doc.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise _Problem("", f"unknown shape: \"format\" is {_shown(fmt)}, not {FORMAT_NAME!r}")
    version = doc.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Problem("", f"\"version\" must be a whole number, got {_shown(version)}")
    if version > FORMAT_VERSION:
        raise _Problem("", f"written by a newer reader (export version {version}; this one reads up to "
                           f"{FORMAT_VERSION}); upgrade reader to import it")
    raw = doc["articles"]
    if not isinstance(raw, list):
        raise _Problem("articles", "must be a list of articles")
    articles = []
    for i in range(len(raw)):
        articles.append(_json_article(raw[i], f"articles[{i}]", config))
        raw[i] = None  # the parsed JSON of an article is let go once converted: a big file's peak memory
    return IncomingFile("json", articles)


def _json_article(raw: Any, where: str, config: Config) -> IncomingArticle:
    if not isinstance(raw, dict):
        raise _Problem(where, "must be an object")
    aid = _str(raw.get("id"), where, "the article id")
    assert aid is not None
    if not _HEX64.fullmatch(aid):
        raise _Problem(where, f"the article id must be 64 hexadecimal digits, got {_shown(aid)}")
    meta = raw.get("meta") or {}
    if not isinstance(meta, dict):
        raise _Problem(where, "meta must be an object")
    article = IncomingArticle(where, aid, text=_str(raw.get("text"), where, "the text", optional=True),
                              path=_str(raw.get("path", ""), where, "the path") or "",
                              title=_str(raw.get("title", ""), where, "the title") or "",
                              meta={_text(str(k), where, "meta"): _text(str(v), where, "meta")
                                    for k, v in meta.items()})
    statements = raw.get("statements", [])
    if not isinstance(statements, list):
        raise _Problem(where, "statements must be a list")
    for i, record in enumerate(statements):
        _json_statement(article, record, f"{where}.statements[{i}]", config)
    orphans = raw.get("orphaned_tags", [])
    if not isinstance(orphans, list):
        raise _Problem(where, "orphaned_tags must be a list")
    for i, record in enumerate(orphans):
        article.tags.append(_json_orphan(record, f"{where}.orphaned_tags[{i}]", config))
    lost = raw.get("orphaned_resolutions", [])
    if not isinstance(lost, list):
        raise _Problem(where, "orphaned_resolutions must be a list")
    for i, record in enumerate(lost):
        article.resolutions.append(_json_orphaned_resolution(record, f"{where}.orphaned_resolutions[{i}]", config))
    return article


def _statement(record: dict[str, Any], where: str) -> Statement:
    sid = _str(record.get("id"), where, "the statement id")
    words = _str(record.get("text"), where, "the statement text")
    start, end = _int(record.get("start"), where, "start"), _int(record.get("end"), where, "end")
    if end < start or (words is not None and end - start != len(words)):
        raise _Problem(where, f"offsets {start}..{end} do not fit the statement's {len(words or '')} characters")
    kind = record.get("kind", "direct")
    if kind not in KINDS:
        raise _Problem(where, f"kind must be one of {', '.join(KINDS)}, got {_shown(kind)}")
    optional_ints = {}
    for key in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        value = record.get(key)
        optional_ints[key] = None if value is None else _int(value, where, key)
    texts = {key: _str(record.get(key), where, key, optional=True)
             for key in ("speaker", "cue", "suggested_source", "reason")}
    assert sid is not None and words is not None
    return Statement(sid, start, end, words, texts["speaker"], optional_ints["speaker_start"],
                     optional_ints["speaker_end"], texts["cue"], kind, texts["suggested_source"],
                     texts["reason"], optional_ints["cue_start"], optional_ints["cue_end"])


def _json_statement(article: IncomingArticle, record: Any, where: str, config: Config) -> None:
    if not isinstance(record, dict):
        raise _Problem(where, "must be an object")
    statement = _statement(record, where)
    flags = {key: record.get(key, False)
             for key in ("dismissed", "added_by_reviewer", "speaker_corrected", "revised_by_reviewer")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise _Problem(where, f"{key} must be true or false, got {_shown(value)}")
    if flags["added_by_reviewer"]:
        article.added.append(statement)
        if record.get("number") is not None:
            article.added_numbers[statement.id] = _int(record["number"], where, "number")
    if flags["dismissed"]:
        article.dismissed.append(statement.id)
    if flags["speaker_corrected"]:
        article.speakers[statement.id] = statement.speaker
    if flags["revised_by_reviewer"]:
        article.revised[statement.id] = Revision(statement.start, statement.end, statement.text, statement.kind)
    # version 2 keeps every reviewer's tag in "tags" ("tag" is their outcome, derived from them);
    # version 1 has only "tag", the one reviewer's
    if "tags" in record:
        tags = record["tags"]
        if not isinstance(tags, list) or not all(isinstance(t, dict) for t in tags):
            raise _Problem(where, "tags must be a list of objects")
    else:
        tags = [] if record.get("tag") is None else [record["tag"]]
        if tags and not isinstance(tags[0], dict):
            raise _Problem(where, "tag must be an object or null")
    for tag in tags:
        article.tags.append(IncomingTag(
            where, statement.id, statement.text, "", "", statement.start, statement.end,
            _category(tag.get("category"), where, config), _note(tag.get("note"), where),
            _grade(grades.reliability, tag.get("reliability"), where),
            _grade(grades.credibility, tag.get("credibility"), where),
            _str(tag.get("reviewer", ""), where, "the reviewer") or "",
            _time(tag.get("created"), where, "created"), _time(tag.get("updated"), where, "updated"),
            statement=statement))
    resolution = record.get("resolution")
    if resolution is None:
        return
    if not isinstance(resolution, dict):
        raise _Problem(where, "resolution must be an object or null")
    article.resolutions.append(IncomingResolution(
        where, statement.id, statement.text, "", "", statement.start, statement.end,
        _category(resolution.get("category"), where, config), _str(resolution.get("by", ""), where, "by") or "",
        _time(resolution.get("at"), where, "at")))


def _orphan_anchor(record: Any, where: str) -> tuple[str | None, str | None, str, str, int | None, int | None]:
    """(statement id, exact, prefix, suffix, start, end) of an orphaned record of the file."""
    if not isinstance(record, dict):
        raise _Problem(where, "must be an object")
    anchor = record.get("anchor")
    if not isinstance(anchor, dict):
        raise _Problem(where, "anchor must be an object")
    return (_str(record.get("statement_id"), where, "the statement id"), _str(anchor.get("exact"), where, "anchor.exact"),
            _str(anchor.get("prefix", ""), where, "anchor.prefix") or "",
            _str(anchor.get("suffix", ""), where, "anchor.suffix") or "",
            _int(anchor.get("start"), where, "anchor.start"), _int(anchor.get("end"), where, "anchor.end"))


def _json_orphaned_resolution(record: Any, where: str, config: Config) -> IncomingResolution:
    return IncomingResolution(where, *_orphan_anchor(record, where), _category(record.get("category"), where, config),
                              _str(record.get("by", ""), where, "by") or "", _time(record.get("at"), where, "at"),
                              orphan=True)


def _json_orphan(record: Any, where: str, config: Config) -> IncomingTag:
    return IncomingTag(
        where, *_orphan_anchor(record, where),
        _category(record.get("category"), where, config), _note(record.get("note"), where),
        _grade(grades.reliability, record.get("reliability"), where),
        _grade(grades.credibility, record.get("credibility"), where),
        _str(record.get("reviewer", ""), where, "the reviewer") or "",
        _time(record.get("created"), where, "created"), _time(record.get("updated"), where, "updated"),
        orphan=True)
