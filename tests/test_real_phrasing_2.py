"""Stances whose words name no issue, and steps taken against an envoy or the talks: a body
left by name, a place ruled out or kept, a threat's target or condition, forces held back, an
envoy expelled over something, talks put on hold by order; sentences written for these tests,
across many conflicts, with the cases the rules must leave alone."""

from __future__ import annotations

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def has(found: list[Claim], actor: str, kind: str, issues: set[str]) -> None:
    assert any(c.actor == actor and c.kind == kind and c.issue in issues for c in found), (
        f"no {actor} {kind} {sorted(issues)} in {sorted(triples(found))}"
    )


# -- a body left by name -------------------------------------------------------------------


def test_withdrawal_from_a_named_bloc_rejects_the_alliance(ex: Extractor) -> None:
    found = claims(ex, "Ouagadougou announced its withdrawal from ECOWAS late on Sunday.")
    has(found, "BFA", "reject", {"alliances"})


def test_pulling_out_of_a_named_body_rejects_it(ex: Extractor) -> None:
    found = claims(ex, "Asmara pulls out of IGAD over the regional row, officials said.")
    has(found, "ERI", "reject", {"alliances"})


def test_withdrawal_from_a_place_is_not_leaving_a_body(ex: Extractor) -> None:
    found = claims(ex, "Kyiv demanded the withdrawal of Russian troops from Kherson.")
    assert not any(c.issue == "alliances" for c in found), sorted(triples(found))


# -- a place ruled out or kept -------------------------------------------------------------


def test_a_place_not_for_sale_is_territory(ex: Extractor) -> None:
    found = claims(ex, "Copenhagen said on Tuesday that Greenland is not for sale.")
    has(found, "DNK", "reject", {"territory"})


def test_a_place_kept_as_a_nations_own_is_a_territorial_claim(ex: Extractor) -> None:
    found = claims(
        ex, "Panama's president said the waterway belongs to Panama and will remain Panamanian."
    )
    has(found, "PAN", "demand", {"territory"})


# -- threats: a target, a condition ----------------------------------------------------------


def test_a_threat_to_target_ships_is_about_the_fighting(ex: Extractor) -> None:
    found = claims(ex, "The Houthis threatened to target any British vessels in the Gulf of Aden.")
    has(found, "houthis", "threaten", {"ceasefire"})


def test_a_threats_condition_names_its_issue(ex: Extractor) -> None:
    found = claims(ex, "Moscow warned of retaliatory steps if Sweden joins the alliance.")
    has(found, "RUS", "threaten", {"alliances"})


def test_an_equation_with_an_act_of_war_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex, "Cairo said any move to cut the Nile's flow would be treated as an act of war."
    )
    assert any(c.actor == "EGY" and c.kind == "threaten" for c in found), sorted(triples(found))


# -- forces held back ----------------------------------------------------------------------


def test_refraining_from_deploying_troops_is_a_military_limit(ex: Extractor) -> None:
    found = claims(
        ex, "Tajikistan promised to refrain from deploying troops near the border posts."
    )
    has(found, "TJK", "offer", {"military_limits"})


def test_refraining_from_attacks_stays_a_ceasefire(ex: Extractor) -> None:
    found = claims(ex, "Hamas pledged to refrain from attacks on Israeli towns.")
    has(found, "hamas", "offer", {"ceasefire"})
    assert not any(c.issue == "military_limits" for c in found), sorted(triples(found))


# -- steps against an envoy or the talks ----------------------------------------------------


def test_expelling_an_envoy_over_a_deal_rejects_it(ex: Extractor) -> None:
    found = claims(ex, "Kinshasa recalled its ambassador from Kigali over the rebel offensive.")
    has(found, "COD", "reject", {"ceasefire"})


def test_an_envoy_summoned_with_no_cause_is_no_stance(ex: Extractor) -> None:
    found = claims(ex, "Ankara summoned the Dutch envoy on Monday.")
    assert not found, sorted(triples(found))


def test_ordering_the_suspension_of_talks_rejects_the_process(ex: Extractor) -> None:
    found = claims(
        ex, "Bogota ordered the suspension of negotiations with the rebels after the raid."
    )
    has(found, "COL", "reject", {"process"})


def test_a_suspension_of_talks_merely_reported_holds_no_stance(ex: Extractor) -> None:
    found = claims(ex, "The suspension of talks has left displaced families in limbo.")
    assert not any(c.kind == "reject" and c.issue == "process" for c in found), sorted(
        triples(found)
    )


# -- a decision treated as void ------------------------------------------------------------


def test_treating_a_decision_as_nonexistent_rejects_it(ex: Extractor) -> None:
    found = claims(
        ex,
        "The Houthis would treat the council's disarmament order as if it did not exist.",
    )
    assert any(c.kind == "reject" and c.issue == "military_limits" for c in found), sorted(
        triples(found)
    )
    assert not any(c.signals and "derived=condition" in c.signals for c in found)


def test_regarding_a_vote_as_void_rejects_it(ex: Extractor) -> None:
    found = claims(ex, "Chisinau will regard the separatist referendum as null and void.")
    has(found, "MDA", "reject", {"governance", "territory"})


def test_treating_a_matter_as_a_priority_is_no_rejection(ex: Extractor) -> None:
    found = claims(ex, "Seoul treats the matter as a priority.")
    assert not any(c.kind == "reject" for c in found), sorted(triples(found))


# -- a name the parser glued to its verb -----------------------------------------------------


def test_reserving_the_right_after_a_glued_capital_is_its_threat(ex: Extractor) -> None:
    found = claims(ex, "Beijing reserves the right to respond firmly to the visit.")
    assert any(c.actor == "CHN" and c.kind == "threaten" for c in found), sorted(triples(found))


def test_a_protest_lodged_against_an_act_rejects_it(ex: Extractor) -> None:
    found = claims(ex, "Seoul lodged a formal protest against the artillery attack on the island.")
    has(found, "KOR", "reject", {"ceasefire"})
