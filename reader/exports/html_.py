"""html: a self-contained single-file report. Inline CSS, no scripts, no external URLs (a
Content-Security-Policy forbids loading anything). It begins with its provenance (reviewers,
date, reader version, the article's title and path or address); the article is shown with
each statement highlighted in its category's colour, next to the summary table, the
statements grouped by category (untagged last) and worded as reader.exports.wording says
(quotation marks only around quoted words), the disputed statements with each reviewer's tag,
the dismissed statements and the speaker corrections; where two reviewers or more tagged the
same statements, the agreement figures (reader.agreement) come first. Every character of article text is escaped (html.escape) and control characters
are shown as Unicode control pictures; colours come from the settings and are validated.
"""
from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from typing import TextIO

from reader.config import HEX_COLOUR, NAMED_COLOURS, Category
from reader.exports.model import ArticleData, ExportOptions, Item
from reader.agreement import Agreement, Unit, figure
from reader.exports.agreement import report_units
from reader.exports.summary import (DISPUTED_LABEL, UNTAGGED_LABEL, Provenance, Summary, combine,
                                    corrections, desk_agreement, dismissed, disputes, grouped, remarks, summarise)
from reader.exports.wording import Part, wording
from reader.safe_text import printable

FALLBACK_COLOUR = "#9e9e9e"
WASH = 0x59  # the opacity of a category's colour behind its statements' words (of 0xff)

_CSS = """\
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;\
padding:0 1rem;line-height:1.55;color:#1d1d1f;background:#fff}
h1,h2,h3{line-height:1.25}
section.article{border-top:1px solid #ccc;margin-top:2.5rem}
.meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:bold}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;border-radius:4px;\
padding:1rem;background:#fcfcfc}
mark{color:inherit;border-radius:2px}
mark.untagged{background:transparent;border-bottom:2px dashed #888}
.swatch{display:inline-block;padding:0 .4rem;margin-right:.5rem;border-radius:2px}
ul.statements{list-style:none;padding-left:0}
ul.statements li{margin:.4rem 0}
.num{color:#555;font-variant-numeric:tabular-nums}
.speaker{font-weight:bold}
.post{font-style:italic;color:#555}
.note,.grades,.suggested{color:#444}
dl.provenance{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}
dl.provenance dt{font-weight:bold}
dl.provenance dd{margin:0}
"""


def css_colour(colour: str | None) -> str:
    """A setting's colour as CSS #rrggbb: hex as given, a standard terminal colour name by
    its usual value, anything else the neutral fallback (never copied into the CSS as is)."""
    value = (colour or "").strip()
    if HEX_COLOUR.fullmatch(value):
        digits = value[1:]
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        return "#" + digits.lower()
    return NAMED_COLOURS.get(value.lower(), FALLBACK_COLOUR)


def esc(text: str | None) -> str:
    return html.escape(printable(text or ""), quote=True)


class _Palette:
    """CSS classes for categories: c0, c1, … in the settings' order; a category the settings
    no longer have (an older tag) is drawn in the neutral fallback colour."""

    OTHER = "other"

    def __init__(self, categories: Sequence[Category]) -> None:
        self.colours = {c.name: css_colour(c.colour) for c in categories}
        self.classes = {name: f"c{i}" for i, name in enumerate(self.colours)}
        self.order = tuple(self.colours)  # the category names, in the settings' order

    def css(self) -> str:
        # a wash light enough to read black text on, and the colour itself, full strength,
        # as a thick underline: categories stay apart even where the washes look alike
        rules = [f".{self.classes[name]}{{background:{colour}{WASH:02x};border-bottom:3px solid {colour}}}\n"
                 for name, colour in self.colours.items()]
        rules.append(f".{self.OTHER}{{background:{FALLBACK_COLOUR}{WASH:02x};"
                     f"border-bottom:3px solid {FALLBACK_COLOUR}}}\n")
        return "".join(rules)

    def cls(self, category: str | None) -> str:
        return "untagged" if category is None else self.classes.get(category, self.OTHER)

    def legend(self) -> str:
        spans = "".join(f'<span class="swatch {self.classes[name]}">{esc(name)}</span>' for name in self.colours)
        return f'<p class="legend">{spans}</p>\n'


