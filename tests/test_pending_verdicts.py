"""A decision reported as still pending is no stance ("has not accepted it yet", "has not
formally rejected it"), "has not rejected it outright" is a hedged acceptance, while a refusal stays one ("will not accept it yet", "has never accepted
the court's jurisdiction"); a place or right "not up for bargaining / grabs" is refused.
Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Hamas has not accepted the truce proposal either.", "hamas"),
        ("Moscow has not yet accepted the proposal for a grain corridor.", "RUS"),
        ("The Taliban have not formally rejected the offer of talks in Doha.", "AFG"),
    ],
)
def test_a_decision_still_open_is_no_stance(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, LEAD + text)
    assert not any(c.actor == actor for c in found), triples(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv said it will not accept the ceasefire proposal yet.",
            ("UKR", "reject", "ceasefire"),
        ),
        (
            "Bangkok has never accepted the court's jurisdiction over the temple.",
            ("THA", "reject", None),
        ),
        (
            "The status of Crimea is not up for bargaining, Kyiv's envoy said.",
            ("UKR", "reject", "territory"),
        ),
        (
            "Gibraltar's sovereignty is not up for grabs, London said.",
            ("GBR", "reject", "territory"),
        ),
    ],
)
def test_refusals_stay_refusals(
    ex: Extractor, text: str, expected: tuple[str, str, str | None]
) -> None:
    found = claims(ex, LEAD + text)
    actor, kind, issue = expected
    # (the court's jurisdiction over a temple is defensibly justice or territory)
    assert any((c.actor, c.kind) == (actor, kind) and issue in (None, c.issue) for c in found), (
        triples(found)
    )


def test_not_rejected_outright_is_a_hedged_acceptance(ex: Extractor) -> None:
    found = claims(ex, LEAD + "Israel has not rejected the Egyptian truce plan outright.")
    accepted = [c for c in found if (c.actor, c.kind) == ("ISR", "accept")]
    assert accepted and all(c.hedged for c in accepted), triples(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verdict adjective turned by its own negation
        (
            'Baku\'s presidential aide called the Armenian draft "not at all constructive".',
            ("AZE", "reject"),
        ),
        ("Moscow called the Japanese proposal not unacceptable.", ("RUS", "accept")),
        # a plan judged by the party it suits, or does not
        (
            "The European plan does not suit us, the Russian presidential aide said.",
            ("RUS", "reject"),
        ),
        (
            "The Cypriot counterproposal does not work for Ankara, the Turkish foreign minister "
            "said.",
            ("TUR", "reject"),
        ),
        ("The revised draft would suit Kyiv, a Ukrainian negotiator said.", ("UKR", "accept")),
    ],
)
def test_verdicts_keep_their_polarity_and_holder(
    ex: Extractor, text: str, expected: tuple[str, str]
) -> None:
    found = claims(ex, LEAD + text)
    assert expected in {(c.actor, c.kind) for c in found}, triples(found)
    flipped = "accept" if expected[1] == "reject" else "reject"
    assert (expected[0], flipped) not in {(c.actor, c.kind) for c in found}


def test_a_thing_that_is_no_plan_suits_nobody(ex: Extractor) -> None:
    found = claims(ex, LEAD + "The cold weather did not suit the delegates in Geneva.")
    assert not any(c.kind in ("accept", "reject") for c in found), triples(found)


def test_remarks_dismissed_take_the_issue_of_what_was_said(ex: Extractor) -> None:
    text = (
        "Ethiopia's prime minister said his country wants sovereign access to the Red Sea "
        "through the port of Assab. Eritrea dismissed the remarks as a pretext for aggression."
    )
    found = claims(ex, text)
    assert ("ERI", "reject", "territory") in triples(found)


def test_a_dangerous_precedent_is_a_rejection(ex: Extractor) -> None:
    text = (
        "The Security Council backed Rabat's self-rule proposal for the disputed territory. "
        "Algeria called the resolution a dangerous precedent."
    )
    assert any((c.actor, c.kind) == ("DZA", "reject") for c in claims(ex, text))
