"""Renouncing hostile acts is an offer, not a refusal: "there will be no new war", "pledged not
to use force", "promised never to resort to force"; and resolve voiced as "will not hesitate to
do what is necessary to protect …" is a threat only when it defends something or waits on a
condition. Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Aliyev said there will be no new war in the South Caucasus.", "AZE"),
        ("Moscow said there would be no attack on the nuclear plant.", "RUS"),
        ("Caracas pledged not to use force over the Essequibo.", "VEN"),
        ("Baku promised never to resort to force in Karabakh.", "AZE"),
        ("Belgrade pledged not to attack the northern crossings.", "SRB"),
    ],
)
def test_renouncing_hostilities_offers_calm(ex: Extractor, text: str, actor: str) -> None:
    found = triples(claims(ex, LEAD + text))
    assert any(a == actor and k == "offer" for a, k, _ in found), found
    assert not any(a == actor and k == "reject" for a, k, _ in found), found
    if "attack on the nuclear plant" not in text:  # (the plant itself names an issue)
        assert (actor, "offer", "ceasefire") in found, found


def test_no_truce_is_still_refused(ex: Extractor) -> None:
    found = triples(
        claims(ex, LEAD + "Hamas said there can be no truce unless the siege is lifted.")
    )
    assert ("hamas", "reject", "ceasefire") in found


def test_whatever_is_necessary_to_defend_threatens(ex: Extractor) -> None:
    found = claims(
        ex,
        LEAD
        + "Erdogan said Turkey will not hesitate to do what is necessary to protect its border.",
    )
    assert any(c.actor == "TUR" and c.kind == "threaten" for c in found), triples(found)


def test_whatever_it_takes_for_a_good_cause_offers(ex: Extractor) -> None:
    found = claims(
        ex,
        LEAD
        + "Seoul said it would not hesitate to do whatever it takes to bring the families together.",
    )
    assert any(c.actor == "KOR" and c.kind == "offer" for c in found), triples(found)
    assert not any(c.kind == "threaten" for c in found), triples(found)


def test_a_people_deciding_its_own_future_is_self_determination(ex: Extractor) -> None:
    found = triples(
        claims(ex, LEAD + "Algeria demanded that the Sahrawi people decide their own future.")
    )
    assert ("DZA", "demand", "recognition") in found, found


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # a negated wish for hostilities reassures
        (
            "The SDF said it does not want a war with Turkey.",
            ("sdf", "offer", "ceasefire"),
            "reject",
        ),
        # ... while a negated wish for a truce still refuses it
        (
            "Kyiv does not want a ceasefire that freezes the front.",
            ("UKR", "reject", "ceasefire"),
            "offer",
        ),
    ],
)
def test_not_wanting_war_offers_calm(ex: Extractor, text: str, expected: tuple, wrong: str) -> None:
    found = triples(claims(ex, LEAD + text))
    assert expected in found, found
    assert (expected[0], wrong, expected[2]) not in found, found


def test_lifting_named_sanctions_is_the_speakers_offer(ex: Extractor) -> None:
    # the UN in "the UN sanctions" names the penalty, not a party the lifting is imposed on
    found = triples(
        claims(
            ex,
            LEAD + "Britain, France and Germany say the UN sanctions could be lifted if Iran "
            "resumes full cooperation with the IAEA.",
        )
    )
    for actor in ("GBR", "FRA", "DEU"):
        assert (actor, "offer", "sanctions") in found, found
        assert (actor, "demand", "sanctions") not in found, found
    # a side's forces withdrawn, as another side says, is still imposed on it
    found = triples(
        claims(ex, LEAD + "Kyiv said Russian troops would be withdrawn from Zaporizhzhia.")
    )
    assert ("UKR", "demand", "territory") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington said further sanctions remain on the table if Rwandan troops are not "
            "out by January.",
            ("USA", "threaten", "sanctions"),
        ),
        ("Brussels said new sanctions were on the table.", ("eu", "threaten", "sanctions")),
        (
            "Moscow said the fighting would continue until Kyiv withdrew from Donetsk.",
            ("RUS", "threaten", "ceasefire"),
        ),
        (
            "Kyiv said the war would go on until the last Russian soldier had left.",
            ("UKR", "threaten", "ceasefire"),
        ),
    ],
)
def test_penalties_kept_open_and_war_kept_up_threaten(
    ex: Extractor, text: str, expected: tuple
) -> None:
    assert expected in triples(claims(ex, LEAD + text))


@pytest.mark.parametrize(
    "text",
    [
        "The EU said sanctions relief was on the table at the talks.",
        "Analysts say the war will go on until one side is exhausted.",
        "The war went on for three years.",
    ],
)
def test_no_threat_without_a_side_keeping_it(ex: Extractor, text: str) -> None:
    found = claims(ex, LEAD + text)
    assert not any(c.kind == "threaten" for c in found), triples(found)