def _anchor(data: ArticleData, item: Item) -> str:
    return f"s-{data.record.id[:12]}-{item.statement.id}"


def _segments(length: int, items: Sequence[Item]) -> list[tuple[int, int, Item | None]]:
    """The text cut where statements start and end; each piece carries the innermost statement
    that covers it (the one starting last), so overlapping statements all stay visible."""
    cuts = {0, length}
    for item in items:
        cuts.add(max(0, min(length, item.statement.start)))
        cuts.add(max(0, min(length, item.statement.end)))
    bounds = sorted(cuts)
    by_start = sorted(items, key=lambda i: (i.statement.start, -i.statement.end))
    active: list[Item] = []
    out: list[tuple[int, int, Item | None]] = []
    nxt = 0
    for a, b in zip(bounds, bounds[1:]):
        while nxt < len(by_start) and by_start[nxt].statement.start <= a:
            active.append(by_start[nxt])
            nxt += 1
        active = [i for i in active if i.statement.end > a]
        covering = [i for i in active if i.statement.start <= a and i.statement.end >= b]
        inner = max(covering, key=lambda i: (i.statement.start, -i.statement.end)) if covering else None
        out.append((a, b, inner))
    return out


def _article_text(data: ArticleData, items: Sequence[Item], palette: _Palette) -> str:
    parts: list[str] = []
    opened: set[str] = set()
    text = data.text
    for a, b, item in _segments(len(text), items):
        piece = esc(text[a:b])
        if item is None:
            parts.append(piece)
            continue
        s = item.statement
        title = item.category or UNTAGGED_LABEL
        if s.speaker:
            title += f" · {s.speaker}"
        ident = ""
        if s.id not in opened:
            opened.add(s.id)
            ident = f' id="{esc(_anchor(data, item))}"'
        parts.append(f'<mark class="{palette.cls(item.category)}"{ident} title="{esc(title)}">{piece}</mark>')
    return "".join(parts)


def _summary_table(summary: Summary, palette: _Palette) -> str:
    rows = []
    for label, n, pct in summary.rows():
        if label == "total":
            rows.append(f'<tr class="total"><td>total</td><td class="n">{n:,}</td><td class="n">{pct}</td></tr>')
        else:
            cls = "untagged" if label in (UNTAGGED_LABEL, DISPUTED_LABEL) else palette.cls(label)
            rows.append(f'<tr><td><span class="swatch {cls}">{esc(label)}</span></td>'
                        f'<td class="n">{n:,}</td><td class="n">{pct}</td></tr>')
    head = '<tr><th>source</th><th class="n">statements</th><th class="n">share</th></tr>'
    return f'<table class="summary">\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"


def worded(parts: list[Part], link: str | None = None) -> str:
    """A statement's wording in HTML: the speaker bold, quotations in quotation marks, the
    statement's words linked to its place in the article."""
    out = []
    for part in parts:
        text = esc(part.text)
        if part.role == "speaker":
            out.append(f'<span class="speaker">{text}</span>')
        elif part.role == "marker":
            out.append(f' <span class="post">{esc(part.text.strip())}</span>')
        elif part.role in ("quote", "reported"):
            words = f"“{text}”" if part.role == "quote" else text
            out.append(f'<a href="#{esc(link)}">{words}</a>' if link else words)
        else:
            out.append(text)
    return "".join(out)


def _statement(data: ArticleData, item: Item) -> str:
    out = f'<li><span class="num">#{item.number}</span> {worded(wording(item.statement, data.text), _anchor(data, item))}'
    for kind, text in remarks(item):
        out += f' <span class="{kind}">— {esc(text)}</span>'
    return out + "</li>"


