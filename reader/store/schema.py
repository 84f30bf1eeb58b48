"""Schema versions of the store's files and the path from old versions to the current one.

Every file the store writes is a TinyDB document (a JSON object of tables) with a `_meta`
table holding one document, `{"schema": N, "kind": "index" | "article" | "text"}`. Reading a
file with an older N runs MIGRATIONS[N], MIGRATIONS[N + 1], ... in memory; the next write saves
the current version (after keeping the original as `<file>.schema-vN.bak`). A newer N than
this reader knows is refused, never rewritten.

To change the layout: bump CURRENT and add MIGRATIONS[CURRENT - 1], a function that takes the
whole document at that version and returns it at the next one.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

Document = dict[str, Any]

CURRENT = 2
META = "_meta"
META_ID = "reader"
KINDS = ("index", "article", "text")
TAGS = "tags"  # an article file's table of tags
UNNAMED = "unnamed"  # as reader.store.model.UNNAMED (this module imports nothing of the store)


_PAIR = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False), made once


def tag_key(statement_id: str, reviewer: str) -> str:
    """A tag's document id in its article's file: one tag per statement and reviewer (as a
    JSON pair, so no statement id or name can make two keys alike): json.dumps([statement_id,
    reviewer], ensure_ascii=False), each string written by the function json.dumps writes them
    with (a tenth of the time: a server reading makes every tag's key)."""
    if type(statement_id) is str and type(reviewer) is str:
        return f"[{encode_basestring(statement_id)}, {encode_basestring(reviewer)}]"
    return _PAIR([statement_id, reviewer])  # (a damaged record's: whatever it holds, as json writes it)


def _one_tag_per_reviewer(document: Document) -> Document:
    """Version 1 kept one tag per statement, keyed by statement id; version 2 one per
    statement and reviewer. Each tag becomes its own reviewer's, as it is; a tag saved
    without a reviewer's name becomes UNNAMED's. Index and text files are unchanged."""
    tags = document.get(TAGS)
    if document.get(META, {}).get(META_ID, {}).get("kind") != "article" or not isinstance(tags, dict):
        return document
    moved: dict[str, Any] = {}
    for doc_id, doc in tags.items():
        if not isinstance(doc, dict):
            moved[doc_id] = doc  # left for the reading to refuse, naming the file
            continue
        reviewer = doc.get("reviewer") or UNNAMED
        sid = doc.get("statement_id", doc_id)
        key = tag_key(sid, reviewer) if isinstance(sid, str) and isinstance(reviewer, str) else doc_id
        moved[key] = {**doc, "reviewer": reviewer}
    return {**document, TAGS: moved}


# version -> function turning a document at that version into one at version + 1.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _one_tag_per_reviewer}


def meta(kind: str, **extra: Any) -> dict[str, dict[str, Any]]:
    return {META_ID: {"schema": CURRENT, "kind": kind, **extra}}


class SchemaError(Exception):
    """What is wrong with a file's schema, as a phrase: the caller adds the file name."""


def version_of(document: Document, kind: str) -> int:
    table = document.get(META)
    info = table.get(META_ID) if isinstance(table, dict) else None
    if not isinstance(info, dict) or "schema" not in info:
        raise SchemaError("has no schema version, so it is not a reader database file")
    version = info["schema"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SchemaError(f"has an invalid schema version {version!r}")
    if info.get("kind") != kind:
        raise SchemaError(f"holds a {info.get('kind')!r} record where a {kind!r} was expected")
    return version


def upgrade(document: Document, kind: str) -> tuple[Document, int]:
    """The document at the CURRENT version, and the version it was read at."""
    found = version_of(document, kind)
    if found > CURRENT:
        raise SchemaError(f"was written by a newer reader (schema version {found}; this one reads "
                          f"up to {CURRENT}); upgrade reader to open it")
    version = found
    while version < CURRENT:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaError(f"has schema version {version}, which this reader cannot migrate")
        document = step(document)
        version += 1
        document[META][META_ID]["schema"] = version
    return document, found
