"""Phrasings of real wire and agency copy that carry a stance without the usual stance verb:
ultimatums, directives, protest gestures, leaving a body, non-recognition, retaliation,
conditional defence, menacing equations, headline grammar and "going to" intent; sentences
written for these tests, across many conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def has(found: list[Claim], actor: str, kind: str, issues: set[str]) -> None:
    assert any(c.actor == actor and c.kind == kind and c.issue in issues for c in found), (
        f"no {actor} {kind} {sorted(issues)} in {sorted(triples(found))}"
    )


# -- ultimatums and directives -----------------------------------------------------------


def test_days_given_to_act_are_a_demand_of_the_act(ex: Extractor) -> None:
    found = claims(
        ex, "The regional bloc Ecowas gave Niger's coup leaders ten days to free the president."
    )
    has(found, "ecowas", "demand", {"governance", "humanitarian"})


def test_a_date_given_to_pull_out_is_a_demand(ex: Extractor) -> None:
    found = claims(
        ex, "Baku gave Yerevan until the end of the month to withdraw its troops from the villages."
    )
    has(found, "AZE", "demand", {"territory", "military_limits"})


def test_a_deadline_for_another_party_to_act_is_a_demand(ex: Extractor) -> None:
    found = claims(ex, "Islamabad set a deadline for Kabul to hand over the militant leaders.")
    has(found, "PAK", "demand", {"justice", "territory", "military_limits", "humanitarian"})


def test_no_deadline_set_is_no_demand(ex: Extractor) -> None:
    found = claims(ex, "Beirut set no deadline for the disarmament of the militia.")
    assert not any(c.kind == "demand" for c in found), sorted(triples(found))


def test_ordering_foreign_troops_out_is_a_demand(ex: Extractor) -> None:
    found = claims(ex, "Niamey ordered the American troops to leave its territory by September.")
    has(found, "NER", "demand", {"territory", "military_limits", "security_guarantees"})


def test_an_order_to_one_s_own_citizens_is_no_stance(ex: Extractor) -> None:
    found = claims(ex, "Seoul told its citizens to leave the border area before the drills.")
    assert not any(c.actor == "KOR" and c.kind == "demand" for c in found), sorted(triples(found))


# -- gestures ------------------------------------------------------------------------------


def test_a_protest_rejects_what_it_is_about(ex: Extractor) -> None:
    text = "Beijing suspended its defence dialogue with Washington in protest at the arms sale to Taipei."
    found = claims(ex, text)
    has(found, "CHN", "reject", {"process"})
    assert sum(c.actor == "CHN" and c.kind == "reject" for c in found) >= 1


def test_announcing_the_exit_from_a_bloc_rejects_it(ex: Extractor) -> None:
    found = claims(ex, "Mali announced its withdrawal from the regional alliance on Sunday.")
    has(found, "MLI", "reject", {"alliances"})


def test_withdrawal_from_a_place_is_no_rejection(ex: Extractor) -> None:
    found = claims(ex, "Moscow announced its withdrawal from the city of Kherson.")
    assert not any(c.kind == "reject" for c in found), sorted(triples(found))


def test_not_recognising_a_court_is_a_rejection(ex: Extractor) -> None:
    found = claims(
        ex, "Caracas has never recognised the jurisdiction of the court over the region."
    )
    has(found, "VEN", "reject", {"justice", "territory", "governance"})


def test_breaking_off_talks_rejects_them(ex: Extractor) -> None:
    found = claims(ex, "Belgrade broke off talks with Pristina after the arrests in the north.")
    has(found, "SRB", "reject", {"process"})


def test_a_treaty_held_in_abeyance_is_rejected(ex: Extractor) -> None:
    found = claims(ex, "New Delhi placed the Indus treaty with Pakistan in abeyance.")
    has(found, "IND", "reject", {"economy", "process"})


def test_a_drawn_red_line_rejects_its_object(ex: Extractor) -> None:
    found = claims(ex, "Baku drew a firm line at any foreign monitors in the region.")
    has(found, "AZE", "reject", {"security_guarantees", "military_limits"})


# -- threats -------------------------------------------------------------------------------


def test_an_act_promised_in_response_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex, "Pyongyang vowed to expand its missile arsenal in response to the joint exercises."
    )
    has(found, "PRK", "threaten", {"military_limits", "ceasefire"})


def test_a_defence_on_a_condition_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex, "Mogadishu said it would defend itself if Addis Ababa builds the naval base."
    )
    has(found, "SOM", "threaten", {"process", "military_limits", "territory", "ceasefire"})


def test_resuming_armed_struggle_on_a_condition_is_a_threat(ex: Extractor) -> None:
    text = "The Polisario said it would resume armed struggle if the talks on a referendum fail."
    has(claims(ex, text), "polisario", "threaten", {"ceasefire", "military_limits"})


def test_going_to_expand_an_offensive_is_a_threat(ex: Extractor) -> None:
    found = claims(ex, "Israel is going to widen its offensive in Gaza, the defence minister said.")
    has(found, "ISR", "threaten", {"ceasefire", "military_limits"})


def test_not_going_to_withdraw_is_a_refusal(ex: Extractor) -> None:
    found = claims(ex, "Manila is not going to pull its vessel from the shoal, the president said.")
    has(found, "PHL", "reject", {"territory", "military_limits"})


# -- nouns, headlines, idioms ----------------------------------------------------------------


def test_openness_signalled_with_its_complement_on_the_verb(ex: Extractor) -> None:
    found = claims(ex, "Hamas signalled openness to a gradual release of the hostages.")
    has(found, "hamas", "accept", {"humanitarian"})


def test_a_call_for_another_party_to_act(ex: Extractor) -> None:
    found = claims(ex, "Tbilisi repeated its call for Moscow to withdraw from Abkhazia.")
    has(found, "GEO", "demand", {"territory"})


def test_pressure_stepped_up_is_a_demand(ex: Extractor) -> None:
    found = claims(ex, "Washington stepped up pressure on Kyiv to accept a ceasefire.")
    has(found, "USA", "demand", {"ceasefire"})


@pytest.mark.parametrize(
    ("text", "actor", "kind", "issues"),
    [
        (
            "Cambodia says ready to take border dispute to world court",
            "KHM",
            "offer",
            {"justice", "territory"},
        ),
        ("Seoul says open to dialogue with Pyongyang", "KOR", "accept", {"process"}),
        ("Hamas says unwilling to give up its weapons", "hamas", "reject", {"military_limits"}),
    ],
)
def test_headline_says_ready(
    ex: Extractor, text: str, actor: str, kind: str, issues: set[str]
) -> None:
    has(claims(ex, text), actor, kind, issues)


def test_not_budging_on_a_plan_insists_on_it(ex: Extractor) -> None:
    found = claims(ex, "Rabat will not budge on its autonomy plan, the foreign minister said.")
    has(found, "MAR", "demand", {"governance"})


def test_sealing_a_border_is_no_acceptance_but_sealing_a_deal_is(ex: Extractor) -> None:
    assert not any(
        c.kind == "accept"
        for c in claims(ex, "Bangkok sealed its border crossings with Phnom Penh.")
    )
    found = claims(ex, "Tajikistan and Kyrgyzstan sealed a deal on their border.")
    has(found, "TJK", "accept", {"territory", "process"})


# -- verdicts, terms and warnings of diplomatic copy --------------------------------------------


def test_no_need_seen_for_mediation_rejects_it(ex: Extractor) -> None:
    found = claims(ex, "Phnom Penh sees no need for outside mediators, its spokesman said.")
    has(found, "KHM", "reject", {"process"})


def test_holding_another_responsible_in_future_is_a_warning(ex: Extractor) -> None:
    text = "Rabat said it would hold Algiers responsible for any escalation on the frontier."
    has(claims(ex, text), "MAR", "threaten", {"ceasefire", "territory", "justice", "process"})


def test_an_accusation_is_no_threat(ex: Extractor) -> None:
    found = claims(ex, "Kyiv holds Moscow responsible for the strike on the dam.")
    assert not any(c.kind == "threaten" for c in found), sorted(triples(found))


def test_a_plan_that_cannot_be_a_solution_is_rejected(ex: Extractor) -> None:
    found = claims(ex, "Athens said the Turkish plan cannot be a solution for the island.")
    has(found, "GRC", "reject", {"governance", "process", "recognition"})


def test_a_model_no_longer_sustainable_is_rejected(ex: Extractor) -> None:
    found = claims(ex, "Ankara said the federal model was no longer viable on the island.")
    has(found, "TUR", "reject", {"governance"})


def test_promised_countermeasures_are_a_threat(ex: Extractor) -> None:
    found = claims(ex, "Moscow vowed countermeasures after Sweden joined the alliance.")
    has(found, "RUS", "threaten", {"alliances", "sanctions", "military_limits"})


def test_talks_held_back_until_a_step_demand_the_step(ex: Extractor) -> None:
    text = "Kyiv said negotiations would not begin until Russian troops leave the occupied regions."
    found = claims(ex, text)
    has(found, "UKR", "demand", {"territory", "military_limits"})
    has(found, "UKR", "reject", {"process"})


def test_talks_on_weather_are_no_terms(ex: Extractor) -> None:
    assert not claims(ex, "The talks will resume on Monday if the weather allows.")


def test_an_agentless_future_passive_is_the_speaker_s_verdict(ex: Extractor) -> None:
    text = "Any attempt to redraw the border by force will be firmly rejected, Tbilisi said."
    has(claims(ex, text), "GEO", "reject", {"territory"})


def test_neither_nor_negates_an_acceptance(ex: Extractor) -> None:
    text = "Beijing will neither tolerate nor condone any visit by Taipei's leader to Washington."
    found = claims(ex, text)
    assert any(c.actor == "CHN" and c.kind == "reject" for c in found), sorted(triples(found))
    assert not any(c.actor == "CHN" and c.kind == "accept" for c in found)


def test_an_act_that_means_war_is_a_warning(ex: Extractor) -> None:
    found = claims(ex, "Cairo said any diversion of the Nile's water would mean war.")
    has(found, "EGY", "threaten", {"ceasefire"})


def test_the_only_way_is_a_demand(ex: Extractor) -> None:
    found = claims(ex, "Paris said a negotiated truce was the only way out of the Sudanese war.")
    has(found, "FRA", "demand", {"ceasefire"})


def test_a_conditional_declaration_of_independence_is_a_threat(ex: Extractor) -> None:
    text = "The Republika Srpska president said the entity would declare independence if the envoy imposed the law."
    has(
        claims(ex, text), "republika_srpska", "threaten", {"recognition", "territory", "governance"}
    )
    assert not claims(ex, "Kosovo declared independence from Serbia in 2008.")


def test_a_penalty_announced_on_terms_is_a_threat(ex: Extractor) -> None:
    text = "Washington will impose new tariffs on Caracas if the opposition leader is not freed."
    found = claims(ex, text)
    # (the gold codes tariffs economy, punitive ones sometimes sanctions as well)
    has(found, "USA", "threaten", {"sanctions", "economy"})
    assert not any(
        c.kind == "threaten"
        for c in claims(ex, "Washington imposed tariffs on Indian goods last month.")
    )


def test_what_progress_depends_on_is_demanded(ex: Extractor) -> None:
    text = "Any progress will depend on the release of the detained fishermen, Seoul said."
    has(claims(ex, text), "KOR", "demand", {"humanitarian", "economy"})
