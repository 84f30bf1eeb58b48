"""Quotations attributed without a cue verb, the way roundups and live pages write them:
  `“…” ― Name` or `“…” — Name, role`       a name closing the line after a dash;
  `Name, Twitter: “…”` or `Name: “…”`     a name (and a platform or a role) heading it;
  `X spoke to voters via Twitter: “…”`     the sentence's subject, on a platform, before a colon;
  `X had a blunt message: “…”`             the subject of a sentence naming the words it gives;
and paragraphs introduced by a paragraph that ends with a colon after a cue or a noun for words
("In a statement Lindqvist says:", "Ode made the following comment:"): a quotation opening the
next paragraph, or block quotations with no quotation marks at all.
"""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.lexicon import SOCIAL_PLATFORMS
from reader.attribution.mentions import Mention, build_mention
from reader.attribution.tokens import tokenize
from reader.attribution.cues import CueLexicon
from reader.attribution.structure import Paragraph, Quote, Sentence
from reader.attribution.subjects import leading_subject, subject_for
from reader.attribution.verbs import NOUNISH, verb_like

_NAME = r"(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]*"
# "” ― Pamela Ruiz", "” — Ana Lind, a nurse in Leeds" up to the end of the paragraph
_DASH_SIGNED = re.compile(rf"[ \t\u00a0]*[―—–]{{1,2}}[ \t\u00a0]*(?P<name>{_NAME})(?P<rest>,[^\n“”\"]{{0,80}})?[ \t\u00a0.]*(?=\n|\Z)")
# "Meg Harlow, Twitter: “", "Sen. Ray Dunn (Ohio): “", "Tom Lee: “" opening the paragraph
_NAME_HEADED = re.compile(r"\s*(?P<name>(?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'-]*)(?:\s*\([^)\n]{1,40}\))?(?:,\s*(?P<rest>[^,:\n“”\"]{1,40}))?\s*:\s*$")
# "made the following comment:", "issued a statement:": a verb giving words, closing a paragraph
_WORDS_MADE = re.compile(r"\b(?:made|issued|gave|released|offered|posted|had)\s+(?:[\w’'-]+\s+){0,3}?(?:comment|comments|"
                         r"statement|remarks|message|response|reply|answer|warning)\s*:\s*$", re.IGNORECASE)
_PLATFORMS = "|".join(sorted(SOCIAL_PLATFORMS, key=len, reverse=True))
_VIA_PLATFORM = re.compile(rf"\b(?:via|on|in\s+a\s+post\s+on)\s+(?P<platform>{_PLATFORMS})\s*:\s*$", re.IGNORECASE)
# nouns for words given: "had a simple message for voters:", "her answer was short:"
_WORDS_GIVEN = re.compile(r"\b(?:message|messages|statement|warning|answer|reply|response|verdict|advice|"
                          r"words|plea|appeal|promise|explanation|comment|comments|remarks)\b[^.;:“”\"]{0,60}:\s*$", re.IGNORECASE)


def signed(scan: SentenceScan, q: Quote) -> Raw | None:
    """`“…” ― Name`: a name after a dash closing the paragraph signs the quotation before it."""
    text, para = scan.text, scan.para
    m = _DASH_SIGNED.match(text, q.after, para.end)  # to the end of the line
    if m is None:
        return None
    mention = _named(text, m.start("name"), m.end("name"), m.group("rest"))
    if mention is None:
        return None
    return _raw(text, q, mention, m.group("rest"))


def headed(scan: SentenceScan, q: Quote, lo: int) -> Raw | None:
    """`Name, Twitter: “…”` opening the paragraph, or a clause ending `via Twitter:` or `had a
    message for voters:` before the quotation."""
    text, sent = scan.text, scan.sent
    head = _NAME_HEADED.fullmatch(text, scan.para.start, q.open) if lo <= scan.para.start + 1 else None
    if head is not None:
        mention = _named(text, head.start("name"), head.end("name"), head.group("rest"))
        return _raw(text, q, mention, head.group("rest")) if mention is not None else None
    before = text[lo:q.open]
    via = _VIA_PLATFORM.search(before)
    if via is None and _WORDS_GIVEN.search(before) is None:
        return None
    mention = leading_subject(scan.lexicon, text, sent.start, q.open)
    if mention is None:
        return None
    raw = Raw(q.start, q.end, "direct", None, None, None, mention, context=before)
    if via is not None:
        raw.kind, raw.post_reason = "post", f"'{' '.join(via.group().strip(' :').split())}' → social media post"
    return raw


def _named(text: str, lo: int, hi: int, rest: str | None) -> Mention | None:
    mention = build_mention(text, tokenize(text, lo, hi), [])
    if mention is not None and rest and not _platform(rest):
        mention.descriptions.append(rest.strip(" ,"))  # "— Ana Lind, a nurse in Leeds"
    return mention if mention is not None and mention.name else None


def _platform(words: str | None) -> str | None:
    if not words:
        return None
    m = re.search(rf"\b(?:{_PLATFORMS})\b", words, re.IGNORECASE)
    return m.group() if m else None


def _raw(text: str, q: Quote, mention: Mention, rest: str | None) -> Raw:
    platform = _platform(rest)
    if platform:
        return Raw(q.start, q.end, "post", None, None, None, mention,
                   post_reason=f"'{platform}' → social media post", context=rest or "")
    return Raw(q.start, q.end, "direct", None, None, None, mention, context=rest or "")


def introducer(lexicon: CueLexicon, text: str, para: Paragraph, last: Sentence,
               cue_words: list[re.Match[str]]) -> Raw | None:
    """`Lindqvist says:` closing a paragraph: who speaks in the paragraphs after it (a statement
    with no words of its own, for the quotation or block quotation that follows)."""
    if text[para.end - 1] != ":" or any(q.close >= para.end - 1 for q in para.quotes):
        return None
    cue = next((m for m in reversed(cue_words) if last.start <= m.start() and verb_like(lexicon, text, last, m)
                and lexicon.form(m.group()) is not None and lexicon.form(m.group()).lemma not in NOUNISH), None)  # type: ignore[union-attr]
    if cue is None and not _WORDS_MADE.search(text, last.start, para.end):
        return None
    mention = subject_for(lexicon, text, last, last.start, cue) if cue is not None else None
    mention = mention or leading_subject(lexicon, text, last.start, para.end)  # "X made this comment:"
    if mention is None:
        return None
    start, end = (cue.start(), cue.end()) if cue is not None else (para.end - 1, para.end)
    return Raw(start, end, "direct", cue.group() if cue is not None else None, start if cue else None,
               end if cue else None, mention, silent=True)


def block(text: str, para: Paragraph, introduced: Raw) -> Raw | None:
    """A paragraph with no quotation marks after an introducing one: the speaker's own words,
    when it reads as prose (whole sentences, not a line of links or another introduction)."""
    if text[para.end - 1] not in ".!?…" or len(text[para.start:para.end].split()) < 6:
        return None
    return Raw(para.start, para.end, "direct", introduced.cue, introduced.cue_start, introduced.cue_end,
               introduced.mention, context=text[para.start:para.end])
