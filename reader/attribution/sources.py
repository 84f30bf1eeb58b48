"""Suggesting a source category for a statement, with the reason in words."""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.config import Category


# A capitalised name ending in the word for a public body: "Health Service Executive",
# "National Cyber Security Centre". Capitals matter: "a ride-sharing service" is no public body.
_PUBLIC_BODY = re.compile(
    r"\b(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|on|the)\s+)*)+(?:Agency|Authority|Commission|Council|"
    r"Department|Directorate|Executive|Inspectorate|Ministry|Office|Service|Centre|Center|Bureau|"
    r"Administration|Committee|Police|Court|Tribunal|Parliament|Assembly|Senate|Congress|Guard)\b")


@dataclass(frozen=True)
class Suggestion:
    category: str | None
    reason: str | None


@dataclass(frozen=True)
class Evidence:
    """What the engine knows about a statement's source."""

    kind: str
    post_reason: str | None  # why it is a social media post, if it is one
    descriptions: tuple[str, ...]  # the speaker's phrases: role, appositives, relative clauses
    context: str  # words around the cue and the statement itself
    country: str | None  # a country or capital speaking for its government
    age: bool  # "Name, 63": a private person introduced by age
    named_person: bool  # a person's name with no role anywhere in the article


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


class SourceClassifier:
    def __init__(self, categories: tuple[Category, ...]) -> None:
        self.categories = categories
        self.by_name = {c.name: c for c in categories}
        self.words = [(c, _words_pattern(c.words)) for c in categories]
        self.context = [(c, _words_pattern(c.context)) for c in categories]
        self._role_cache: dict[tuple[str, ...], tuple[Category, str] | None] = {}
        self.social = self._first_of("social media")
        self.eyewitness = self._first_of("eyewitness")
        self.official = self._first_of("official")

    def _first_of(self, name: str) -> str | None:
        return name if name in self.by_name else None

    @staticmethod
    def _best(table: list[tuple[Category, re.Pattern[str] | None]], texts: tuple[str, ...]
              ) -> tuple[Category, str] | None:
        """The category whose words appear in the first text that has any, the highest
        priority winning within that text: a speaker's own words outweigh older mentions."""
        for text in texts:
            folded = text.replace("’", "'")
            best: tuple[Category, str] | None = None
            for category, pattern in table:
                m = pattern.search(folded) if pattern is not None else None
                if m and (best is None or category.priority > best[0].priority):
                    best = (category, " ".join(m.group().lower().split()))
            if best is not None:
                return best
        return None

    def _role(self, descriptions: tuple[str, ...]) -> tuple[Category, str] | None:
        """The category a speaker's own words suggest; one source speaks many times, so remember."""
        if descriptions not in self._role_cache:
            if len(self._role_cache) > 4096:
                self._role_cache.clear()
            self._role_cache[descriptions] = self._best(self.words, descriptions)
        return self._role_cache[descriptions]

    def suggest(self, ev: Evidence) -> Suggestion:
        if ev.post_reason and self.social:
            return Suggestion(self.social, ev.post_reason)
        found = self._role(ev.descriptions)
        if found:
            return Suggestion(found[0].name, f"role '{found[1]}' → {found[0].name}")
        if ev.country and self.official:
            return Suggestion(self.official, f"'{ev.country}' speaks for its government → {self.official}")
        body = next((m for m in map(_PUBLIC_BODY.search, ev.descriptions[:1]) if m), None)
        if body and self.official:
            return Suggestion(self.official, f"public body '{body.group()}' → {self.official}")
        found = self._best(self.context, (ev.context,))
        if found:
            return Suggestion(found[0].name, f"'{found[1]}' near the statement → {found[0].name}")
        if ev.age and self.eyewitness:
            return Suggestion(self.eyewitness, f"private person introduced by age → {self.eyewitness}")
        if ev.named_person and self.eyewitness:
            return Suggestion(self.eyewitness, f"named person with no role or office → {self.eyewitness}")
        return Suggestion(None, None)
