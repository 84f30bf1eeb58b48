"""Who "he", "the official" and "Matsegora" are: linking a mention to someone named before."""
from __future__ import annotations

from dataclasses import dataclass, field

from reader.attribution.lexicon import EVIDENCE_NOUNS, TEXT_NOUNS
from reader.attribution.phrases import Mention, singular


@dataclass(eq=False)
class Entity:
    """Everything the article says about one source, gathered from its mentions."""

    best: Mention  # the mention whose words name the source best
    mentions: list[Mention] = field(default_factory=list)
    descriptions: tuple[str, ...] = ()  # distinct phrases describing the source, first ones first
    age: bool = False  # introduced with an age: "Name, 63"
    has_role: bool = False  # some mention names a role ("spokeswoman"), not only a name
    gender: str | None = None  # "m", "f", "n", from the first mention that tells
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

    def _learn(self, m: Mention) -> None:
        if m.pronoun:
            if m.pronoun in ("he", "she"):
                self.gender = self.gender or m.gender
            return
        if len(self.descriptions) < MAX_DESCRIPTIONS and m.all_text not in self.descriptions:
            self.descriptions += (m.all_text,)
        self.age = self.age or m.age
        self.gender = self.gender or m.gender
        # a role in the phrase or in an appositive ("Mark Halloran, an energy analyst")
        self.has_role = self.has_role or bool(m.head) or any(
            d.lower().startswith(("a ", "an ", "the ")) for d in m.descriptions)
        if m.head:
            self._heads.add(singular(m.head))
        for word in m.text.split():
            self._heads.add(singular(word.strip(",.’'").lower()))
            if word[:1].isupper():
                self._surnames.add(word.strip(",.").lower())

    @property
    def plural(self) -> bool:
        return self.best.plural

    @property
    def organisation(self) -> bool:
        return self.best.organisation

    def heads(self) -> set[str]:
        return self._heads

    def surnames(self) -> set[str]:
        return self._surnames


MAX_DESCRIPTIONS = 8
_TEXTS_THAT_SPEAK = EVIDENCE_NOUNS | TEXT_NOUNS  # what "it" may stand for besides an organisation

def _agrees(antecedent: Mention, pronoun: Mention) -> bool:
    wanted = "m" if pronoun.pronoun == "he" else "f"
    return antecedent.gender in (None, wanted)


# How many sources back "he" or "the official" may reach: references in news are local, and a
# bound keeps the cost of a statement independent of the article's length.
RECENT = 40


class Resolver:
    """Walks the statements in reading order, keeping the sources met so far."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []  # most recent last, at most RECENT

    def _remember(self, entity: Entity) -> Entity:
        if entity in self.entities:
            self.entities.remove(entity)
        self.entities.append(entity)
        if len(self.entities) > RECENT:
            del self.entities[0]
        return entity

    def resolve(self, mention: Mention, nearby: Mention | None = None) -> Entity:
        """The source a mention names. `nearby` is a person the sentences just before the
        mention are about: "he" may point to them rather than to the last one who spoke."""
        if mention.pronoun:
            found = self._pronoun(mention)
            if nearby is not None and _agrees(nearby, mention) and (found is None or nearby.start > found.last_end):
                found = self._named(nearby) if nearby.name else None
                if found is None:
                    found = Entity(nearby, [nearby])
                else:
                    found.add(nearby)
        elif mention.definite:
            found = self._definite(mention)
        else:
            found = self._named(mention)
        if found is None:
            return self._remember(Entity(mention, [mention]))
        found.add(mention)
        if mention.pronoun is None and not mention.definite and len(mention.text) > len(found.best.text) \
                and found.best.definite:
            found.best = mention
        return self._remember(found)

    def _pronoun(self, mention: Mention) -> Entity | None:
        for entity in reversed(self.entities):
            if entity.best.pronoun:
                continue
            if mention.pronoun in ("he", "she"):
                if entity.organisation or entity.plural:
                    continue
                gender = entity.gender
                if gender and gender != ("m" if mention.pronoun == "he" else "f"):
                    continue
                return entity
            if mention.pronoun == "it" and (entity.organisation or entity.best.head in _TEXTS_THAT_SPEAK):
                return entity  # "The report … says …. It warns that …"
            if mention.pronoun in ("they", "we") and (entity.plural or entity.organisation):
                return entity
            if mention.pronoun == "i" and not entity.organisation:
                return entity
        return None

    def _definite(self, mention: Mention) -> Entity | None:
        head = singular(mention.head)
        partitive = mention.text.lower().startswith("one ")  # "one official": one of a group named before
        for entity in reversed(self.entities):
            if partitive and not entity.plural:
                continue
            if head in entity.heads():
                return entity
        return None

    def _named(self, mention: Mention) -> Entity | None:
        """A bare name ("Matsegora", "Kebede") is someone named in full before."""
        if mention.head or not mention.name:
            return None
        words = [w.strip(",.").lower() for w in mention.name.split() if w[:1].isupper()]
        if not words or len(words) > 2:
            return None
        last = words[-1]
        for entity in reversed(self.entities):
            if entity.best.pronoun or entity.best.definite:
                continue
            if len(last) > 2 and last in entity.surnames():
                return entity
        return None