def _list(data: ArticleData, items: Sequence[Item]) -> str:
    return '<ul class="statements">\n' + "\n".join(_statement(data, i) for i in items) + "\n</ul>\n"


def _correction(item: Item) -> str:
    was = esc(item.original_speaker) if item.original_speaker else "<em>none</em>"
    now = f'<span class="speaker">{esc(item.statement.speaker)}</span>' if item.statement.speaker else "<em>none</em>"
    return f'<li><span class="num">#{item.number}</span>: {was} → {now}</li>'


def _provenance(p: Provenance) -> str:
    rows = [("Reviewed by", esc(p.reviewed_by)), ("Made", f"{esc(p.date)} with reader {esc(p.version)}")]
    if len(p.articles) == 1:
        title, path = p.articles[0]
        rows.append(("Article", f"{esc(title) or '(untitled)'} — {esc(path)}"))
    else:
        rows.append(("Articles", f"{len(p.articles):,}, each below with its path or address"))
    return '<dl class="provenance">\n' + "".join(f"<dt>{k}</dt><dd>{v}</dd>\n" for k, v in rows) + "</dl>\n"


def article_section(data: ArticleData, options: ExportOptions, palette: _Palette) -> str:
    r = data.record
    groups = grouped(data, options, palette.order)
    listed = [item for _, items in groups for item in items]
    parts = [f'<section class="article" id="a-{esc(r.id[:12])}">\n',
             f"<h2>{esc(r.title) or '(untitled)'}</h2>\n",
             f'<p class="meta">Source: {esc(r.path)} · {r.chars:,} characters · id {esc(r.id[:12])}</p>\n',
             _summary_table(summarise(data, palette.order), palette)]
    parts.append(f'<div class="text">{_article_text(data, listed, palette)}</div>\n')
    for category, items in groups:
        label = esc(category) if category is not None else UNTAGGED_LABEL
        parts.append(f'<h3><span class="swatch {palette.cls(category)}">{label}</span> ({len(items):,})</h3>\n')
        parts.append(_list(data, items))
    differ = disputes(data, options)
    if differ:
        parts.append(f"<h3>{DISPUTED_LABEL} ({len(differ):,})</h3>\n"
                     "<p>The reviewers tagged these differently and nobody has settled them:</p>\n")
        parts.append(_list(data, differ))
    gone = dismissed(data, options)
    if gone:
        parts.append(f"<h3>dismissed as not statements ({len(gone):,})</h3>\n<p>Kept, not counted:</p>\n")
        parts.append(_list(data, gone))
    fixed = corrections(data, options)
    if fixed:
        parts.append(f"<h3>speaker corrections ({len(fixed):,})</h3>\n<p>The engine's speaker → the reviewer's:</p>\n"
                     '<ul class="statements">\n' + "\n".join(map(_correction, fixed)) + "\n</ul>\n")
    orphans = data.selected_orphans(options)
    if orphans:
        parts.append(f"<h3>orphaned tags ({len(orphans):,})</h3>\n"
                     "<p>Tags whose statement this text no longer has (kept, never dropped):</p>\n<ul>\n")
        for tag in orphans:
            note = f' <span class="note">— note: {esc(tag.note)}</span>' if tag.note else ""
            parts.append(f"<li>{esc(tag.category)}: “{esc(tag.anchor.exact)}”{note}</li>\n")
        parts.append("</ul>\n")
    lost = data.selected_orphaned_resolutions(options)
    if lost:
        parts.append(f"<h3>orphaned resolutions ({len(lost):,})</h3>\n"
                     "<p>Decisions on statements this text no longer has (kept, never dropped):</p>\n<ul>\n")
        parts += [f"<li>settled {esc(r.category)} by {esc(r.by)}: “{esc(r.anchor.exact)}”</li>\n" for r in lost]
        parts.append("</ul>\n")
    parts.append("</section>\n")
    return "".join(parts)


