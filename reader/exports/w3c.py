"""w3c: a W3C Web Annotation AnnotationCollection (JSON-LD, https://www.w3.org/TR/annotation-model/),
one Annotation per tagged statement, for annotation platforms.

Each Annotation carries:
- `id`: `urn:reader:<article id>:<statement id>`, so reader can match it back exactly;
- `motivation` "tagging"; `created`/`modified`: the tag's times; `creator`: the reviewer
  (a Person with a `name`);
- `body`: a TextualBody with purpose "tagging" whose value is the category; a TextualBody with
  purpose "commenting" holding the note, when there is one; the Admiralty grades, when set, as
  a TextualBody with purpose "assessing" whose value is the usual notation ("B2": reliability
  letter A–F then credibility digit 1–6; either may be absent, as in "B" or "2");
- `target`: the article (`source`: its URL, else its file as a file: URI, else
  `urn:sha256:<article id>`) with two equivalent selectors, a TextQuoteSelector (exact, and up
  to 32 characters of prefix and suffix) and a TextPositionSelector (start, end, in Unicode code
  points, as Python indexes the article text).
With --untagged, untagged statements come too, as bodiless Annotations with motivation
"highlighting". Orphaned tags are not included: they have no place in this text.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.config import Category
from reader.safe_text import json_text as dumps
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.grades import notation

if TYPE_CHECKING:
    from reader.store import ArticleRecord

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ID_PREFIX = "urn:reader:"
SHA_PREFIX = "urn:sha256:"
CONTEXT_CHARS = 32
_ID = re.compile(r"urn:reader:([0-9a-f]{64}):(\S+)")


def annotation_id(article_id: str, statement_id: str) -> str:
    return f"{ID_PREFIX}{article_id}:{statement_id}"


def parse_annotation_id(value: object) -> tuple[str, str] | None:
    """(article id, statement id) from an annotation id reader wrote, else None."""
    m = _ID.fullmatch(value) if isinstance(value, str) else None
    return (m.group(1), m.group(2)) if m else None


def source_iri(record: ArticleRecord) -> str:
    url = record.meta.get("url") or (record.path if record.path.startswith(("http://", "https://")) else "")
    if url:
        return url
    if record.path not in ("", "-") and os.path.isabs(record.path):
        return Path(record.path).as_uri()
    return SHA_PREFIX + record.id


def annotation(data: ArticleData, item: Item) -> dict[str, Any]:
    s, text = item.statement, data.text
    target = {
        "source": source_iri(data.record),
        "selector": [
            {"type": "TextQuoteSelector", "exact": s.text,
             "prefix": text[max(0, s.start - CONTEXT_CHARS):s.start], "suffix": text[s.end:s.end + CONTEXT_CHARS]},
            {"type": "TextPositionSelector", "start": s.start, "end": s.end},
        ],
    }
    out: dict[str, Any] = {"id": annotation_id(data.record.id, s.id), "type": "Annotation"}
    tag = item.tag
    if tag is None:
        out["motivation"] = "highlighting"
        out["target"] = target
        return out
    out["motivation"] = "tagging"
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
    out["target"] = target
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
            out.write("\n      " if total == 0 else ",\n      ")
            out.write(dumps(annotation(data, item)).replace("\n", "\n      "))
            total += 1
    out.write("]\n  },\n" if total == 0 else "\n    ]\n  },\n")
    out.write(f'  "total": {total}\n}}\n')
