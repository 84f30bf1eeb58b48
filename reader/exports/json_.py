"""json: the lossless export (see records.py for the shape), written one article at a time."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from reader.config import Category
from reader.exports.model import ArticleData, ExportOptions
from reader.exports.records import article_json, header
from reader.safe_text import json_text as dumps


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    # The same text json.dumps(document, indent=2) gives, without holding the whole document.
    out.write("{\n")
    for key, value in header().items():
        out.write(f"  {dumps(key)}: {dumps(value)},\n")
    out.write('  "articles": [')
    first = True
    for data in articles:
        out.write("\n    " if first else ",\n    ")
        out.write(dumps(article_json(data, options)).replace("\n", "\n    "))
        first = False
    out.write("]\n}\n" if first else "\n  ]\n}\n")
