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
        "Talks between Belgrade and Pristina did not resume until March, the EU mediator "
        "recalled."
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
