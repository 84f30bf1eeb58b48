"""md: a Markdown report. It begins with its provenance (reviewers, date, reader version, the
article's title and path or address). Per article: a summary table of statements by source
category (counts and share, untagged counted), the statements grouped by category (untagged
last) with number, speaker, wording (reader.exports.wording: quotation marks only around
quoted words), grades and note, then the disputed statements with each reviewer's tag, the
dismissed statements and the speaker corrections. Over several articles, totals per category
and per article come first; where two reviewers or more tagged the same statements, the
agreement figures (reader.agreement) come before them.

Article text is data: it is flattened to one line and every Markdown-significant character
is backslash-escaped, so a quote can neither break a table nor become a link, an image,
emphasis or raw HTML; control characters are shown as Unicode control pictures.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from reader.config import Category
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.agreement import Agreement, Unit, figure
from reader.exports.agreement import report_units
from reader.exports.summary import (DISPUTED_LABEL, UNTAGGED_LABEL, Provenance, Summary, combine,
                                    corrections, desk_agreement, dismissed, disputes, grouped, remarks, summarise)
from reader.exports.wording import Part, wording
from reader.safe_text import printable

if TYPE_CHECKING:
    from reader.store import Tag

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#!|~&$])")


def escape(text: str | None) -> str:
    """Text shown literally by any CommonMark/GFM renderer, on one line."""
    return _SPECIAL.sub(r"\\\1", printable(" ".join((text or "").split())))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int) -> list[str]:
    align = [":--" if i < numeric_from else "--:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _summary_table(summary: Summary) -> list[str]:
    rows = [[escape(label), f"{n:,}", pct] for label, n, pct in summary.rows()]
    rows[-1] = [f"**{cell}**" for cell in rows[-1]]
    return _table(["source", "statements", "share"], rows, 1)


def worded(parts: list[Part]) -> str:
    """A statement's wording in Markdown: the speaker bold, quotations in quotation marks."""
    out = []
    for part in parts:
        text = escape(part.text)
        if part.role == "speaker":
            text = f"**{text}**"
        elif part.role == "quote":
            text = f"“{text}”"
        elif part.role == "marker":
            text = f"*{text}*"
        # escape() trims; the spaces between the parts are kept
        out.append(" " * (part.text[:1] == " ") + text + " " * (part.text[-1:] == " " and len(part.text) > 1))
    return "".join(out)


def _statement(data: ArticleData, item: Item) -> str:
    line = f"- #{item.number} {worded(wording(item.statement, data.text))}"
    for _, text in remarks(item):
        line += f" — {escape(text)}"
    return line


def _correction(item: Item) -> str:
    was = escape(item.original_speaker) if item.original_speaker else "*none*"
    now = f"**{escape(item.statement.speaker)}**" if item.statement.speaker else "*none*"
    return f"- #{item.number}: {was} → {now}"


def _orphan(tag: Tag) -> str:
    line = f"- {escape(tag.category)}: “{escape(tag.anchor.exact)}”"
    if tag.note:
        line += f" — note: {escape(tag.note)}"
    return line


def article_section(data: ArticleData, options: ExportOptions, order: Sequence[str], level: int = 2) -> list[str]:
    r = data.record
    h = "#" * level
    lines = [f"{h} {escape(r.title) or '(untitled)'}", "",
             f"Source: {escape(r.path)} · {r.chars:,} characters · id {r.id[:12]}", ""]
    lines += _summary_table(summarise(data, order))
    lines.append("")
    for category, items in grouped(data, options, order):
        label = escape(category) if category is not None else UNTAGGED_LABEL
        lines += [f"{h}# {label} ({len(items):,})", ""]
        lines += [_statement(data, item) for item in items]
        lines.append("")
    lost = data.selected_orphaned_resolutions(options)
    sections = (  # (heading, what it holds, lines) of each section shown when it has any
        (DISPUTED_LABEL, "The reviewers tagged these differently and nobody has settled them:",
         [_statement(data, item) for item in disputes(data, options)]),
        ("dismissed as not statements", "Kept, not counted:",
         [_statement(data, item) for item in dismissed(data, options)]),
        ("speaker corrections", "The engine's speaker → the reviewer's:",
         [_correction(item) for item in corrections(data, options)]),
        ("orphaned tags", "Tags whose statement this text no longer has (kept, never dropped):",
         [_orphan(tag) for tag in data.selected_orphans(options)]),
        ("orphaned resolutions", "Decisions on statements this text no longer has (kept, never dropped):",
         [f"- settled {escape(r.category)} by {escape(r.by)}: “{escape(r.anchor.exact)}”" for r in lost]),
    )
    for heading, intro, shown in sections:
        if shown:
            lines += [f"{h}# {heading} ({len(shown):,})", "", intro, "", *shown, ""]
    return lines


