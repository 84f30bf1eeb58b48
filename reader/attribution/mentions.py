"""A speaker's noun phrase made into a Mention: its head, its name, its descriptions, whether it
is a person or a body, its gender and number. No tagger: a small grammar of English news prose
(determiners, titles, appositives between commas, relative clauses) over tokens.py's words."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.attribution.lexicon import (
    ABBREVIATIONS, AMOUNTS, APPROXIMATORS, CLAUSE_WORDS, COUNTRIES, DETERMINERS, EVIDENCE_NOUNS, FEMALE_WORDS, MALE_WORDS, ORGANISATION_WORDS,
    NUMBER_WORDS, PERSONAL_PRONOUNS, PREPOSITIONS, TEXT_NOUNS, TIME_WORDS,
)
from reader.attribution.tokens import Tok, word_key

AUX = frozenset("is are was were be been being has have had will would can could should may "
                 "might must do does did am".split())
_PARTICLES = frozenset("de da di du del della der den van von bin ibn al el la le y i dos das "
                       "ben abu ul".split())
RELATIVE = frozenset({"who", "which", "that", "whose", "whom", "where"})
LEADING_JUNK = frozenset({"and", "but", "so", "then", "however", "meanwhile", "instead", "also",
                           "now", "still", "yet", "while", "though", "although", "because",
                           "when", "as", "if", "since", "after", "before", "once", "or"})
_AGE = re.compile(r"\d{1,3}")


@dataclass
class Mention:
    """Who a statement is attributed to, as the article words it."""

    start: int
    end: int
    text: str
    head: str  # the role noun, lower case: "spokeswoman", "officials"; "" for a bare name
    name: str | None = None  # a proper name in the phrase: "Ada Lind"
    descriptions: list[str] = field(default_factory=list)  # appositives, relative clauses
    age: bool = False  # "Pavel Dusek, 63"
    pronoun: str | None = None  # "he", "she", "they", "it", "we", "i"
    definite: bool = False  # "the official", "one official": points back to someone named before
    plural: bool = False
    organisation: bool = False
    country: bool = False
    gender: str | None = None  # "m", "f", "n" (organisations) or unknown

    @property
    def all_text(self) -> str:
        return " ".join([self.text, *self.descriptions])

    @property
    def person(self) -> bool:
        return not self.organisation and not self.country


def singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_QUANTIFIERS = frozenset({("at", "least"), ("more", "than"), ("fewer", "than"), ("less", "than"),
                          ("up", "to"), ("as", "many")})


def _strip_leading(seg: list[Tok]) -> list[Tok]:
    """Drop fronted time phrases and connectives glued to a subject without a comma:
    "Last month Norland", "on Friday President Berg", "but the ministry"."""
    i = 0
    while i < len(seg):
        low = word_key(seg[i])
        if low in LEADING_JUNK or (i == 0 and low in ("which", "who", "whom")):
            i += 1  # "(The closure,) which the border guard service said …": its own subject
            continue
        if low in ("in", "on") and i + 2 < len(seg) and seg[i + 1].lower in DETERMINERS and seg[i + 2].lower in TEXT_NOUNS:
            i += 3  # "In a statement Lindqvist says": the text the words came in
            continue
        if i + 1 < len(seg) and (low, seg[i + 1].lower) in _QUANTIFIERS:
            i += 2  # "at least half of voters": the voters speak
            continue
        if low in APPROXIMATORS and i + 1 < len(seg) and (seg[i + 1].text[:1].isdigit() or seg[i + 1].lower in AMOUNTS):
            i += 1  # "about half of voters", "nearly 4 in 10"
            continue
        if low in ("on", "in", "at", "by", "during", "since", "late", "early", "last", "this", "next",
                   "earlier", "later", "hours", "days", "minutes", "moments", "weeks"):
            j = i + 1
            while j < len(seg) and (seg[j].lower in TIME_WORDS or seg[j].lower in ("the", "a", "an", "of")
                                    or seg[j].text.isdigit()):
                j += 1
            if j > i + 1 or low in ("earlier", "later", "hours", "days", "minutes", "moments", "weeks"):
                if low in ("hours", "days", "minutes", "moments", "weeks") and j < len(seg) and seg[j].lower in ("later", "after", "before", "earlier"):
                    j += 1
                i = j
                continue
        if low in TIME_WORDS and i + 1 < len(seg) and seg[i + 1].lower in TIME_WORDS:
            i += 2
            continue
        break
    return seg[i:]


def _strip_time_tail(seg: list[Tok]) -> list[Tok]:
    """Drop a time phrase that closes a subject: "a summary released by the agency on Monday",
    "officials last week"; not a name such as "Theresa May"."""
    k = len(seg)
    while k > 0 and seg[k - 1].lower in TIME_WORDS:
        k -= 1
    if k == len(seg) or k == 0:
        return seg
    if seg[k - 1].lower in ("on", "in", "at", "during", "early", "late") and k > 1:
        return seg[:k - 1]
    if seg[k].lower in ("last", "this", "earlier", "later", "yesterday", "today", "tonight"):
        return seg[:k]
    return seg


def _after_clause(seg: list[Tok]) -> list[Tok]:
    """"my eyes started burning and my wife": a clause joined by "and" before the subject."""
    for k in range(len(seg) - 1, 0, -1):
        if seg[k].lower in ("and", "but", "so") and any(
                t.lower in AUX or (t.lower.endswith("ed") and not t.cap) for t in seg[:k]):
            return seg[k + 1:]
    return seg


def _cut_clause(seg: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A head noun phrase and what follows it: a relative or participle clause."""
    for i in range(len(seg) - 2, 0, -1):
        if seg[i].lower in ("which", "whom") and seg[i - 1].lower in PREPOSITIONS:
            return seg[i + 1:], []  # "a year in which a majority of voters (say)": the clause's own subject
    for i, t in enumerate(seg):
        if i and (t.lower in RELATIVE or t.lower == "speaking" or _participle_clause(seg, i)):
            return seg[:i], seg[i:]
    return seg, []


