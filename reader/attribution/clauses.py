"""Where clauses and reported words start and end: small tests on the text around a cue that
every kind of statement shares. Offsets index the whole article."""
from __future__ import annotations

import re

from reader.attribution.cues import trie_pattern
from reader.attribution.lexicon import AMOUNTS, APPROXIMATORS, AUDIENCES, PREPOSITIONS
from reader.attribution.phrases import REACH

_PASSIVE_BEFORE = frozenset("was were is are been being be get got".split())
_ADVERBS_BEFORE_VERB = frozenset("first also then later recently initially originally widely".split())
# "said by phone": how the words came, not a passive "said by X"
BY_MEANS = r"by\s+(?:phone|telephone|email|e-mail|text|video\s*link|letter|satellite\s+phone)\b"
# a finite verb: reported words are a clause, not an object ("confirmed the arrest")
_FINITE_WORDS = """
is are was were am be been has have had will would can could should shall may might must do does did
came went saw took made got gave knew thought found left ran began became brought felt kept held stood
fell rose met paid sent spent won lost built broke chose drove flew grew led meant put read sat shot sold
spoke struck threw told said wrote sought fought heard
drew hit hid hung dealt bought caught taught fed fled laid lent rang rode sang sank shook slid stole stuck
swept swung tore wept withdrew wore woke froze forgave overcame overtook upheld need needs want wants know knows say says seem seems remain remains
appear appears continue continues plan plans intend intends use uses
""".split()
FINITE = re.compile(  # the word list as a trie: the same matches as the plain list, twice as fast
    r"\b(?:" + trie_pattern(_FINITE_WORDS) + r"|\w+ed|\w+n[’']t|(?:he|she|it|they|we|i|you)\s+\w+)\b"
    r"|(?<=\w)['’]s\b", re.IGNORECASE)
# a day and its part, as news writes it without "on": "said Friday", "tweets early Sunday morning"
WEEKDAY = r"(?:early\s+|late\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?"
# "with one poster writing", "with many residents saying": a participle with its own subject
WITH_SUBJECT = re.compile(r"\bwith\s+((?:[\w’'-]+\s+){1,5}?)[a-z]+ing\s*[,:]?\s*$")
_PASSIVE_AFTER = re.compile(r"(?:\s+(?:on|in|to|at)\s+\S+)?(?:\s+\w+ly)*\s+(?!%s)by\b" % BY_MEANS)
_CONTENT_END = re.compile(
    r",\s+but\b(?!\s+[“\"])|(?<=,[”\"])\s+but\s+(?=[a-z])|,\s+(?:and|but)\s+(?:he|she)\s+(?!said\b|says\b)|;\s|"
    r",\s+according\s+to\b|(?:,|(?<=,[”\"]))\s+(?:saying|adding|describing|calling|noting|claiming|"
    r"insisting|warning|arguing|posting|accusing|urging|stressing|explaining|telling|writing|citing)\b|"
    r",\s+while\b|,\s+whereas\b|,\s+compared\s+(?:with|to)\s+[^,;]*?\bwho\s+(?:say|said|told)\b|,\s+(?:to|after|in|by|at|from|for|with|of)\s+which\b")
# (the lookahead on first letters lets the scan skip most positions at once: same matches, 6× faster)
_CLAUSE_BREAK = re.compile(r"(?=[;:”\",btwai])(?:[;:]|[”\"](?=\s)|,\s*(?:and|but|while|whereas|as|so)\s|"
                           r"\b(?:but|that|when|where|what|after|because|while|if)\s)")
_RELATIVE_BEFORE = re.compile(r"(?:^|,\s+)(?:which|who)\b[^,;:“”\"]*$", re.IGNORECASE)
_WHAT_BEFORE = re.compile(r"\bwhat\b[^,;:“”\"]*$", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]{0,40}\)")
# a full stop ends a sentence, not after an initial, a title or an abbreviation a comma follows
# ("Cambridge, Mass., said")
_BREAK = re.compile(r"[;:!?]|(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!\bMrs|\bGov|\bSen|\bRep|\bGen|\bCol)\.(?!,)")
_TRAILING_PUNCT = " \t\n.,;:"
_AUDIENCE_WORD = re.compile(r"\s+([\w’'.-]+)")
_AUDIENCE_LEAD = frozenset("the a an this that our his her their its local foreign western state visiting "
                           "assembled".split())


