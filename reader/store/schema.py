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

from collections.abc import Callable
from typing import Any

Document = dict[str, Any]

CURRENT = 1
META = "_meta"
META_ID = "reader"
KINDS = ("index", "article", "text")

# version -> function turning a document at that version into one at version + 1.
# Version 1 is the first layout, so there is nothing to migrate yet.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {}


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
