"""Placeholder engine: direct quotes only (replaced by the full engine)."""
from __future__ import annotations

import re
from functools import lru_cache

from reader.attribution.model import Statement, statement_id
from reader.config import Config

_QUOTE = re.compile(r'"([^"\n]{10,})"|\u201c([^\u201d\n]{10,})\u201d')


class Extractor:
    def __init__(self, config: Config) -> None:
        self.config = config

    def extract(self, text: str) -> list[Statement]:
        out: list[Statement] = []
        seen: dict[str, int] = {}
        for m in _QUOTE.finditer(text):
            start, end = m.start() + 1, m.end() - 1
            words = text[start:end]
            seen[words] = seen.get(words, 0) + 1
            out.append(Statement(statement_id(words, seen[words]), start, end, words, None, None,
                                 None, None, "direct", None, None))
        return out


@lru_cache(maxsize=4)
def _extractor(config: Config) -> Extractor:
    return Extractor(config)


def extract(text: str, config: Config) -> list[Statement]:
    return _extractor(config).extract(text)
