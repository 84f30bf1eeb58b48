"""w3c: a W3C Web Annotation AnnotationCollection (JSON-LD, https://www.w3.org/TR/annotation-model/),
one Annotation per reviewer's tag, and one per adjudicator's resolution, for annotation platforms.

Each tag's Annotation carries:
- `id`: `urn:reader:<article id>:<statement id>#by=<reviewer, percent-encoded>`, so reader can
  match it back exactly;
- `motivation` "tagging"; `created`/`modified`: the tag's times; `creator`: the reviewer
  (a Person with a `name`);
- `body`: a TextualBody with purpose "tagging" whose value is the category; a TextualBody with
  purpose "commenting" holding the note, when there is one; the Admiralty grades, when set, as
  a TextualBody with purpose "assessing" whose value is the usual notation ("B2": reliability
  letter A–F then credibility digit 1–6; either may be absent, as in "B" or "2");
- `target`: the article (`source`: its URL, else its file as a file: URI, else
  `urn:sha256:<article id>`) with two equivalent selectors, a TextQuoteSelector (exact, and up
  to 32 characters of prefix and suffix) and a TextPositionSelector (start, end, in Unicode code
  points, as Python indexes the article text). A statement whose start or end the reviewer
  moved (`b`) is targeted at its words as moved; the import revises the statement the id names
  to them (w3c has no place for a statement's kind: a kind changed with `K` goes only by json).
A resolution's Annotation has `id` `urn:reader:<article id>:<statement id>#resolution`,
`motivation` "assessing" (it judges the reviewers' tags), the adjudicator as `creator`, the time
of the decision as `created` and `modified`, and the settled category as a TextualBody with
purpose "tagging"; the same target.
With --untagged, untagged statements come too, as bodiless Annotations with motivation
"highlighting". Orphaned tags are not included: they have no place in this text.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from reader.config import Category
from reader.safe_text import json_text as dumps
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.grades import notation

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Resolution, Tag

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ID_PREFIX = "urn:reader:"
SHA_PREFIX = "urn:sha256:"
CONTEXT_CHARS = 32
_ID = re.compile(r"urn:reader:([0-9a-f]{64}):([^\s#]+)(?:#\S*)?")
RESOLUTION = "resolution"


def annotation_id(article_id: str, statement_id: str, reviewer: str | None = None) -> str:
    """The id of a reviewer's tag's annotation (None: of the statement's resolution)."""
    which = RESOLUTION if reviewer is None else f"by={quote(reviewer, safe='')}"
    return f"{ID_PREFIX}{article_id}:{statement_id}#{which}"


def parse_annotation_id(value: object) -> tuple[str, str] | None:
    """(article id, statement id) from an annotation id reader wrote (with or without the part
    after #), else None."""
    m = _ID.fullmatch(value) if isinstance(value, str) else None
    return (m.group(1), m.group(2)) if m else None


def source_iri(record: ArticleRecord) -> str:
    url = record.meta.get("url") or (record.path if record.path.startswith(("http://", "https://")) else "")
    if url:
        return url
    if record.path not in ("", "-") and os.path.isabs(record.path):
        return Path(record.path).as_uri()
    return SHA_PREFIX + record.id


def _target(data: ArticleData, item: Item) -> dict[str, Any]:
    s, text = item.statement, data.text
    return {
        "source": source_iri(data.record),
        "selector": [
            {"type": "TextQuoteSelector", "exact": s.text,
             "prefix": text[max(0, s.start - CONTEXT_CHARS):s.start], "suffix": text[s.end:s.end + CONTEXT_CHARS]},
            {"type": "TextPositionSelector", "start": s.start, "end": s.end},
        ],
    }


def annotations_of(data: ArticleData, item: Item) -> list[dict[str, Any]]:
    """The statement's annotations: one per reviewer's tag, then the resolution if any; a bare
    highlight when nobody tagged it."""
    out = [tag_annotation(data, item, tag) for tag in item.tags]
    if item.resolution is not None:
        out.append(resolution_annotation(data, item, item.resolution))
    if not out:
        out.append({"id": f"{ID_PREFIX}{data.record.id}:{item.statement.id}", "type": "Annotation",
                    "motivation": "highlighting", "target": _target(data, item)})
    return out


def resolution_annotation(data: ArticleData, item: Item, resolution: Resolution) -> dict[str, Any]:
    return {"id": annotation_id(data.record.id, item.statement.id), "type": "Annotation", "motivation": "assessing",
            "created": resolution.at, "modified": resolution.at,
            "creator": {"type": "Person", "name": resolution.by},
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": resolution.category}],
            "target": _target(data, item)}


def tag_annotation(data: ArticleData, item: Item, tag: Tag) -> dict[str, Any]:
    out: dict[str, Any] = {"id": annotation_id(data.record.id, item.statement.id, tag.reviewer),
                           "type": "Annotation", "motivation": "tagging"}
    if tag.created:
        out["created"] = tag.created
    if tag.updated:
        out["modified"] = tag.updated
    if tag.reviewer:
        out["creator"] = {"type": "Person", "name": tag.reviewer}
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": tag.category}]
    if tag.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": tag.note, "format": "text/plain"})
    graded = notation(tag.reliability, tag.credibility)
    if graded:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": graded})
    out["body"] = body
    out["target"] = _target(data, item)
    return out


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    # Written as it goes: the items first, the total (known at the end) last.
    out.write('{\n  "@context": "%s",\n  "type": "AnnotationCollection",\n' % CONTEXT)
    out.write('  "label": "Source tags exported by reader",\n')
    out.write('  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [')
    total = 0
    for data in articles:
        for item in data.selected(options, untagged_default=False):
            if item.dismissed:
                continue
            for found in annotations_of(data, item):
                out.write("\n      " if total == 0 else ",\n      ")
                out.write(dumps(found).replace("\n", "\n      "))
                total += 1
    out.write("]\n  },\n" if total == 0 else "\n    ]\n  },\n")
    out.write(f'  "total": {total}\n}}\n')
