"""`According to X, …` and `… , according to X.`: words credited to a source without a verb.

Where "according to X" stands decides which words are X's:
  opening the sentence or a clause after a semicolon   the words after X (and X's appositive);
  after a relative pronoun or a conjunction            the rest of the clause: "a policy which,
                                                       according to X, the UN criticised";
  between commas inside a clause                       the whole sentence;
  closing the sentence                                 the words before it.
"""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import FINITE, content_end, has_quote, trim_end
from reader.attribution.lexicon import EVIDENCE_NOUNS, PERSONAL_PRONOUNS, PREPOSITIONS, TEXT_NOUNS
from reader.attribution.model import Kind
from reader.attribution.mentions import RELATIVE, Mention, build_mention, singular
from reader.attribution.phrases import subject_after
from reader.attribution.tokens import tokenize

_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# what may stand before an opening "according to X," and still leave the statement after it
_ADVERBIAL_LEAD = re.compile(
    r"(?:(?!(?:The|A|An|His|Her|Its|Their)\s)[A-Z]\w*\s+\w+|"
    r"(?:In|On|At|Over|About|Around|By|For|During|After|Before|Since|Until|Within|Throughout|Last|This|Early|Late)"
    r"\s+[^,]{1,30}|But|And|However|Meanwhile|Also|Still|Yet|So|"
    r"Separately|Instead|Moreover|Now|Then|Indeed|Earlier|Later)")
# a lead ending in a word that opens a clause: "… a policy which, according to X, …"
_OPENS_CLAUSE = re.compile(r"\b(?:which|that|who|whom|and|but|while|because|as)$", re.IGNORECASE)
# "according to Oxland Watch there may be …": a name with no comma, then a clause
_NAME_THEN_CLAUSE = re.compile(
    r"\s+((?:(?:[A-Z][\w’'.&-]*|of|the|for|and)\s+){0,6}?[A-Z][\w’'.&-]*)\s+"
    r"(?=(?:there|the|a|an|it|he|she|they|we|this|these|those|some|many|most|all|no|\d)\b)")
# ", a spokesman for the agency," after the source: an appositive, not yet the statement
_APPOSITIVE = re.compile(r"\s*(?:(?:a|an|the|its|his|her|their)\s+)?[\w’'.&-]+(?:\s+[\w’'.&-]+){0,12}?,")
_DETERMINERS = frozenset("a an the his her its their".split())
# a dash after the source, then the writer's own gloss on the figures
_GLOSS = re.compile(r"\s+(?:-|--|—|–)\s+")


def present(scan: SentenceScan) -> bool:
    """A quick test that lets most sentences pass without a search."""
    return "ccording to" in scan.text[scan.sent.start:scan.sent.end]


def find(scan: SentenceScan) -> None:
    text, sent = scan.text, scan.sent
    for m in _ACCORDING.finditer(text, sent.start, sent.end):
        if any(q.open < m.start() < q.close for q in sent.quotes):
            continue
        found = _opening(scan, m) or _inside(scan, m)
        if found is None:
            continue
        mention, cstart, cend = found
        if mention is None or len(text[cstart:cend].split()) < 3:
            continue
        kind: Kind = "mixed" if has_quote(text, cstart, cend) else "indirect"
        scan.raws.append(Raw(cstart, cend, kind, "according to", m.start(), m.end(), mention,
                             context=text[cstart:cend]))


def _clause_lead(text: str, lo: int, hi: int) -> tuple[int, str]:
    """Where the clause holding position `hi` starts (after a semicolon), and its words before `hi`."""
    semi = text.rfind(";", lo, hi)
    start = lo if semi < 0 else semi + 1
    return start, text[start:hi].strip(" ,(")


_Found = tuple[Mention | None, int, int]


def _opening(scan: SentenceScan, m: re.Match[str]) -> _Found | None:
    """"According to X, …" opening the sentence or a clause: X's words follow."""
    text, sent = scan.text, scan.sent
    _, lead = _clause_lead(text, sent.start, m.start())
    if lead and not _ADVERBIAL_LEAD.fullmatch(lead):
        return None
    comma = text.find(",", m.end(), sent.end)
    splice = _NAME_THEN_CLAUSE.match(text, m.end(), sent.end if comma < 0 else comma)
    if splice is not None:  # "According to Lindqvist the property was returned …"
        return _named(text, splice), _skip_space(text, splice.end(), sent.end), _end(text, splice.end(), sent.end)
    if comma < 0:
        return None
    mention = _source(text, m.end(), comma)
    cstart = _skip_space(text, comma + 1, sent.end)
    appositive = _APPOSITIVE.match(text, cstart, sent.end)
    if appositive is not None and not FINITE.search(text, cstart, appositive.end()) and \
            text[cstart].islower():
        cstart = _skip_space(text, appositive.end(), sent.end)  # "…, public information officer for X, …"
    return mention, cstart, _end(text, cstart, sent.end)


