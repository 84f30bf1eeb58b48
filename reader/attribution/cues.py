"""Cue verbs: the configured base forms, inflected, compiled into one pattern."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Forms English does not build by rule, for verbs a news article reports speech with.
_IRREGULAR: dict[str, tuple[str, str, str, str]] = {  # base: (3rd person, past, -ing, past participle)
    "say": ("says", "said", "saying", "said"),
    "tell": ("tells", "told", "telling", "told"),
    "write": ("writes", "wrote", "writing", "written"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "think": ("thinks", "thought", "thinking", "thought"),
    "hold": ("holds", "held", "holding", "held"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "foresee": ("foresees", "foresaw", "foreseeing", "foreseen"),
    "forecast": ("forecasts", "forecast", "forecasting", "forecast"),
    "teach": ("teaches", "taught", "teaching", "taught"),
}
_DOUBLING = frozenset("admit commit omit submit regret quip refer prefer confer concur occur "
                      "remit plan stop".split())
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class CueForm:
    lemma: str
    tense: str  # base, s, past, ing or participle; "past" also stands for a regular past participle


def inflect(lemma: str) -> dict[str, CueForm]:
    """Every surface form of a (possibly multi-word) base form: "point out" -> "pointed out"..."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        s, past, ing, part = _IRREGULAR[head]
    else:
        if head.endswith(("s", "sh", "ch", "x", "z")):
            s = head + "es"
        elif head.endswith("y") and head[-2:-1] not in _VOWELS:
            s = head[:-1] + "ies"
        else:
            s = head + "s"
        stem = head + head[-1] if head in _DOUBLING else head
        if head.endswith("e"):
            past, ing = head + "d", (head[:-1] + "ing" if not head.endswith("ee") else head + "ing")
        elif head.endswith("y") and head[-2:-1] not in _VOWELS:
            past, ing = head[:-1] + "ied", head + "ing"
        else:
            past, ing = stem + "ed", stem + "ing"
        part = past
    forms = {head + tail: CueForm(lemma, "base"), s + tail: CueForm(lemma, "s"),
             past + tail: CueForm(lemma, "past"), ing + tail: CueForm(lemma, "ing")}
    forms.setdefault(part + tail, CueForm(lemma, "participle"))
    return forms


Trie = dict[str, "Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, sharing prefixes: say|said|says -> sa(?:id|ys?)."""
    trie: Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: Trie) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


class CueLexicon:
    """The configured cue verbs, found in text by one compiled pattern."""

    def __init__(self, lemmas: tuple[str, ...]) -> None:
        self.forms: dict[str, CueForm] = {}
        for lemma in lemmas:
            for form, info in inflect(lemma).items():
                self.forms.setdefault(form, info)
        # Lower-case only: "Post" in "Riverside Post" is a name, not a verb. The alternatives
        # are folded into a trie so that the scan rejects most words at their first letters.
        self.pattern = re.compile(rf"(?<![\w'’-])(?:{trie_pattern(self.forms)})(?![\w'’-])")

    def form(self, word: str) -> CueForm | None:
        return self.forms.get(" ".join(word.split()))
