"""Who "he", "the official" and "Radu" are: linking a mention to someone named before."""
from __future__ import annotations

from difflib import SequenceMatcher

from reader.attribution.kinds import AFFILIATED_ROLES
from reader.attribution.lexicon import EVIDENCE_NOUNS, PERSON_ENDINGS, PERSON_NOUNS, TEXT_NOUNS, THINGS_ENDING_SO
from reader.attribution.names import title_gender
from reader.attribution.mentions import PERSON_ROLES, Mention, is_acronym, singular
from reader.attribution.nameindex import NameIndex
from reader.attribution.whoswho import DOCUMENT, POSSESSIVE_ENDINGS, Entity, surname_key

__all__ = ["Entity", "Resolver"]

_TEXTS_THAT_SPEAK = EVIDENCE_NOUNS | TEXT_NOUNS  # what "it" may stand for besides an organisation


def _full_name(mention: Mention) -> str | None:
    """A person's name of two words or more, folded: how the same person is known again."""
    if mention.pronoun or not mention.name or not mention.person or len(mention.name.split()) < 2:
        return None
    return " ".join(mention.name.casefold().split())


def _titled(mention: Mention) -> bool:
    """Is the mention's role a title written into the name ("Ms. Varga", "Minister Varga")?"""
    return any(w.rstrip(".").lower() == mention.head and w[:1].isupper() for w in mention.text.split())


def _capitalised(text: str) -> frozenset[str]:
    """The capitalised words of a phrase after its first: what names a body ("Fisheries")."""
    return frozenset(w.strip(",.’'").lower() for w in text.split()[1:] if w[:1].isupper())


def _a_thing(mention: Mention) -> bool:
    """A mention with no name whose noun is not one for a person: "the video", "Vale's memoir",
    "60 percent" (not "the senator", "a local woman", "the economist")."""
    if mention.name or not mention.head or not mention.text.lower().endswith(mention.head):
        return False  # a name, or a head the phrase does not end with ("Ada Vale's son, Tom")
    words = mention.text.split()
    if any(w[:1].isupper() and not w.endswith(POSSESSIVE_ENDINGS) for w in words[1:]):
        return False  # a name the phrase holds: "Mr. Vale himself", "Vale however"
    head = singular(mention.head)
    return head not in PERSON_ROLES and head not in AFFILIATED_ROLES and head not in PERSON_NOUNS \
        and (not head.endswith(PERSON_ENDINGS) or head in THINGS_ENDING_SO)


def _wanted(pronoun: Mention) -> str:
    return "m" if pronoun.pronoun == "he" else "f"


def _agrees(antecedent: Mention, pronoun: Mention) -> bool:
    return antecedent.gender in (None, _wanted(pronoun))


_MISSPELT = 7  # letters a surname needs before a misspelling of it is recognised
_MISSPELT_REACH = 8  # how many of the latest sources a misspelt surname may stand for


def _similar(a: str, b: str) -> bool:
    """Two spellings of one surname: the same first letter, at most two letters apart."""
    return a[:1] == b[:1] and abs(len(a) - len(b)) <= 2 and len(b) >= _MISSPELT and \
        SequenceMatcher(None, a, b).ratio() >= 0.8


def _agrees_title(entity: Entity, mention: Mention) -> bool:
    gender = next(filter(None, map(title_gender, mention.text.split())), None)
    return gender is None or entity.gender in (None, gender)


# How many sources back "he" or "the official" may reach: references in news are local, and a
# bound keeps the cost of a statement independent of the article's length.
RECENT = 40


