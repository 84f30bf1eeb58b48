"""The export formats: the one list of them. `--format`'s choices, the file endings `-o`
recognises, what `reader report` and `reader import` accept and what the review screen
offers are all read from here.

Every format's module has one `write(articles, out, options, categories)`: the articles to
export (one at a time), the text stream, what to include, and the settings' categories in
order (the reports count and colour by them; the record formats name each tag's own)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TextIO

from reader.config import Category
from reader.errors import ReaderError
from reader.exports import csv_, html_, json_, md, w3c, yaml_
from reader.exports.model import ArticleData, ExportOptions

Writer = Callable[[Iterable[ArticleData], TextIO, ExportOptions, Sequence[Category]], None]


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]  # file name endings, with the dot; the first is the one written
    description: str
    write: Writer
    report: bool = False  # a report for people: `reader report` offers these
    importable: bool = False  # `reader import` reads it back

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", (".json",), "every record, lossless (article text included)", json_.write, importable=True),
    Format("csv", (".csv",), "one row per statement, for spreadsheets", csv_.write),
    Format("yaml", (".yaml", ".yml"), "the json content, for editing by hand", yaml_.write),
    Format("md", (".md",), "a Markdown report: summary table and statements by category", md.write,
           report=True),
    Format("html", (".html", ".htm"), "a self-contained HTML report with the article highlighted", html_.write,
           report=True),
    Format("w3c", (".jsonld", ".w3c"), "a W3C Web Annotation collection (JSON-LD)", w3c.write, importable=True),
)}
REPORTS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if f.report)
IMPORTABLE: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if f.importable)


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ReaderError(f"{name}: unknown export format; choose one of {', '.join(FORMATS)}.") from None


def format_of(path: PurePath, among: Iterable[str] = FORMATS) -> str | None:
    """The format a file name's ending asks for (`-o report.htm` → html), among these; None
    when no format of these has that ending."""
    suffix = path.suffix.lower()
    return next((name for name in among if suffix in FORMATS[name].suffixes), None)


def listed(names: Sequence[str]) -> str:
    """Format names as a sentence lists them: "md or html", "json, csv or w3c"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
