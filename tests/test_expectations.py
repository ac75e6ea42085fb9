"""What a party "expects": a demand on others, or only a forecast; sentences written for these
tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_expecting_another_state_to_stop_arming_a_militia_demands_it(ex: Extractor) -> None:
    text = "Washington expected Tehran to stop arming the militias in Iraq, the envoy said."
    assert ("USA", "demand", "military_limits") in triples(claims(ex, text))


def test_expecting_a_thing_to_be_allowed_is_a_demand(ex: Extractor) -> None:
    text = (
        "Kenya expected the herders who graze along the frontier to be allowed back into the "
        "disputed pastures before the rains, the ministry said."
    )
    assert any(c.actor == "KEN" and c.kind == "demand" for c in claims(ex, text))


def test_expecting_a_withdrawal_names_what_is_asked(ex: Extractor) -> None:
    text = "Colombia's foreign minister said Bogota expects a verifiable withdrawal of troops."
    assert any(c.actor == "COL" and c.kind == "demand" for c in claims(ex, text))


def test_expecting_that_a_change_would_be_agreed_with_all_demands_consultation(
    ex: Extractor,
) -> None:
    text = (
        "Nepal expects that any change to the tri-junction would be decided in consultation "
        "with all three neighbours, its foreign ministry said."
    )
    assert any(c.actor == "NPL" and c.kind == "demand" for c in claims(ex, text))


def test_expecting_talks_to_resume_is_a_forecast(ex: Extractor) -> None:
    text = "Moscow expects the talks on the grain corridor to resume next week, Peskov said."
    assert not any(c.kind == "demand" for c in claims(ex, text))


def test_expecting_a_deal_or_the_truce_to_hold_is_a_forecast(ex: Extractor) -> None:
    for text in (
        "Qatar expects a deal on the prisoner exchange within days, a mediator said.",
        "Cairo expects the truce in Gaza to hold through the holiday, officials said.",
    ):
        assert not any(c.kind == "demand" for c in claims(ex, text)), text


def test_being_expected_to_do_something_is_no_stance(ex: Extractor) -> None:
    text = "The Armenian and Azerbaijani ministers are expected to sign the text in Washington."
    assert not any(c.kind == "demand" for c in claims(ex, text))


def test_what_a_party_would_like_to_see_is_demanded(ex: Extractor) -> None:
    text = "Egypt would like the Rafah crossing reopened in both directions, its minister said."
    assert ("EGY", "demand", "humanitarian") in triples(claims(ex, text))


def test_like_without_would_is_no_stance(ex: Extractor) -> None:
    text = "Like the last round, the Doha talks on the crossing ended without a statement."
    assert not claims(ex, text)
