"""How statements are worded for people: quotation marks only around words the article
quotes, reported speech as reported speech with its cue, posts marked as posts. A case table
of invented sentences with the statement an engine finds in each (built here, so the table
tests the wording alone)."""
from __future__ import annotations

import pytest

from reader.attribution import Statement
from reader.exports.wording import plain, wording

CASES = [
    # (article text, the statement's words, speaker, cue, kind) -> the wording
    ('"We followed every rule," said Anna Berg, a company spokeswoman.',
     "We followed every rule,", "Anna Berg", "said", "direct",
     "Anna Berg said: “We followed every rule,”"),
    ("The ferry company denied that the ferry had been overloaded.",
     "the ferry had been overloaded", "The ferry company", "denied", "indirect",
     "The ferry company denied that the ferry had been overloaded"),
    ("The nominee denied he has any formal connection to the Kremlin.",
     "he has any formal connection to the Kremlin", "The nominee", "denied", "indirect",
     "The nominee denied that he has any formal connection to the Kremlin"),
    ("The mayor says that the road is open.",
     "that the road is open", "The mayor", "says", "indirect",
     "The mayor says that the road is open"),
    ("According to the coast guard, 40 people were rescued.",
     "40 people were rescued", "the coast guard", "according to", "indirect",
     "according to the coast guard, 40 people were rescued"),
    ("Police told reporters that the captain was arrested.",
     "the captain was arrested", "Police", "told", "indirect",
     "Police — told: the captain was arrested"),
    ("She called the plan “a disaster for the town”.",
     "the plan “a disaster for the town”", "She", "called", "mixed",
     "She — called: the plan “a disaster for the town”"),
    ('Analysts told reporters that "no sabotage was involved", according to a summary.',
     "no sabotage was involved", "Analysts", "told", "mixed",
     "Analysts told: “no sabotage was involved”"),
    ("Maria Lopez wrote on X that the water had reached the school.",
     "the water had reached the school", "Maria Lopez", "wrote", "post",
     "Maria Lopez (post) wrote that the water had reached the school"),
    ('In a Facebook post, the fire brigade said "stay inside".',
     "stay inside", "the fire brigade", "said", "post",
     "the fire brigade (post) said: “stay inside”"),
    ("The storm hit.\n\nThe water is at the door, get out now\n\n— Maria Lopez (@ml) March 3\n",
     "The water is at the door, get out now", "Maria Lopez", "posted", "post",
     "Maria Lopez (post) posted: “The water is at the door, get out now”"),
    ("Officials said they would publish a list.",
     "they would publish a list", None, "said", "indirect",
     "unnamed source said that they would publish a list"),
    ("The list, sources say, is long.",
     "The list", None, None, "indirect",
     "unnamed source — reported: The list"),
]


@pytest.mark.parametrize("text, words, speaker, cue, kind, expected", CASES, ids=[c[5][:40] for c in CASES])
def test_wording_of_each_kind_of_statement(text, words, speaker, cue, kind, expected):
    start = text.index(words)
    statement = Statement("s1", start, start + len(words), words, speaker, None, None, cue, kind, None, None)
    parts = wording(statement, text)
    assert plain(parts) == expected
    quoted = [p.text for p in parts if p.role == "quote"]
    if quoted:  # quotation marks only around words the article itself quotes
        assert kind in ("direct", "mixed", "post") and quoted == [words]
