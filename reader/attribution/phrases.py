"""Noun phrases around a cue: who is speaking, read from the words before or after the verb
(mentions.py makes the phrase found into a Mention)."""
from __future__ import annotations

from reader.attribution.lexicon import DETERMINERS, MONTHS, NUMBER_WORDS, PREPOSITIONS, SUBORDINATORS, TIME_WORDS, VERB_FILLERS
from reader.attribution.mentions import (
    AUX, LEADING_JUNK, LY_ADJECTIVES, LY_NOUNS, PERSON_ROLES, Mention, build_mention, singular,
)
from reader.attribution.tokens import DASHES, Tok, abbreviation, segments, tokenize


def _adverbial(seg: list[Tok]) -> bool:
    """A fronted phrase that is not the subject: "In a statement", "On Friday", "Hours later"."""
    if not seg:
        return True
    first = seg[0].lower
    if first in ("but", "and", "yet") and len(seg) > 2 and seg[1].lower in PREPOSITIONS:
        return True  # "But in a call with reporters on Monday,": a fronted phrase after a connective
    if first in LEADING_JUNK:
        # "Still," is; "And Sen. Portman" is a subject after a connective; "After the vote
        # ended in chaos," is a fronted clause (a subordinator and a verb)
        return len(seg) == 1 or (first in SUBORDINATORS and any(
            t.lower in AUX or (t.lower.endswith("ed") and not t.cap) for t in seg[2:]))
    if first in PREPOSITIONS or first in TIME_WORDS or first == "according":
        return True
    if first.endswith("ly") and len(seg) <= 2 and not seg[0].cap:
        return True
    if first.endswith("ing") and (not seg[0].cap or (len(seg) > 1 and seg[1].lower in PREPOSITIONS)):
        return True  # "speaking to reporters", "Appearing before the crowd,"
    return any(t.lower in TIME_WORDS for t in seg[:2]) and len(seg) <= 4 and not any(
        t.cap for t in seg[1:])


REACH = 180


def subject_before(text: str, lo: int, hi: int, *, relative: bool = False) -> Mention | None:
    """The speaker written before a cue verb: `lo` is where the clause starts, `hi` the verb.
    With `relative`, `hi` is a relative pronoun ("…, who said") and the speaker the noun
    phrase it follows."""
    if hi - lo > REACH:
        lo = text.find(" ", hi - REACH, hi) + 1 or hi - REACH
    toks = _after_dateline(tokenize(text, lo, hi))
    while toks and (toks[-1].lower in VERB_FILLERS or (  # "Mr. Ode generally (supported)": an adverb
            len(toks) > 1 and not toks[-1].cap and toks[-1].lower.endswith("ly")
            and toks[-1].lower not in LY_NOUNS | LY_ADJECTIVES)):
        toks.pop()
    closing = 2 if len(toks) > 2 and toks[-1].text == toks[-2].text == "'" else 1  # '' written as two marks
    if len(toks) > closing and toks[-1].text in _CLOSING_QUOTES and toks[-1 - closing].text == ",":
        del toks[-closing:]  # "X, who calls it a “fraud,” said": the comma inside the quotation closes the clause
    if not toks:
        return None
    segs = [seg for seg in segments(toks) if seg]
    if not segs:
        return None
    contact = _contact_clause(segs[-1])
    if contact is not None and not relative:
        # "the growers I visited (said)": the noun phrase, its clause a description
        return build_mention(text, segs[-1][:contact], [segs[-1][contact:]])
    if relative:
        # "the operation was run by the interior ministry, which …": the phrase right before
        # the relative pronoun, at the end of whatever clause holds it
        seg = segs[-1]
        verb = _main_verb(seg)
        if verb is not None:  # "the mayor rebuked critics (who say …)": the object, not the clause
            seg = seg[verb + 1:]
        return build_mention(text, seg, []) or _last_noun_phrase(text, seg, [])
    if toks[-1].text in DASHES or (len(segs) > 1 and _relative_clause(segs[-1])):
        # "X, who ..., said" and "X, who tracks sites for a network said": the subject comes first
        k = 0
        while k < len(segs) - 1 and _adverbial(segs[k]):
            k += 1
        mention = build_mention(text, segs[k], segs[k + 1:])
        if mention is None and k + 1 < len(segs) and segs[k + 1][0].cap:
            # "One delegate not on the list, Kara Smit, told", "It was no accident — Bren Vale,
            # a spokesman, told": the name set off after words that are no speaker
            mention = build_mention(text, segs[k + 1], segs[k + 2:])
        return mention
    return build_mention(text, segs[-1], [])


_CLOSING_QUOTES = ("”", '"', "’", "'")
# the subject of a relative clause with no pronoun, spoken by the writer or the people asked:
# "the growers I visited", "most pilots we met on the quay"
_CONTACT_SUBJECTS = frozenset("i i've i’ve i'd i’d we we've we’ve we'd we’d".split())


