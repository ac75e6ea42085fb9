"""Acts retold from years before, aims held on to, recourse to a court on a condition,
measures kept until another side moves, the terms of a signed text, veiled threats, unnamed
interviewees, pledges about a state's soil and the words of trade and security cooperation;
sentences written for these tests, across several conflicts."""

from __future__ import annotations

from datetime import date

from detente.extract import Extractor
from extracting import claims, triples


def test_an_act_dated_years_before_the_report_is_background(ex: Extractor) -> None:
    text = (
        "Ethiopia and Eritrea signed a border agreement in Algiers in 2000. On Monday Eritrea "
        "demanded that Ethiopia withdraw its troops from Badme."
    )
    found = claims(ex, text, date(2025, 6, 1))
    assert ("ERI", "demand", "territory") in triples(found)
    assert not [c for c in found if "2000" in c.quote]


def test_an_act_of_last_year_is_still_reported(ex: Extractor) -> None:
    text = "Somalia agreed in 2024 to a joint commission with Kenya."
    found = triples(claims(ex, text, date(2025, 6, 1)))
    assert ("SOM", "accept", "process") in found


def test_a_claim_maintained_is_a_demand(ex: Extractor) -> None:
    found = triples(claims(ex, "Ethiopia maintains its claim to a port on the Red Sea."))
    assert any(a == "ETH" and k == "demand" for a, k, _ in found)


def test_a_goal_not_dropped_is_demanded(ex: Extractor) -> None:
    text = "Washington has not dropped its goal of the complete denuclearisation of North Korea."
    assert ("USA", "demand", "military_limits") in triples(claims(ex, text))


def test_a_position_stuck_to_is_demanded_on_its_content(ex: Extractor) -> None:
    text = (
        "The Serbian president said Belgrade would stick to its position that Kosovo is part "
        "of Serbia."
    )
    assert ("SRB", "demand", "territory") in triples(claims(ex, text))


def test_a_claim_dropped_is_no_demand(ex: Extractor) -> None:
    found = triples(claims(ex, "Ethiopia dropped its claim to a port on the Red Sea."))
    assert not any(a == "ETH" and k == "demand" for a, k, _ in found)


def test_recourse_to_international_forums_on_a_condition_is_a_threat(ex: Extractor) -> None:
    text = (
        "Bangladesh could take the matter to international forums if India does not respond, "
        "the foreign adviser said."
    )
    found = triples(claims(ex, text))
    assert any(a == "BGD" and k == "threaten" for a, k, _ in found)


def test_taking_the_lead_on_a_condition_is_no_threat(ex: Extractor) -> None:
    text = "Uganda said it would take the lead in the talks if the mediators asked."
    assert not any(k == "threaten" for _, k, _ in triples(claims(ex, text)))


def test_a_ban_kept_until_the_other_side_moves_is_a_threat(ex: Extractor) -> None:
    text = (
        "Moldova said the ban on imports from the region would remain until Tiraspol lifted "
        "its own restrictions."
    )
    found = triples(claims(ex, text))
    assert any(a == "MDA" and k == "threaten" for a, k, _ in found)


def test_defensive_measures_kept_refuse_their_removal(ex: Extractor) -> None:
    text = (
        "Kigali said its defensive measures along the border would remain in place as long as "
        "the FDLR was armed."
    )
    found = triples(claims(ex, text))
    assert ("RWA", "reject", "military_limits") in found
    assert not any(k == "threaten" for _, k, _ in found)


def test_the_terms_of_a_signed_treaty_are_accepted_not_demanded(ex: Extractor) -> None:
    text = (
        "Canberra and Port Moresby signed a mutual defence treaty on Monday, obliging each "
        "country to defend the other if it comes under attack."
    )
    found = triples(claims(ex, text))
    assert ("AUS", "accept", "security_guarantees") in found
    assert ("PNG", "accept", "security_guarantees") in found
    assert not any(k == "demand" for _, k, _ in found)


def test_agreeing_to_stay_in_contact_accepts_the_talks(ex: Extractor) -> None:
    found = triples(claims(ex, "India and Bangladesh agreed to remain in regular contact."))
    assert found == {("IND", "accept", "process"), ("BGD", "accept", "process")}


def test_considering_other_options_on_a_condition_is_a_veiled_threat(ex: Extractor) -> None:
    text = (
        "The Palauan president said his country might have to consider other options if "
        "Washington did not keep its commitments."
    )
    assert any(a == "PLW" and k == "threaten" for a, k, _ in triples(claims(ex, text)))


def test_a_states_own_code_tagged_as_an_organisation_is_that_state(ex: Extractor) -> None:
    text = "PNG would go on trading with China and welcoming its investment, the minister said."
    actors = {c.actor for c in claims(ex, text)}
    assert "PNG" in actors
    assert "png" not in actors