def breaks(gap: str) -> bool:
    """Does a sentence end in these few words? "Mr.", initials and an aside in brackets
    ("Rep. Ada Vale (D-Ore.)") do not count."""
    return _BREAK.search(_ASIDE.sub("", gap) if "(" in gap else gap) is not None


def prepositional(words: list[str]) -> bool:
    """Words that open with a preposition, not with a quantity ("at least 1,000 troops", "about
    half of the rise")."""
    first, second = words[0].lower(), words[1].lower() if len(words) > 1 else ""
    quantity = second in ("least", "most") or second[:1].isdigit() or \
        (first in APPROXIMATORS and second in AMOUNTS - {"a", "one"})
    return (first in PREPOSITIONS or first == "as") and not quantity


def past_audience(text: str, pos: int, hi: int) -> int:
    """After "told", the audience: "told reporters", "told the BBC", "told a local news site".
    Returns where the reported words may start (`pos` when no audience is found)."""
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < 7:  # "told Breitbart News Daily host Alex Marlow"
        m = _AUDIENCE_WORD.match(text, at, hi)
        if m is None:
            break
        words.append(m)
        at = m.end()
    best = pos
    for n, m in enumerate(words):
        word = m.group(1)
        stop = word.endswith(".") and word[:-1].lower() in AUDIENCES  # "told reporters." ends the sentence
        if stop:
            word = word[:-1]
        if word == "of" and best > pos and n + 1 < len(words) and words[n + 1].group(1)[:1].isupper():
            continue  # "told The Star-Ledger of Newark": a place in the audience's name
        if word.lower() in AUDIENCES or (word[:1].isupper() and word.lower() not in ("he", "she", "they", "it", "we", "i")):
            if all(w.group(1).lower() in _AUDIENCE_LEAD or w.group(1)[:1].isupper() or w.group(1) == "of" or
                   w.group(1).lower() in AUDIENCES for w in words[:n]):
                best = m.end() - stop
            if stop:
                break
        elif word.lower() not in _AUDIENCE_LEAD and not word[:1].isupper():
            break
    return best


def has_quote(text: str, lo: int, hi: int) -> bool:
    return any(ch in text[lo:hi] for ch in "“\"«„") or "''" in text[lo:hi]


RELATIVE_REACH = 120  # how far back from a verb its relative pronoun is looked for


def in_relative_clause(text: str, lo: int, hi: int) -> bool:
    """Is the verb at `hi` in a ", who …"/", which …" clause ("the closure, which the service
    said was planned, coincided …")? Its words then end at the clause's comma."""
    return _RELATIVE_BEFORE.search(text, max(lo, hi - RELATIVE_REACH), hi) is not None


def in_what_clause(text: str, lo: int, hi: int) -> bool:
    """Is the verb at `hi` in a "what …" clause ("what the army claimed were camps")? Its
    object is the gap: the only words it reports are a characterisation in quotation marks."""
    return _WHAT_BEFORE.search(text, max(lo, hi - 80), hi) is not None


def passive_before(text: str, lo: int, hi: int) -> bool:
    """`was (first) posted`, `were told`: the subject heard or carried the words, it did not say them."""
    words = re.findall(r"[\w’']+", text[max(lo, hi - 40):hi].lower())
    while words and (words[-1] in _ADVERBS_BEFORE_VERB or words[-1].endswith("ly")):
        words.pop()
    return bool(words) and words[-1] in _PASSIVE_BEFORE


def passive(text: str, lo: int, hi: int) -> bool:
    """`posted on Facebook by X`, `repeated … by several accounts`: a participle, not speech."""
    return _PASSIVE_AFTER.match(text, lo, hi) is not None


def clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause holding position `hi` starts: after ; : but, and-after-comma, a closing
    quotation mark or a complementiser."""
    lo = max(lo, hi - REACH)
    best = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        best = m.end()
    return best


def content_end(text: str, lo: int, hi: int) -> int:
    """Where reported words starting at `lo` end: at "but", a semicolon, a second attribution."""
    m = _CONTENT_END.search(text, lo, hi)
    return m.start() if m else hi


def trim_space(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def trim_end(text: str, lo: int, hi: int) -> int:
    """Where words starting at `lo` end, past their closing punctuation and a bracket they did
    not open ("(According to X, the ferry runs twice a day.)")."""
    while hi > lo and (text[hi - 1] in _TRAILING_PUNCT or (text[hi - 1] == ")" and "(" not in text[lo:hi])):
        hi -= 1
    return hi
