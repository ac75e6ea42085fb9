"""Agency-register stances: an editor's framing clause ("It should be noted that …") that
binds nobody, an unnamed role reported from a venue ("In Ankara, a defence ministry
spokesperson warned …"), threats voiced as a freed hand or a resolute response, and a voiced
expectation; sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def kinds_of(found: list[Claim], actor: str) -> set[str]:
    return {c.kind for c in found if c.actor == actor}


# -- editorial framing ---------------------------------------------------------------------


def test_it_should_be_noted_keeps_the_reported_offer(ex: Extractor) -> None:
    text = (
        "It should be noted that on the same day the Serbian government stated that Belgrade "
        "was ready to continue the dialogue with Pristina."
    )
    assert ("SRB", "process") in {(c.actor, c.issue) for c in claims(ex, text)}


def test_it_should_be_recalled_keeps_the_reported_demand(ex: Extractor) -> None:
    text = (
        "It should be recalled that last year the Azerbaijani foreign ministry said Baku "
        "wanted a peace treaty signed by December."
    )
    assert ("AZE", "demand", "process") in triples(claims(ex, text))


def test_a_real_obligation_on_a_party_is_still_a_demand(ex: Extractor) -> None:
    text = "Kyiv should be consulted on any deal, Zelensky said."
    assert ("UKR", "demand", "process") in triples(claims(ex, text))


# -- an unnamed role reported from a venue ----------------------------------------------------


def test_venue_gives_the_side_of_an_unnamed_spokesperson(ex: Extractor) -> None:
    text = (
        "In Beijing, a foreign ministry spokesperson warned that any further intrusion into "
        "the waters around the reef would meet a resolute response."
    )
    assert kinds_of(claims(ex, text), "CHN") == {"threaten"}


def test_venue_gives_the_side_of_an_unnamed_official(ex: Extractor) -> None:
    text = (
        "In Baku, a presidential aide warned that any attempt to reopen the Karabakh question "
        "would meet a decisive response."
    )
    assert "threaten" in kinds_of(claims(ex, text), "AZE")


def test_a_national_role_keeps_its_own_side_over_the_venue(ex: Extractor) -> None:
    text = "In Moscow, a Chinese diplomat said Beijing supported the ceasefire."
    found = claims(ex, text)
    assert ("CHN", "accept", "ceasefire") in triples(found)
    assert not any(c.actor == "RUS" for c in found)


# -- threats: a freed hand, a resolute response ----------------------------------------------


def test_considering_itself_free_to_revise_is_a_threat(ex: Extractor) -> None:
    text = (
        "Baku will consider itself free to revise the border protocols if Yerevan keeps "
        "stalling the talks, the Azerbaijani foreign ministry said."
    )
    assert "threaten" in kinds_of(claims(ex, text), "AZE")


def test_considering_itself_free_to_suspend_an_agreement_is_a_threat(ex: Extractor) -> None:
    text = (
        "The Serbian foreign ministry said that if Pristina keeps the crossings closed, "
        "Belgrade will consider itself free to suspend the energy agreement."
    )
    assert "threaten" in kinds_of(claims(ex, text), "SRB")


def test_a_resolute_response_to_an_incursion_is_a_threat(ex: Extractor) -> None:
    text = (
        "Venezuela warned that any further incursion by Guyanese soldiers would meet a "
        "resolute response."
    )
    assert "threaten" in kinds_of(claims(ex, text), "VEN")


# -- a voiced expectation -------------------------------------------------------------------


def test_voiced_expectation_is_a_demand(ex: Extractor) -> None:
    text = (
        "Vucic voiced the expectation that Pristina would form the association of Serb "
        "municipalities."
    )
    assert ("SRB", "demand") in {(c.actor, c.kind) for c in claims(ex, text)}


def test_expressed_hope_is_a_demand(ex: Extractor) -> None:
    text = (
        "The Armenian foreign minister expressed the hope that Azerbaijan would sign the "
        "peace treaty without new preconditions."
    )
    assert "demand" in kinds_of(claims(ex, text), "ARM")


# -- what an answered conduct names ---------------------------------------------------------


def test_an_intrusion_into_waters_makes_the_threat_about_territory(ex: Extractor) -> None:
    text = (
        "Venezuela warned that any further intrusion into its territorial waters would meet "
        "a decisive response."
    )
    assert ("VEN", "threaten", "territory") in triples(claims(ex, text))


def test_a_foreign_deployment_is_not_filed_under_the_fighting(ex: Extractor) -> None:
    text = "Any deployment of Western troops in Ukraine would be met with a firm response, the Kremlin said."
    found = {(c.kind, c.issue) for c in claims(ex, text) if c.actor == "RUS"}
    assert ("threaten", "military_limits") in found
    assert ("threaten", "ceasefire") not in found


def test_an_answered_strike_keeps_the_threat_on_the_fighting(ex: Extractor) -> None:
    text = "Any new strike on the port would be answered in kind, the Houthis said."
    assert ("houthis", "threaten", "ceasefire") in triples(claims(ex, text))


def test_a_freed_hand_is_no_release_of_people(ex: Extractor) -> None:
    text = (
        "Baku will consider itself free to revise the border protocols if Yerevan keeps "
        "stalling the talks, the Azerbaijani foreign ministry said."
    )
    found = triples(claims(ex, text))
    assert ("AZE", "threaten", "territory") in found
    assert not any(i == "humanitarian" for _, _, i in found)


def test_freeing_a_prisoner_is_still_humanitarian(ex: Extractor) -> None:
    text = "Hamas demanded that Israel free all Palestinian women prisoners."
    assert ("hamas", "demand", "humanitarian") in triples(claims(ex, text))


# -- a body of a state, a signature, a region's own name --------------------------------------


def test_an_unlisted_office_of_a_republic_stands_for_the_state(ex: Extractor) -> None:
    text = (
        "On the same day the Office for Reintegration Policies of the Republic of Georgia "
        "stated that a settlement must be based on the territorial integrity of Georgia."
    )
    found = claims(ex, text)
    assert ("GEO", "demand", "territory") in triples(found)
    assert {c.actor for c in found} == {"GEO"}


def test_an_unlisted_office_of_a_government_stands_for_the_state(ex: Extractor) -> None:
    text = (
        "The Office for Kosovo and Metohija of the Government of Serbia stated that Belgrade "
        "would never recognise Kosovo."
    )
    assert {c.actor for c in claims(ex, text)} == {"SRB"}


def test_putting_signatures_to_a_declaration_is_one_acceptance_each(ex: Extractor) -> None:
    text = (
        "In Cairo, the leaders of France, Jordan and Saudi Arabia put their signatures to a "
        "declaration backing the truce."
    )
    got = triples(claims(ex, text))
    assert {("FRA", "accept", "ceasefire"), ("JOR", "accept", "ceasefire")} <= got
    assert ("SAU", "accept", "ceasefire") in got


def test_the_regions_own_name_is_the_transnistrian_side(ex: Extractor) -> None:
    text = "Pridnestrovie remains committed to a negotiated settlement."
    assert ("transnistria", "offer", "process") in triples(claims(ex, text))


# -- "they" after "both leaders": the report's pair -------------------------------------------


def test_both_leaders_said_they_gives_one_stance_per_party(ex: Extractor) -> None:
    text = (
        "Vucic met Kurti in Brussels on Monday. Both leaders said they were willing to "
        "discuss the missing persons file."
    )
    assert {c.actor for c in claims(ex, text)} == {"SRB", "XKX"}


def test_both_sides_said_they_gives_one_stance_per_party(ex: Extractor) -> None:
    text = (
        "Aliyev and Pashinyan met in Abu Dhabi. Both sides said they were ready to resume "
        "the delimitation talks."
    )
    assert {(c.actor, c.issue) for c in claims(ex, text)} == {
        ("AZE", "process"),
        ("ARM", "process"),
    }


def test_they_after_one_named_speaker_stays_that_speakers(ex: Extractor) -> None:
    text = "Ruto met Museveni in Nairobi. The Kenyan president said they were ready to host talks."
    assert {c.actor for c in claims(ex, text)} == {"KEN"}


# -- the lead after a dateline, voiced nouns, verdicts on means ------------------------------

REGISTER = [
    # a dateline with no agency used to leave "Qatar" a sentence of its own
    ("DOHA, March 3 - Qatar expressed its willingness to host talks.", ("QAT", "offer", "process")),
    (
        "ANKARA, May 9 - Turkey stressed the importance of the territorial integrity of Syria.",
        ("TUR", "demand", "territory"),
    ),
    (
        "Algeria gave assurances that it would not interfere in the talks on Western Sahara.",
        ("DZA", "offer", "process"),
    ),
    (
        "President Tshisekedi announced his intention to convene a national dialogue.",
        ("COD", "propose", "process"),
    ),
    (
        "Qatar's emir expressed his country's willingness to host direct talks.",
        ("QAT", "offer", "process"),
    ),
    (
        "The conflict in Sudan cannot be solved by force but only through dialogue, the "
        "Egyptian foreign minister said.",
        ("EGY", "demand", "process"),
    ),
    (
        "Beijing said the crisis on the peninsula could only be resolved through dialogue.",
        ("CHN", "demand", "process"),
    ),
    (
        "Hanoi called on the parties to settle disputes in the East Sea by peaceful means.",
        ("VNM", "demand", "process"),
    ),
    (
        "China firmly opposes any official interaction between Washington and Taipei.",
        ("CHN", "reject", "recognition"),
    ),
    (
        "Kyiv will not trade territory for peace, the president's chief of staff said.",
        ("UKR", "reject", "territory"),
    ),
    ("Bogota invited the ELN to declare a verifiable truce.", ("COL", "demand", "ceasefire")),
    (
        "Qatar invited both sides to attend a new round of talks in Doha.",
        ("QAT", "offer", "process"),
    ),
    (
        "Serbia has agreed not to block Kosovo's admission to the Council of Europe, a "
        "Belgrade daily reported.",
        ("SRB", "accept", "alliances"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), REGISTER)
def test_ministry_and_agency_register(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, text))


def test_sought_assurances_and_no_intention_keep_their_kinds(ex: Extractor) -> None:
    # sought assurances are the seeker's demand, not the other side's offer
    text = "Kyiv sought assurances that the grain corridor would stay open."
    assert kinds_of(claims(ex, text), "UKR") == {"demand"}
    text = "Moscow has no intention of withdrawing from the occupied regions."
    assert kinds_of(claims(ex, text), "RUS") == {"reject"}
    text = "Myanmar's junta invited the armed groups to lay down their weapons."
    assert kinds_of(claims(ex, text), "MMR") == {"demand"}


def test_a_court_settlement_and_an_annex_to_a_plan_are_no_such_stances(ex: Extractor) -> None:
    # a settlement by a court is history, not a verdict on means
    assert not claims(ex, "The maritime dispute was settled by the court in 2018.")
    text = "Israel announced it would annex the Jordan Valley."
    assert {c.issue for c in claims(ex, text) if c.actor == "ISR"} == {"territory"}
    # an annex to a plan is a document, not land taken
    text = "Belgrade and Pristina agreed on an annex to implement the European plan."
    assert "territory" not in {c.issue for c in claims(ex, text)}


def test_a_newsroom_request_for_comment_is_no_stance(ex: Extractor) -> None:
    text = (
        "KHARTOUM - The RSF said it would withdraw from the city. We have asked the army "
        "spokesman for comment."
    )
    assert {c.actor for c in claims(ex, text)} == {"rsf"}
    assert kinds_of(claims(ex, text), "rsf") == {"offer"}


def test_reserving_the_right_to_act_threatens(ex: Extractor) -> None:
    text = "Tehran reserved the right to take countermeasures against the inspections regime."
    assert kinds_of(claims(ex, text), "IRN") == {"threaten"}


def test_a_name_of_generic_words_is_no_actor_of_its_own(ex: Extractor) -> None:
    text = (
        "KINSHASA - The M23 will not lay down its arms so long as the Government of the "
        "Republic refuses direct talks, the movement said."
    )
    assert {c.actor for c in claims(ex, text)} == {"m23"}


def test_judged_detentions_and_mistakes_are_rejections(ex: Extractor) -> None:
    text = "Georgia called the detentions unacceptable, the foreign ministry said."
    assert ("GEO", "reject", "humanitarian") in triples(claims(ex, text))
    text = "Iran called the IAEA resolution on its enrichment sites a political mistake."
    assert kinds_of(claims(ex, text), "IRN") == {"reject"}
