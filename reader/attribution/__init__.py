"""The attribution engine: every attributed statement in an article, with its speaker and a
suggested source type. Plain Python, no UI imports; one public entry point, `extract`."""
from reader.attribution.engine import Extractor, extract
from reader.attribution.model import KINDS, Kind, Statement, statement_id

__all__ = ["KINDS", "Extractor", "Kind", "Statement", "extract", "statement_id"]
