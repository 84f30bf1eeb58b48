"""Suggesting a source category for a statement from who is speaking, with how sure and why.

The evidence, strongest first: a post on a platform; the kind of body that speaks ("Home Office:
public body"); a person's role, or the body their role belongs to ("spokesman for Oxland Aid"
speaks for an aid group, not a government); words near the statement ("saw", "posted"); a person
the article gives no role. Which category each piece of evidence suggests comes from the
configuration (`kinds`, `words`, `context` of each category), never from a category's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reader.attribution import kinds
from reader.attribution.mentions import Mention, build_mention
from reader.attribution.phrases import subject_after
from reader.attribution.tokens import tokenize
from reader.attribution.whoswho import (
    DOCUMENT, ORGANISATION, Entity, body_of_no_type, document_words, kind_of, owner_of,
)
from reader.config import Category, Config

Confidence = Literal["high", "low"]


@dataclass(frozen=True)
class Suggestion:
    """A category for a statement, how strongly the evidence supports it, and the evidence."""

    category: str | None
    reason: str | None
    confidence: Confidence | None = None


NO_SUGGESTION = Suggestion(None, None, None)


@dataclass(frozen=True)
class Evidence:
    """What the engine knows about a statement's source."""

    kind: str  # the statement's kind: direct, indirect, mixed, post
    post_reason: str | None  # why it is a social media post, if it is one
    descriptions: tuple[str, ...]  # the speaker's phrases: own words first, then roles and appositives
    context: str  # words around the cue and the statement itself
    name: str = ""  # how the source is named, for the reason ("Home Office")
    source_kind: str | None = None  # the who's who kind of the source (kinds.py)
    affiliation: tuple[str, str] | None = None  # the body a person's role belongs to, and its kind
    age: bool = False  # "Name, 63": a private person introduced by age
    private: bool = False  # a person's name with no role anywhere in the article
    uncertain: bool = False  # the speaker was resolved from a pronoun with two candidates
    owner: tuple[str, tuple[str, ...]] | None = None  # whose staff or counterpart: name, their roles


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


_REASON_WORDS = 10
# whom a role serves: "consultant | to the government"
_SERVING = re.compile(r"\s(?:to|for)\s", re.IGNORECASE)
_FORMER = re.compile(r"(?<![\w-])(?:former|ex-|retired|onetime|one-time)", re.IGNORECASE)