def _contact_clause(seg: list[Tok]) -> int | None:
    """Where a contact clause on the subject's noun starts: "the growers | I visited", "most
    pilots | we met on the quay" (the noun in lower case,
    then "I" or "we" and a verb)."""
    for k in range(1, len(seg) - 1):
        if seg[k].lower in _CONTACT_SUBJECTS and seg[k - 1].word and not seg[k - 1].cap \
                and seg[k - 1].lower not in PREPOSITIONS and seg[k + 1].word and not seg[k + 1].cap:
            return k
    return None


_DATELINE_DASHES = ("--", "—", "–", "-")  # "OSLO (Harbour Wire) - …" spaces a hyphen


def _after_dateline(toks: list[Tok]) -> list[Tok]:
    """ "WASHINGTON -- President Vale", "OSLO (Reuters) — The ministry": the words after the
    place and agency a report opens with."""
    k = 0
    bracket = False  # inside "(Harbour Wire)"
    while k < len(toks) and ((toks[k].word and toks[k].text.isupper() and len(toks[k].text) > 1)
                             or toks[k].text in "()," or (bracket and toks[k].text != "\n")
                             or (k and (toks[k].text.isdigit() or _month(toks[k].lower)))):  # "OSLO, May 3 (Harbour Wire) -"
        bracket = toks[k].text == "(" or (bracket and toks[k].text != ")")
        k += 1
    if 0 < k < len(toks) - 1 and toks[k].text in _DATELINE_DASHES and toks[0].word and \
            not any(t.text in _DATELINE_DASHES for t in toks[k + 1:]):  # "OPAL -- the alliance -- said"
        return toks[k + 1:]
    return toks


def _month(word: str) -> bool:
    """ "aug", "aug.", "sept", "august": a month, written in full or shortened."""
    word = word.rstrip(".")
    return len(word) >= 3 and any(m.startswith(word) for m in MONTHS)


def _relative_clause(seg: list[Tok]) -> bool:
    """ "who tracks …", "who has worked …": a relative clause whose verb follows "who" (not
    "who police said …", where the clause has a subject of its own)."""
    if len(seg) < 3 or seg[0].lower != "who" or seg[1].cap:
        return False
    verb = seg[1].lower
    return verb in AUX or (verb.endswith(("s", "ed")) and singular(verb) not in PERSON_ROLES)


def _last_noun_phrase(text: str, head: list[Tok], extra: list[list[Tok]]) -> Mention | None:
    """"a harsh response from Aldo Berg Jr.(, who said)": the noun phrase after the last
    preposition or verb is the one a relative pronoun or a cue belongs to."""
    cut = max((k for k, t in enumerate(head) if not t.cap and (
        t.lower in PREPOSITIONS or t.lower.endswith("ed")) and not _inside_count(head, k)), default=-1)
    if 0 <= cut < len(head) - 1:
        return build_mention(text, head[cut + 1:], extra)
    return None




def _main_verb(seg: list[Tok]) -> int | None:
    """Where a past-tense verb stands between a subject and the noun phrase a relative pronoun
    follows ("the mayor | rebuked | critics"), not an adjective before its noun ("the embattled
    mayor", "retired officers", "newly elected members", "two hundred residents")."""
    for k in range(len(seg) - 2, 0, -1):
        t, before = seg[k], seg[k - 1]
        if not t.cap and t.lower.endswith("ed") and t.lower != "hundred" and before.word and \
                before.lower not in DETERMINERS and before.lower not in PREPOSITIONS and \
                before.lower not in NUMBER_WORDS and not before.lower.endswith("ly") and seg[k + 1].word:
            return k
    return None


def _inside_count(head: list[Tok], k: int) -> bool:
    """ "four in ten", "one of five": the preposition of a count, not one before its noun phrase."""
    def number(t: Tok) -> bool:
        return t.lower in NUMBER_WORDS or t.text.isdigit()
    return 0 < k < len(head) - 1 and head[k].lower in ("in", "of") and number(head[k - 1]) and number(head[k + 1])


def subject_after(text: str, lo: int, hi: int, *, whole: bool = False) -> Mention | None:
    """The speaker written after a cue verb: "said Emil Radu, 63, who lives ...".
    With `whole`, the phrase runs to `hi` ("according to two engineers at the plant,")."""
    toks = tokenize(text, lo, hi)
    if not toks:
        return None
    segs = segments(toks)
    head = segs[0]
    # a prepositional phrase closing the subject: "said the ministry in a statement"
    for k, t in enumerate(head if not whole else ()):
        if k and t.lower in ("in", "on", "at", "during", "after", "before", "when", "while", "as",
                             "to", "via", "through", "late", "early", "earlier", "later", "last",
                             "this", "speaking", "adding") and not (
                k + 1 < len(head) and head[k + 1].cap and t.lower in ("in", "at")):
            head = head[:k]
            break
    for k, t in enumerate(head):
        if t.text in ("“", '"', "”", "‘") or (t.text == "." and not (k and abbreviation(head[k - 1]))):
            head = head[:k]
            break
    extra = []
    for seg in segs[1:]:
        cut = next((k for k, t in enumerate(seg) if t.text in ("“", '"', "‘")), None)
        if cut is not None:
            if seg[:cut]:
                extra.append(seg[:cut])
            break
        extra.append(seg)
    return build_mention(text, head, extra, after_verb=True)