def _participle_clause(seg: list[Tok], i: int) -> bool:
    """ "Republicans supporting the bill", "residents living near the plant": a participle after
    the head noun opens a clause (not "the ruling party", "a leading expert")."""
    t, before = seg[i], seg[i - 1]
    return not t.cap and t.lower.endswith("ing") and len(t.lower) > 5 and t.lower not in _ROLE_ENDINGS \
        and before.word and before.lower not in DETERMINERS and before.lower not in PREPOSITIONS \
        and i + 1 < len(seg) and (seg[i + 1].lower in _ARTICLES or seg[i + 1].lower in PREPOSITIONS)


def _name_run(seg: list[Tok]) -> tuple[int, int] | None:
    """Indexes [i, j) of the proper name at the end of a noun phrase, titles excluded."""
    j = len(seg)
    i = j
    while i > 0 and (seg[i - 1].cap or (seg[i - 1].lower in _PARTICLES and i - 1 > 0 and seg[i - 2].cap)
                     or seg[i - 1].text.startswith("@")):
        i -= 1
    if i == j:
        return None
    if i > 0 and seg[i - 1].lower in PREPOSITIONS:
        return None  # "embassy in Harbourton": a place, not a name
    return i, j


_NOT_A_SPEAKER = frozenset("""
what whatever how why whether where when day days week weeks month months year years time times
morning evening night afternoon today yesterday moment minutes hours ago
""".split())
_COMMON_VERBS = frozenset("""
want wants wanted made make makes pose poses get gets got go goes went take takes took give gives
gave keep keeps kept seem seems need needs know knows think thinks feel feels
shows suggests reveals indicates finds says means
""".split())


