"""yaml: the same content as the json export, for people who edit by hand. Multi-line text
is written as a literal block, so the article reads as it does in the file."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import yaml
from yaml.representer import SafeRepresenter

from reader.config import Category
from reader.exports.model import ArticleData, ExportOptions
from reader.exports.records import article_json, header

if TYPE_CHECKING:  # checked as the pure-Python dumper: libyaml's offers the same methods
    _Base = yaml.SafeDumper
else:
    _Base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: much faster


class _Dumper(_Base):
    def ignore_aliases(self, data: Any) -> bool:  # plain records: never anchors or aliases
        return True


def _str(dumper: SafeRepresenter, value: str) -> yaml.Node:
    # a hint: the emitter falls back to a quoted style for text a block cannot hold exactly
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    # The same text as dumping the whole document at once, one article at a time.
    out.write(dump(header()))
    first = True
    for data in articles:
        if first:
            out.write("articles:\n")
            first = False
        out.write(dump([article_json(data, options)]))
    if first:
        out.write("articles: []\n")
