"""A headline in title case that attributes its words: "Ada Vale Says Harbour Plan Could Cut
Tolls", "Harbour Plan Could Cut Tolls, Ada Vale Says." Every word is capitalised, so the cue
("Says") is not found as a verb in lower case and the subject has no lower-case word to end at:
the whole stretch before the cue (or between the comma and the cue) is the speaker."""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw
from reader.attribution.cues import CueLexicon
from reader.attribution.lexicon import PREPOSITIONS, SUBORDINATORS
from reader.attribution.mentions import LEADING_JUNK, Mention, build_mention
from reader.attribution.structure import Paragraph
from reader.attribution.tokens import tokenize

# the speech verbs a headline attributes with, written in title case
_CUE = re.compile(r"(?<=\s)(?:Says|Said|Warns|Claims|Insists|Admits|Argues|Predicts|Suggests)(?=\s|\.?$)")
_MAX_SPEAKER_WORDS = 6
_MIN_WORDS = 3  # a headline shorter than this attributes nothing ("Vale Says No")


def _title_case(words: list[str]) -> bool:
    """Are (nearly) all the headline's words capitalised, short function words aside?"""
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) >= 0.8 * len(long_words)


def find(lexicon: CueLexicon, text: str, para: Paragraph) -> Raw | None:
    """The statement of a title-case headline (the article's first paragraph), if it attributes
    one: the words on the other side of the cue from the speaker."""
    line = text[para.start:para.end]
    if "\n" in line or not _title_case(line.split()):
        return None
    cue = _CUE.search(text, para.start, para.end)
    if cue is None or lexicon.form(cue.group().lower()) is None:
        return None
    end = para.end - 1 if text[para.end - 1] == "." else para.end
    tail = text[cue.end():end].strip()
    if not tail:  # "Harbour Plan Could Cut Tolls, Ada Vale Says."
        comma = text.rfind(",", para.start, cue.start())
        if comma < 0:
            return None
        mention = _speaker(text, comma + 1, cue.start())
        content = (para.start, comma)
    else:  # "Ada Vale Says Harbour Plan Could Cut Tolls"
        if "," in text[para.start:cue.start()]:
            return None
        mention = _speaker(text, para.start, cue.start())
        start = cue.end() + len(text[cue.end():end]) - len(text[cue.end():end].lstrip())
        content = (start, end)
    words = text[content[0]:content[1]].split()
    if mention is None or len(words) < _MIN_WORDS or words[0].lower() in PREPOSITIONS:
        return None
    return Raw(content[0], content[1], "indirect", cue.group(), cue.start(), cue.end(), mention,
               context=line)


def _speaker(text: str, lo: int, hi: int) -> Mention | None:
    toks = tokenize(text, lo, hi)
    if not toks or len(toks) > _MAX_SPEAKER_WORDS or toks[0].lower in SUBORDINATORS | LEADING_JUNK:
        return None  # "If Vale Says So, The Pier Is Safe": no speaker
    return build_mention(text, toks, [])
