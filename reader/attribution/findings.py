"""Findings: what studies, polls, figures, documents and footage show, credited to whoever
published them or vouches for them ("Footage verified by X shows …"), else to the evidence
itself ("The study found that …", "Figures published today show …", "The document detailed …")."""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import FINITE, content_end, trim_end
from reader.attribution.lexicon import DETERMINERS, EVIDENCE_NOUNS, PREPOSITIONS
from reader.attribution.mentions import Mention, build_mention
from reader.attribution.phrases import subject_after
from reader.attribution.tokens import tokenize
from reader.attribution.subjects import subject_for

# What evidence does: "shows", "found", "has revealed", "estimated".
_EVIDENCE_VERB = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:shows?|showed|shown|suggests?|suggested|"
                            r"indicates?|indicated|reveals?|revealed|offered|provided|presented|"
                            r"documented|detailed|found|finds|concluded|concludes|estimated|estimates|"
                            r"confirms?|confirmed)\b")
# a quick test for _EVIDENCE_VERB, to pass over narration: literal stems scan fast
HINT = re.compile(r"show|suggest|indicat|reveal|offered|provided|presented|documented|detailed|found|"
                  r"find|conclude|estimate|confirm")
_EVIDENCE_START = re.compile(
    r"(?:[\w’'-]+\s+){0,4}?(?:%s)\b" % "|".join(sorted(EVIDENCE_NOUNS, key=len, reverse=True)), re.IGNORECASE)
# verbs that report a finding only as a clause: "found that …", not "found a body"
_CLAUSE_ONLY = frozenset("found finds confirms confirm confirmed".split())
_FOUND_THAT = re.compile(r"\b(found|finds|find)\s+that\s+")
_AGENT = re.compile(r"\b(?:by|in|from)\s+")
_NAME = re.compile(r"(?:[A-Z][\w’'.&-]*(?:\s+(?:of|for|and|the)\s+|\s+)){0,6}[A-Z][\w’'.&-]*")
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|"
                        r"does)\b")
_MAX_SUBJECT = 30
# Pictures show what they depict; what a study or a poll shows is a claim, asides or not.
_PICTURES = frozenset("footage video videos clip clips image images imagery photo photos photograph "
                      "photographs picture pictures recording recordings".split())  # words between the sentence's start and the verb


def present(scan: SentenceScan) -> bool:
    """Does the sentence open with evidence ("Footage …", "A new national poll …") or say
    that someone found something ("investigators found that …")?"""
    text, sent = scan.text, scan.sent
    if _EVIDENCE_START.match(text, sent.start, sent.end) is not None:
        return True
    words = text[sent.start:sent.end]
    return ("found that" in words or "find" in words) and _FOUND_THAT.search(words) is not None


def find(scan: SentenceScan) -> None:
    if any(not r.silent for r in scan.raws):
        return
    _evidence(scan)
    if not scan.raws:
        _found_that(scan)


def _found_that(scan: SentenceScan) -> None:
    """`Investigators found that …`, `The court finds that …`: a conclusion reached."""
    text, sent = scan.text, scan.sent
    for m in _FOUND_THAT.finditer(text, sent.start, sent.end):
        if any(q.open < m.start() < q.close for q in sent.quotes):
            continue
        mention = subject_for(scan.lexicon, text, sent, sent.start, m)
        cstart = m.end()
        cend = trim_end(text, cstart, content_end(text, cstart, sent.end))
        if mention is None or len(text[cstart:cend].split()) < 4:
            continue
        scan.raws.append(Raw(cstart, cend, "indirect", m.group(1), m.start(), m.start() + len(m.group(1)),
                             mention, context=text[m.start():cend]))


def _evidence(scan: SentenceScan) -> None:
    text, sent = scan.text, scan.sent
    toks = tokenize(text, sent.start, min(sent.end, sent.start + 300))
    head = next((t for t in toks[:5] if t.lower in EVIDENCE_NOUNS), None)
    if head is None or toks[0].lower in PREPOSITIONS or any(not t.word or (not t.cap and t.lower not in DETERMINERS and t.lower not in EVIDENCE_NOUNS
                                          and FINITE.fullmatch(t.lower)) for t in toks[:toks.index(head)]):
        return  # "Police found …", "In a report, …": not a text or a study as the subject
    verb = _EVIDENCE_VERB.search(text, head.end, sent.end)
    if verb is None:
        return
    subject = text[sent.start:verb.start()]
    if head.lower in _PICTURES and "," in subject:
        return  # "A video of the raid, filmed from a window, shows men leading …": what it depicts
    if len(subject.split()) > _MAX_SUBJECT or _AUXILIARY.search(_outside_commas(subject[head.end - sent.start:])):
        return  # "Records were seized and the court found …": another clause before the verb
    mention = _agent(text, sent.start, verb.start()) or \
        build_mention(text, tokenize(text, sent.start, head.end), [])
    if mention is None:
        return
    mention.descriptions.append(subject)  # "footage filmed by a resident": whose material it is
    cstart = _skip(text, verb.end(), sent.end)
    that = re.match(r"that\s+", text[cstart:sent.end])
    if that:
        cstart += that.end()
    elif verb.group().split()[-1] in _CLAUSE_ONLY and not FINITE.search(text, cstart, sent.end):
        return
    cend = trim_end(text, cstart, content_end(text, cstart, sent.end))
    if len(text[cstart:cend].split()) < 4:
        return
    scan.raws.append(Raw(cstart, cend, "indirect", verb.group(), verb.start(), verb.end(), mention,
                         context=subject + text[cstart:cend]))


def _agent(text: str, lo: int, hi: int) -> Mention | None:
    """Who made or vouches for the evidence: "verified by X", "a graph by X available on …";
    "reports in X" only when X is a name."""
    agent = None
    for by in _AGENT.finditer(text, lo, hi):
        if by.group().startswith("by") or agent is None:
            agent = by
    if agent is None:
        return None
    name = _NAME.match(text, agent.end(), hi)
    if name is not None:
        return build_mention(text, tokenize(text, name.start(), name.end()), [])
    return subject_after(text, agent.end(), hi) if agent.group().startswith("by") else None


def _outside_commas(words: str) -> str:
    """The words without asides between commas ("The survey, which ran for a year,") and
    without a relative clause ("The document which had the stamp …")."""
    return re.split(r"\b(?:which|that|who)\b", re.sub(r",[^,]*,", " ", words), maxsplit=1)[0]


def _skip(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos
