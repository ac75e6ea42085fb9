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