def _inside(scan: SentenceScan, m: re.Match[str]) -> _Found | None:
    """"according to X" after the start of its clause."""
    text, sent = scan.text, scan.sent
    start, lead = _clause_lead(text, sent.start, m.start())
    comma = text.find(",", m.end(), sent.end)
    if comma >= 0 and text[m.start() - 2:m.start()].strip() == "," and _clause_follows(text, lead, comma + 1, sent.end):
        mention = _source(text, m.end(), comma)
        if _OPENS_CLAUSE.search(lead):  # "a policy which, according to AFP, the UN criticised"
            cstart = _skip_space(text, comma + 1, sent.end)
            return mention, cstart, _end(text, cstart, sent.end)
        # "The plan, according to officials, would cost …": the whole sentence
        return mention, start, trim_end(text, start, sent.end)
    splice = _NAME_THEN_CLAUSE.match(text, m.end(), sent.end if comma < 0 else comma)
    if splice is not None and text[m.start() - 2:m.start()].strip() == ",":
        # "…, according to Oxfield there may be up to 30 …": the clause after the name is its own
        return _named(text, splice), _skip_space(text, splice.end(), sent.end), _end(text, splice.end(), sent.end)
    gloss = _GLOSS.search(text, m.end(), sent.end)  # "…, according to X - half of the budget."
    mention = _source(text, m.end(), gloss.start() if gloss else sent.end)
    cend = trim_end(text, start, m.start())
    if any(not r.silent and r.cue_start is not None and start <= r.cue_start < cend for r in scan.raws):
        return None  # a cue of the sentence attributes it; "according to" adds a second source
    return mention, start, cend


def _source(text: str, lo: int, hi: int) -> Mention | None:
    """Who or what "according to" credits, from its words up to `hi`. A source need not be a
    speaker: "partial and provisional counts", "ledgers kept by the harbour office", "the
    estimate she published", "tide tables of the day" are the noun phrase before what
    describes it (a participle, a relative clause, a clause of its own, a prepositional phrase)."""
    mention = subject_after(text, lo, hi, whole=True)
    if mention is not None:
        return mention
    toks = [t for t in tokenize(text, lo, hi) if t.text not in (".", ",")]
    cut = next((k for k, t in enumerate(toks) if k and not t.cap and (
        t.lower in PREPOSITIONS or t.lower in RELATIVE or t.lower in PERSONAL_PRONOUNS
        or (t.lower.endswith("ed") and k + 1 < len(toks)))), len(toks))
    head = toks[:cut]
    if not head or not head[-1].word or not any(t.word and t.lower not in _DETERMINERS for t in head):
        return None
    mention = build_mention(text, head, [])
    if mention is not None:
        return mention
    start, end, noun = head[0].start, head[-1].end, head[-1].lower
    thing = singular(noun) in _DOCUMENTS
    return Mention(start, end, text[start:end], noun, plural=singular(noun) != noun, organisation=thing,
                   gender="n" if thing else None)


_DOCUMENTS = frozenset(singular(w) for w in EVIDENCE_NOUNS | TEXT_NOUNS) | {"return", "result"}


def _clause_follows(text: str, lead: str, lo: int, hi: int) -> bool:
    """After ", according to X,": the rest of the clause ("would cost …"; after "which" or "and",
    "the UN criticised"), not an appositive of X ("a member of …, who spoke …")?"""
    rest = text[lo:hi].strip()
    first = rest.split(" ", 1)[0].lower()
    if not rest or first in _DETERMINERS and not _OPENS_CLAUSE.search(lead):
        return False
    own = re.split(r"\b(?:who|which|that)\b", rest, maxsplit=1)[0]
    return FINITE.search(own) is not None


def _named(text: str, splice: re.Match[str]) -> Mention | None:
    return build_mention(text, tokenize(text, splice.start(1), splice.end(1)), [])


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def _end(text: str, lo: int, hi: int) -> int:
    return trim_end(text, lo, content_end(text, lo, hi))
