"""Threats voiced as a plain conditional with no threat verb: the speaker's own punitive act
or a penalty set on a condition ("if …, we will trigger the mechanism", "should the talks
fail, the army will resume", "failing that, Ankara will act alone"), and forecasts by others
that are no threat; sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def threats(found: list[Claim]) -> list[Claim]:
    return [c for c in found if c.kind == "threaten"]


# -- the speaker's own act on a condition ------------------------------------------------------


def test_triggering_the_mechanism_if_no_step_is_taken(ex: Extractor) -> None:
    text = (
        '"If there is no credible step by the end of the month, we will trigger the snapback '
        'mechanism," the French foreign minister said.'
    )
    found = threats(claims(ex, text))
    assert [(c.actor, c.issue) for c in found] == [("FRA", "sanctions")]
    assert found[0].conditions == ["If there is no credible step by the end of the month"]


def test_cutting_trade_links_on_an_inverted_condition(ex: Extractor) -> None:
    text = (
        "Were Caracas to send troops into the disputed region, Guyana would cut all trade "
        "links with Venezuela, its president said."
    )
    found = threats(claims(ex, text))
    assert [(c.actor, c.issue) for c in found] == [("GUY", "economy")]
    assert found[0].conditional


def test_failing_that_takes_the_issue_of_the_demand_before(ex: Extractor) -> None:
    text = (
        "Turkey wants the Kurdish militia out of the border strip by the end of the year. "
        "Failing that, Ankara will act alone, the Turkish defence minister said."
    )
    got = triples(claims(ex, text))
    assert ("TUR", "demand", "military_limits") in got
    assert ("TUR", "threaten", "military_limits") in got
    # the condition points back to the demand: no second demand of its own
    assert not any(k == "demand" and i == "process" for _, k, i in got)


def test_leaving_a_bloc_unless_it_acts_is_a_threat(ex: Extractor) -> None:
    text = (
        "Armenia will leave the Collective Security Treaty Organisation if the bloc does not "
        "condemn the incursion, the Armenian prime minister said."
    )
    got = triples(claims(ex, text))
    assert any(a == "ARM" and k == "threaten" for a, k, _ in got)
    assert not any(a == "ARM" and k == "reject" for a, k, _ in got)


def test_reviewing_trade_commitments_unless_an_inquiry_is_dropped(ex: Extractor) -> None:
    text = (
        "Beijing will review its trade commitments with Canberra unless the inquiry is "
        "dropped, the Chinese commerce ministry said."
    )
    assert ("CHN", "threaten", "economy") in triples(claims(ex, text))


# -- a penalty arriving on a condition ---------------------------------------------------------


def test_sanctions_returning_unless_the_shelling_stops(ex: Extractor) -> None:
    text = (
        '"Unless the shelling stops, sanctions will return," the EU foreign policy chief told '
        "reporters."
    )
    found = threats(claims(ex, text))
    assert [(c.actor, c.issue) for c in found] == [("eu", "sanctions")]
    assert found[0].conditions == ["Unless the shelling stops"]


def test_an_inverted_condition_is_recorded_on_the_threat(ex: Extractor) -> None:
    text = (
        "Should the talks in Jeddah fail, the army will resume its offensive on El Fasher, a "
        "Sudanese army spokesman said."
    )
    found = threats(claims(ex, text))
    assert {c.actor for c in found} == {"saf"}
    assert all(c.conditions == ["Should the talks in Jeddah fail"] for c in found)


# -- no threat --------------------------------------------------------------------------------


def test_an_analysts_forecast_is_no_threat(ex: Extractor) -> None:
    text = (
        "Analysts say Israel would resume its offensive in Gaza if Hamas refused to release "
        "the hostages."
    )
    assert not threats(claims(ex, text))


def test_what_diplomats_expect_a_party_to_do_is_no_stance_of_it(ex: Extractor) -> None:
    text = (
        "Diplomats expect that Moscow will suspend cooperation with the IAEA if the sanctions "
        "package passes."
    )
    assert not any(c.actor == "RUS" for c in claims(ex, text))


def test_halting_strikes_on_a_condition_is_an_offer_not_a_threat(ex: Extractor) -> None:
    text = (
        "If the rebels sign the accord, Kinshasa would halt its air strikes in North Kivu, the "
        "Congolese government spokesman said."
    )
    got = triples(claims(ex, text))
    assert ("COD", "offer", "ceasefire") in got
    assert not any(k == "threaten" for _, k, _ in got)


def test_stopping_attacks_in_return_is_no_threat(ex: Extractor) -> None:
    text = '"If they stop hitting our ports, we will stop hitting theirs," the Ukrainian president said.'
    assert not threats(claims(ex, text))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Tehran would suspend enrichment above five percent if the sanctions were lifted, "
            "the Iranian foreign minister said.",
            "IRN",
        ),
        (
            "Azerbaijan would freeze the front line in Karabakh if Yerevan withdrew its units, "
            "the Azerbaijani defence ministry said.",
            "AZE",
        ),
    ],
)
def test_holding_back_ones_own_step_on_terms_is_an_offer(
    ex: Extractor, text: str, actor: str
) -> None:
    got = claims(ex, text)
    assert any(c.actor == actor and c.kind == "offer" for c in got)
    assert not threats(got)
