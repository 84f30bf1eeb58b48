"""The Admiralty grades, defined once: how reliable the source is (A–F) and how credible the
information is (1–6), with what each grade means. The store checks and normalises them, the
review session and the importer refuse anything else, the exports write them as "B2" and
the review screen shows their meanings."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Final

RELIABILITY: Final[Mapping[str, str]] = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY: Final[Mapping[str, str]] = {
    "1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
    "4": "doubtful", "5": "improbable", "6": "truth cannot be judged"}


def span(scale: Mapping[str, str], dash: str = "–") -> str:
    """A scale as people write it: "A–F", "1–6" (with `dash="-"` for a command line)."""
    return f"{min(scale)}{dash}{max(scale)}"


class GradeError(ValueError):
    """A value that is not a grade of the scale; the message is one clause, lower case."""


def reliability(value: object) -> str | None:
    """A source-reliability grade as it is stored ("b " → "B"); None stays None."""
    return _grade(value, RELIABILITY, "source reliability")


def credibility(value: object) -> str | None:
    """An information-credibility grade as it is stored (" 2", 2 → "2"); None stays None."""
    return _grade(value, CREDIBILITY, "information credibility")


def _grade(value: object, scale: Mapping[str, str], what: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    grade = value.strip().upper() if isinstance(value, str) else None
    if grade not in scale:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:39] + "…"
        raise GradeError(f"{what} must be one of {span(scale)} (Admiralty grades), got {shown}")
    return grade


def notation(reliability: str | None, credibility: str | None) -> str:
    """Both grades in their usual notation, e.g. "B2", "B" or "2"; "" when neither is set."""
    return f"{reliability or ''}{credibility or ''}"


def parse_notation(value: str) -> tuple[str | None, str | None]:
    """(reliability, credibility) from the usual notation ("B2", "b", "2"), normalised."""
    text = value.strip()
    letter = text[:1] if text[:1].upper() in RELIABILITY else ""
    digit = text[len(letter):]
    if not text or (digit and digit not in CREDIBILITY):
        raise GradeError(f"Admiralty grades are written like \"B2\" ({span(RELIABILITY)} then "
                         f"{span(CREDIBILITY)}), got {value!r}")
    return reliability(letter or None), credibility(digit or None)
