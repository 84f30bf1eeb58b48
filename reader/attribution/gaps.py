"""Speech inside a noun phrase: a cue whose clause modifies a word before it, so that the words
it reports have a gap where that word belongs.

    "… approved what the planners said was a modest budget"   what / how / than + subject + cue
    "… fought the leak the inspector said was meant to …"     a noun + subject + cue (no "that")
    "… a trawler that wardens say is owned by …"              a relative pronoun + subject + cue

The statement is the gapped clause after the cue, up to the end of the noun phrase (a comma, a
dash, a semicolon or the sentence's end); the speaker is the subject between the opener and the
cue. The opener must not open its sentence: "What the wardens said was shocking" makes the
clause a subject, and "was shocking" is the writer's verb, not the wardens' words.
"""
from __future__ import annotations

import re

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import FINITE, content_end, has_quote, trim_end
from reader.attribution.cues import CueForm
from reader.attribution.lexicon import (
    CLAUSE_WORDS, DETERMINERS, PERSONAL_PRONOUNS, PREPOSITIONS, TIME_WORDS, VERB_FILLERS,
)
from reader.attribution.mentions import AUX
from reader.attribution.phrases import subject_before
from reader.attribution.verbs import GAP_VERBS

# what opens the gapped clause before its subject: "what the planners said", "than aides say"
_WH_OPENERS = frozenset("what how than who whom which".split())
_NEGATION = frozenset("not never n't n’t".split())
_REACH = 120  # how far before the cue the opener is looked for
_WH_NEAR = re.compile(rf"\b(?:{'|'.join(sorted(_WH_OPENERS))})\b", re.IGNORECASE)
_SUBJECT_WORDS = 6  # the longest subject between the opener and the cue
_WORD = re.compile(r"[\w’'.&-]+|[—–]|--|[,;:()“”\"]")
# where the noun phrase holding the gapped clause ends
_PHRASE_END = re.compile(r"\s*(?:,(?![”\"])|;|\s[—–-]{1,2}\s|\(|$)|\s+and\s+(?:who|whom|which|that|what|how)\b")


def find(scan: SentenceScan, m: re.Match[str], form: CueForm, *, after_noun: bool = False) -> Raw | None:
    """The gapped clause a cue reports and its speaker, or None when the cue's clause does not
    modify a word before it. A wh-word or a relative pronoun opens it; with `after_noun`, a noun
    may (asked only when the cue has no subject of its own: "the local officials said" is no
    "local | officials said")."""
    if form.lemma not in GAP_VERBS or form.tense == "ing":
        return None
    text, sent = scan.text, scan.sent
    lo = max(sent.start, m.start() - _REACH)
    if not after_noun and _WH_NEAR.search(text, lo, m.start()) is None:
        return None  # most cues: no wh-word or relative pronoun before them, nothing to read
    words = [(w.group(), w.start()) for w in _WORD.finditer(text, lo, m.start())]
    k = len(words)
    while k and words[k - 1][0].lower() in VERB_FILLERS:
        if words[k - 1][0].lower() in _NEGATION or words[k - 1][0].lower().endswith(("n't", "n’t")):
            return None  # "what he did not say": no words reported
        k -= 1
    subject_end = k
    opener = next((n for n in _openers(words, subject_end, after_noun) if _inside_sentence(text, sent.start, words, n)),
                  None)
    if opener is None:
        return None
    subject_start = words[opener + 1][1]
    mention = subject_before(text, subject_start, m.start())
    if mention is None:
        return None
    cstart = m.end()
    while cstart < sent.end and text[cstart].isspace():
        cstart += 1
    end = _PHRASE_END.search(text, cstart, sent.end)
    cend = trim_end(text, cstart, min(content_end(text, cstart, sent.end), end.start() if end else sent.end))
    content = text[cstart:cend].split()
    if len(content) < 2 or not content[0][:1].isalnum() or content[0].lower() in PREPOSITIONS \
            or content[0].lower() in CLAUSE_WORDS or not any(v.group().strip("’'") != "s" for v in FINITE.finditer(text, cstart, cend)):
        return None  # "what he said about it", "what she said last winter": no clause with a gap
    return Raw(cstart, cend, "mixed" if has_quote(text, cstart, cend) else "indirect", m.group(), m.start(), m.end(), mention, context=text[m.start():cend])


def _openers(words: list[tuple[str, int]], end: int, after_noun: bool) -> list[int]:
    """The indexes of the words that may open the gapped clause, furthest first: a wh-word or
    relative pronoun, or the noun the clause modifies, with a subject of at most
    _SUBJECT_WORDS words after it ("the bay | harbour pilots (say)")."""
    found: list[int] = []
    for n in range(end - 2, max(-1, end - _SUBJECT_WORDS - 2), -1):
        word = words[n][0]
        low = word.lower()
        if low in _WH_OPENERS:
            return [n] if _subject(words[n + 1:end]) else []
        if not word[:1].isalpha():
            break  # a comma or a dash inside: no single subject
        first = words[n + 1][0]
        if after_noun and word[:1].islower() and low not in _NOT_HEADS and not low.endswith("ly") and \
                (first.lower() in _SUBJECT_OPENERS or first[:1].isupper() or words[end - 1][0].endswith("s")) \
                and _subject(words[n + 1:end]):
            found.insert(0, n)  # "the leak | the inspector (said)", "the second winter | the union (said)"
    return found


def _subject(words: list[tuple[str, int]]) -> bool:
    """Could these words be the cue's subject alone: no verb, no clause, no punctuation, and
    opening the way a noun phrase does ("the wardens", "Harbour pilots", "they", "pilots"),
    not with a verb ("the growers who | sell at the pier | say")?"""
    if not all(w[:1].isalpha() and w.lower() not in AUX and w.lower() not in CLAUSE_WORDS and w.lower() not in PREPOSITIONS
               and (w.lower() not in PERSONAL_PRONOUNS or len(words) == 1) for w, _ in words):
        return False
    first = words[0][0]
    if first[:1].isupper() or first.lower() in DETERMINERS or first.lower() in PERSONAL_PRONOUNS:
        return True
    # "critics", "local officials": a plural noun phrase with no determiner inside it
    return words[-1][0].endswith("s") and not any(w.lower() in DETERMINERS for w, _ in words[1:])


def _inside_sentence(text: str, lo: int, words: list[tuple[str, int]], opener: int) -> bool:
    """Does something of the sentence stand before the opener (so the noun phrase is not the
    sentence's subject)? A noun opener needs its determiner ("the leak", "a probe", "the third
    time") or a dash or comma right before it ("-- a delay the mayor said …")."""
    head = words[opener][1]
    if words[opener][0].lower() not in _WH_OPENERS:
        n = opener - 1  # the noun's own adjectives, back to its determiner
        while n >= 0 and n >= opener - 3 and words[n][0][:1].islower() and words[n][0].lower() not in DETERMINERS \
                and words[n][0].lower() not in _NOT_HEADS:
            n -= 1
        if n < 0 or not (words[n][0].lower() in DETERMINERS or words[n][0] in _SET_OFF):
            return False
        head = words[n][1]
    return any(ch.isalpha() for ch in text[lo:head])


_SET_OFF = frozenset({",", "—", "–", "--"})
# words that open a subject after the noun a clause modifies: "the leak the inspector (said)"
_SUBJECT_OPENERS = frozenset("the a an his her its their some many most several other".split())
# words that are no noun a gapped clause modifies
_NOT_HEADS = PREPOSITIONS | AUX | CLAUSE_WORDS | DETERMINERS | VERB_FILLERS | TIME_WORDS | frozenset(PERSONAL_PRONOUNS)
