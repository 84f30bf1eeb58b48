"""`reader.attribution.suggest`: a category from a speaker phrase, as the review desk asks for
it when a reviewer corrects a speaker."""
from __future__ import annotations

import pytest

from reader.attribution import Suggestion, suggest


@pytest.mark.parametrize(("speaker", "category", "evidence"), [
    ("Karl Brenner, the army's intelligence chief", "intelligence", "intelligence"),
    ("the Home Office", "official", "Home Office: public body"),
    ("Interior Ministry spokeswoman Ana Ruiz", "official", "ministry"),
    ("Senator Paul Ode, who sits on the Senate Intelligence Committee", "official", "public body"),
    ("a resident of the old town", "eyewitness", "resident"),
    ("an adviser to the senator", "official", "tied to senator"),  # staff speak for whom they serve
    ("WHO", "official", "public body"),  # a body of governments by its acronym
])
def test_suggestion_from_a_speaker(config, speaker, category, evidence):
    found = suggest(speaker, config)
    assert isinstance(found, Suggestion)
    assert found.category == category and found.confidence == "high"
    assert evidence.lower() in (found.reason or "").lower()


@pytest.mark.parametrize("speaker", ["the Riverside Post", "a Harbour Aid Trust spokesman", "people familiar with the talks"])
def test_no_suggestion_where_no_category_fits(config, speaker):
    assert suggest(speaker, config) is None


def test_former_officials_are_a_weak_suggestion(config):
    found = suggest("a former defence minister", config)
    assert found is not None and found.category == "official" and found.confidence == "low"


def test_context_words_suggest_weakly(config):
    found = suggest("Mara Quist", config, context="she posted on Telegram that the bridge was down")
    assert found is not None and found.category == "social media" and found.confidence == "low"
