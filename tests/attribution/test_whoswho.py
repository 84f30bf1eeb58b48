"""The who's who: names, roles, kinds and genders of the article's sources."""
from __future__ import annotations

import pytest

from reader.attribution import extract, kinds
from reader.attribution.names import name_gender
from reader.attribution.whoswho import affiliation_of


@pytest.mark.parametrize(("words", "gender"), [
    (["Ms.", "Varga"], "f"), (["Mr", "Okafor"], "m"), (["Lisa", "Brandt"], "f"), (["Michael", "Brandt"], "m"),
    (["Brandt"], None),  # a surname alone says nothing
])
def test_gender_from_a_title_or_a_first_name(words, gender):
    assert name_gender(words) == gender


@pytest.mark.parametrize(("phrase", "kind"), [
    ("the Home Office", kinds.PUBLIC_BODY),
    ("National Weather Service", kinds.PUBLIC_BODY),
    ("a ride-sharing service", None),
    ("the Riverside Post", kinds.MEDIA),
    ("Senate Intelligence Committee", kinds.PUBLIC_BODY),  # a legislature, not a spy agency
    ("military intelligence", kinds.INTELLIGENCE),
    ("a local rights group", kinds.NGO),
    ("Lakeview Holdings", kinds.COMPANY),
    ("separatist militants", kinds.ARMED_GROUP),
    ("people familiar with the talks", kinds.UNNAMED),
    ("state news agency", kinds.PUBLIC_BODY),
])
def test_the_kind_of_body_comes_from_its_type_word(phrase, kind):
    assert kinds.body_kind(phrase) == kind


@pytest.mark.parametrize(("phrase", "body", "kind"), [
    ("spokesman for the Interior Ministry", "the Interior Ministry", kinds.PUBLIC_BODY),
    ("A Harbour Aid Trust spokesman", "Harbour Aid Trust", "organisation"),
    ("executive director of the Riverside branch of Oxland International", "the Riverside branch of Oxland International", kinds.NGO),
    ("French officials", None, None),  # a nationality is no body
])
def test_the_body_a_role_belongs_to(phrase, body, kind):
    found = affiliation_of(phrase)
    assert (found == (body, kind)) if body else found is None


def test_every_name_of_one_person_shares_an_entity(config):
    text = ("Justice Minister Nora Q. Halvorsen said the law would pass.\n"
            "“We have the votes,” Halvorsen said.\n"
            "Ms. Halvorsen added that the vote would come on Tuesday.\n"
            "Opposition leader Tomas Brandt said the bill was rushed.\n"
            "“It is a disgrace,” she said later.\n")
    statements = extract(text, config)
    assert len(statements) == 5
    halvorsen = {s.entity for s in statements[:3]}
    assert len(halvorsen) == 1 and None not in halvorsen
    brandt = statements[3]
    assert brandt.entity not in halvorsen
    # "she" is the woman named before, not the man who spoke last
    disgrace = next(s for s in statements if s.text.startswith("It is a disgrace"))
    assert disgrace.entity in halvorsen and "Halvorsen" in (disgrace.speaker or "")


def test_a_role_given_elsewhere_in_the_article_suggests_the_category(config):
    text = ("The inquiry is led by Port Authority chairman Ines Moreau, who visited the quay.\n"
            "Moreau said the cranes had been inspected in May.\n")
    s = next(s for s in extract(text, config) if s.text.startswith("the cranes"))
    assert s.suggested_source == "official" and s.confidence == "high"
    assert "authority" in (s.reason or "").lower()


def test_a_newspaper_named_post_is_never_social_media(config):
    s = next(iter(extract("The Riverside Post reported that the mill would close in June.\n", config)))
    assert s.suggested_source is None


def test_an_aid_group_spokesman_is_not_an_official(config):
    text = "A Harbour Aid Trust spokesman, Piet Mol, said the camps were full.\n"
    s = next(iter(extract(text, config)))
    assert s.speaker and "Piet Mol" in s.speaker and s.suggested_source is None


def test_a_spokeswoman_for_someone_is_not_that_person(config):
    text = ("“The port is closed,” said a spokeswoman for Mayor Ada Vale.\n"
            "Mayor Ada Vale cut the ribbon on Monday.\n"
            "“The port was never closed,” Ada Vale said.\n")
    spokeswoman, mayor = extract(text, config)
    assert mayor.speaker == "Ada Vale" and mayor.entity != spokeswoman.entity


def test_an_acronym_shares_the_entity_of_the_body_it_spells(config):
    text = ("“The river will crest on Friday,” the Harbour Weather Service said.\n"
            "HWS said later that the levees would hold.\n")
    first, second = extract(text, config)
    assert second.speaker == "HWS" and second.entity == first.entity
    assert second.suggested_source == "official"


def test_one_mention_with_two_statements_is_one_entity(config):
    text = "“The fire is out,” said one former ranger, who said the fire had started in the galley.\n"
    quoted, reported = extract(text, config)
    assert reported.speaker == quoted.speaker == "one former ranger"
    assert reported.entity == quoted.entity
