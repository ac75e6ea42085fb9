"""Steps held back on terms ("talks would not resume while …"), speakers placed by a title set
before their name in a transcript's heading, and terror-list removals as sanctions; sentences
written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_talks_held_back_while_hostages_are_held(ex: Extractor) -> None:
    text = (
        "Colombia's government said on Friday that the talks would not resume while the ELN "
        "kept holding hostages in Arauca."
    )
    found = triples(claims(ex, text))
    assert ("COL", "reject", "process") in found
    assert ("COL", "demand", "humanitarian") in found


def test_a_transfer_that_cannot_take_place_until_the_guns_fall_silent(ex: Extractor) -> None:
    text = (
        "The first transfer of detainees could not take place until the guns fell silent "
        "around Goma, Qatar's foreign ministry said."
    )
    assert ("QAT", "demand", "ceasefire") in triples(claims(ex, text))


def test_cooperation_held_back_as_long_as_troops_stay(ex: Extractor) -> None:
    text = (
        "Kinshasa said economic cooperation with Kigali would not go ahead as long as Rwandan "
        "soldiers stayed on Congolese soil."
    )
    found = triples(claims(ex, text))
    assert ("COD", "reject", "economy") in found
    assert any(a == "COD" and k == "demand" for a, k, _ in found)


def test_talks_that_did_not_resume_until_spring_are_a_fact(ex: Extractor) -> None:
    text = (
        "Talks between Belgrade and Pristina did not resume until March, the EU mediator recalled."
    )
    assert not any(c.kind == "reject" for c in claims(ex, text))


def test_a_party_holding_back_its_own_step_keeps_the_step_issue(ex: Extractor) -> None:
    text = (
        "The M23 said it would not hand over its weapons while Kinshasa kept its fighters in "
        "prison."
    )
    assert ("m23", "reject", "military_limits") in triples(claims(ex, text))


def test_a_title_before_the_name_places_the_speaker_of_a_transcript(ex: Extractor) -> None:
    text = (
        "TRANSCRIPT: Press conference by Guyana's Minister of Foreign Affairs, Rohan Persaud, "
        "Georgetown, May 6, 2025\n\n"
        "MR PERSAUD: Thank you for coming. Our border was settled by the 1899 award and we "
        "will never give up an inch of the Essequibo.\n\n"
        "Q: Will you meet Caracas?\n\n"
        "MR PERSAUD: We are ready to talk, but only at the International Court of Justice.\n"
    )
    found = claims(ex, text)
    assert any(c.actor == "GUY" and c.kind == "reject" for c in found)
    assert not any(c.actor == "VEN" and c.kind == "reject" for c in found)


def test_removal_from_the_terror_list_is_about_sanctions(ex: Extractor) -> None:
    text = (
        "Mexico and Spain had asked Washington to take Cuba off the list of state sponsors "
        "of terrorism, the official said."
    )
    found = triples(claims(ex, text))
    assert ("MEX", "demand", "sanctions") in found
    assert ("MEX", "demand", "security_guarantees") not in found


def test_a_line_that_there_will_be_no_talks_rejects_them(ex: Extractor) -> None:
    text = (
        "Nigeria's position is that there will be no talks with the separatists unless they "
        "first lay down their weapons."
    )
    found = triples(claims(ex, text))
    assert ("NGA", "reject", "process") in found
    assert ("NGA", "demand", "military_limits") in found


def test_wanting_a_country_inside_an_alliance_is_about_the_alliance(ex: Extractor) -> None:
    text = "The State Department wants Finland inside NATO before the summit in Vilnius."
    assert ("USA", "demand", "alliances") in triples(claims(ex, text))


def test_looking_to_a_party_to_act_is_a_demand(ex: Extractor) -> None:
    text = "The EU looks to Moscow to withdraw its troops from Transnistria."
    assert any(c.actor == "eu" and c.kind == "demand" for c in claims(ex, text))


def test_the_door_to_dialogue_read_as_an_infinitive_still_opens_talks(ex: Extractor) -> None:
    text = "The door to dialogue remains open, the Serbian foreign minister said."
    assert ("SRB", "offer", "process") in triples(claims(ex, text))


def test_expecting_any_agreement_to_settle_a_matter_is_a_demand(ex: Extractor) -> None:
    text = (
        "Seoul expects any agreement between Washington and Pyongyang to settle the fate of "
        "the detained South Korean missionaries."
    )
    assert any(c.actor == "KOR" and c.kind == "demand" for c in claims(ex, text))


def test_expecting_a_truce_to_hold_is_a_forecast(ex: Extractor) -> None:
    text = "Ankara expects the truce in Idlib to hold through the winter."
    assert not any(c.actor == "TUR" and c.kind == "demand" for c in claims(ex, text))


def test_no_reason_to_lift_a_penalty_refuses_it(ex: Extractor) -> None:
    text = "Britain said it saw no reason to lift sanctions on Belarusian potash exports."
    assert ("GBR", "reject", "sanctions") in triples(claims(ex, text))


def test_no_reason_to_refuse_talks_accepts_them(ex: Extractor) -> None:
    text = "Caracas sees no reason to refuse talks with Georgetown on the Essequibo."
    found = triples(claims(ex, text))
    assert ("VEN", "accept", "process") in found
    assert ("VEN", "reject", "process") not in found


def test_aid_that_flows_only_once_a_step_is_taken_demands_the_step(ex: Extractor) -> None:
    text = (
        "The European Commission said reconstruction aid for Gaza would flow only once Hamas "
        "had handed over its weapons."
    )
    found = triples(claims(ex, text))
    assert ("eu", "demand", "military_limits") in found
    assert not any(a == "eu" and k == "offer" for a, k, _ in found)


def test_talks_resuming_if_the_weather_allows_set_no_terms(ex: Extractor) -> None:
    text = "The mediator said talks would resume on Monday if the weather allowed."
    assert not any(c.kind == "demand" for c in claims(ex, text))


def test_calling_a_pullout_a_manoeuvre_rejects_it(ex: Extractor) -> None:
    text = "Kinshasa calls the announced pullout of the rebels a manoeuvre."
    assert any(c.actor == "COD" and c.kind == "reject" for c in claims(ex, text))


def test_a_position_that_troops_will_not_leave_until_refuses_the_step(ex: Extractor) -> None:
    text = (
        "Armenia's position is that its troops will not leave the border villages until "
        "Azerbaijan withdraws from the heights."
    )
    found = triples(claims(ex, text))
    assert ("ARM", "reject", "territory") in found
    assert ("ARM", "demand", "territory") in found
