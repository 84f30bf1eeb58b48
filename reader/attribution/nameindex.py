"""Every written full name of an article, indexed by surname in one regular-expression pass
("Emil Radu", "Ms. Vale"); the words around a name are read only for the sources that speak,
to give their who's who entry (whoswho.py) its full name, roles and descriptions."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from reader.attribution import kinds
from reader.attribution.lexicon import ABBREVIATIONS, CLAUSE_WORDS, DETERMINERS, PREPOSITIONS, TIME_WORDS, VERB_FILLERS
from reader.attribution.mentions import PERSON_ROLES, is_acronym, singular
from reader.attribution.names import name_gender, title_gender
from reader.attribution.tokens import tokenize
from reader.attribution.whoswho import (
    DOCUMENT, DOCUMENT_NOUNS, HONORIFICS, MAX_ROLES, TITLE_WORDS, Entity, body_of_no_type, owner_of, surname_key,
)

# A written full name: two to five capitalised words or initials, or a title and a surname.
_UPPER = r"[A-ZÀ-ÖØ-Þ]"
_NAME_WORD = rf"(?:(?:al|el|bin|ibn|abu|de|da|del|di|du|dos|van|von|der|le|la)(?:-|[ \t]+))?(?:{_UPPER}\.|{_UPPER}[\w’'-]*)"
_TITLE_ABBREVIATION = "|".join(sorted((w.capitalize() for w in ABBREVIATIONS), key=len, reverse=True))
_FULL_NAME = re.compile(
    rf"(?<![\w’'.-])(?:(?:{_TITLE_ABBREVIATION})\.|{_UPPER}[\w’'-]*)(?:[ \t]+{_NAME_WORD}){{1,6}}")
MAX_OCCURRENCES = 8  # full-name mentions read per source: the first ones introduce it


class NameIndex:
    """Every written full name of a stretch of text, by surname, found in one pass."""

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        self.text = text
        self.by_surname: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._cache: dict[tuple[int, int], tuple[str, str | None, list[str]]] = {}
        self._acronyms: dict[str, tuple[str, int] | None] = {}
        self._authors: dict[str, list[tuple[int, str]]] = {}
        self.lo, self.hi = lo, len(text) if hi is None else hi
        for m in _FULL_NAME.finditer(text, self.lo, self.hi):
            words = m.group().split()
            key = surname_key(words[-1])
            if len(key) > 2 and len(self.by_surname[key]) < MAX_OCCURRENCES:
                self.by_surname[key].append((m.start(), m.end()))

    def occurrences(self, surname: str) -> list[tuple[int, int]]:
        return self.by_surname.get(surname, [])

    def written_in_full(self, surname: str) -> bool:
        """Does the article give this surname a first name anywhere ("Ada Vale", not "Ms Vale")?"""
        return any(len(self._read(start, end)[0].split()) > 1 for start, end in self.occurrences(surname))

    def enrich(self, entity: Entity) -> None:
        """Give a speaking person the roles, names and gender the article gives it anywhere
        (under the same surname, and the same first name where both have one), and a role held
        for someone else ("Vale's aides") the roles of that person."""
        if entity.best.pronoun:
            return
        owner = owner_of(entity.best.text)
        if owner is not None:
            owner_roles = self.person_roles(owner, entity.best.start)
            if owner_roles:
                entity.owner = (owner, owner_roles)
        if entity.kind == DOCUMENT and entity.author is None:
            entity.author = self.author(entity.best.head, entity.best.end)
        if entity.best.name and is_acronym(entity.best.name):
            full = self.expand(entity.best.name, entity.best.start)
            if full:
                entity.name(full)
                entity.describe(full)
        if not entity.person or not entity.best.name:
            return
        words = entity.best.name.split()
        surname = surname_key(words[-1])
        given = words[0] if len(words) > 1 else None
        for start, end in self.occurrences(surname):
            name, gender, roles = self._read(start, end)
            others = name.split()
            if given and len(others) > 1 and others[0] != given:
                continue  # "Ana Vale" is not "Jo Vale"
            entity.gender = entity.gender or gender
            entity.name(name)
            for role in roles:
                entity.describe(role)

    def expand(self, acronym: str, before: int) -> str | None:
        """The name an acronym stands for, written before `before`: "National Weather Service"
        for "NWS" (whether or not "(NWS)" follows it), "Department of Fisheries" for "DOF"."""
        if acronym not in self._acronyms:  # the first full spelling in the article, looked for once
            pattern = _CONNECTOR.join(rf"{re.escape(letter)}[\w’'-]*" for letter in acronym)
            first = re.escape(acronym[0])  # the letter first, what stands before it after: found fast
            pattern = rf"{first}(?<![\w’'-]{first})" + pattern[len(first):]
            m = re.compile(rf"{pattern}(?![\w’'-])").search(self.text, self.lo, self.hi)
            self._acronyms[acronym] = (m.group(), m.start()) if m else None
        found = self._acronyms[acronym]
        return found[0] if found is not None and found[1] < before else None

    def author(self, noun: str, before: int) -> str | None:
        """The body a document was first named after: "Harbour Agency" for "the report" after
        "a leaked Harbour Agency report" (or "the Harbour Agency's report")."""
        if noun not in DOCUMENT_NOUNS:
            return None
        if noun not in self._authors:  # every "<Body> report" of the article, read once per noun
            self._authors[noun] = [
                (m.start(), m.group(1)) for m in _named_documents(self.text, noun, self.lo, self.hi)
                if (kinds.body_kind(m.group(1)) or body_of_no_type(m.group(1))) in kinds.BODY_KINDS
            ][:MAX_OCCURRENCES]  # not a headline's capitals: "Leaked Danish report"
        return next((author for start, author in self._authors[noun] if start < before), None)

    def person_roles(self, owner: str, before: int) -> tuple[str, ...]:
        """What the article says a person is, from their name ("Vale": "Governor Jo Vale", "a
        former diplomat") or their role ("senator"); empty when the name is not a person's."""
        if not owner[:1].isupper():
            return (owner,)
        out: list[str] = [owner] if len(owner.split()) > 1 else []  # "Mayor Ada Vale": its own title
        for start, end in self.occurrences(surname_key(owner.split()[-1])):
            if start >= before and out:
                break
            name, gender, roles = self._read(start, end)
            if gender is not None or roles:
                out += [r for r in [self.text[start:end], *roles] if r not in out]
        return tuple(out[:MAX_ROLES])

    def _read(self, start: int, end: int) -> tuple[str, str | None, list[str]]:
        """A written name's bare name, gender and roles; each read once per article."""
        key = (start, end)
        found = self._cache.get(key)
        if found is None:
            written = self.text[start:end]
            name = _strip_title_words(written)
            gender = title_gender(written.split()[0]) or name_gender(name.split())
            roles = [written] if name != written or len(name.split()) >= 3 else []  # "Agency Director Aldo Berg"
            found = self._cache[key] = (name, gender, roles + self._roles_around(start, end))
        return found

    def _roles_around(self, start: int, end: int) -> list[str]:
        """The role written right before a name ("Harbour Office press secretary Ada Lind",
        "Norland's Prime Minister, Emil Radu") and the appositive right after it ("Tomas
        Ode, chairman of the …, told")."""
        text = self.text
        roles = []
        toks = tokenize(text, max(0, start - 90), start)
        if toks and toks[-1].text == ",":
            toks.pop()  # "Norland's foreign minister, Karim al-Haddad": a role set before the name
        k = len(toks)
        while k > 0 and len(toks) - k < 7:
            t = toks[k - 1]
            if not t.word or t.lower in PREPOSITIONS - {"of", "for"} or t.lower in CLAUSE_WORDS or t.lower in TIME_WORDS \
                    or t.lower in VERB_FILLERS or (not t.cap and t.lower.endswith("ed")) or t.lower in _VERBS:
                break
            k -= 1
        pre = toks[k:]
        while pre and (pre[0].lower in DETERMINERS or pre[0].lower in ("of", "for")):
            pre = pre[1:]
        if pre and any(singular(t.lower.rstrip(".")) in _PRE_ROLE_WORDS for t in pre):
            roles.append(text[pre[0].start:pre[-1].end])
        m = _APPOSITIVE.match(text, end, min(len(text), end + 160))
        if m is not None:
            words = [w.lower().strip(".’'") for w in m.group(1).split()]
            first = words[0]
            if first in DETERMINERS or first in ("who", "whose") or first.endswith(("'s", "’s")) or any(
                    singular(w) in ROLE_WORDS for w in words[:5]):
                # ", a fishmonger who …", ", public information officer for …", ", Harbour Minister,"
                roles.append(m.group(1).strip())
        return roles


ROLE_WORDS = PERSON_ROLES | kinds.AFFILIATED_ROLES
# the small words an acronym skips: "Department of Harbour Safety" is "DHS"
_CONNECTOR = r"[ \t]+(?:(?:of|for|and|the|on|in|de|du|des|la|le|el|al)[ \t]+)*"
_VERBS = frozenset("said says told tells asked added wrote called met named according".split())
# ", chairman of the Harbour Safety Board," / ", a 54-year-old fishmonger who …," / ", Harbour Minister,"
_APPOSITIVE = re.compile(r",\s+([\w’'-][^,;:.“”\"]{2,120}?)(?:,|\.\s|\.$|;)")


@lru_cache(maxsize=64)
def _named_document(noun: str) -> re.Pattern[str]:
    """ "a leaked Harbour Agency report", "the Harbour Agency's 40-page report": its author."""
    return re.compile(rf"((?:{_UPPER}[\w’'.&-]*[ \t]+){{0,4}}{_UPPER}[\w.&-]*(?:[ \t]+(?:{_BODY_NOUN_WORDS}))?)"
                      rf"(?:[’']s)?[ \t]+(?:[\w-]+[ \t]+)?{noun}\b")


_BODY_NOUN_WORDS = "|".join(sorted(kinds.BODY_NOUNS))
_NAMED_REACH = 200  # characters a body's name and a word before the document noun may take


def _named_documents(text: str, noun: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What `_named_document(noun).finditer` finds, found from the noun back: trying the
    pattern at every capital letter of the article cost half a second a megabyte per noun."""
    pattern = _named_document(noun)
    done = lo  # where the last match ended: matches never overlap
    at = text.find(noun, lo, hi)
    while at >= 0:
        end = at + len(noun)
        if (at == 0 or not text[at - 1].isalnum() and text[at - 1] != "_") and \
                (end >= len(text) or not text[end].isalnum() and text[end] != "_"):  # a whole word
            m = pattern.search(text, max(done, at - _NAMED_REACH), end)
            if m is not None and m.end() == end:
                done = end
                yield m
        at = text.find(noun, end, hi)


def _strip_title_words(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (title_gender(words[0]) or words[0].rstrip(".").lower() in HONORIFICS):
        words = words[1:]
    return " ".join(words)


# what a role written before a name holds: "press secretary", "Sen.", "Republican"
_PRE_ROLE_WORDS = ROLE_WORDS | HONORIFICS | TITLE_WORDS | frozenset(
    "republican democrat democratic independent conservative liberal labour socialist green".split())
