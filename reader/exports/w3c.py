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

A statement nobody tagged that a reviewer edited (added, dismissed, its speaker corrected, its
words moved or its kind changed) comes as a bodiless Annotation with motivation "editing", id
`urn:reader:<article id>:<statement id>`, so its edits travel too (not with --tagged-only or
--category, which list tagged statements only, as json does).

What the Web Annotation vocabulary has no term for is said in reader's own, declared in the
collection's `@context` (the prefix `reader:`, https://www.w3.org/TR/annotation-model/#extensibility),
so the import gives back everything the json export keeps of the reviewers' work. In the
target, the statement as the reviewers left it (json's flags):
- `reader:kind`: the kind of a statement whose kind the reviewer changed (`K`), moved (`b`) or
  added ("direct", "indirect", "mixed", "post");
- `reader:dismissed`: true for a statement dismissed as not a statement (its tags come too);
- `reader:speaker`: the speaker a reviewer gave it (a correction);
- `reader:added`: true for a statement a reviewer added, with its `reader:number` (the order
  added: an import adds them in that order, so they keep their numbers), its `reader:speaker`,
  `reader:cue`, `reader:suggestedSource`, `reader:reason` when it has them and where its
  speaker's and cue's words are (`reader:speakerAt`, `reader:cueAt`: TextPositionSelectors).
Orphaned tags and resolutions (their statement is gone from the text; kept, never dropped) are
annotated like the others, with a target that has only a TextQuoteSelector (the words and
their context when tagged: the text has them no more, so there is no position to give) and
`reader:orphanedFrom`, a TextPositionSelector of where the words were in the text they were
tagged on. Their old statement id may be a current statement's, so their annotation ids say
`orphaned=<n>` (the n-th of the article's orphaned tags, or resolutions) before the rest:
`…:<old statement id>#orphaned=1;by=<reviewer>`, `…#orphaned=1;resolution`.
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
NAMESPACE = "urn:reader:vocabulary#"  # reader's own terms (`reader:kind`, `reader:orphanedFrom`, …)
KIND, ORPHANED_FROM, DISMISSED, SPEAKER, ADDED, NUMBER = (
    "reader:kind", "reader:orphanedFrom", "reader:dismissed", "reader:speaker", "reader:added", "reader:number")
# an added statement's fields (as the json export names them) besides its words, place and kind:
# texts, and the places of its speaker's and cue's words (`<field>_start`, `<field>_end`)
ADDED_TEXTS = {"speaker": SPEAKER, "cue": "reader:cue", "suggested_source": "reader:suggestedSource",
               "reason": "reader:reason"}
ADDED_SPANS = {"speaker": "reader:speakerAt", "cue": "reader:cueAt"}
ID_PREFIX = "urn:reader:"
SHA_PREFIX = "urn:sha256:"
_ID = re.compile(r"urn:reader:([0-9a-f]{64}):([^\s#]+)(?:#\S*)?")
RESOLUTION = "resolution"


def annotation_id(article_id: str, statement_id: str, reviewer: str | None = None, orphan: int = 0) -> str:
    """The id of a reviewer's tag's annotation (None: of the statement's resolution); `orphan`:
    the tag's (or resolution's) number among the article's orphaned ones, 0 for none."""
    which = RESOLUTION if reviewer is None else f"by={quote(reviewer, safe='')}"
    orphaned = f"orphaned={orphan};" if orphan else ""
    return f"{ID_PREFIX}{article_id}:{statement_id}#{orphaned}{which}"


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


def _position(start: int, end: int) -> dict[str, Any]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


def _target(data: ArticleData, item: Item) -> dict[str, Any]:
    """The statement's words and place, and the reviewers' edits of it (reader's own terms)."""
    s = item.statement
    found: dict[str, Any] = {"source": source_iri(data.record), "selector": [
        _quote(make_anchor(data.text, s.start, s.end)), _position(s.start, s.end)]}
    if item.revised or item.added:  # a kind the engine would not give it back
        found[KIND] = s.kind
    if item.dismissed:
        found[DISMISSED] = True
    if item.added:
        found[ADDED], found[NUMBER] = True, item.number
        found.update((term, value) for name, term in ADDED_TEXTS.items() if (value := getattr(s, name)) is not None)
        for name, term in ADDED_SPANS.items():
            start, end = getattr(s, f"{name}_start"), getattr(s, f"{name}_end")
            if start is not None and end is not None:
                found[term] = _position(start, end)
    elif item.speaker_corrected:
        found[SPEAKER] = s.speaker
    return found


def _orphaned(data: ArticleData, record: Tag | Resolution, annotation: dict[str, Any]) -> dict[str, Any]:
    """`annotation` of an orphaned tag or resolution: targeted at its words when tagged, with no
    position in this text, and where they were in the text they were tagged on."""
    anchor = record.anchor
    annotation["target"] = {"source": source_iri(data.record), "selector": [_quote(anchor)]}
    annotation[ORPHANED_FROM] = _position(anchor.start, anchor.end)
    return annotation


def annotations_of(data: ArticleData, item: Item) -> list[dict[str, Any]]:
    """The statement's annotations: one per reviewer's tag, then the resolution if any; when
    nobody tagged it, one with no body: its edits, or a bare highlight."""
    target, aid, sid = _target(data, item), data.record.id, item.statement.id
    out = [tag_annotation(aid, sid, tag, target) for tag in item.tags]
    if item.resolution is not None:
        out.append(resolution_annotation(aid, sid, item.resolution, target))
    if not out:
        out.append({"id": f"{ID_PREFIX}{aid}:{sid}", "type": "Annotation",
                    "motivation": "editing" if item.edited else "highlighting", "target": target})
    return out


def orphaned_annotations(data: ArticleData, options: ExportOptions) -> list[dict[str, Any]]:
    """The article's orphaned tags, then its orphaned resolutions, as the json export lists them,
    each numbered in its id (its old statement id may be a current statement's)."""
    aid = data.record.id
    return [*(_orphaned(data, tag, tag_annotation(aid, tag.statement_id, tag, {}, n))
              for n, tag in enumerate(data.selected_orphans(options), 1)),
            *(_orphaned(data, r, resolution_annotation(aid, r.statement_id, r, {}, n))
              for n, r in enumerate(data.selected_orphaned_resolutions(options), 1))]


def listed(data: ArticleData, options: ExportOptions) -> list[Item]:
    """The statements annotated: the tagged ones (every one with --untagged), and by default also
    the untagged ones a reviewer edited, whose edits are the reviewers' work as much as a tag."""
    if options.untagged is None and options.category is None:
        return [item for item in data.items if item.tagged or item.edited]
    return data.selected(options, untagged_default=False)


def resolution_annotation(article_id: str, statement_id: str, resolution: Resolution,
                          target: dict[str, Any], orphan: int = 0) -> dict[str, Any]:
    return {"id": annotation_id(article_id, statement_id, orphan=orphan), "type": "Annotation", "motivation": "assessing",
            "created": resolution.at, "modified": resolution.at,
            "creator": {"type": "Person", "name": resolution.by},
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": resolution.category}],
            "target": target}


def tag_annotation(article_id: str, statement_id: str, tag: Tag, target: dict[str, Any],
                   orphan: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {"id": annotation_id(article_id, statement_id, tag.reviewer, orphan),
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
        found_here = [found for item in listed(data, options) for found in annotations_of(data, item)]
        for found in found_here + orphaned_annotations(data, options):
            out.write("\n      " if total == 0 else ",\n      ")
            out.write(dumps(found).replace("\n", "\n      "))
            total += 1
    out.write("]\n  },\n" if total == 0 else "\n    ]\n  },\n")
    out.write(f'  "total": {total}\n}}\n')
