"""The lossless record of an article, shared by the json and yaml exports.

The shape extends the contract in CONTRACT.md (`{"articles": [{id, path, title, chars,
statements: [...]}]}`) with everything else the store holds: the article's times and metadata,
its text (so every statement's offsets can be checked: `text[start:end] == statement text`), the
reviewer's edits on each statement, and the orphaned tags and resolutions, whose statements this
text no longer has (kept, never dropped).
"""
from __future__ import annotations

from typing import Any

from reader.exports.model import ArticleData, ExportOptions, Item
from reader.store.records import orphan_json, orphaned_resolution_json

FORMAT_NAME = "reader-export"
FORMAT_VERSION = 2  # 2: every reviewer's tag (`tags`), `resolution`, `disputed`; `tag` the outcome


def header() -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION}


def statement_json(item: Item) -> dict[str, Any]:
    from reader.store import statement_record

    base = statement_record(item.statement, item.tags, item.resolution, dismissed=item.dismissed, added=item.added,
                            number=item.number)
    record: dict[str, Any] = {}
    for key, value in base.items():
        if key == "tags":  # complete records: the cue's own offsets too, with the other fields
            record["cue_start"] = item.statement.cue_start
            record["cue_end"] = item.statement.cue_end
        record[key] = value
    record["speaker_corrected"] = item.speaker_corrected
    record["revised_by_reviewer"] = item.revised
    return record


def article_json(data: ArticleData, options: ExportOptions) -> dict[str, Any]:
    r = data.record
    return {
        "id": r.id, "path": r.path, "title": r.title, "chars": r.chars,
        "first_seen": r.first_seen, "last_opened": r.last_opened, "meta": dict(r.meta),
        "text": data.text,
        "statements": [statement_json(item) for item in data.selected(options, untagged_default=True)],
        "orphaned_tags": [orphan_json(tag) for tag in data.selected_orphans(options)],
        "orphaned_resolutions": [orphaned_resolution_json(r) for r in data.selected_orphaned_resolutions(options)],
    }
