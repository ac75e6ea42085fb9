"""The tagger takes the present-tense verb of an object relative clause ("an idea Moscow
rejects") for a plural noun; the verbs component restores the verb and its subject, so the
relative-clause holder's stance is read. Sentences written for these tests, across several
conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.extract.verbfix import FACTORY, third_person_forms
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington proposed a buffer zone along the front, an idea Moscow rejects.",
            ("RUS", "reject"),
        ),
        (
            "The envoy proposed the disarmament of the SDF, which the SDF rejects.",
            ("sdf", "reject"),
        ),
        (
            "The EU floated a new regime for the northern border crossings, which Belgrade "
            "opposes.",
            ("SRB", "reject"),
        ),
    ],
)
def test_a_present_tense_relative_clause_gives_its_subject_a_stance(
    ex: Extractor, text: str, expected: tuple[str, str]
) -> None:
    found = claims(ex, LEAD + text)
    assert expected in {(c.actor, c.kind) for c in found}, triples(found)


def test_the_component_runs_between_parser_and_lemmatizer(ex: Extractor) -> None:
    pipes = ex.nlp.pipe_names
    assert pipes.index("parser") < pipes.index(FACTORY) < pipes.index("lemmatizer")
    doc = ex.nlp("Washington proposed a buffer zone, an idea Moscow rejects.")
    verb = next(t for t in doc if t.lower_ == "rejects")
    assert (verb.tag_, verb.pos_, verb.lemma_) == ("VBZ", "VERB", "reject")
    assert next(t for t in doc if t.text == "Moscow").dep_ == "nsubj"


def test_nouns_that_are_not_relative_clause_heads_stay_nouns(ex: Extractor) -> None:
    doc = ex.nlp("Kyiv said the demands of Moscow and its offers of talks were not serious.")
    for word in ("demands", "offers"):
        tok = next(t for t in doc if t.lower_ == word)
        assert tok.pos_ == "NOUN", (word, tok.tag_, tok.dep_)


def test_third_person_forms_follow_english_spelling() -> None:
    forms = third_person_forms()
    assert {"rejects", "dismisses", "decries", "vetoes", "pushes", "agrees"} <= forms
    assert "rejectes" not in forms and "decrys" not in forms


@pytest.mark.parametrize(
    "text",
    [
        "Tehran is ready to cap enrichment provided sanctions relief is real and verifiable.",
        "Kinshasa would release the detainees provided that the rebels handed over the town.",
        "Baku will sign the treaty providing Yerevan amends its constitution first.",
    ],
)
def test_provided_opens_a_condition_of_the_verb_it_follows(ex: Extractor, text: str) -> None:
    doc = ex.nlp(text)
    proviso = next(t for t in doc if t.lower_ in ("provided", "providing"))
    assert proviso.dep_ == "mark" and proviso.pos_ == "SCONJ"
    cond = proviso.head
    assert cond.dep_ == "advcl" and cond.pos_ in ("VERB", "AUX")
    assert cond.head.lemma_ in ("cap", "release", "sign")


@pytest.mark.parametrize(
    "text",
    [
        "The guarantees provided by Washington fall short, Kyiv said.",
        "Qatar provided fuel for the power station last week.",
        "The aid they provided reached the camps, the agency said.",
    ],
)
def test_provided_as_a_verb_is_left_alone(ex: Extractor, text: str) -> None:
    doc = ex.nlp(text)
    proviso = next(t for t in doc if t.lower_ == "provided")
    assert proviso.dep_ != "mark" and proviso.pos_ == "VERB"


def test_a_proviso_makes_the_stance_conditional_and_a_demand_of_its_holder(
    ex: Extractor,
) -> None:
    text = (
        "TEHRAN, May 3 - Iran is ready to cap enrichment provided sanctions relief is real and "
        "verifiable, the foreign minister said."
    )
    found = claims(ex, text)
    offer = next(c for c in found if c.kind == "offer")
    assert offer.actor == "IRN" and offer.conditional
    assert any("sanctions relief" in c for c in offer.conditions)
    assert ("IRN", "demand", "sanctions") in triples(found)
