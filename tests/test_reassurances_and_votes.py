"""Reassurances about one's own soil, warnings that a side "will not remain indifferent",
requests put as encouragement, votes for and against a text, a finite verb the parser hangs on
an infinitive, seats of government other than the constitutional capital, and court judgments;
sentences written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_soil_not_to_be_used_as_a_base_for_aggression(ex: Extractor) -> None:
    text = (
        "Astana has stated that it will not allow the territory of Kazakhstan to be used as "
        "a base for aggression against any neighbouring state."
    )
    found = triples(claims(ex, text))
    assert ("KAZ", "offer", "security_guarantees") in found
    assert not any(k == "reject" for _, k, _ in found)


def test_a_region_not_to_be_used_as_a_launch_pad(ex: Extractor) -> None:
    text = (
        "Lebanon's president said the state would not allow the south to be used as a launch "
        "pad against any neighbour."
    )
    assert ("LBN", "offer", "security_guarantees") in triples(claims(ex, text))


def test_soil_not_to_become_a_base_for_groups_operating_against_a_neighbour(
    ex: Extractor,
) -> None:
    text = (
        "Turkmenistan said it would not allow its territory to become again a base for armed "
        "groups operating against a neighbour."
    )
    assert ("TKM", "offer", "security_guarantees") in triples(claims(ex, text))


def test_soil_not_to_be_used_to_attack_neighbours(ex: Extractor) -> None:
    text = "Jordan has said it will not let its territory be used to attack its neighbours."
    assert ("JOR", "offer", "security_guarantees") in triples(claims(ex, text))


def test_a_region_used_by_smugglers_is_no_reassurance(ex: Extractor) -> None:
    text = "Turkey said it would not allow the region to be used by smugglers."
    assert not any(c.kind == "offer" for c in claims(ex, text))


def test_will_not_remain_indifferent_if_is_a_threat(ex: Extractor) -> None:
    text = (
        "Azerbaijan said it would not remain indifferent if armed groups again used Armenian "
        "soil to attack its border posts."
    )
    found = triples(claims(ex, text))
    assert any(a == "AZE" and k == "threaten" for a, k, _ in found)


def test_will_not_stand_idly_by_should_the_blockade_go_on(ex: Extractor) -> None:
    text = "Egypt said it would not stand idly by if the blockade of the port continued."
    assert any(c.actor == "EGY" and c.kind == "threaten" for c in claims(ex, text))


def test_not_staying_silent_without_a_condition_is_no_threat(ex: Extractor) -> None:
    text = "Kenya will not stay silent about the arrests of its fishermen, its minister said."
    assert not any(c.kind == "threaten" for c in claims(ex, text))


def test_encouraging_a_party_to_act_asks_it_to(ex: Extractor) -> None:
    text = (
        "The European Union encouraged Armenia and Turkey to open their land border before "
        "the summer."
    )
    found = triples(claims(ex, text))
    assert any(a == "eu" and k == "demand" for a, k, _ in found)


def test_encouraging_words_are_no_request(ex: Extractor) -> None:
    text = "The European Union called the first round of talks encouraging."
    assert not any(c.kind == "demand" for c in claims(ex, text))


def test_voting_against_a_resolution_rejects_it(ex: Extractor) -> None:
    text = (
        "Russia and China voted against the resolution on inspections at the IAEA board in Vienna."
    )
    found = {(a, k) for a, k, _ in triples(claims(ex, text))}
    assert ("RUS", "reject") in found
    assert ("CHN", "reject") in found


def test_voting_in_favour_of_an_agreement_accepts_it(ex: Extractor) -> None:
    text = "Italy will vote in favour of the trade agreement with Mercosur, Rome said."
    assert ("ITA", "accept", "economy") in triples(claims(ex, text))


def test_an_offer_after_a_call_is_an_offer_of_its_own(ex: Extractor) -> None:
    text = (
        "The African Union urged Ethiopia and Eritrea to pull their troops back and offered "
        "Addis Ababa as the venue for a meeting of the two foreign ministers."
    )
    found = triples(claims(ex, text))
    assert ("au", "offer", "process") in found
    assert ("au", "demand", "process") not in found


def test_a_refusal_after_a_request_is_a_refusal_of_its_own(ex: Extractor) -> None:
    text = "Kenya asked Sudan's army to stop the shelling of El Obeid and rejected the new plan."
    found = triples(claims(ex, text))
    assert ("KEN", "demand", "ceasefire") in found
    assert any(a == "KEN" and k == "reject" for a, k, _ in found)
    assert ("KEN", "demand", "process") not in found


def test_malabo_speaks_for_equatorial_guinea(ex: Extractor) -> None:
    text = "Malabo said it was open to joint development of any oil found near the islands."
    found = triples(claims(ex, text))
    assert any(a == "GNQ" and k == "offer" for a, k, _ in found)


def test_support_in_a_that_clause_hung_on_a_noun(ex: Extractor) -> None:
    text = (
        "The Chinese embassy said in a statement on its website that Beijing supports the "
        "canal project as part of its cooperation with Phnom Penh."
    )
    assert any(c.actor == "CHN" and c.kind == "accept" for c in claims(ex, text))


def test_a_court_judgment_to_be_carried_out_is_justice(ex: Extractor) -> None:
    text = (
        "Guyana's government said the judgment of the court must be carried out in full and "
        "without delay."
    )
    assert ("GUY", "demand", "justice") in triples(claims(ex, text))


def test_a_hyphenated_title_places_a_minister_in_a_parliament_transcript(ex: Extractor) -> None:
    text = (
        "National Assembly of Armenia -- Question time\n\n"
        "YEREVAN, May 14, 2025 -- Questions to the government on the Lachin road.\n\n"
        "DEPUTY ANNA GRIGORYAN: Minister, what has the government asked of Baku?\n\n"
        "DEPUTY-MINISTER OF FOREIGN AFFAIRS ARMEN HOVSEPYAN: We have asked Baku to reopen the "
        "road to civilian traffic before the winter.\n"
    )
    found = triples(claims(ex, text))
    assert any(a == "ARM" and k == "demand" for a, k, _ in found)


def test_not_something_a_party_would_sign_rejects_the_subject(ex: Extractor) -> None:
    text = (
        "A truce that let the rebels regroup was not something Khartoum would ever sign, the "
        "Sudanese envoy told reporters in Jeddah."
    )
    found = triples(claims(ex, text))
    assert ("SDN", "reject", "ceasefire") in found
    assert ("SDN", "accept", "ceasefire") not in found


def test_not_something_a_people_would_give_up_holds_the_subject(ex: Extractor) -> None:
    text = (
        "Serbia's president said the protection of the monasteries is not something our "
        "people will ever give up."
    )
    found = triples(claims(ex, text))
    assert any(a == "SRB" and k == "demand" for a, k, _ in found)


def test_a_meeting_not_discussed_is_no_verdict(ex: Extractor) -> None:
    text = "Peru's minister said the island's status was not something they had discussed."
    assert not any(c.kind in ("reject", "demand") for c in claims(ex, text))


def test_the_north_after_north_korea_speaks_for_it(ex: Extractor) -> None:
    text = (
        "North Korea tested a cruise missile on Monday. A spokesman in Pyongyang said the "
        "North was ready to open a new chapter in relations with Tokyo."
    )
    assert any(c.actor == "PRK" for c in claims(ex, text))


def test_tariffs_are_about_trade(ex: Extractor) -> None:
    text = "Paraguay said it would not accept a tariff that halves its revenue from the dam."
    found = triples(claims(ex, text))
    assert ("PRY", "reject", "economy") in found
    assert ("PRY", "reject", "sanctions") not in found


def test_an_apology_asked_for_is_about_justice(ex: Extractor) -> None:
    text = (
        "Namibia's government has asked Berlin for a formal apology for the killings of "
        "1904 to 1908."
    )
    assert ("NAM", "demand", "justice") in triples(claims(ex, text))


def test_calling_troops_unacceptable_rejects_them_and_asks_nothing(ex: Extractor) -> None:
    text = "Belgrade calls any NATO troops in the north of Kosovo unacceptable."
    found = triples(claims(ex, text))
    assert any(a == "SRB" and k == "reject" for a, k, _ in found)
    assert not any(a == "SRB" and k == "demand" for a, k, _ in found)


def test_a_ruling_called_illegal_is_rejected(ex: Extractor) -> None:
    text = "Venezuela called the arbitral ruling illegal and said it would ignore it."
    assert any(c.actor == "VEN" and c.kind == "reject" for c in claims(ex, text))


def test_ready_to_keep_hosting_talks_offers_them(ex: Extractor) -> None:
    text = "Oman said it was ready to keep hosting the talks between Tehran and Washington."
    found = triples(claims(ex, text))
    assert ("OMN", "offer", "process") in found
    assert ("OMN", "accept", "process") not in found
