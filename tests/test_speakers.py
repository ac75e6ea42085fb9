"""Who holds a stance a statement voices: every state of a list that speaks together, the
issuers of a statement that "it" stands for or that a participle continues, the speaker of a
passive appeal, and cross-strait official names; "will only accept X" insists on X.
Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


def test_every_state_of_a_speaking_list_holds_the_stance(ex: Extractor) -> None:
    found = triples(
        claims(
            ex,
            LEAD + "France, Britain and Germany said the restored sanctions could be lifted "
            "if Iran lets inspectors back in.",
        )
    )
    for actor in ("FRA", "GBR", "DEU"):
        assert (actor, "offer", "sanctions") in found, found
    found = triples(claims(ex, LEAD + "Russia and China said the sanctions must be lifted."))
    assert {("RUS", "demand", "sanctions"), ("CHN", "demand", "sanctions")} <= found, found


def test_it_after_a_joint_statement_is_the_statement(ex: Extractor) -> None:
    text = (
        "Fighting continued around El Fasher on Monday. The envoys of the United States, Saudi "
        "Arabia and Egypt ended their meeting with a joint statement. It calls on both sides to "
        "observe a three-month humanitarian truce."
    )
    found = triples(claims(ex, text))
    for actor in ("USA", "SAU", "EGY"):
        assert (actor, "demand", "ceasefire") in found, found
    assert not any(a == "SDN" for a, _, _ in found), found


def test_a_statement_urging_speaks_for_its_issuer(ex: Extractor) -> None:
    found = triples(
        claims(
            ex,
            LEAD + "The AU issued a statement urging Kinshasa and Kigali to withdraw their troops.",
        )
    )
    assert any(a == "au" and k == "demand" for a, k, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo was called upon to renounce its claims to the islands, the Kremlin said.",
            ("RUS", "demand", "territory"),
        ),
        ("Hamas was asked to release the hostages, Qatar said.", ("QAT", "demand", "humanitarian")),
    ],
)
def test_a_passive_appeal_is_the_speakers(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(claims(ex, LEAD + text))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The mainland opposes any arms sales to the Taiwan region, the spokesperson said.", "CHN"),
        ("The DPP authorities rejected the proposal for talks.", "TWN"),
    ],
)
def test_cross_strait_official_names(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, LEAD + text)
    assert any(c.actor == actor and c.kind == "reject" for c in found), triples(found)


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Kyiv will only accept a ceasefire that includes security guarantees.",
            ("UKR", "demand", "ceasefire"),
            ("UKR", "accept", "ceasefire"),
        ),
        (
            "Kyiv would accept a ceasefire only if it included security guarantees.",
            ("UKR", "accept", "ceasefire"),
            None,
        ),
        # the "only" of a condition keeps the conditional acceptance
        (
            "Lavrov said Russia would only sign a peace deal provided that Kyiv renounced NATO.",
            ("RUS", "accept", "process"),
            ("RUS", "demand", "process"),
        ),
    ],
)
def test_only_accepting_insists(ex: Extractor, text: str, expected: tuple, not_expected) -> None:
    found = triples(claims(ex, LEAD + text))
    assert expected in found, found
    assert not_expected is None or not_expected not in found, found
