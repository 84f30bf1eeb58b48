"""Exporting: the one entry point the command line and the review screen share."""
from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.attribution import Statement
from reader.config import Config
from reader.errors import ReaderError
from reader.exports.collector import article_records, collect
from reader.exports.model import ExportOptions
from reader.exports.output import atomic_text_file, check_target
from reader.exports.registry import get_format

if TYPE_CHECKING:
    from reader.store import ArticleRecord, TagStore


def check_options(options: ExportOptions, config: Config) -> None:
    if options.category is not None and options.category not in config.category_names:
        raise ReaderError(f"{options.category}: not a category in the settings; "
                          f"choose one of {', '.join(config.category_names)}.")


def export(store: TagStore, config: Config, article_ids: Iterable[str] | None, fmt: str, out: TextIO,
           options: ExportOptions = ExportOptions(), *,
           statements: Mapping[str, Sequence[Statement]] | None = None) -> None:
    """Write the export of the named articles (None: every article in the store) to `out`.
    `statements`: the engine's statements by article id, when the caller already has them."""
    writer = get_format(fmt)
    check_options(options, config)
    records = article_records(store, article_ids)  # unknown ids fail before any output
    writer.write(collect(store, config, records, statements=statements), out, options, config.categories)


def export_text(store: TagStore, config: Config, article_ids: Iterable[str] | None, fmt: str,
                options: ExportOptions = ExportOptions(), *,
                statements: Mapping[str, Sequence[Statement]] | None = None) -> str:
    buffer = io.StringIO(newline="")
    export(store, config, article_ids, fmt, buffer, options, statements=statements)
    return buffer.getvalue()


def export_to_file(store: TagStore, config: Config, article_ids: Iterable[str] | None, fmt: str,
                   path: Path, options: ExportOptions = ExportOptions(), *,
                   statements: Mapping[str, Sequence[Statement]] | None = None) -> Path:
    """Export straight into `path`, atomically: on any error the file is not created (or an
    existing one is left as it was). Returns the file written."""
    writer = get_format(fmt)
    check_options(options, config)
    target = check_target(path)
    records = article_records(store, article_ids)
    with atomic_text_file(target) as out:
        writer.write(collect(store, config, records, statements=statements), out, options, config.categories)
    return target


def export_article(store: TagStore, article_id: str, fmt: str, config: Config,
                   options: ExportOptions | None = None, *,
                   statements: Sequence[Statement] | None = None) -> str:
    """One article's export as text (the review screen's `e` key): `fmt` is a name from
    FORMATS; `statements`, the engine's statements for the stored text if already at hand."""
    known = {article_id: statements} if statements is not None else None
    return export_text(store, config, [article_id], fmt, options or ExportOptions(), statements=known)


FILENAME_WORDS = 60  # characters of the title a file name keeps, cut between words


def suggested_filename(record: ArticleRecord, fmt: str) -> str:
    """A file name for an article's export: its title made safe and cut between words, and
    the format's ending."""
    stem = re.sub(r"[^\w-]+", "-", record.title.lower(), flags=re.UNICODE).strip("-_")
    if len(stem) > FILENAME_WORDS:
        cut = stem.rfind("-", 0, FILENAME_WORDS + 1)
        stem = stem[:cut if cut > 0 else FILENAME_WORDS].strip("-_")
    return f"{stem or record.id[:12]}-tags{get_format(fmt).suffix}"
