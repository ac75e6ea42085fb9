"""What a stance is about when the parser splits it off, and issue words for matters the cues
lacked; sentences written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_a_proposal_dated_before_its_infinitive_keeps_its_content(ex: Extractor) -> None:
    # "proposed in 2021 to exchange …": the date makes the parser read a purpose clause
    text = (
        "Uzbekistan's foreign minister had proposed in 2023 to exchange the exclave for a strip "
        "of farmland."
    )
    assert ("UZB", "propose", "territory") in triples(claims(ex, text))


def test_an_offer_made_in_a_statement_keeps_its_content(ex: Extractor) -> None:
    text = "Myanmar's junta offered in a statement on Friday to free 300 detainees."
    assert ("MMR", "offer", "humanitarian") in triples(claims(ex, text))


def test_a_purpose_clause_after_an_object_is_not_the_offer(ex: Extractor) -> None:
    # the offer is the observers; "to reassure the villagers" is why they are sent
    text = "Malaysia offered 40 observers to reassure the villagers, its defence minister said."
    got = claims(ex, text)
    assert all("reassure" not in c.quote or "observers" in c.quote for c in got)


def test_joint_exhumations_are_a_humanitarian_matter(ex: Extractor) -> None:
    text = "Bosnia's minister said Sarajevo was ready for joint exhumations with Serbia."
    assert ("BIH", "offer", "humanitarian") in triples(claims(ex, text))


def test_defence_capabilities_kept_off_the_table_limit_the_military(ex: Extractor) -> None:
    text = "Pakistan's missile capabilities are not a subject for negotiation, its army said."
    assert ("PAK", "reject", "military_limits") in triples(claims(ex, text))


def test_reconvening_a_joint_committee_is_about_the_talks(ex: Extractor) -> None:
    text = (
        "The UN envoy urged Sudan and South Sudan to reconvene the joint oversight body before "
        "the rains."
    )
    assert ("un", "demand", "process") in triples(claims(ex, text))


def test_voluntary_contributions_are_money(ex: Extractor) -> None:
    text = (
        "South Korea's foreign minister said Seoul would keep the door open for voluntary "
        "contributions from Japanese firms."
    )
    assert any(c.actor == "KOR" and c.issue == "economy" for c in claims(ex, text))


def test_a_noun_summing_up_a_proposal_carries_its_content_to_the_refusal(ex: Extractor) -> None:
    text = (
        "Armenia proposed to exchange the enclave for a strip of pasture, an offer Baku turned "
        "down."
    )
    assert ("AZE", "reject", "territory") in triples(claims(ex, text))


def test_treating_new_fortifications_as_a_hostile_act_warns(ex: Extractor) -> None:
    text = (
        "Ethiopia's army said its units would treat any further fortification of the ridge as "
        "a hostile act."
    )
    assert ("ETH", "threaten", "military_limits") in triples(claims(ex, text))


def test_what_any_deal_has_to_include_is_demanded(ex: Extractor) -> None:
    text = (
        "Ukraine's foreign minister said any settlement has to include the return of deported "
        "children."
    )
    assert ("UKR", "demand", "humanitarian") in triples(claims(ex, text))


def test_a_round_that_had_to_be_postponed_is_narrated(ex: Extractor) -> None:
    text = "The round on the prisoner exchange had to be postponed because of the storm."
    assert not claims(ex, text)
