"""csv: one row per statement (and one per orphaned tag) under a header row, for spreadsheets.

Safe to open: a cell a spreadsheet would run as a formula (starting with = + - @, tab or
carriage return) gets a leading single quote, as OWASP recommends, and control characters
are shown as Unicode control pictures (one character for one, so offsets still hold).
Quoting is the csv module's, so commas, quotes and line breaks in article text stay in
their cell. `text` is the statement's exact words; `reported` words it for people
(reader.exports.wording: quotation marks only around what the article quotes).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from reader.config import Category
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.exports.wording import plain, wording
from reader.safe_text import printable

if TYPE_CHECKING:
    from reader.store import Tag

COLUMNS = ("article_id", "article_title", "article_path", "statement_id", "status", "start", "end",
           "speaker", "cue", "kind", "text", "suggested_source", "reason", "category", "note",
           "reliability", "credibility", "reviewer", "created", "updated", "dismissed",
           "added_by_reviewer", "number", "reported")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return printable(text)


def _tag_cells(tag: Tag | None) -> list[object]:
    if tag is None:
        return [None] * 7
    return [tag.category, tag.note, tag.reliability, tag.credibility, tag.reviewer, tag.created, tag.updated]


def _statement_row(data: ArticleData, item: Item) -> list[object]:
    s, r = item.statement, data.record
    return [r.id, r.title, r.path, s.id, "tagged" if item.tag else "untagged", s.start, s.end,
            s.speaker, s.cue, s.kind, s.text, s.suggested_source, s.reason,
            *_tag_cells(item.tag), item.dismissed, item.added, item.number, plain(wording(s, data.text))]


def _orphan_row(data: ArticleData, tag: Tag) -> list[object]:
    r = data.record
    # no offsets: the tag's statement is not in this text any more; the text is its old words
    return [r.id, r.title, r.path, tag.statement_id, "orphaned", None, None, None, None, None,
            tag.anchor.exact, None, None, *_tag_cells(tag), False, False, None, None]


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for data in articles:
        for item in data.selected(options, untagged_default=True):
            writer.writerow([cell(v) for v in _statement_row(data, item)])
        for tag in data.selected_orphans(options):
            writer.writerow([cell(v) for v in _orphan_row(data, tag)])
