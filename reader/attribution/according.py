"""`According to X, …` and `… , according to X.`: words credited to a source without a verb."""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import content_end, has_quote, trim_end
from reader.attribution.model import Kind
from reader.attribution.phrases import subject_after

_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# what may stand before an opening "according to X," and still leave the statement after it
_ADVERBIAL_LEAD = re.compile(r"(?:[A-Z]\w*\s+\w+|In\s+[^,]{1,30}|On\s+[^,]{1,30}|But|And|However)")


def present(scan: SentenceScan) -> bool:
    """A quick test that lets most sentences pass without a search."""
    return "ccording to" in scan.text[scan.sent.start:scan.sent.end]


def find(scan: SentenceScan) -> None:
    text, sent = scan.text, scan.sent
    for m in _ACCORDING.finditer(text, sent.start, sent.end):
        if any(q.open < m.start() < q.close for q in sent.quotes):
            continue
        lead = text[sent.start:m.start()].strip(" ,")
        if not lead or _ADVERBIAL_LEAD.fullmatch(lead):
            comma = text.find(",", m.end(), sent.end)
            if comma < 0:
                continue
            mention = subject_after(text, m.end(), comma, whole=True)
            cstart = comma + 1
            while cstart < sent.end and text[cstart].isspace():
                cstart += 1
            cend = trim_end(text, cstart, content_end(text, cstart, sent.end))
        else:
            mention = subject_after(text, m.end(), sent.end, whole=True)
            cstart = sent.start
            cend = trim_end(text, cstart, m.start())
            if any(cstart <= c.start() < cend for c in scan.cues):
                continue  # the sentence's own cue attributes it; "according to" adds a second source
        if mention is None or len(text[cstart:cend].split()) < 3:
            continue
        kind: Kind = "mixed" if has_quote(text, cstart, cend) else "indirect"
        scan.raws.append(Raw(cstart, cend, kind, "according to", m.start(), m.end(), mention,
                             context=text[cstart:cend]))