def _looks_like_np(seg: list[Tok]) -> bool:
    """Could these words be who spoke? Rejects clauses, adverbs and time phrases."""
    if not seg or len(seg) > 18:
        return False
    first = seg[0]
    if not first.word or first.lower in PREPOSITIONS or first.lower in _NOT_A_SPEAKER:
        return False
    if not first.cap and first.lower.endswith(("ly", "ing", "ed")) and first.lower not in _ROLE_ENDINGS \
            and first.lower not in EVIDENCE_NOUNS and (
            len(seg) == 1 or seg[1].lower in PREPOSITIONS or seg[1].lower in _ARTICLES
            or seg[1].lower in ("whether", "if", "that", "to", "not")):
        return False  # "asked whether …", "clad in …"; but "retired general X", "elected officials"
    if not first.cap and first.lower.endswith("ly") and first.lower not in LY_NOUNS | LY_ADJECTIVES:
        return False  # "regularly publishes …": an adverb and its verb
    for k, t in enumerate(seg):
        low = word_key(t)
        if (low in AUX and not (k and t.cap)) or (low in RELATIVE and not (k == 0 and low == "that")) \
                or low in ("not", "there") \
                or low in _COMMON_VERBS:
            return False
        if low in PERSONAL_PRONOUNS and (k > 0 or len(seg) > 1) and not (k == 0 and seg[1].lower == "and"):
            return False  # "he hadn't thought …" is a clause, not a speaker; "she and a colleague" speak
        if low in CLAUSE_WORDS and low not in ("and", "as") and not (k == 0 and low in ("that", "this")) \
                and not (low == "than" and k and seg[k - 1].lower in ("more", "fewer", "less")):
            return False  # a clause; but "a blogger with more than 500,000 followers" is a speaker
        if low.endswith(("n’t", "n't")):
            return False
        if k and not t.cap and low.endswith("ly") and low not in LY_NOUNS and k + 1 < len(seg) \
                and seg[k - 1].lower not in _ARTICLES:
            return False  # "Vale notably made"; but "a widely shared post" is a phrase
        if k and not t.cap and low.endswith("ed") and k + 1 < len(seg) and seg[k + 1].lower in _ARTICLES:
            return False  # "That suggestion prompted a response": a verb and its object
        if 0 < k < len(seg) - 1 and not t.cap and low.endswith("s") and seg[k - 1].cap and seg[k + 1].cap \
                and seg[k - 1].word and low not in PREPOSITIONS and seg[k - 1].lower not in DETERMINERS \
                and not low.endswith(("'s", "’s")):
            return False  # "Vale leads Ode": a name, a verb, a name
        if k > 1 and low in ("the", "a", "an") and not seg[k - 1].cap and seg[k - 1].lower not in PREPOSITIONS \
                and seg[k - 1].lower not in ("and", "or") and seg[k - 1].word \
                and k + 1 < len(seg) and not seg[k + 1].cap:
            return False  # "a rumour the operator (denied)"; but "spokesman the Rev. X" is a title
        if t.text in ("“", "”", '"', ":", "!", "?"):
            return False
    last = seg[-1].lower
    if last in PREPOSITIONS or last in DETERMINERS - _COUNT_ENDS - (_ALONE if len(seg) == 1 else frozenset()):
        return False  # "the", "a rumour the"; but "one in four", "another" (says) speak
    # "The Riverside Times", "the Times"
    return last not in _NOT_A_SPEAKER or (seg[-1].cap and len(seg) > 1 and (seg[-2].cap or seg[-2].lower == "the"))


_COUNT_ENDS = frozenset("all both several many".split()) | NUMBER_WORDS
# a speaker on its own: "another says", "some say", "those (who back her) say"
_ALONE = frozenset("another some few those".split())
_ARTICLES = frozenset("a an the his her their its this that these those our my your".split())
_ROLE_ENDINGS = frozenset({"belly", "ally", "allied", "king", "acting", "leading", "ruling",
                           "governing", "founding", "reigning", "visiting", "outgoing", "incoming"})
LY_ADJECTIVES = frozenset("early elderly only friendly holy lonely likely lowly".split())
LY_NOUNS = frozenset("family ally assembly daily weekly monthly quarterly rally supply anomaly "
                      "bully italy july".split())


def _trim_article(text: str, start: int, end: int) -> int:
    """"the official" -> "official"; "The Harbour Herald" keeps its article: it is part of the name."""
    m = re.match(r"(?:the|a|an|The|A|An)\s+(?=[^A-Z])", text[start:end])
    return start + m.end() if m else start


