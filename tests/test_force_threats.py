"""Resolve to act with no stance verb: a negated hesitation ("will not hesitate to …") commits to
what follows, and force a side announces in its own voice is its threat; a past act, a
forecaster's prediction and peaceful means are not. Sentences written for these tests, across
several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Beijing said it would not hesitate to use force if Taipei declared independence.", "CHN"),
        (
            "Ankara said it would not hesitate to launch a new operation if the militia did not "
            "withdraw from the border strip.",
            "TUR",
        ),
        ("Seoul said it will never hesitate to strike back at any artillery attack.", "KOR"),
        ("Beijing said it would use force if Taipei declared independence.", "CHN"),
        (
            "Baku said it would resort to military force unless the Armenian units left the "
            "border villages.",
            "AZE",
        ),
        (
            "Caracas said it would use all necessary means if Guyana let foreign troops into "
            "the Essequibo.",
            "VEN",
        ),
    ],
)
def test_resolve_to_use_force_is_the_speakers_threat(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, LEAD + text)
    threats = [c for c in found if c.actor == actor and c.kind == "threaten"]
    assert threats, triples(found)
    assert not any(c.actor == actor and c.kind in ("reject", "offer") for c in threats)
    c = threats[0]
    assert (LEAD + text)[c.start : c.end] == c.quote


def test_a_negated_hesitation_over_a_step_of_its_own_is_an_offer(ex: Extractor) -> None:
    text = "Pristina said it would not hesitate to return to the dialogue in Brussels."
    found = claims(ex, LEAD + text)
    assert ("XKX", "offer", "process") in triples(found)
    assert not any(c.kind == "threaten" for c in found)


@pytest.mark.parametrize(
    "text",
    [
        # a past act is no stance
        "Last year the army did not hesitate to use force against the protesters in Khartoum.",
        # a forecast by others is no threat
        "Analysts say Beijing would use force if Taipei declared independence.",
        # peaceful means are not force
        "Manila said it would use all diplomatic means to defend its claim at the shoal.",
        # using a place or a text is no force at all
        "Yerevan said it would use the railway through Nakhchivan once the route opened.",
    ],
)
def test_past_forecast_or_peaceful_means_are_no_threat(ex: Extractor, text: str) -> None:
    found = claims(ex, LEAD + text)
    assert not any(c.kind == "threaten" for c in found), triples(found)