class SourceClassifier:
    def __init__(self, categories: tuple[Category, ...]) -> None:
        self.categories = categories
        self.words = [(c, _words_pattern(c.words)) for c in categories]
        self.context = [(c, _words_pattern(c.context)) for c in categories]
        self.by_kind: dict[str, Category] = {}
        for c in categories:
            for k in c.kinds:
                self.by_kind.setdefault(k, c)
        self._role_cache: dict[tuple[str, ...], tuple[Category, str, int] | None] = {}

    @staticmethod
    def _best(table: list[tuple[Category, re.Pattern[str] | None]], texts: tuple[str, ...]
              ) -> tuple[Category, str, int] | None:
        """The category whose words appear in the first text that has any, the highest
        priority winning within that text: a speaker's own words outweigh older mentions.
        Also says which text it was found in."""
        for n, text in enumerate(texts):
            folded = text.replace("’", "'")
            best: tuple[Category, str, int] | None = None
            for category, pattern in table:
                m = pattern.search(folded) if pattern is not None else None
                if m and (best is None or category.priority > best[0].priority):
                    best = (category, " ".join(m.group().lower().split()), n)
            if best is not None:
                return best
        return None

    def _role(self, descriptions: tuple[str, ...]) -> tuple[Category, str, int] | None:
        """The category a speaker's own words suggest; one source speaks many times, so remember."""
        if descriptions not in self._role_cache:
            if len(self._role_cache) > 4096:
                self._role_cache.clear()
            self._role_cache[descriptions] = self._best(self.words, descriptions)
        return self._role_cache[descriptions]

    def _for_kind(self, kind: str, what: str, confidence: Confidence) -> Suggestion:
        category = self.by_kind.get(kind)
        if category is None:
            return NO_SUGGESTION
        return Suggestion(category.name, f"{_shorten(what)}: {kind} → {category.name}", confidence)

    def suggest(self, ev: Evidence) -> Suggestion:
        found = self._suggest(ev)
        if found.category is not None and ev.uncertain:
            return Suggestion(found.category, f"{found.reason} (speaker uncertain)", "low")
        return found

    def _suggest(self, ev: Evidence) -> Suggestion:
        if ev.post_reason and kinds.POST in self.by_kind:
            category = self.by_kind[kinds.POST]
            return Suggestion(category.name, f"{ev.post_reason} → {category.name}", "high")
        if ev.source_kind == kinds.MEDIA:
            # an outlet relays what others saw or posted: words about that material come first
            context = self._context(ev)
            if context is not None:
                return context
        if ev.source_kind in kinds.BODY_KINDS:
            # a body speaks: its type decides, and a type no category takes gets no suggestion
            # ("Riverside Post: media outlet", never social media for the word "Post")
            return self._for_kind(ev.source_kind, ev.name or ev.source_kind, "high")
        if ev.owner is not None:
            found = self._from_owner(ev.owner)
            if found is not None:
                return found
        for text in ev.descriptions:
            if ev.source_kind == DOCUMENT:
                text = document_words(text)
            found = self._from_description(ev, text)
            if found is not None:
                return found
        if ev.affiliation is not None and ev.affiliation[1] in kinds.BODY_KINDS:
            name, kind = ev.affiliation  # "Ada Vale for the Harbour Trust"
            return self._for_kind(kind, name, "high")
        context = self._context(ev)
        if context is not None:
            return context
        if ev.age and kinds.PRIVATE_PERSON in self.by_kind:
            category = self.by_kind[kinds.PRIVATE_PERSON]
            return Suggestion(category.name, f"private person introduced by age → {category.name}", "low")
        if ev.private and kinds.PRIVATE_PERSON in self.by_kind:
            category = self.by_kind[kinds.PRIVATE_PERSON]
            return Suggestion(category.name, f"{ev.name or 'a person'}: no role or office in the article → "
                                             f"{category.name}", "low")
        return NO_SUGGESTION

    def _context(self, ev: Evidence) -> Suggestion | None:
        found = self._best(self.context, (ev.context,))
        if found is None:
            return None
        category, word, _ = found
        return Suggestion(category.name, f"'{word}' near the statement → {category.name}", "low")

    def _from_owner(self, owner: tuple[str, tuple[str, ...]]) -> Suggestion | None:
        """ "Vale's aides" speak for Vale: what the article says Vale is decides."""
        name, roles = owner
        found = self._role(roles)
        if found is None:
            return None
        category, word, n = found
        what = roles[n] if n < len(roles) else name
        tie = name if what == name else f"{name} ({_shorten(what)})"
        return Suggestion(category.name, f"tied to {tie} → {category.name}", "high")

    def _from_description(self, ev: Evidence, text: str) -> Suggestion | None:
        """What one phrase about a person says: a role word ("spokesman") or the body the phrase
        ties them to ("chairman of the Harbour Safety Board")."""
        role = self._role((text,))
        body = kinds.body_kind(text)
        confidence: Confidence = "low" if _FORMER.search(text) else "high"  # former officials speak from outside
        if body is not None and body not in kinds.BODY_KINDS:
            body = None
        head = _SERVING.split(text, 1)[0]
        if head != text:
            own = self._role((head,))
            if own is not None and own[1] not in kinds.AFFILIATED_ROLES:
                # "consultant to the government", "a lawyer for the ministry": a role held for
                # someone else is the person's own, whoever they serve
                return Suggestion(own[0].name, f"role '{own[1]}' → {own[0].name}", confidence)
        if role is None:
            # "chairman of the Board", "director for Oxland International": the body decides,
            # and a body of a kind no category takes gets no suggestion
            return self._for_kind(body, text, confidence) if body is not None else None
        category, word, _ = role
        if word in kinds.AFFILIATED_ROLES:
            # "an Oxland Aid spokesman", "Vale Rail's chief executive": the body's type decides
            if body is not None:
                return self._for_kind(body, text, confidence)
            if ev.affiliation is not None:
                name, kind = ev.affiliation
                if kind in kinds.BODY_KINDS:
                    return self._for_kind(kind, name, confidence)
                return NO_SUGGESTION  # a body of no type we know: not a government's role
        elif body == kinds.PUBLIC_BODY and kinds.legislative(_before_clause(text)) and self.by_kind.get(body) is not None:
            return self._for_kind(body, text, confidence)  # a legislator on an intelligence committee
        return Suggestion(category.name, f"role '{word}' → {category.name}", confidence)


