"""The article's who's who: every source it names, with the names it goes by ("Ada N. Vale",
"Vale", "Ms. Vale"), the roles and descriptions the article gives it ("the governor's adviser on
ports"), what kind of source it is, and its gender and number where the text or the
first-name list tells.

What each source is, from its words; nameindex.py finds the names in the article.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from reader.attribution import kinds
from reader.attribution.lexicon import COUNTRIES, DETERMINERS, EVIDENCE_NOUNS, TEXT_NOUNS, TIME_WORDS
from reader.attribution.names import first_name_gender, name_gender, title_gender
from reader.attribution.mentions import PERSON_ROLES, Mention, singular
from reader.attribution.tokens import Tok, tokenize

_POSSESSIVE = re.compile(r"[’']s?$")
POSSESSIVE_ENDINGS = ("'s", "’s")  # "Vale's", "Vale’s"
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|de|da|del|van|von|der|le|la)-", re.IGNORECASE)

MAX_ROLES = 8


def surname_key(word: str) -> str:
    """How a name is looked up: its last word, lower case, without a possessive or a particle
    ("al-Haddad's" -> "haddad")."""
    word = _POSSESSIVE.sub("", word.strip(",.;:()“”\"")).lower()
    return _PARTICLE.sub("", word)


@dataclass(eq=False)
class Entity:
    """One source of the article, gathered from its mentions."""

    best: Mention  # the mention whose words name the source best
    mentions: list[Mention] = field(default_factory=list)
    descriptions: tuple[str, ...] = ()  # distinct phrases describing the source, first ones first
    age: bool = False  # introduced with an age: "Name, 63"
    has_role: bool = False  # some mention names a role ("spokeswoman"), not only a name
    gender: str | None = None  # "m", "f", "n", from the first mention that tells
    id: str | None = None  # "e3": given when the source first speaks
    names: list[str] = field(default_factory=list)  # the names it goes by, full name first
    # the person whose staff, spokesman or counterpart it is, with that person's roles:
    # ("Vale", ("Governor Jo Vale",)) for "Vale's aides"
    owner: tuple[str, tuple[str, ...]] | None = None
    author: str | None = None  # the body a document speaking is named after: "Harbour Agency" report
    _heads: set[str] = field(default_factory=set)
    _surnames: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for m in self.mentions:
            self._learn(m)

    @property
    def last_end(self) -> int:
        return max(m.end for m in self.mentions[-3:])

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._learn(mention)

    def describe(self, text: str) -> None:
        """Add a role or description the article gives elsewhere ("chairman of the Board")."""
        if text and len(self.descriptions) < MAX_ROLES and text not in self.descriptions:
            self.descriptions += (text,)
            self.has_role = self.has_role or _is_role(text)

    def name(self, text: str) -> None:
        if text and text not in self.names:
            self.names.append(text)

    def _learn(self, m: Mention) -> None:
        if m.pronoun:
            if m.pronoun in ("he", "she"):
                self.gender = self.gender or m.gender
            return
        if m.name:
            self.name(m.name)
        if len(self.descriptions) < MAX_DESCRIPTIONS and m.all_text not in self.descriptions:
            self.descriptions += (m.all_text,)
        self.age = self.age or m.age
        if self.gender is None and m.person:
            self.gender = m.gender or next(filter(None, map(title_gender, m.text.split())), None) or (
                name_gender(m.name.split()) if m.name else None)
        # a role in the phrase or in an appositive ("Ines Mora, an energy analyst")
        self.has_role = self.has_role or bool(m.head) or any(_is_role(d) for d in m.descriptions)
        if m.head:
            self._heads.add(singular(m.head))
        for word in m.text.split():
            self._heads.add(singular(word.strip(",.’'").lower()))
        # the names it goes by: "spokeswoman for Ada Vale" is not Vale
        serving = _SERVING_SOMEONE.match(m.text)
        for word in (m.name or (serving.group(1) if serving else m.text)).split():
            if word[:1].isupper() and (m.name or not _POSSESSIVE.search(word)):
                self._surnames.add(surname_key(word))  # "Vale's niece" is not Vale

    @property
    def plural(self) -> bool:
        return self.best.plural

    @property
    def organisation(self) -> bool:
        return self.best.organisation

    @property
    def person(self) -> bool:
        return self.best.person and not self.best.pronoun

    def heads(self) -> set[str]:
        return self._heads

    def surnames(self) -> set[str]:
        return self._surnames

    @property
    def kind(self) -> str:
        return kind_of(self.best)

    def affiliation(self) -> tuple[str, str] | None:
        """The body a person's roles tie it to, and its kind: ("Oxland International", "NGO").
        A body named with no recognisable type gives kind "organisation"."""
        for text in self.descriptions:
            found = affiliation_of(text)
            if found is not None:
                return found
        return None


# "a spokeswoman for Ada Vale": a role in lower case, then whom it serves
_SERVING_SOMEONE = re.compile(r"(.*\b[a-z][\w-]*)\s+(?:for|of|to|with)\s+(?:the\s+)?[A-Z][^,]*$")
_PARTICIPLE = re.compile(r"\s(?:[a-z]+ing|[a-z]+ed|shows?|says?|finds?)\b")
_AGENT = re.compile(r"\s(?:by|from)\s")


def document_words(text: str) -> str:
    """The words of a document's description that tell its source: its own words and its
    author's ("a declassified summary released by the department", "footage filmed by a
    resident"), not its subject ("a study documenting the diet of school children")."""
    cut = _PARTICIPLE.search(text)
    if cut is None:
        return text
    agent = _AGENT.search(text, cut.start())
    return text[:cut.start()] + (" " + text[agent.end():] if agent else "")


