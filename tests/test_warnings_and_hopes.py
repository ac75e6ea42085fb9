"""Warnings with no threat verb (patience running out, costs announced for another's conduct,
consequences to be borne), activity announced to go on, titles restated, meetings hoped for and
the words of credit, contracts and information sharing; sentences written for these tests,
across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def _kinds(found, actor: str) -> set[str]:
    return {c.kind for c in found if c.actor == actor}


def test_patience_that_is_not_unlimited_warns(ex: Extractor) -> None:
    text = (
        "Kenya's interior minister said Nairobi's patience with the militia \"is not unlimited\"."
    )
    assert "threaten" in _kinds(claims(ex, text), "KEN")


def test_patience_running_out_over_a_matter_warns_on_it(ex: Extractor) -> None:
    text = (
        "Saudi Arabia said its patience with the Houthis over the lists of detainees was "
        "running out."
    )
    found = claims(ex, text)
    assert "threaten" in _kinds(found, "SAU")
    assert [c for c in found if c.actor == "SAU" and c.kind == "threaten"][0].quote.startswith(
        "its patience"
    )


def test_patience_seen_by_analysts_is_no_warning(ex: Extractor) -> None:
    text = "Analysts said Ethiopia's patience with Eritrea was wearing thin."
    assert "threaten" not in _kinds(claims(ex, text), "ETH")


def test_a_failure_that_will_bring_consequences_is_the_speakers_threat(ex: Extractor) -> None:
    text = (
        "The State Department said Kigali's failure to pull its soldiers out of North Kivu "
        '"will bring serious consequences".'
    )
    assert "threaten" in _kinds(claims(ex, text), "USA")


def test_a_provocation_that_will_have_consequences_warns(ex: Extractor) -> None:
    text = (
        "Serbia's president said any deployment of Kosovo special police in the north would be "
        "a provocation that will have consequences."
    )
    assert "threaten" in _kinds(claims(ex, text), "SRB")


def test_consequences_borne_by_others_warn_them(ex: Extractor) -> None:
    text = "Morocco warned that any state arming the Polisario will bear the consequences."
    assert "threaten" in _kinds(claims(ex, text), "MAR")


def test_consequences_that_befell_civilians_are_no_threat(ex: Extractor) -> None:
    text = "The fighting in Darfur has had grave consequences for civilians, the UN said."
    assert not [c for c in claims(ex, text) if c.kind == "threaten"]


def test_a_forecast_of_consequences_is_no_threat(ex: Extractor) -> None:
    text = "Economists said the decision would have consequences for the price of bread in Sudan."
    assert not [c for c in claims(ex, text) if c.kind == "threaten"]


def test_strikes_announced_to_go_on_refuse_a_halt(ex: Extractor) -> None:
    text = "Israel's defence minister said the strikes on Hezbollah positions would continue."
    assert ("ISR", "reject", "ceasefire") in triples(claims(ex, text))


def test_talks_announced_to_go_on_are_accepted(ex: Extractor) -> None:
    text = "No deal was reached in Doha, but Qatar said the talks would continue next week."
    assert ("QAT", "accept", "process") in triples(claims(ex, text))


def test_attacks_that_go_on_in_a_condition_are_no_refusal(ex: Extractor) -> None:
    text = "The militia said it would not hand over its weapons while the air strikes continue."
    found = claims(ex, text)
    assert not [c for c in found if c.kind == "reject" and c.issue == "ceasefire"]


def test_a_title_restated_over_islands_is_claimed(ex: Extractor) -> None:
    text = "A Chinese spokesperson restated China's sovereignty over the Paracel islands."
    assert ("CHN", "demand", "territory") in triples(claims(ex, text))


def test_the_sovereignty_of_states_restated_claims_no_place(ex: Extractor) -> None:
    text = "The three leaders reaffirmed the sovereignty of the states of the Horn of Africa."
    assert not [c for c in claims(ex, text) if c.kind == "demand" and c.issue == "territory"]


def test_a_meeting_hoped_for_is_proposed(ex: Extractor) -> None:
    text = (
        "Australia's defence minister said he hoped to hold a three-way meeting with his "
        "Japanese and US counterparts before March."
    )
    assert ("AUS", "propose", "process") in triples(claims(ex, text))


def test_looking_forward_to_meeting_proposes_the_meeting(ex: Extractor) -> None:
    text = "Greece's prime minister said he looked forward to meeting Erdogan in Ankara next month."
    assert ("GRC", "propose", "process") in triples(claims(ex, text))


def test_a_meeting_not_hoped_for_is_no_proposal(ex: Extractor) -> None:
    text = "The Kremlin said Putin did not hope to meet anyone from Kyiv this year."
    assert not [c for c in claims(ex, text) if c.kind == "propose"]


def test_information_sharing_is_security_cooperation(ex: Extractor) -> None:
    text = "Manila wants faster information sharing between the two coast guards, officials said."
    assert ("PHL", "demand", "security_guarantees") in triples(claims(ex, text))


def test_a_contract_asked_for_suppliers_is_about_the_economy(ex: Extractor) -> None:
    text = (
        "New Zealand has asked that combat and radar systems for the new ships come from its "
        "own suppliers."
    )
    assert ("NZL", "demand", "economy") in triples(claims(ex, text))


def test_not_only_ready_is_no_refusal(ex: Extractor) -> None:
    text = "Armenia is not only ready to sign the peace treaty but also to reopen the border."
    kinds = _kinds(claims(ex, text), "ARM")
    assert "reject" not in kinds
    assert kinds & {"offer", "accept"}


def test_talks_only_with_one_partner_set_terms(ex: Extractor) -> None:
    text = "Colombia says it will only negotiate with the ELN's central command, not its fronts."
    kinds = _kinds(claims(ex, text), "COL")
    assert "demand" in kinds and "offer" not in kinds


def test_talks_only_after_a_condition_stay_a_conditional_offer(ex: Extractor) -> None:
    text = "Ukraine will only negotiate once Russian troops have left its territory."
    found = claims(ex, text)
    assert ("UKR", "offer", "process") in triples(found)
    assert ("UKR", "demand", "territory") in triples(found)


def test_not_just_watching_is_still_a_negation(ex: Extractor) -> None:
    text = "Seoul said it would not just sit and watch if the North tested another missile."
    found = claims(ex, text)
    assert not [c for c in found if c.kind in ("offer", "accept")]