def _provenance(p: Provenance) -> list[str]:
    lines = [f"- **Reviewed by:** {escape(p.reviewed_by)}", f"- **Made:** {p.date} with reader {escape(p.version)}"]
    if len(p.articles) == 1:
        title, path = p.articles[0]
        lines.append(f"- **Article:** {escape(title) or '(untitled)'} — {escape(path)}")
    else:
        lines.append(f"- **Articles:** {len(p.articles):,}, each below with its path or address")
    return lines


def _overview(titles: Sequence[str], summaries: Sequence[Summary], order: Sequence[str]) -> list[str]:
    total = combine(summaries, order)
    lines = ["## Totals", ""] + _summary_table(total) + ["", "## Per article", ""]
    categories = list(total.by_category)
    extra = [DISPUTED_LABEL] if total.disputed else []
    rows = []
    for title, s in zip(titles, summaries):
        counts = [s.by_category.get(name, 0) for name in categories] + ([s.disputed] if extra else [])
        rows.append([escape(title) or "(untitled)", *(f"{n:,}" for n in counts),
                     f"{s.untagged:,}", f"{s.total:,}"])
    counts = [total.by_category[n] for n in categories] + ([total.disputed] if extra else [])
    rows.append(["**total**", *(f"**{n:,}**" for n in counts), f"**{total.untagged:,}**", f"**{total.total:,}**"])
    lines += _table(["article", *map(escape, categories), *extra, UNTAGGED_LABEL, "total"], rows, 1)
    return lines + [""]


def _agreement(found: Agreement) -> list[str]:
    lines = ["## Agreement", "",
             f"{escape(', '.join(found.reviewers))} over {found.units:,} statements tagged by two or more of them: "
             f"{figure(found.percent_agreement, True)} agreed, Krippendorff's α {figure(found.krippendorff_alpha)} "
             f"(nominal); {len(found.disagreements):,} in disagreement.", ""]
    rows = [[escape(" · ".join(p.reviewers)), f"{p.units:,}", figure(p.percent_agreement, True),
             figure(p.cohen_kappa)] for p in found.pairs]
    lines += _table(["reviewers", "statements", "agreed", "Cohen's κ"], rows, 1) + [""]
    rows = [[escape(name), f"{c.units:,}", figure(c.krippendorff_alpha)] for name, c in found.categories.items()]
    lines += _table(["category (or not)", "statements", "Krippendorff's α"], rows, 1)
    return lines + [""]


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    # The totals come first but are known last: the article sections wait in a temporary
    # file, so a report over thousands of articles never holds them all in memory.
    order = [c.name for c in categories]
    titles: list[str] = []
    summaries: list[Summary] = []
    units: list[Unit] = []
    provenance = Provenance.start(options)
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as sections:
        for data in articles:
            units += report_units(data)
            section = article_section(data, options, order)
            sections.write("\n" + "\n".join(section[:-1]) + "\n")  # each section ends with a blank line
            summaries.append(summarise(data, order))
            titles.append(data.record.title)
            provenance.add(data)
        lines = ["# Source report", "", *_provenance(provenance), ""]
        if options.category is not None:
            lines += [f"Listing statements tagged {escape(options.category)} only.", ""]
        found = desk_agreement(units, order)
        if found is not None:
            lines += _agreement(found)
        if not titles:
            lines += ["No articles.", ""]
        elif len(titles) > 1:
            lines += _overview(titles, summaries, order)
        out.write("\n".join(lines if titles else lines[:-1]))
        if not titles:
            out.write("\n")
        sections.seek(0)
        shutil.copyfileobj(sections, out)
