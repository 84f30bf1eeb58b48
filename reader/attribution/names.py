"""A person's gender from how the article names them: a title ("Mr.", "Ms.", "Mrs.") or a first
name that the `gender-guesser` list (about 40,000 first names from many countries) gives as
clearly male or female. Names the list calls androgynous or only "mostly" one gender give None:
"he" and "she" then fall back on the text's own evidence.
"""
from __future__ import annotations

from functools import cache
from typing import Protocol

# Titles and honorifics written before a name, by the gender they imply.
_TITLES = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "sheikh": "m",
    "emir": "m", "father": "m", "brother": "m", "monsignor": "m", "herr": "m", "monsieur": "m",
    "señor": "m", "senor": "m",
    "ms": "f", "mrs": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f", "sister": "f", "mother": "f", "frau": "f", "mme": "f",
    "señora": "f", "senora": "f",
}


class _Detector(Protocol):
    def get_gender(self, name: str) -> str: ...


@cache
def _detector() -> _Detector:
    # Loaded on the first name that needs it: ~0.2 s, paid only by articles with a "he" or a "she".
    import gender_guesser.detector  # type: ignore[import-untyped]  # the package ships no types

    detector: _Detector = gender_guesser.detector.Detector(case_sensitive=False)
    return detector


def title_gender(word: str) -> str | None:
    """ "Mr." -> "m", "Ms" -> "f"; None for any other word."""
    return _TITLES.get(word.rstrip(".").lower())


@cache
def first_name_gender(word: str) -> str | None:
    """ "Anna" -> "f", "Tobias" -> "m"; None when the list does not know or cannot tell."""
    if len(word) < 2 or not word[:1].isupper() or "." in word:
        return None
    answer = _detector().get_gender(word)
    return {"male": "m", "female": "f"}.get(answer)


def name_gender(words: list[str]) -> str | None:
    """The gender a written name implies: its title, else its first name when the name has a
    surname after it ("Ada Vale"; a lone "Vale" is a surname and says nothing)."""
    for word in words:
        gender = title_gender(word)
        if gender is not None:
            return gender
    given = [w for w in words if w[:1].isupper() and len(w.rstrip(".")) > 1 and not w.endswith(".")]
    if len(given) < 2:
        return None
    return first_name_gender(given[0])