def build_mention(text: str, head: list[Tok], extra: list[list[Tok]], *, after_verb: bool = False) -> Mention | None:
    """A mention from a subject phrase and its appositive or relative segments. `after_verb`:
    the phrase follows its verb ("said Democrats involved in the talks and planning"), so no
    clause stands before it."""
    while head and not head[0].word:  # a stray mark: "'' Mr. Coleman"
        head = head[1:]
    head = _strip_leading(head)
    if not after_verb:
        head = _after_clause(head)
    head, clause = _cut_clause(head)
    head = _strip_time_tail(head)
    if not _looks_like_np(head):
        return None
    low0 = head[0].lower
    start, end = head[0].start, head[-1].end
    descriptions = []
    if clause:
        descriptions.append(text[clause[0].start:clause[-1].end])
    age = False
    name: str | None = None
    title = ""  # a title written into the name: "President", "Captain"
    appositive_name = None
    for seg in extra:
        if not seg:
            continue
        piece = text[seg[0].start:seg[-1].end]
        if len(seg) == 1 and _AGE.fullmatch(seg[0].text):
            age = True
            continue
        if (appositive_name is None and not descriptions and seg[0].cap and len(seg) <= 5
                and seg[0].lower not in DETERMINERS and seg[0].lower not in RELATIVE
                and not any(t.lower in AUX for t in seg)):
            appositive_name = seg
            continue
        descriptions.append(piece)
    if len(head) == 1 and low0 in PERSONAL_PRONOUNS:
        gender, plural = PERSONAL_PRONOUNS[low0]
        return Mention(start, end, text[start:end], "", pronoun=low0, gender=gender, plural=plural,
                       organisation=low0 == "it", descriptions=descriptions)
    run = _name_run(head)
    lowers = [t.lower for t in head]
    if appositive_name is not None:
        end = appositive_name[-1].end
        name = text[appositive_name[0].start:appositive_name[-1].end]
    elif run is not None:
        i, j = run
        name_toks = head[i:j]
        while name_toks and (name_toks[0].lower in ORGANISATION_WORDS or _title_like(name_toks[0].lower)):
            title = name_toks[0].lower
            name_toks = name_toks[1:]
        if name_toks and i + (j - i - len(name_toks)) < j:
            name = text[name_toks[0].start:name_toks[-1].end] if name_toks else None
    # head noun: the last common word before a preposition, a participle or the name
    stop = len(head)
    for k, t in enumerate(head):
        if k and (t.lower in PREPOSITIONS or (t.lower.endswith(("ed", "ing")) and not t.cap)
                  or t.lower in ("familiar", "close")):
            stop = k
            break
    if run is not None and appositive_name is None:
        stop = min(stop, run[0]) if run[0] > 0 else stop
    common = [t for t in head[:stop] if t.word and not t.text.startswith("@")]
    head_word = common[-1].lower if common else ""
    if run is not None and run[0] == 0 and appositive_name is None and stop >= run[1]:
        head_word = title if title in _TITLES else ""  # "Captain Emil Radu": captain; "Radu": none
    phrase_lower = " ".join(lowers)
    country = phrase_lower in COUNTRIES or (name or "").lower() in COUNTRIES
    organisation = (head_word in ORGANISATION_WORDS or any(w in ORGANISATION_WORDS for w in lowers)
                    and not any(singular(w) in PERSON_ROLES for w in lowers)) or _body_name(name)
    # "the official", "that agency", "one official" point back; "a user" introduces someone new
    definite = (low0 in ("the", "one", "that", "this") and name is None
                and len(common) <= 2 and bool(head_word))
    gender = None
    together = low0 in PERSONAL_PRONOUNS and lowers[1:2] == ["and"]  # "she and another reporter": no one gender
    if not together and any(w in FEMALE_WORDS for w in lowers):
        gender = "f"
    elif not together and any(w in MALE_WORDS for w in lowers):
        gender = "m"
    plural = together or (head_word != singular(head_word) and not name) or low0 in (
        "two", "three", "four", "several", "many", "some", "both", "dozens", "hundreds")
    start = _trim_article(text, start, end)
    return Mention(start, end, text[start:end], head_word, name=name, descriptions=descriptions,
                   age=age, definite=definite, plural=plural, organisation=organisation or country,
                   country=country, gender=gender if not (organisation or country) else "n")


PERSON_ROLES = frozenset("""
spokesperson spokesman spokeswoman minister official officer ambassador president secretary
director chief head leader commander general colonel captain governor mayor senator lawmaker
member resident witness lawyer analyst expert reporter correspondent user blogger man woman
manager engineer researcher scientist professor adviser advisor aide coordinator employee worker
teacher doctor nurse activist campaigner organiser organizer founder owner executive chairman
chairwoman inspector investigator detective prosecutor attorney judge economist strategist
consultant pilot soldier journalist editor
""".split())
_TITLES = frozenset("""
president minister secretary prime vice deputy chief general colonel lieutenant captain major
sergeant admiral commander governor mayor senator representative ambassador judge justice
chancellor king queen prince princess sheikh emir pope bishop cardinal dr doctor professor
mr mrs ms sir lord lady foreign interior defence defense cabinet finance health justice senior
acting former state
""".split())


def _body_name(name: str | None) -> bool:
    """ "The Harbour Trust", "NWS": a name no person goes by (an article before it, or an
    acronym); "The Rev. Ada Vale" is a person."""
    if not name:
        return False
    words = name.split()
    if words[0] == "The" and len(words) > 1:
        return not (_title_like(words[1].rstrip(".").lower()) or words[1].rstrip(".").lower() in ABBREVIATIONS)
    return len(words) == 1 and is_acronym(words[0])


def is_acronym(word: str) -> bool:
    """ "NWS", "NRB": two to six capital letters (not "I", not "U.S.")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _title_like(word: str) -> bool:
    return word in _TITLES or word.endswith(("ian", "ese", "ish")) and len(word) > 5


# A speaker's phrase with its appositives is short; reading further back only costs time.
