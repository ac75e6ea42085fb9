"""What a party hopes another will do is its demand of that party, not the other's stance;
and the stance verbs' inflections get their own lemma ("hoped" is no form of "hop").
Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import claims, triples


@pytest.mark.parametrize(
    ("text", "holder", "issue", "not_holders"),
    [
        (
            "Beijing hopes both sides will earnestly implement the ceasefire, the spokesperson "
            "said.",
            "CHN",
            "ceasefire",
            set(),
        ),
        (
            "Athens hoped Prime Minister Kyriakos Mitsotakis and President Recep Tayyip Erdogan "
            "would hold talks at the alliance summit in July.",
            "GRC",
            "process",
            {"TUR"},
        ),
        (
            "The EU hopes Serbia and Kosovo will resume the dialogue before the spring.",
            "eu",
            "process",
            {"SRB", "XKX"},
        ),
        (
            "Qatar hoped Hamas would release the remaining hostages within days.",
            "QAT",
            "humanitarian",
            {"hamas"},
        ),
    ],
)
def test_hoping_another_will_act_is_a_demand(
    ex: Extractor, text: str, holder: str, issue: str, not_holders: set[str]
) -> None:
    found = triples(claims(ex, text))
    assert (holder, "demand", issue) in found
    # the one hoped to act states nothing: the hope is not its offer
    assert not {a for a, _k, _i in found} & not_holders


@pytest.mark.parametrize(
    "text",
    [
        # an own plan, and a forecast with the hoping party as the subject
        "We hope we can sign the deal soon, the Russian president said.",
        "The talks are hoped to resume in the spring.",
    ],
)
def test_hoping_for_oneself_is_no_demand(ex: Extractor, text: str) -> None:
    assert not any(k == "demand" for _a, k, _i in triples(claims(ex, text)))


def test_inflected_stance_verbs_keep_their_lemma(ex: Extractor) -> None:
    doc = ex.nlp("Kyiv hoped Moscow would agree; Minsk hopes so; they are hoping for talks.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["hoped"] == lemmas["hopes"] == lemmas["hoping"] == "hope"
    # a verb outside the lexicon is left to the model
    assert ex.nlp("The rabbit hopped away.")[2].lemma_ == "hop"