def test_a_safeguard_clause_in_trade_talks_is_economy(ex: Extractor) -> None:
    text = "The Swiss government insisted on a safeguard clause for immigration."
    assert ("CHE", "demand", "economy") in triples(claims(ex, text))


def test_sharing_intelligence_on_traffickers_is_a_security_offer(ex: Extractor) -> None:
    text = (
        "Jordan's foreign minister said Amman would share intelligence with Damascus on the "
        "traffickers."
    )
    assert ("JOR", "offer", "security_guarantees") in triples(claims(ex, text))


def test_soil_not_used_to_destabilise_a_neighbour_is_a_pledge(ex: Extractor) -> None:
    text = (
        "The Nigerian minister said Nigeria would never allow its soil to be used to "
        "destabilise Niger."
    )
    found = triples(claims(ex, text))
    assert ("NGA", "offer", "security_guarantees") in found
    assert not any(k == "reject" for _, k, _ in found)


def test_an_unnamed_interviewee_is_the_source_of_the_answers(ex: Extractor) -> None:
    text = (
        "AMMAN, May 4 -- We spoke with a senior official of Jordan's foreign ministry, who "
        "asked not to be named.\n\n"
        "Q: What do you want from Damascus?\n\n"
        "A: We want the smuggling networks in the south dismantled. We are ready to set up a "
        "joint committee with the new government.\n"
    )
    found = [c for c in claims(ex, text) if c.actor == "JOR"]
    assert found
    assert all(
        any("senior official of Jordan's foreign ministry" in s for s in c.sources) for c in found
    )


def test_waters_said_not_to_be_used_against_a_neighbour_are_a_pledge(ex: Extractor) -> None:
    text = (
        "Sri Lanka said its waters will not be used in any manner that harms the security of India."
    )
    assert ("LKA", "offer", "security_guarantees") in triples(claims(ex, text))


def test_help_offered_to_the_parties_is_an_offer_of_what_it_helps(ex: Extractor) -> None:
    found = triples(claims(ex, "Qatar will help the two sides reach a deal on prisoners."))
    assert ("QAT", "offer", "process") in found


def test_help_given_in_the_past_is_no_offer(ex: Extractor) -> None:
    assert claims(ex, "The UN helped the parties draft the text last year.") == []


def test_a_position_that_will_not_change_holds_what_it_is_about(ex: Extractor) -> None:
    text = "Our position on the status of Abkhazia will not change, the Georgian minister said."
    assert ("GEO", "demand", "territory") in triples(claims(ex, text))


def test_refusing_to_enter_into_negotiations_rejects_them(ex: Extractor) -> None:
    text = "Georgetown would not enter into bilateral negotiations on its territory."
    found = triples(claims(ex, text))
    assert any(a == "GUY" and k == "reject" for a, k, _ in found)
    assert not any(k in ("offer", "accept") for _, k, _ in found)


def test_continuing_a_concession_offers_it(ex: Extractor) -> None:
    text = (
        "Israel will continue to allow aid trucks into Gaza through Kerem Shalom, the defence "
        "ministry said."
    )
    assert ("ISR", "offer", "humanitarian") in triples(claims(ex, text))


def test_continuing_the_mediation_offers_the_talks(ex: Extractor) -> None:
    found = triples(claims(ex, "Qatar and Turkey would continue their mediation efforts."))
    assert found == {("QAT", "offer", "process"), ("TUR", "offer", "process")}


def test_a_court_continuing_its_work_is_no_stance(ex: Extractor) -> None:
    assert claims(ex, "The special court would continue its work, the ministry said.") == []


def test_a_source_agreeing_to_be_interviewed_holds_no_stance(ex: Extractor) -> None:
    text = (
        "Sudan's army-backed government accuses Chad of arming the RSF. We spoke with a senior "
        "official of Sudan's foreign ministry, who agreed to be interviewed provided his name "
        "was withheld."
    )
    assert not [c for c in claims(ex, text) if "interviewed" in c.quote]


def test_a_speaker_label_that_names_no_one_is_a_source(ex: Extractor) -> None:
    text = (
        "BACKGROUND BRIEFING ON THE SUDAN TALKS\n"
        "U.S. Department of State, Washington, May 3, 2025\n\n"
        "MODERATOR: Thanks, everyone. Today we have a senior State Department official to "
        "discuss the talks.\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL: The United States wants both armies to agree to a "
        "humanitarian truce.\n\n"
        "QUESTION: Will you sanction the RSF leaders?\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL: We are not going to rule anything out.\n"
    )
    found = [c for c in claims(ex, text) if c.actor == "USA" and c.kind == "demand"]
    assert found
    assert all(
        any("senior state department official" in s.lower() for s in c.sources) for c in found
    )
