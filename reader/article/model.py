"""The article as every other part of reader sees it: normalised text and what identifies it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """An article's text, ready for extraction. All offsets in reader index into `text`."""

    text: str
    path: str  # where it came from: a file path, a URL, or "-" for standard input
    title: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()  # things the reader should know (a guessed encoding)
    meta: dict[str, str] = field(default_factory=dict)  # byline, date, url when known

    @property
    def id(self) -> str:
        return article_id(self.text)

    @property
    def chars(self) -> int:
        return len(self.text)


def article_id(text: str) -> str:
    """The article's identity: the sha256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str) -> str:
    """The first non-empty line, without Markdown heading marks."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line.lstrip("#").strip() or line
    return ""
