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
  to them.
A resolution's Annotation has `id` `urn:reader:<article id>:<statement id>#resolution`,
`motivation` "assessing" (it judges the reviewers' tags), the adjudicator as `creator`, the time
of the decision as `created` and `modified`, and the settled category as a TextualBody with
purpose "tagging"; the same target.
With --untagged, untagged statements come too, as bodiless Annotations with motivation
"highlighting".

What the Web Annotation vocabulary has no term for is said in reader's own, declared in the
collection's `@context` (the prefix `reader:`, https://www.w3.org/TR/annotation-model/#extensibility),
so the import gives back everything the json export keeps of a tag and a resolution:
- a statement whose kind the reviewer changed (`K`) or that the reviewer added: its kind, as
  `reader:kind` in the target ("direct", "indirect", "mixed", "post");
- orphaned tags and resolutions (their statement is gone from the text; kept, never dropped):
  annotated like the others, under their old statement id, with a target that has only a
  TextQuoteSelector (the words and their context when tagged: the text has them no more, so
  there is no position to give) and `reader:orphanedFrom`, a TextPositionSelector of where the
  words were in the text they were tagged on.
Statements dismissed as not statements are left out, with their tags (json keeps them).
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
from reader.store.model import make_anchor

if TYPE_CHECKING:
    from reader.store import Anchor, ArticleRecord, Resolution, Tag

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:reader:vocabulary#"  # reader's own terms (`reader:kind`, `reader:orphanedFrom`)
KIND, ORPHANED_FROM = "reader:kind", "reader:orphanedFrom"
ID_PREFIX = "urn:reader:"
SHA_PREFIX = "urn:sha256:"
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


def _quote(anchor: Anchor) -> dict[str, Any]:
    return {"type": "TextQuoteSelector", "exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix}


def _target(data: ArticleData, item: Item) -> dict[str, Any]:
    s = item.statement
    found: dict[str, Any] = {"source": source_iri(data.record), "selector": [
        _quote(make_anchor(data.text, s.start, s.end)),
        {"type": "TextPositionSelector", "start": s.start, "end": s.end},
    ]}
    if item.revised or item.added:  # a kind the engine would not give it back
        found[KIND] = s.kind
    return found


def _orphaned(data: ArticleData, record: Tag | Resolution, annotation: dict[str, Any]) -> dict[str, Any]:
    """`annotation` of an orphaned tag or resolution: targeted at its words when tagged, with no
    position in this text, and where they were in the text they were tagged on."""
    anchor = record.anchor
    annotation["target"] = {"source": source_iri(data.record), "selector": [_quote(anchor)]}
    annotation[ORPHANED_FROM] = {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end}
    return annotation


def annotations_of(data: ArticleData, item: Item) -> list[dict[str, Any]]:
    """The statement's annotations: one per reviewer's tag, then the resolution if any; a bare
    highlight when nobody tagged it."""
    target, aid, sid = _target(data, item), data.record.id, item.statement.id
    out = [tag_annotation(aid, sid, tag, target) for tag in item.tags]
    if item.resolution is not None:
        out.append(resolution_annotation(aid, sid, item.resolution, target))
    if not out:
        out.append({"id": f"{ID_PREFIX}{aid}:{sid}", "type": "Annotation", "motivation": "highlighting",
                    "target": target})
    return out


def orphaned_annotations(data: ArticleData, options: ExportOptions) -> list[dict[str, Any]]:
    """The article's orphaned tags, then its orphaned resolutions, as the json export lists them."""
    aid = data.record.id
    return [*(_orphaned(data, tag, tag_annotation(aid, tag.statement_id, tag, {}))
              for tag in data.selected_orphans(options)),
            *(_orphaned(data, r, resolution_annotation(aid, r.statement_id, r, {}))
              for r in data.selected_orphaned_resolutions(options))]


def resolution_annotation(article_id: str, statement_id: str, resolution: Resolution,
                          target: dict[str, Any]) -> dict[str, Any]:
    return {"id": annotation_id(article_id, statement_id), "type": "Annotation", "motivation": "assessing",
            "created": resolution.at, "modified": resolution.at,
            "creator": {"type": "Person", "name": resolution.by},
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": resolution.category}],
            "target": target}


def tag_annotation(article_id: str, statement_id: str, tag: Tag, target: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": annotation_id(article_id, statement_id, tag.reviewer),
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
    out["target"] = target
    return out


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    # Written as it goes: the items first, the total (known at the end) last.
    out.write('{\n  "@context": [%s, {"reader": %s}],\n  "type": "AnnotationCollection",\n'
              % (dumps(CONTEXT), dumps(NAMESPACE)))
    out.write('  "label": "Source tags exported by reader",\n')
    out.write('  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [')
    total = 0
    for data in articles:
        found_here = [found for item in data.selected(options, untagged_default=False) if not item.dismissed
                      for found in annotations_of(data, item)]
        for found in found_here + orphaned_annotations(data, options):
            out.write("\n      " if total == 0 else ",\n      ")
            out.write(dumps(found).replace("\n", "\n      "))
            total += 1
    out.write("]\n  },\n" if total == 0 else "\n    ]\n  },\n")
    out.write(f'  "total": {total}\n}}\n')
