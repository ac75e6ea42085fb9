"""A briefing heading whose body is named by a nationality adjective, an open door offered,
verdict adjectives of praise, announced designations as enemies, a ministry standing for its
state, texts signed long ago, keeping on with one's own help, and issue words for
safe-conducts, freight, fencing and a grouping's partner tier; sentences written for these
tests, across several conflicts."""

from __future__ import annotations

from datetime import date

from detente.extract import Extractor
from extracting import claims, triples


def test_a_heading_body_named_by_an_adjective_owns_the_briefing(ex: Extractor) -> None:
    # the heading also names the state the briefing is about, in brackets after the place
    text = (
        "TRANSCRIPT: Regular briefing of the Kenyan Ministry of Foreign Affairs, Nairobi, "
        "Tuesday, March 4, 2025 (Somalia: the maritime boundary and the offshore blocks)\n\n"
        "SPOKESPERSON: Good morning. We call on Mogadishu to withdraw the licences it "
        "awarded in the disputed blocks.\n\n"
        "Q: Will Nairobi go back to the court?\n\n"
        "SPOKESPERSON: We are ready to resume talks on the maritime boundary at any time."
    )
    found = claims(ex, text)
    assert {c.actor for c in found} == {"KEN"}
    assert ("KEN", "demand") in {(c.actor, c.kind) for c in found}


def test_an_adjective_of_language_still_names_no_owner(ex: Extractor) -> None:
    # "questions asked in Romanian and Russian": languages, not the body giving the briefing
    text = (
        "TRANSCRIPT: Press conference, Chisinau, questions asked in Romanian and Russian\n\n"
        "SPOKESPERSON: We call on Tiraspol to release the detained customs officers."
    )
    assert {c.actor for c in claims(ex, text)} <= {"MDA"}


def test_an_open_door_is_the_holders_offer(ex: Extractor) -> None:
    text = "The door to dialogue with the ELN remains open, the Colombian government said."
    found = claims(ex, text)
    assert ("COL", "offer", "process") in triples(found)
    assert not [c for c in found if c.kind == "accept"]


def test_a_vote_called_historic_is_accepted(ex: Extractor) -> None:
    text = "Rabat called the Security Council vote on the autonomy plan historic."
    assert ("MAR", "accept") in {(c.actor, c.kind) for c in claims(ex, text)}


def test_a_deal_described_as_fair_is_accepted(ex: Extractor) -> None:
    text = "Dushanbe described the water-sharing accord with Tashkent as fair."
    assert ("TJK", "accept") in {(c.actor, c.kind) for c in claims(ex, text)}


def test_fighters_to_be_treated_as_enemies_are_warned(ex: Extractor) -> None:
    text = (
        "Insurgents who refuse to hand in their weapons by June will be considered enemies, "
        "Mozambique's defence minister said."
    )
    assert ("MOZ", "threaten") in {(c.actor, c.kind) for c in claims(ex, text)}


def test_a_standing_view_of_an_enemy_is_no_warning(ex: Extractor) -> None:
    text = "Pyongyang regards Seoul as its principal enemy, the defence white paper says."
    assert not [c for c in claims(ex, text) if c.kind == "threaten"]


def test_the_ministry_of_external_affairs_speaks_for_india(ex: Extractor) -> None:
    text = (
        "The Ministry of External Affairs said it would not suspend work on the border "
        "fencing near the zero line."
    )
    found = claims(ex, text)
    assert found and {c.actor for c in found} == {"IND"}
    assert ("IND", "reject", "territory") in triples(found)


def test_border_guards_stand_for_their_states(ex: Extractor) -> None:
    text = (
        "At the talks in Dhaka, the BGB demanded that the BSF stop building the fence within "
        "150 yards of the boundary."
    )
    assert ("BGD", "demand") in {(c.actor, c.kind) for c in claims(ex, text)}


def test_safe_conducts_for_asylees_are_humanitarian(ex: Extractor) -> None:
    text = (
        "Mexico demanded that Lima issue safe-conduct passes for the former minister "
        "sheltering in its embassy."
    )
    assert ("MEX", "demand", "humanitarian") in triples(claims(ex, text))


def test_limits_on_lorries_are_economy(ex: Extractor) -> None:
    text = (
        "Rome said it would not accept any arrangement that capped the number of lorries "
        "crossing the Alps, and urged Vienna to lift the night ban on hauliers."
    )
    found = triples(claims(ex, text))
    assert ("ITA", "reject", "economy") in found


def test_a_grouping_partner_tier_is_an_alliance_matter(ex: Extractor) -> None:
    text = "New Delhi blocked Islamabad's bid for BRICS partner status at the summit in Rio."
    assert ("PAK", "demand", "alliances") in triples(claims(ex, text))


def test_an_open_door_to_dialogue_with_a_partner_is_offered(ex: Extractor) -> None:
    # "to dialogue" read as an infinitive with "with the group" hung on it is still the noun
    text = "The door to dialogue with the SDF remains open, the Syrian presidency said."
    assert ("SYR", "offer", "process") in triples(claims(ex, text))


def test_a_text_named_by_an_old_year_was_signed_long_ago(ex: Extractor) -> None:
    text = (
        "Caracas signed the 1954 convention on diplomatic asylum, Buenos Aires said, and it "
        "must now let the five opposition members leave the residence."
    )
    assert not [c for c in claims(ex, text, date(2025, 1, 3)) if c.actor == "VEN"]
    # a text signed this year is a current acceptance
    recent = "Caracas signed the 2025 protocol on consular access, Buenos Aires said."
    assert ("VEN", "accept") in {(c.actor, c.kind) for c in claims(ex, recent, date(2025, 5, 3))}


def test_an_old_text_ratified_now_is_still_accepted(ex: Extractor) -> None:
    text = "Peru ratified the 1982 convention on the law of the sea last week."
    found = claims(ex, text, date(2025, 6, 1))
    assert ("PER", "accept") in {(c.actor, c.kind) for c in found}


def test_keeping_on_with_ones_own_help_is_offered(ex: Extractor) -> None:
    text = "Berlin will keep funding the reconstruction of schools in Idlib, the minister said."
    found = claims(ex, text)
    assert ("DEU", "offer") in {(c.actor, c.kind) for c in found}
    assert not [c for c in found if c.kind == "demand"]


def test_keeping_troops_in_place_still_refuses_their_withdrawal(ex: Extractor) -> None:
    text = "Ankara will keep its troops in northern Iraq, the defence ministry said."
    assert ("TUR", "reject") in {(c.actor, c.kind) for c in claims(ex, text)}