_CLAUSE = re.compile(r",?\s(?:who|which|that|whose)\s|\s[a-z]+(?:ed|en)\s+by\s")


def _before_clause(text: str) -> str:
    """ "Senator Ode, who sits on …" -> "Senator Ode"; "a witness interviewed by the committee's
    staff" -> "a witness": the phrase's own words, not those of a clause about it."""
    m = _CLAUSE.search(text)
    return text[:m.start()] if m and m.start() else text


def _shorten(what: str) -> str:
    """A reason names the evidence, it does not quote a paragraph."""
    words = what.split()
    return " ".join(words[:_REASON_WORDS]) + " …" if len(words) > _REASON_WORDS else what


_CLASSIFIERS: dict[int, tuple[Config, SourceClassifier]] = {}


def classifier_for(config: Config) -> SourceClassifier:
    """One classifier per configuration: building one compiles every category's words."""
    cached = _CLASSIFIERS.get(id(config))
    if cached is None or cached[0] is not config:
        if len(_CLASSIFIERS) > 8:
            _CLASSIFIERS.clear()
        cached = (config, SourceClassifier(config.categories))
        _CLASSIFIERS[id(config)] = cached
    return cached[1]


def evidence_of(entity: Entity | None, mention: Mention | None, *, kind: str = "direct",
                post_reason: str | None = None, context: str = "", uncertain: bool = False) -> Evidence:
    """Everything the who's who knows about a statement's source, for the classifier."""
    if entity is None:
        return Evidence(kind, post_reason, (), context)
    best = entity.best
    # a person introduced by full name and never by a role: "Ines Mora", not "Engineers"
    private = best.person and best.name is not None and len(best.name.split()) >= 2 and not entity.has_role
    descriptions = entity.descriptions
    # a speaker's own words first ("Nurse X"), unless they only point back ("the official")
    own = mention.all_text if mention is not None and not mention.pronoun and not mention.definite else None
    if own and descriptions[:1] != (own,):
        descriptions = (own, *descriptions)
    source_kind = kind_of(mention) if own and mention is not None else entity.kind
    if source_kind == ORGANISATION:
        # "The Harbour Herald", "NWS": a name with no type word, described elsewhere as an outlet or
        # spelt out as an agency
        source_kind = next((k for k in map(kinds.body_kind, descriptions) if k in kinds.BODY_KINDS), source_kind)
    return Evidence(kind=kind, post_reason=post_reason, descriptions=descriptions, context=context,
                    name=entity.names[0] if entity.names else best.text, source_kind=source_kind,
                    affiliation=_author(entity) if source_kind == DOCUMENT else
                    entity.affiliation() if best.person else None,
                    age=entity.age, private=private, uncertain=uncertain, owner=entity.owner)


def _author(entity: Entity) -> tuple[str, str] | None:
    """The body a document is named after, and its kind."""
    if entity.author is None:
        return None
    return entity.author, kinds.body_kind(entity.author) or body_of_no_type(entity.author)


def suggest(speaker_text: str, config: Config, context: str | None = None) -> Suggestion | None:
    """The category a speaker phrase suggests, with its confidence and reason; None when none
    fits. For a reviewer's corrected speaker: "Aldo Berg, the army's intelligence
    chief" -> intelligence. `context` is the statement or the words around it ("posted")."""
    mention = subject_after(speaker_text, 0, len(speaker_text)) or \
        build_mention(speaker_text, tokenize(speaker_text, 0, len(speaker_text)), [])
    entity = Entity(mention, [mention]) if mention is not None else None
    if entity is not None:
        owner = owner_of(speaker_text)
        if owner is not None and not owner[:1].isupper():
            entity.owner = (owner, (owner,))  # "the senator's aide": the role says who they work for
    found = classifier_for(config).suggest(evidence_of(entity, mention, context=context or ""))
    return found if found.category is not None else None
