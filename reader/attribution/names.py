"""A person's gender from how the article names them: a title ("Mr.", "Ms.", "Mrs.") or a first
name that the `gender-guesser` list (about 40,000 first names from many countries) gives as
clearly male or female. Names the list calls androgynous or only "mostly" one gender give None:
"he" and "she" then fall back on the text's own evidence.
"""
from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Protocol

import platformdirs

from reader.fileio import create_new, discard, replace_checked
from reader.paths import APP_NAME

# Titles and honorifics written before a name, by the gender they imply.
_TITLES = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "sheikh": "m",
    "emir": "m", "father": "m", "brother": "m", "monsignor": "m", "herr": "m", "monsieur": "m",
    "señor": "m", "senor": "m",
    "ms": "f", "mrs": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f", "sister": "f", "mother": "f", "frau": "f", "mme": "f",
    "señora": "f", "senora": "f",
}


# The first-name list is gender-guesser's own answers, reduced to the names it calls clearly male
# or female. Parsing its 4 MB data file takes ~0.2 s, which every `reader extract` and the review
# screen's first frame would pay; the answers are kept in the user's cache folder instead, keyed
# by the size and time of that file (another version of the package builds its own), and read
# back in a few milliseconds.
_CACHE_NAME = "first-names-gender-guesser-{size}-{mtime}.json"
# Offices written before a name, which the first-name list may take for names
_OFFICES = frozenset("""
general vice judge major justice president minister secretary senator governor mayor attorney deputy
prime chief captain colonel lieutenant sergeant admiral commander bishop cardinal pope chancellor
ambassador director officer inspector detective representative congressman congresswoman professor
""".split())


class _Detector(Protocol):
    names: dict[str, dict[str, str]]

    def get_gender(self, name: str) -> str: ...


def _from_package() -> dict[str, str]:
    import gender_guesser.detector  # type: ignore[import-untyped]  # the package ships no types

    detector: _Detector = gender_guesser.detector.Detector(case_sensitive=False)
    answers = {"male": "m", "female": "f"}
    table: dict[str, str] = {}
    for name in detector.names:
        gender = answers.get(detector.get_gender(name))
        if gender is not None:
            table[name] = gender
    return table


def _cache_file() -> Path | None:
    """Where the answers drawn from the installed list are kept (None: no list to draw from).
    Not named after the package's version: reading the installed packages' metadata costs
    about 40 ms, a stat of the list a few microseconds."""
    import gender_guesser  # its __init__ is empty: the list is parsed by gender_guesser.detector

    try:
        data = (Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt").stat()
    except OSError:
        return None
    return platformdirs.user_cache_path(APP_NAME) / _CACHE_NAME.format(size=data.st_size, mtime=data.st_mtime_ns)


def _read_cache(path: Path) -> dict[str, str] | None:
    """The table from the cache, which holds {"m": [names], "f": [names]} (two lists read in
    about half the time of one name-to-gender object)."""
    try:
        lists = json.loads(path.read_bytes())
        table = dict.fromkeys(lists["m"], "m")
        table.update(dict.fromkeys(lists["f"], "f"))
    except (OSError, ValueError, LookupError, TypeError):
        return None  # unreadable, damaged or not ours: built again from the package
    return table


def _write_cache(path: Path, table: dict[str, str]) -> None:
    """Best effort: a cache folder that cannot be written costs only the time to parse again."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, written = create_new(tmp, 0o644)
        lists = {gender: [name for name, g in table.items() if g == gender] for gender in ("m", "f")}
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(lists, f, separators=(",", ":"))
        replace_checked(tmp, written, path)
    except OSError:
        discard(tmp)


@cache
def _first_names() -> dict[str, str]:
    """Lower-case first name -> "m" or "f", for the names the list gives one clear gender.
    Loaded on the first name that needs it: only articles with a "he" or a "she" pay."""
    path = _cache_file()
    table = _read_cache(path) if path is not None else None
    if table is None:
        table = _from_package()
        if path is not None:
            _write_cache(path, table)
    return table


def title_gender(word: str) -> str | None:
    """ "Mr." -> "m", "Ms" -> "f"; None for any other word."""
    return _TITLES.get(word.rstrip(".").lower())


@cache
def first_name_gender(word: str) -> str | None:
    """ "Anna" -> "f", "Tobias" -> "m"; None when the list does not know or cannot tell."""
    if len(word) < 2 or not word[:1].isupper() or "." in word:
        return None
    return _first_names().get(word.lower())


def name_gender(words: list[str]) -> str | None:
    """The gender a written name implies: its title, else its first name when the name has a
    surname after it ("Ada Vale"; a lone "Vale" is a surname and says nothing). Offices
    before the name ("Vice President Ada Vale") are not first names."""
    for word in words:
        gender = title_gender(word)
        if gender is not None:
            return gender
    given = [w for w in words if w[:1].isupper() and len(w.rstrip(".")) > 1 and not w.endswith(".")
             and w.lower() not in _OFFICES]  # "General", "Vice", "Judge" are in the list as names
    if len(given) < 2:
        return None
    return first_name_gender(given[0])
