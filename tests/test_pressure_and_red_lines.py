"""More pressure announced as a threat, a joint statement as the voice of the two sides that
met, "any X is a red line" as a refusal of X, and penalties a generic offender is exposed to;
sentences written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_pressure_announced_to_rise_is_a_threat(ex: Extractor) -> None:
    found = triples(claims(ex, "Canberra said it was ready to step up pressure on Beijing."))
    assert ("AUS", "threaten", "sanctions") in found
    text = "Brussels will keep increasing the pressure on Minsk, the commissioner said."
    assert ("eu", "threaten", "sanctions") in triples(claims(ex, text))


def test_pressure_to_do_something_is_a_demand_not_a_threat(ex: Extractor) -> None:
    found = triples(claims(ex, "Washington stepped up pressure on Kyiv to sign the minerals deal."))
    assert ("USA", "demand", "economy") in found
    assert not any(k == "threaten" for _, k, _ in found)


def test_pressure_already_applied_or_refused_is_no_threat(ex: Extractor) -> None:
    found = claims(ex, "Ankara has increased pressure on the Kurdish groups in recent weeks.")
    assert not [c for c in found if c.kind == "threaten"]
    found = claims(ex, "Seoul said it would not increase pressure on Pyongyang.")
    assert not [c for c in found if c.kind == "threaten"]


def test_a_joint_statement_speaks_for_the_two_sides_that_met(ex: Extractor) -> None:
    text = (
        "Kenya and Somalia met in Nairobi on Monday. The joint communique calls for the "
        "release of all detained fishermen."
    )
    found = triples(claims(ex, text))
    assert {("KEN", "demand", "humanitarian"), ("SOM", "demand", "humanitarian")} <= found


def test_a_joint_statement_by_named_issuers_is_theirs(ex: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan met in Abu Dhabi. A joint statement by Egypt and Qatar called "
        "for the release of all hostages in Gaza."
    )
    actors = {c.actor for c in claims(ex, text) if c.issue == "humanitarian"}
    assert actors == {"EGY", "QAT"}


def test_any_act_called_a_red_line_is_refused(ex: Extractor) -> None:
    text = "Baku said any deployment of foreign troops in Karabakh was a red line."
    found = triples(claims(ex, text))
    assert ("AZE", "reject", "military_limits") in found or ("AZE", "reject", "territory") in found
    assert not any(k == "demand" for _, k, _ in found)


def test_what_is_held_as_a_red_line_is_still_claimed(ex: Extractor) -> None:
    text = (
        "For Manila, the Second Thomas Shoal resupply missions are a red line, the minister said."
    )
    assert any(k == "demand" for _, k, _ in triples(claims(ex, text)))


def test_a_penalty_a_generic_offender_is_exposed_to_is_a_threat(ex: Extractor) -> None:
    text = (
        "Ghana's energy ministry said mining companies that fail to pay the new royalties will "
        "be exposed to sanctions under the law."
    )
    assert any(a == "GHA" and k == "threaten" for a, k, _ in triples(claims(ex, text)))
    text = "Ghana said the companies were exposed to sanctions last year."
    assert not [c for c in claims(ex, text) if c.kind == "threaten"]
