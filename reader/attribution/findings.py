"""Findings: what footage, documents, studies and reports show, credited to whoever
published them or vouches for them (`Footage verified by X shows …`)."""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import content_end, trim_end
from reader.attribution.lexicon import DETERMINERS, EVIDENCE_NOUNS
from reader.attribution.phrases import subject_after, tokenize

_EVIDENCE_VERB = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:shows?|showed|shown|suggests?|suggested|"
                            r"indicates?|indicated|reveals?|revealed|offered|provided|presented|"
                            r"documented|detailed)\b")
# a quick test for _EVIDENCE_VERB, to pass over narration: literal stems scan fast
HINT = re.compile(r"show|suggest|indicat|reveal|offered|provided|presented|documented|detailed")
_EVIDENCE_START = re.compile(
    r"(?:[\w’']+\s+){0,3}?(?:%s)\b" % "|".join(sorted(EVIDENCE_NOUNS, key=len, reverse=True)), re.IGNORECASE)


def present(scan: SentenceScan) -> bool:
    """Does the sentence open with evidence ("Footage …", "The new data …")?"""
    return _EVIDENCE_START.match(scan.text, scan.sent.start, scan.sent.end) is not None


def find(scan: SentenceScan) -> None:
    """`Footage verified by X shows …`, `Reports in X have offered evidence of …`: what the
    evidence shows, credited to whoever published or vouches for it."""
    text, sent = scan.text, scan.sent
    if any(not r.silent for r in scan.raws):
        return
    toks = tokenize(text, sent.start, min(sent.end, sent.start + 200))
    head = next((t for t in toks[:4] if t.lower in EVIDENCE_NOUNS), None)
    if head is None or any(t.lower not in DETERMINERS and not t.cap and t.lower not in EVIDENCE_NOUNS
                           for t in toks[:toks.index(head)]):
        return
    verb = _EVIDENCE_VERB.search(text, head.end, sent.end)
    if verb is None:
        return
    subject = text[sent.start:verb.start()]
    if "," in subject:
        return
    agent = None
    for by in re.finditer(r"\b(?:by|in|from)\s+", subject):
        if by.group().startswith("by") or agent is None:
            agent = by
    if agent is None:
        return
    mention = subject_after(text, sent.start + agent.end(), verb.start())
    if mention is None:
        return
    mention.descriptions.append(subject)  # "footage filmed by a resident": whose material it is
    cstart = verb.end() + 1
    cend = trim_end(text, cstart, content_end(text, cstart, sent.end))
    if len(text[cstart:cend].split()) < 4:
        return
    scan.raws.append(Raw(cstart, cend, "indirect", verb.group(), verb.start(), verb.end(), mention,
                         context=subject + text[cstart:cend]))