def kind_of(best: Mention) -> str:
    """What a mention names (kinds.py): a body's type from its own name or head noun, a
    document, else a person (or a group of people)."""
    if best.head in DOCUMENT_NOUNS or any(w in DOCUMENT_NOUNS for w in document_words(best.text).split()[:4]):
        return DOCUMENT  # "a declassified summary released by the department": its words tell
    if best.organisation or best.country:
        found = kinds.body_kind(best.text)
        if found is not None:
            return found
        if best.country:
            return kinds.PUBLIC_BODY
    if best.head in ("source", "sources", "insider", "insiders"):
        return kinds.UNNAMED
    if best.head in _STATES:
        return kinds.PUBLIC_BODY  # "the two nations pledged": countries speak through governments
    return kinds.PERSON if not best.organisation else ORGANISATION


MAX_DESCRIPTIONS = 8
_STATES = frozenset("nation nations country countries government governments".split())
_ROLE_START = ("a ", "an ", "the ", "one of ", "his ", "her ", "its ", "their ")


def _is_role(text: str) -> bool:
    low = text.lower()
    return low.startswith(_ROLE_START) or any(w in kinds.AFFILIATED_ROLES for w in low.split()[:4])


_OF_BODY = re.compile(r"\b(?:for|of|at|with|from|in)\s+((?:[Tt]he\s+)?(?:[A-Z]|(?:%s)\b)[^,;:()]*)$" % "|".join(
    sorted(kinds.BODY_NOUNS)))
_NAME_FOR_BODY = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:for|from|of|at|with)\s+((?:[Tt]he\s+)?[A-Z][^,;:()]*)$")
_IN_PLACE = re.compile(r"\s+(?:in|at)\s+(?=[A-Z])")
TITLE_WORDS = frozenset("""
senior deputy acting former chief vice assistant top press communications national regional
foreign interior home defence defense finance health justice prime first general high
""".split())
DOCUMENT = "document"  # a text that speaks: a report, a study, a video
ORGANISATION = "organisation"
DOCUMENT_NOUNS = TEXT_NOUNS | EVIDENCE_NOUNS | {"website"}


@lru_cache(maxsize=4096)
def affiliation_of(text: str) -> tuple[str, str] | None:
    """The body a role phrase belongs to, and its kind: "spokesman for the Home Office", "the
    ministry's spokesman", "A Norland Aid Trust spokesman", "executive director of the Riverside
    branch of Oxland International". None when the phrase names no body or no such role."""
    toks = [t for t in tokenize(text, 0, len(text)) if t.word]
    role_at = next((k for k, t in enumerate(toks) if t.lower in kinds.AFFILIATED_ROLES and not t.cap), None)
    if role_at is None:
        role_at = next((k for k, t in enumerate(toks) if t.lower in kinds.AFFILIATED_ROLES), None)
    if role_at is None:
        m = _NAME_FOR_BODY.match(text)  # "Ada Vale for the Harbour Trust": she speaks for it
        if m is None:
            return None
        body = _IN_PLACE.split(m.group(1).strip())[0]
        return body, kinds.body_kind(body) or body_of_no_type(body)
    role = toks[role_at]
    # after the role: "for the Home Office", "of the Riverside branch of Oxland International"
    m = _OF_BODY.search(text[role.end:].split(",")[0])
    if m is not None:
        body = _IN_PLACE.split(m.group(1).strip())[0]  # "Oxland International in Norway": the body
        return body, kinds.body_kind(body) or body_of_no_type(body)
    # before it: "the ministry's", "A Norland Aid Trust", "Vale Rail's", "Norland's Foreign"
    k = role_at
    while k > 0 and (toks[k - 1].cap or toks[k - 1].lower in kinds.BODY_NOUNS):
        k -= 1
    owner = [t for t in toks[k:role_at] if t.lower not in DETERMINERS and t.lower not in TIME_WORDS]
    while owner and owner[-1].lower in TITLE_WORDS:
        owner.pop()  # "Foreign Secretary": part of the title
    if not owner or (len(owner) == 1 and _nationality(owner[0])):
        return None  # "Danish counterpart", "French officials", "U.S. officials"
    body = _POSSESSIVE.sub("", text[owner[0].start:owner[-1].end])
    return body, kinds.body_kind(body) or body_of_no_type(body)


