"""Warnings and claims voiced without a stance verb: penalties announced for a generic offender
("whoever …", "anyone who …"), things designated as targets, places declared an inseparable
part of a state, a commitment to a standing deal, and a passive concession imposed on another
side's place. Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Iran's army chief said whoever flies a drone over our lines has chosen war.",
            "IRN",
        ),
        (
            "Pyongyang said anyone who violates its territorial waters will pay a heavy price.",
            "PRK",
        ),
        (
            "China said that whoever dares to interfere in the Taiwan question will surely be "
            "dealt a crushing blow.",
            "CHN",
        ),
        (
            "Azerbaijan's defence ministry said those who shell our positions will be held "
            "accountable.",
            "AZE",
        ),
        (
            "Tehran said any country that lends its airspace for an attack will face the "
            "consequences.",
            "IRN",
        ),
    ],
)
def test_a_penalty_for_whoever_acts_is_the_speakers_threat(
    ex: Extractor, text: str, actor: str
) -> None:
    found = claims(ex, LEAD + text)
    assert any(c.actor == actor and c.kind == "threaten" for c in found), triples(found)
    assert not any(c.actor == actor and c.kind == "offer" for c in found)


@pytest.mark.parametrize(
    "text",
    [
        # a forecast by onlookers, not the warning of a party
        "Analysts said anyone who buys the bonds will pay a price.",
        # a penalty that is denied
        "Kyiv said nobody who returns home will be prosecuted.",
        # a penalty already suffered, narrated in the past
        "Those who crossed the line last year paid a heavy price.",
    ],
)
def test_no_threat_without_an_announced_penalty_by_a_party(ex: Extractor, text: str) -> None:
    found = claims(ex, LEAD + text)
    assert not any(c.kind == "threaten" for c in found), triples(found)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's foreign ministry said such units would be considered legitimate targets.",
        "Such units would become legitimate targets for our armed forces, Peskov said.",
    ],
)
def test_forces_designated_as_targets_is_a_warning_about_them(ex: Extractor, text: str) -> None:
    assert ("RUS", "threaten", "military_limits") in triples(claims(ex, LEAD + text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Taiwan Affairs Office said Taiwan is an inalienable part of China's territory.",
            ("CHN", "demand", "territory"),
        ),
        (
            "Rabat insists that the Sahara is an integral part of Morocco.",
            ("MAR", "demand", "territory"),
        ),
        (
            "Moscow said Crimea remains an inseparable part of Russia.",
            ("RUS", "demand", "territory"),
        ),
    ],
)
def test_a_place_declared_an_integral_part_is_claimed(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, LEAD + text))


def test_an_integral_part_that_is_no_place_claims_nothing(ex: Extractor) -> None:
    found = claims(ex, LEAD + "Kyiv said dialogue is an integral part of any process.")
    assert not any(c.actor == "UKR" and c.issue == "territory" for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hun Manet said his government remains committed to the ceasefire.",
            ("KHM", "accept", "ceasefire"),
        ),
        (
            "Tbilisi said it remained committed to the Geneva format.",
            ("GEO", "accept", "process"),
        ),
    ],
)
def test_commitment_to_a_standing_deal_accepts_it(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(claims(ex, LEAD + text))
    assert expected in found
    assert (expected[0], "offer", expected[2]) not in found


def test_commitment_to_a_new_step_stays_an_offer(ex: Extractor) -> None:
    found = triples(claims(ex, LEAD + "Kigali said it was committed to a negotiated solution."))
    assert ("RWA", "offer", "process") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Israel's defence minister wrote that Gaza will be demilitarised, by agreement or "
            "by force.",
            ("ISR", "demand", "military_limits"),
        ),
        (
            "Russia's foreign minister said Donbas would be demilitarised.",
            ("RUS", "demand", "military_limits"),
        ),
        (
            "Ukraine's president said Donbas would be demilitarised under the plan.",
            ("UKR", "offer", "military_limits"),
        ),
    ],
)
def test_a_passive_concession_on_another_sides_place_is_imposed(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, LEAD + text))


@pytest.mark.parametrize(
    "text",
    [
        "China's coast guard said any vessel entering the waters of the shoal without "
        "permission would be dealt with firmly.",
        "Seoul's army said whoever stepped across the demarcation line would be fired on.",
    ],
)
def test_a_warning_against_intruders_is_about_territory(ex: Extractor, text: str) -> None:
    found = claims(ex, LEAD + text)
    assert any(c.kind == "threaten" and c.issue == "territory" for c in found), triples(found)
