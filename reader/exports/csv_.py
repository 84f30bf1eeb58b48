"""csv: one row per statement (and one per orphaned tag or resolution) under a header row, for spreadsheets.

Safe to open: a cell a spreadsheet would run as a formula (starting with = + - @, tab or
carriage return) gets a leading single quote, as OWASP recommends, and control characters
are shown as Unicode control pictures (one character for one, so offsets still hold).
Quoting is the csv module's, so commas, quotes and line breaks in article text stay in
their cell. `text` is the statement's exact words; `reported` words it for people
(reader.exports.wording: quotation marks only around what the article quotes).

A desk: `category` … `updated` are the statement's outcome (reader.store.outcome: the
resolution, else the one or agreed tag); `disputed` says the reviewers differ unsettled,
`resolved_by` who settled it; then one column per reviewer, `reviewer:<name>`, holding that
reviewer's category (their note and grades are in the json export). The reviewers are known
only once every article is read, so rows wait in a temporary file until the header is written.
"""
from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from reader.config import Category
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.exports.wording import plain, wording
from reader.safe_text import printable

if TYPE_CHECKING:
    from reader.store import Resolution, Tag

COLUMNS = ("article_id", "article_title", "article_path", "statement_id", "status", "start", "end",
           "speaker", "cue", "kind", "text", "suggested_source", "reason", "category", "note",
           "reliability", "credibility", "reviewer", "created", "updated", "dismissed",
           "added_by_reviewer", "number", "reported", "disputed", "resolved_by")
REVIEWER_COLUMN = "reviewer:"  # then the reviewer's name: one column per reviewer

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
    status = "disputed" if item.disputed else "tagged" if item.tag else "untagged"
    return [r.id, r.title, r.path, s.id, status, s.start, s.end,
            s.speaker, s.cue, s.kind, s.text, s.suggested_source, s.reason,
            *_tag_cells(item.tag), item.dismissed, item.added, item.number, plain(wording(s, data.text)),
            item.disputed, item.resolution.by if item.resolution is not None else None]


def _orphan_row(data: ArticleData, tag: Tag) -> list[object]:
    r = data.record
    # no offsets: the tag's statement is not in this text any more; the text is its old words
    return [r.id, r.title, r.path, tag.statement_id, "orphaned", None, None, None, None, None,
            tag.anchor.exact, None, None, *_tag_cells(tag), False, False, None, None, False, None]


def _orphaned_resolution_row(data: ArticleData, resolution: Resolution) -> list[object]:
    r = data.record
    # an adjudicator's decision on a statement the text no longer has: its category, who and when
    return [r.id, r.title, r.path, resolution.statement_id, "orphaned resolution", None, None, None, None, None,
            resolution.anchor.exact, None, None, resolution.category, None, None, None, None, None, resolution.at,
            False, False, None, None, False, resolution.by]


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    reviewers: set[str] = set()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as rows:  # one JSON line per row
        for data in articles:
            for item in data.selected(options, untagged_default=True):
                by = {t.reviewer: t.category for t in item.tags}
                reviewers.update(by)
                rows.write(json.dumps([[cell(v) for v in _statement_row(data, item)], by]) + "\n")
            for tag in data.selected_orphans(options):
                rows.write(json.dumps([[cell(v) for v in _orphan_row(data, tag)], {}]) + "\n")
            for resolution in data.selected_orphaned_resolutions(options):
                rows.write(json.dumps([[cell(v) for v in _orphaned_resolution_row(data, resolution)], {}]) + "\n")
        names = sorted(reviewers)
        writer.writerow([*COLUMNS, *(cell(REVIEWER_COLUMN + name) for name in names)])
        rows.seek(0)
        for line in rows:
            values, by = json.loads(line)
            writer.writerow([*values, *(cell(by.get(name)) for name in names)])