def body_of_no_type(body: str) -> str:
    """A body named without a type word: a government when it is a country or ends with one,
    as governments name their agencies ("Sweden", "Statistics Norway", "Fish Standards Norway
    Iceland"; "Finland Airways" has a type word), else an organisation of unknown type."""
    words = [surname_key(w) for w in body.split()]
    if words[-1] in COUNTRIES or " ".join(words[-2:]) in COUNTRIES:
        return kinds.PUBLIC_BODY
    return ORGANISATION


def _nationality(tok: Tok) -> bool:
    """ "Danish", "Western", "U.S.", "French": a nationality or a region, not a body's name."""
    low = tok.lower
    return "." in low or low in COUNTRIES or low.endswith(
        ("ese", "ian", "ish", "an", "i", "ern", "ch", "ss", "ic", "ek", "ino", "ean", "iot"))


# Roles held for someone else: "the senator's aides", "Vale's spokesman", "Vale's counterpart"
OWNER_ROLES = kinds.AFFILIATED_ROLES | frozenset("counterpart counterparts deputy deputies".split())


@lru_cache(maxsize=4096)
def owner_of(text: str) -> str | None:
    """The person a role phrase makes someone the staff, spokesman or counterpart of: "Vale"
    in "Vale's aides", "senator" in "the senator's press secretary". None when the owner is a
    body ("the ministry's spokesman") or there is no such role."""
    toks = [t for t in tokenize(text, 0, len(text)) if t.word]
    for k, t in enumerate(toks):
        if not t.lower.endswith(("'s", "’s")) or len(t.text) < 4:
            continue
        if any(singular(r.lower) in OWNER_ROLES or r.lower in OWNER_ROLES for r in toks[k + 1:k + 4]):
            owner = _POSSESSIVE.sub("", t.text)
            if owner[:1].isupper() or singular(owner.lower()) in PERSON_ROLES:
                return owner
        return None
    m = _ROLE_FOR.search(text)  # "a spokeswoman for Mayor Ada Vale", "an adviser to the president"
    if m is not None and singular(m.group(1).lower()) in OWNER_ROLES:
        owner = m.group(2)
        words = owner.split()
        if owner.startswith("the ") and len(words) == 2 and singular(words[1]) in PERSON_ROLES:
            return words[1]
        if owner[:1].isupper() and len(words) >= 2 and named_person(words):
            return owner
    return None


_ROLE_FOR = re.compile(r"\b([a-z][\w-]*)\s+(?:for|to)\s+((?:the\s+[a-z]+)|(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)$")


def named_person(words: list[str]) -> bool:
    """Is a written name a person's by its own words: a title or an office before it ("Mayor
    Ada Vale", "Sen. Ode") or a first name the list knows, maybe after a word of affiliation
    ("Ada Vale", "Democrat Ada Vale"); not "Harbour Street"."""
    return bool(words) and (_titled_name(words) or name_gender(words) is not None
                            or any(first_name_gender(w) for w in words[1:-1]))


def _titled_name(words: list[str]) -> bool:
    """ "Mayor Ada Vale", "Sen. Ode": a title and a name."""
    first = words[0].rstrip(".").lower()
    return title_gender(words[0]) is not None or first in HONORIFICS or first in PERSON_ROLES


HONORIFICS = frozenset("dr prof sen rep gov gen col lt sgt capt rev president minister secretary "
                        "senator governor judge mayor".split())
