"""Questions put to a party, verdicts on what is negotiable, readiness to help a process, deals
named by what they settle and disowned build-ups; sentences written for these tests, across
several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_a_spokesperson_asked_about_an_offer_demands_nothing(ex: Extractor) -> None:
    text = (
        "A spokesman for the Kenyan foreign ministry, asked about the Somali proposal on the "
        "maritime line, declined to comment."
    )
    assert not any(c.actor == "KEN" and c.kind == "demand" for c in claims(ex, text))


def test_asked_whether_a_party_backs_a_vote_is_a_question(ex: Extractor) -> None:
    text = (
        "Armenia's prime minister, asked whether Yerevan backed a referendum on the "
        "constitution, said only that the cabinet would decide in the spring."
    )
    found = claims(ex, text)
    assert not any(c.actor == "ARM" and c.kind in ("demand", "accept") for c in found)


def test_asking_a_party_to_act_is_still_a_demand(ex: Extractor) -> None:
    text = "Ankara asked Baghdad to expel the PKK fighters from Sinjar, the ministry said."
    assert any(c.actor == "TUR" and c.kind == "demand" for c in claims(ex, text))


def test_sovereignty_not_open_to_discussion_rejects_on_the_land(ex: Extractor) -> None:
    text = (
        "The Philippine foreign ministry said on Monday that the country's sovereignty over "
        "the atoll was not open to discussion."
    )
    assert ("PHL", "reject", "territory") in triples(claims(ex, text))


def test_an_issue_open_to_negotiation_is_no_refusal(ex: Extractor) -> None:
    text = "Nicaragua said the schedule of the river patrols was open to negotiation."
    assert not any(c.actor == "NIC" and c.kind == "reject" for c in claims(ex, text))


def test_nothing_to_negotiate_about_a_shoal_rules_out_the_shoal(ex: Extractor) -> None:
    text = "The Philippine foreign ministry said there was nothing to negotiate about the shoal."
    assert ("PHL", "reject", "territory") in triples(claims(ex, text))


def test_ready_to_support_any_dialogue_offers_help(ex: Extractor) -> None:
    text = (
        "Norway said it remained ready to support any resumption of talks between Bogota "
        "and the guerrillas."
    )
    found = triples(claims(ex, text))
    assert ("NOR", "offer", "process") in found
    assert ("NOR", "accept", "process") not in found


def test_ready_to_support_a_proposal_accepts_it(ex: Extractor) -> None:
    text = "Hamas said it was ready to support the Egyptian proposal for a prisoner exchange."
    assert any(c.actor == "hamas" and c.kind == "accept" for c in claims(ex, text))


def test_calling_a_verdict_a_witch_hunt_rejects_it(ex: Extractor) -> None:
    text = "Moscow described the verdict against the Gagauz governor as a witch-hunt."
    assert ("RUS", "reject", "justice") in triples(claims(ex, text))


def test_an_autonomy_plan_is_about_governance_as_well_as_the_talks(ex: Extractor) -> None:
    text = "Rabat would update its autonomy plan before the next round, officials said."
    found = triples(claims(ex, text))
    assert ("MAR", "propose", "governance") in found
    assert ("MAR", "propose", "process") in found


def test_a_peace_plan_stays_on_the_talks(ex: Extractor) -> None:
    text = "Washington presented a peace plan to both delegations on Tuesday."
    found = [c for c in claims(ex, text) if c.actor == "USA"]
    assert found and {c.issue for c in found} == {"process"}


def test_no_intention_of_building_a_base_reassures_on_forces(ex: Extractor) -> None:
    text = "Beijing said it had no intention of building a naval base in the Solomon Islands."
    assert ("CHN", "offer", "military_limits") in triples(claims(ex, text))


def test_no_intention_of_attacking_reassures_on_the_fighting(ex: Extractor) -> None:
    text = "Moscow has no intention of attacking any member of the alliance, Peskov said."
    assert ("RUS", "offer", "ceasefire") in triples(claims(ex, text))


def test_no_appetite_for_war_reassures_on_the_fighting(ex: Extractor) -> None:
    text = "Hanoi has no appetite for war over the reef, the foreign ministry said."
    assert ("VNM", "offer", "ceasefire") in triples(claims(ex, text))
