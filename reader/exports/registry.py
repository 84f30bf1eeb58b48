"""The export formats by name: what `--format` accepts and what the review screen offers."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from reader.config import Config
from reader.errors import ReaderError
from reader.exports import csv_, html_, json_, md, w3c, yaml_
from reader.exports.model import ArticleData, ExportOptions

Writer = Callable[[Iterable[ArticleData], TextIO, ExportOptions, Config], None]


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str  # file name ending, with the dot
    description: str
    write: Writer
    report: bool = False  # a report for people (md, html): `reader report` offers these


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", ".json", "every record, lossless (article text included)",
           lambda a, out, o, c: json_.write(a, out, o)),
    Format("csv", ".csv", "one row per statement, for spreadsheets",
           lambda a, out, o, c: csv_.write(a, out, o)),
    Format("yaml", ".yaml", "the json content, for editing by hand",
           lambda a, out, o, c: yaml_.write(a, out, o)),
    Format("md", ".md", "a Markdown report: summary table and statements by category",
           lambda a, out, o, c: md.write(a, out, o), report=True),
    Format("html", ".html", "a self-contained HTML report with the article highlighted",
           html_.write, report=True),
    Format("w3c", ".jsonld", "a W3C Web Annotation collection (JSON-LD)",
           lambda a, out, o, c: w3c.write(a, out, o)),
)}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ReaderError(f"{name}: unknown export format; choose one of {', '.join(FORMATS)}.") from None
