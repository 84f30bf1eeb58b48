"""The attribution engine: every attributed statement in an article, with its speaker and a
suggested source type. Plain Python, no UI imports; one public entry point, `extract`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.attribution.model import KINDS, Kind, Statement, statement_id

if TYPE_CHECKING:
    from reader.attribution.engine import Extractor, extract
    from reader.attribution.sources import Suggestion, suggest

__all__ = ["KINDS", "Extractor", "Kind", "Statement", "Suggestion", "extract", "statement_id", "suggest"]


def __getattr__(name: str) -> Any:
    # The engine compiles its patterns on import; code that only needs the Statement type
    # (the store, the exports' readers) should not pay for that at start-up.
    if name in ("Extractor", "extract"):
        from reader.attribution import engine

        return getattr(engine, name)
    if name in ("Suggestion", "suggest"):
        from reader.attribution import sources

        return getattr(sources, name)
    raise AttributeError(f"module 'reader.attribution' has no attribute {name!r}")
