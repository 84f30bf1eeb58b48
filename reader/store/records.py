"""The reviewer's view of an article: the engine's statements with the reviewer's edits
applied, and one statement with its tag as the JSON export shows it."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.attribution.model import Statement
from reader.store.model import Edits, ReviewerStatement, Tag

EXTRACT_FIELDS = ("id", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
                  "kind", "suggested_source", "reason")


def apply_edits(statements: list[Statement], edits: Edits) -> list[Statement]:
    """The engine's statements with corrected speakers applied and the reviewer's added
    statements merged in, in reading order; dismissed ones stay (edits.dismissed says which).
    An added statement the engine now finds itself (same id) appears once, as the engine's."""
    engine_ids = {s.id for s in statements}
    merged = list(statements) + [s for s in edits.added if s.id not in engine_ids]
    out: list[Statement] = []
    for s in merged:
        if s.id in edits.speakers:
            speaker = edits.speakers[s.id]
            if speaker != s.speaker:
                s = replace(s, speaker=speaker, speaker_start=None, speaker_end=None)
        out.append(s)
    out.sort(key=lambda s: (s.start, s.end))
    return out


def tag_json(tag: Tag | None) -> dict[str, Any] | None:
    if tag is None:
        return None
    return {"category": tag.category, "note": tag.note, "reliability": tag.reliability,
            "credibility": tag.credibility, "reviewer": tag.reviewer, "created": tag.created,
            "updated": tag.updated}


def statement_record(statement: Statement, tag: Tag | None, *, dismissed: bool = False,
                     added: bool | None = None) -> dict[str, Any]:
    """One statement as the JSON export shows it: the extract fields, "tag" (null or the tag's
    fields), "dismissed" and "added_by_reviewer" (statements from `TagStore.edits().added`
    know they were added; pass `added` to say so for others)."""
    record: dict[str, Any] = {name: getattr(statement, name) for name in EXTRACT_FIELDS}
    record["tag"] = tag_json(tag)
    record["dismissed"] = bool(dismissed)
    record["added_by_reviewer"] = isinstance(statement, ReviewerStatement) if added is None else bool(added)
    return record
