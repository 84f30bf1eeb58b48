"""json: the lossless export (see records.py for the shape), written one article at a time."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from reader.config import Category
from reader.exports.model import ArticleData, ExportOptions
from reader.exports.records import article_json, header

# json.dumps escapes C0 control characters but not C1 ones (U+0080..U+009F, some of which
# terminals obey) nor the Unicode line separators: escape them too, so printing an export
# on a terminal can never run a control sequence hidden in an article.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def dumps(value: Any, indent: int | None = 2) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
