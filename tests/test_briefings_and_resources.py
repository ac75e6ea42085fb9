"""Plans that name what they contain, outlets quoted in an aside, readiness for talks, a
warning put in the passive, small places moved or held, resources divided between states at
peace, a state's claims, and briefings given in a government's name; sentences written for
these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_a_plan_to_disarm_takes_the_issue_of_what_it_contains(ex: Extractor) -> None:
    text = (
        "Iraq's cabinet approved the first phase of its plan to disarm the militias along the "
        "Syrian border."
    )
    found = triples(claims(ex, text))
    assert ("IRQ", "accept", "military_limits") in found
    assert ("IRQ", "accept", "process") not in found


def test_a_plan_that_names_nothing_stays_a_stance_on_the_process(ex: Extractor) -> None:
    text = "Iraq's cabinet approved the second phase of its plan."
    assert triples(claims(ex, text)) == {("IRQ", "accept", "process")}


def test_an_outlet_quoted_in_an_aside_is_a_source(ex: Extractor) -> None:
    text = (
        "The Pakistani minister, as the APP agency reported, assured the delegates that "
        "Islamabad would guarantee the security of the pipeline."
    )
    found = [c for c in claims(ex, text) if c.actor == "PAK"]
    assert found
    assert all("APP agency" in c.sources for c in found)


def test_readiness_for_talks_on_implementing_a_text_offers_them(ex: Extractor) -> None:
    text = "Slovakia remains ready for talks with Hungary on the implementation of the agreement."
    found = triples(claims(ex, text))
    assert ("SVK", "offer", "process") in found
    assert not any(k == "accept" for _, k, _ in found)


def test_readiness_to_discuss_in_a_commission_offers_talks(ex: Extractor) -> None:
    text = (
        "The minister said Kazakhstan is ready to discuss all outstanding questions in the "
        "joint commission."
    )
    assert triples(claims(ex, text)) == {("KAZ", "offer", "process")}


def test_a_side_held_responsible_is_warned_by_the_speaker(ex: Extractor) -> None:
    text = (
        "Qatari officials said Bahrain would be held responsible for any incident near the shoals."
    )
    found = triples(claims(ex, text))
    assert any(a == "QAT" and k == "threaten" for a, k, _ in found)
    assert not any(a == "BHR" for a, _, _ in found)


def test_a_small_place_troops_will_not_leave_is_land(ex: Extractor) -> None:
    text = "Belize said its soldiers would not leave Sarstoon until the boundary had been marked."
    found = triples(claims(ex, text))
    assert ("BLZ", "reject", "territory") in found
    assert ("BLZ", "demand", "territory") in found


def test_ownership_of_an_offshore_field_is_a_matter_of_land(ex: Extractor) -> None:
    text = "The Arab League said it supported the sole ownership of the offshore field by Qatar."
    assert ("arab_league", "accept", "territory") in triples(claims(ex, text))


def test_water_between_states_at_peace_is_economy(ex: Extractor) -> None:
    text = "Namibia said it would not pay Angola for water that flows down the Cunene river."
    found = triples(claims(ex, text))
    assert ("NAM", "reject", "economy") in found
    assert not any(i == "humanitarian" for _, _, i in found)


def test_water_in_a_war_stays_relief(ex: Extractor) -> None:
    text = (
        "The UN said Israel must let water and fuel into Gaza, where shelling continued and "
        "airstrikes killed dozens of people overnight."
    )
    assert ("un", "demand", "humanitarian") in triples(claims(ex, text))


def test_a_share_of_the_catch_is_economy(ex: Extractor) -> None:
    text = "Iceland will not accept a smaller share of the catch, its fisheries minister said."
    assert ("ISL", "reject", "economy") in triples(claims(ex, text))


def test_a_peoples_claims_rejected_are_a_claim_of_title(ex: Extractor) -> None:
    assert triples(claims(ex, "Malaysia rejected the Philippine claims.")) == {
        ("MYS", "reject", "territory")
    }


def test_claims_that_say_something_are_words_not_title(ex: Extractor) -> None:
    assert claims(ex, "Rwanda rejected claims that it armed the rebels.") == []
    assert claims(ex, "Rwanda rejected the UN experts' claims.") == []


BRIEFING = """TRANSCRIPT: Weekly press briefing, Lome, May 4, 2025 (Togo, Burkina Faso border)

Transcript of the weekly press briefing of the Government of Togo, held in Lome on Friday. The \
spokesperson answered questions on relations with Burkina Faso and Ghana.

SPOKESPERSON: Good morning. We are ready to reopen the Sinkasse crossing to trucks the day the \
escorts resume on the other side.

Q: Ghana's president says he will mediate. Does the government support that?

SPOKESPERSON: The government welcomes every initiative of good will.
"""


def test_a_briefing_of_a_named_government_speaks_for_that_state(ex: Extractor) -> None:
    found = claims(ex, BRIEFING)
    ready = [c for c in found if c.quote.startswith("We are ready")]
    assert ready and all(c.actor == "TGO" and c.kind == "offer" for c in ready)


def test_the_government_in_its_spokespersons_answer_is_that_state(ex: Extractor) -> None:
    found = claims(ex, BRIEFING)
    welcomes = [c for c in found if "welcomes" in c.quote]
    assert welcomes and all(c.actor == "TGO" for c in welcomes)
    assert ("GHA", "accept", "process") not in triples(found)


def test_cooperation_on_a_named_matter_is_about_that_matter(ex: Extractor) -> None:
    text = "Moroni is ready to cooperate with Paris on migration."
    assert triples(claims(ex, text)) == {("COM", "offer", "humanitarian")}


def test_a_capital_that_is_a_common_name_speaks_for_a_state_the_report_names(
    ex: Extractor,
) -> None:
    text = (
        "Seychelles and India resumed talks on the island. Victoria wants any new agreement "
        "to bar foreign warships from the island."
    )
    assert any(c.actor == "SYC" and c.kind == "demand" for c in claims(ex, text))


def test_the_same_name_without_its_state_is_no_capital(ex: Extractor) -> None:
    text = "Victoria wants the tariffs lifted, the state premier said in Melbourne."
    assert not any(c.actor == "SYC" for c in claims(ex, text))


def test_accepting_nothing_short_of_a_step_demands_it(ex: Extractor) -> None:
    text = "Mauritius will accept nothing short of the return of the Chagos Islands."
    assert triples(claims(ex, text)) == {("MUS", "demand", "territory")}


def test_islands_named_in_another_language_are_land(ex: Extractor) -> None:
    text = "Madagascar said it would accept nothing short of the return of the Iles Eparses."
    assert ("MDG", "demand", "territory") in triples(claims(ex, text))