def _overview(titles: Sequence[str], summaries: Sequence[Summary], palette: _Palette) -> str:
    total = combine(summaries, palette.order)
    categories = list(total.by_category)
    extra = [DISPUTED_LABEL] if total.disputed else []
    head = "".join(f'<th class="n">{esc(n)}</th>' for n in [*categories, *extra, UNTAGGED_LABEL, "total"])
    rows = []
    for title, s in zip(titles, summaries):
        cells = [s.by_category.get(n, 0) for n in categories] + ([s.disputed] if extra else []) + [s.untagged, s.total]
        rows.append(f"<tr><td>{esc(title) or '(untitled)'}</td>" + "".join(f'<td class="n">{n:,}</td>' for n in cells) + "</tr>")
    cells = [total.by_category[n] for n in categories] + ([total.disputed] if extra else []) + [total.untagged,
                                                                                              total.total]
    rows.append('<tr class="total"><td>total</td>' + "".join(f'<td class="n">{n:,}</td>' for n in cells) + "</tr>")
    return ("<h2>Totals</h2>\n" + _summary_table(total, palette)
            + f"<h2>Per article</h2>\n<table>\n<thead><tr><th>article</th>{head}</tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody>\n</table>\n")


def _agreement(found: Agreement) -> str:
    pairs = "\n".join(f'<tr><td>{esc(" · ".join(p.reviewers))}</td><td class="n">{p.units:,}</td>'
                      f'<td class="n">{figure(p.percent_agreement, True)}</td><td class="n">{figure(p.cohen_kappa)}</td></tr>'
                      for p in found.pairs)
    categories = "\n".join(f'<tr><td>{esc(name)}</td><td class="n">{c.units:,}</td>'
                           f'<td class="n">{figure(c.krippendorff_alpha)}</td></tr>' for name, c in found.categories.items())
    return ("<h2>Agreement</h2>\n"
            f"<p>{esc(', '.join(found.reviewers))} over {found.units:,} statements tagged by two or more of them: "
            f"{figure(found.percent_agreement, True)} agreed, Krippendorff's α {figure(found.krippendorff_alpha)} "
            f"(nominal); {len(found.disagreements):,} in disagreement.</p>\n"
            '<table>\n<thead><tr><th>reviewers</th><th class="n">statements</th><th class="n">agreed</th>'
            f'<th class="n">Cohen\'s κ</th></tr></thead>\n<tbody>\n{pairs}\n</tbody>\n</table>\n'
            '<table>\n<thead><tr><th>category (or not)</th><th class="n">statements</th>'
            f'<th class="n">Krippendorff\'s α</th></tr></thead>\n<tbody>\n{categories}\n</tbody>\n</table>\n')


def write(articles: Iterable[ArticleData], out: TextIO, options: ExportOptions,
          categories: Sequence[Category]) -> None:
    palette = _Palette(categories)
    units: list[Unit] = []
    titles: list[str] = []
    summaries: list[Summary] = []
    provenance = Provenance.start(options)
    # The totals come first but are known last: the article sections wait in a temporary
    # file, so a report over thousands of articles never holds them all in memory.
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as sections:
        for data in articles:
            units += report_units(data)
            sections.write(article_section(data, options, palette))
            titles.append(data.record.title)
            summaries.append(summarise(data, palette.order))
            provenance.add(data)
        out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  "<title>Source report</title>\n<style>\n" + _CSS + palette.css() + "</style>\n</head>\n<body>\n"
                  "<h1>Source report</h1>\n" + _provenance(provenance) + palette.legend())
        if options.category is not None:
            out.write(f'<p class="meta">Listing statements tagged {esc(options.category)} only.</p>\n')
        found = desk_agreement(units, list(palette.order))
        if found is not None:
            out.write(_agreement(found))
        if not titles:
            out.write("<p>No articles.</p>\n")
        elif len(titles) > 1:
            out.write(_overview(titles, summaries, palette))
        sections.seek(0)
        shutil.copyfileobj(sections, out)
    out.write("</body>\n</html>\n")