class Resolver:
    """Walks the statements in reading order, keeping the sources met so far. With a
    `NameIndex`, a person who speaks also gets the roles, full name and gender the article
    gives them anywhere ("Lind said" after "Ada Lind, chair of the …")."""

    def __init__(self, index: NameIndex | None = None) -> None:
        self.entities: list[Entity] = []  # most recent last, at most RECENT
        self.by_name: dict[str, Entity] = {}  # every source named in full, however long ago
        self.by_span: dict[tuple[int, int], Entity] = {}  # each mention's source, by where it is written
        self.index = index
        self.count = 0  # entities that have spoken, for their ids
        self.uncertain = False  # the last pronoun had two candidates that agree with it

    def _remember(self, entity: Entity) -> Entity:
        mention = entity.mentions[-1]
        self.by_span[mention.start, mention.end] = entity
        if entity in self.entities:
            self.entities.remove(entity)
        self.entities.append(entity)
        if len(self.entities) > RECENT:
            del self.entities[0]
        return entity

    def new(self, mention: Mention) -> Entity:
        entity = Entity(mention, [mention])
        if self.index is not None:
            self.index.enrich(entity)
        full = _full_name(mention)
        if full:
            self.by_name.setdefault(full, entity)
        return entity

    def identify(self, entity: Entity) -> str:
        """The entity's id in the article ("e1", "e2" in the order sources first speak)."""
        if entity.id is None:
            self.count += 1
            entity.id = f"e{self.count}"
        return entity.id

    def resolve(self, mention: Mention, nearby: Mention | None = None, own: Mention | None = None) -> Entity:
        """The source a mention names. `own` is the subject the pronoun's own sentence opens
        with ("The agency issued a statement saying they …"), which a pronoun that fits it
        means. `nearby` is a person the sentences just before are about: "he" may point to
        them rather than to the last one who spoke."""
        self.uncertain = False
        same = self.by_span.get((mention.start, mention.end))
        if same is not None:  # "“…,” said one ranger, who said …": the words of one mention
            return self._remember(same)
        if mention.pronoun:
            found = self._subject(own, mention)
            if found is None:
                found = self._pronoun(mention)
                if nearby is not None and (found is None or nearby.start > found.last_end):
                    # someone named since the last speaker: "she" may be them, if she can be
                    candidate = self._subject(nearby, mention)
                    if candidate is not None:
                        self.uncertain = found is not None and candidate is not found
                        found = candidate
        elif mention.definite:
            found = self._definite(mention)
        else:
            found = self._named(mention)
        if found is None:
            return self._remember(self.new(mention))
        found.add(mention)
        if mention.pronoun is None and not mention.definite and len(mention.text) > len(found.best.text) \
                and found.best.definite:
            found.best = mention
        return self._remember(found)

    def _subject(self, subject: Mention | None, pronoun: Mention) -> Entity | None:
        """The source a subject near a pronoun names, if the pronoun can stand for it."""
        if subject is None:
            return None
        found = self._lookup(subject)
        candidate = found or self.new(subject)
        if not self._fits(candidate, pronoun):
            return None
        if found is not None:
            found.add(subject)
        return candidate

    def follow(self, mention: Mention) -> Entity:
        """The source a mention names, remembered as the latest one met, without it being the
        mention of a statement (the subject of a sentence a quotation follows)."""
        found = self._lookup(mention)
        if found is None:
            return self._remember(self.new(mention))
        found.add(mention)
        return self._remember(found)

    def known_person(self, name: str) -> bool:
        """Does the article name a person so ("Vale" after "Ada Vale, 40")?"""
        return self.index is not None and len(name.split()) == 1 and bool(self.index.person_roles(name, len(self.index.text)))

    def peek(self, mention: Mention) -> Entity:
        """The source a mention names, without it counting as met: a source an outlet passes on."""
        return self._lookup(mention) or self.new(mention)

    def _lookup(self, mention: Mention) -> Entity | None:
        if mention.name:
            return self._named(mention)
        return self._definite(mention) if mention.definite else None

    @staticmethod
    def _fits(entity: Entity, mention: Mention) -> bool:
        """Can this pronoun stand for this source: number, person or body, gender?"""
        if mention.pronoun in ("he", "she"):
            if entity.organisation or entity.plural or _a_thing(entity.best):
                return False
            return entity.gender in (None, _wanted(mention))
        if mention.pronoun == "it":
            return entity.organisation or entity.best.head in _TEXTS_THAT_SPEAK
        if mention.pronoun in ("they", "we"):
            return entity.plural or entity.organisation
        if mention.pronoun == "i":
            return not entity.organisation
        return False

    def _pronoun(self, mention: Mention) -> Entity | None:
        for entity in reversed(self.entities):
            if entity.best.pronoun:
                continue
            if self._fits(entity, mention):
                return entity
        return None

    def _acronym(self, acronym: str, before: int) -> Entity | None:
        """ "NWS said" after "the National Weather Service said": the body the letters spell."""
        full = self.index.expand(acronym, before) if self.index is not None else None
        for entity in reversed(self.entities):
            if acronym in entity.names or (full and any(full in m.text for m in entity.mentions)):
                return entity
        return None

    def _definite(self, mention: Mention) -> Entity | None:
        head = singular(mention.head)
        partitive = mention.text.lower().startswith("one ")  # "one official": one of a group named before
        proper = _capitalised(mention.text)  # "the Department of Fisheries": its name, not its type
        for entity in reversed(self.entities):
            if partitive and not entity.plural:
                continue
            if head in entity.heads() and (not proper or any(
                    proper <= _capitalised(m.text) for m in entity.mentions if not m.pronoun)):
                return entity
        if head in _TEXTS_THAT_SPEAK and self.entities and self.entities[-1].kind == DOCUMENT:
            return self.entities[-1]  # "The embassy's website said … The message said …"
        return None

    def _named(self, mention: Mention) -> Entity | None:
        """A bare name ("Radu", "Mora") is someone named in full before; a full name
        ("engineer Tomas Ode") someone who spoke under that name before."""
        full = _full_name(mention)
        if full and full in self.by_name:
            return self.by_name[full]
        if not mention.name or (mention.head and not _titled(mention)):
            return None
        if is_acronym(mention.name):
            return self._acronym(mention.name, mention.start)
        words = [surname_key(w) for w in mention.name.split() if w[:1].isupper()]
        if not words or len(words) > 2:
            return None
        last = words[-1]
        for entity in reversed(self.entities):
            if entity.best.pronoun or entity.best.definite or (entity.plural and not mention.plural):
                continue  # "Ode" is not "both Vale and Ode"
            if len(last) > 2 and last in entity.surnames():
                return entity
        if len(words) == 1 and len(last) >= _MISSPELT and self.index is not None and not self.index.written_in_full(last):
            return self._misspelt(last, mention)
        return None

    def _misspelt(self, surname: str, mention: Mention) -> Entity | None:
        """ "Ms Valenti said" after "Ada Vallenti": a surname the article never writes in full
        is a misspelling of one a recent person (a man or a woman) goes by, when only one is
        that close and the title agrees."""
        if mention.plural or not mention.person:
            return None
        close = [e for e in reversed(self.entities[-_MISSPELT_REACH:]) if e.person and not e.plural
                 and e.gender in ("m", "f") and not e.best.pronoun and _agrees_title(e, mention)
                 and any(_similar(surname, other) for other in e.surnames())]
        return close[0] if len(close) == 1 else None
