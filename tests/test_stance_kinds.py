"""The kind of a stance where the trigger word alone does not decide it: readiness that offers
the holder's own step or accepts another's effort, preference that proposes, refusals to
tolerate and penalties set on another's conduct that threaten, force set on a condition,
steps declared impossible, wanting one's own gesture, and the two sides of a trade. Sentences
written for these tests, across many conflicts; negative cases keep the plain kinds."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def has(found: list[Claim], actor: str, kind: str, issues: set[str] | None = None) -> None:
    assert any(
        c.actor == actor and c.kind == kind and (issues is None or c.issue in issues) for c in found
    ), f"no {actor} {kind} {sorted(issues or [])} in {sorted(triples(found))}"


def lacks(found: list[Claim], actor: str, kind: str) -> None:
    assert not any(c.actor == actor and c.kind == kind for c in found), sorted(triples(found))


# -- readiness: the holder's own step is an offer, another's effort is accepted ----------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Polisario Front said it was willing to negotiate with Rabat without preconditions.",
            "polisario",
        ),
        (
            "Addis Ababa is ready to sit down with the TPLF leadership, a government spokesman said.",
            "ETH",
        ),
        ("The ELN said it remained open to talks with Bogota in Caracas.", "eln"),
        (
            "Machar said he was ready for dialogue with Juba but Kiir must first free his allies.",
            "SSD",
        ),
    ],
)
def test_readiness_to_talk_offers_the_holders_participation(
    ex: Extractor, text: str, actor: str
) -> None:
    found = claims(ex, text)
    has(found, actor, "offer", {"process"})
    lacks(found, actor, "accept")


def test_readiness_parsed_as_a_passive_keeps_its_subject(ex: Extractor) -> None:
    found = claims(
        ex,
        "Sharif thanked the mediators for the truce and said Islamabad was prepared to discuss "
        "all outstanding issues, including Kashmir and the sharing of water.",
    )
    has(found, "PAK", "offer", {"process", "territory", "economy"})


@pytest.mark.parametrize(
    ("text", "actor", "issues"),
    [
        (
            "The Houthis said they were prepared to cooperate with the UN mission in Hodeidah.",
            "houthis",
            {"process"},
        ),
        (
            "Kinshasa said it was ready to consider the Angolan proposal for a truce with M23.",
            "COD",
            {"process", "ceasefire"},
        ),
        (
            "Armenia is open to the idea of a transit corridor under Armenian customs control, "
            "Pashinyan said.",
            "ARM",
            {"economy", "process"},
        ),
        (
            "Damascus stands ready to continue contacts with the SDF on the integration of "
            "its fighters.",
            "SYR",
            {"process", "military_limits"},
        ),
    ],
)
def test_readiness_for_anothers_effort_accepts_it(
    ex: Extractor, text: str, actor: str, issues: set[str]
) -> None:
    found = claims(ex, text)
    has(found, actor, "accept", issues)
    lacks(found, actor, "offer")


def test_readiness_to_make_a_concession_stays_an_offer(ex: Extractor) -> None:
    found = claims(ex, "Yerevan was prepared to discuss the delimitation of the border with Baku.")
    has(found, "ARM", "offer")


# -- preference ----------------------------------------------------------------------------


def test_favouring_an_open_choice_proposes_it(ex: Extractor) -> None:
    found = claims(
        ex, "Tbilisi is understood to favour a gradual reopening of the railway through Abkhazia."
    )
    has(found, "GEO", "propose", {"economy"})
    lacks(found, "GEO", "accept")


def test_favouring_anothers_plan_accepts_it(ex: Extractor) -> None:
    found = claims(
        ex, "Pristina favours the EU plan for the Serb-majority municipalities, an official said."
    )
    has(found, "XKX", "accept")
    lacks(found, "XKX", "propose")


# -- wanting one's own gesture ---------------------------------------------------------------


def test_wanting_to_make_ones_own_gesture_proposes_it(ex: Extractor) -> None:
    found = claims(ex, "Moscow wants to restore direct flights with Tbilisi, the Kremlin said.")
    has(found, "RUS", "propose", {"economy"})
    lacks(found, "RUS", "demand")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Kyiv wants Moscow to return the deported children, the ombudsman said.", "UKR"),
        ("Armenia wants to join the European Union, the prime minister said.", "ARM"),
    ],
)
def test_wanting_what_another_gives_stays_a_demand(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, text)
    has(found, actor, "demand")
    lacks(found, actor, "propose")


# -- refusals to tolerate, penalties and force set on a condition ---------------------------------


def test_a_refusal_to_tolerate_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex, "Beijing would not tolerate any move towards Taiwanese independence, officials said."
    )
    has(found, "CHN", "threaten", {"recognition", "territory"})
    lacks(found, "CHN", "reject")


def test_withholding_trade_while_fighting_goes_on_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex,
        "Ankara would not sign new trade agreements with Baghdad while the PKK attacks went on, "
        "the minister said.",
    )
    has(found, "TUR", "threaten", {"economy"})
    lacks(found, "TUR", "reject")


def test_a_border_kept_closed_as_long_as_conduct_goes_on_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex,
        "The border with Armenia will stay closed as long as Yerevan continues to occupy "
        "Azerbaijani villages, Baku said.",
    )
    has(found, "AZE", "threaten")
    lacks(found, "AZE", "accept")


def test_a_reaffirmed_closure_is_a_threat_not_an_acceptance(ex: Extractor) -> None:
    found = claims(
        ex,
        "Burundi reaffirms that the border with Rwanda will remain closed for as long as Kigali "
        "continues to shelter those who attack Burundi.",
    )
    has(found, "BDI", "threaten")
    lacks(found, "BDI", "accept")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "India will shut the Attari crossing if the cross-border shelling continues, the "
            "defence minister said.",
            "IND",
        ),
        (
            "Ankara will close its airspace to Armenian flights unless Yerevan withdraws the "
            "claim, the foreign ministry said.",
            "TUR",
        ),
    ],
)
def test_a_closure_set_on_anothers_conduct_is_a_threat(
    ex: Extractor, text: str, actor: str
) -> None:
    has(claims(ex, text), actor, "threaten")


def test_force_set_on_a_condition_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex,
        '"If they keep shelling our villages, we will restore order by military means," '
        "Aliyev said.",
    )
    has(found, "AZE", "threaten", {"ceasefire"})
    lacks(found, "AZE", "offer")


def test_retaking_by_force_if_a_truce_is_refused_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex, "Khartoum would retake the capital by force if the RSF rejected the truce, it said."
    )
    has(found, "SDN", "threaten")
    lacks(found, "SDN", "offer")


def test_refusing_to_sign_until_another_acts_stays_a_refusal_and_a_demand(ex: Extractor) -> None:
    found = claims(
        ex, "Serbia will not sign the agreement until Kosovo sets up the association, Vucic said."
    )
    has(found, "SRB", "reject", {"process"})
    has(found, "SRB", "demand", {"minority_rights", "governance"})
    lacks(found, "SRB", "threaten")


def test_reopening_on_a_condition_is_an_offer_not_a_threat(ex: Extractor) -> None:
    found = claims(ex, "Egypt will reopen the crossing if Israel withdraws from the corridor.")
    has(found, "EGY", "offer")
    lacks(found, "EGY", "threaten")


# -- negative verdicts -----------------------------------------------------------------------


def test_a_step_declared_impossible_is_rejected(ex: Extractor) -> None:
    found = claims(ex, "Tokyo said a return of only two islands was unthinkable.")
    has(found, "JPN", "reject", {"territory"})


def test_resettlement_declared_not_possible_is_rejected(ex: Extractor) -> None:
    found = claims(
        ex, "Resettlement on Diego Garcia itself is not possible, the British minister said."
    )
    has(found, "GBR", "reject")


@pytest.mark.parametrize(
    "text",
    [
        "It is not possible to give a date for the next round, the Qatari mediator said.",
        "No ceasefire is possible without the release of the hostages, Israel said.",
    ],
)
def test_impossibility_of_a_date_or_on_a_condition_rejects_nothing(
    ex: Extractor, text: str
) -> None:
    assert not any(c.kind == "reject" for c in claims(ex, text))


@pytest.mark.parametrize(
    ("text", "actor", "issues"),
    [
        ("Peskov said Moscow saw no point in a partial energy truce.", "RUS", {"ceasefire"}),
        (
            "Hanoi sees no sense in a code of conduct that is not legally binding, a diplomat said.",
            "VNM",
            {"process", "territory"},
        ),
    ],
)
def test_seeing_no_point_in_a_step_rejects_it(
    ex: Extractor, text: str, actor: str, issues: set[str]
) -> None:
    has(claims(ex, text), actor, "reject", issues)


# -- the two sides of a trade ----------------------------------------------------------------


def test_what_a_proposal_asks_in_exchange_is_a_demand(ex: Extractor) -> None:
    found = claims(
        ex,
        "Minsk proposed freeing all remaining political prisoners in exchange for lifting "
        "sanctions on potash.",
    )
    has(found, "BLR", "demand", {"sanctions"})
    lacks(found, "BLR", "offer")


# -- acts to be treated as aggression, vowed defence -------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Any deployment of Western troops in Ukraine would be regarded as an act of "
            "aggression, Lavrov said.",
            "RUS",
        ),
        (
            "Any vessel entering the strait will be treated as hostile, the Iranian navy said.",
            "IRN",
        ),
        (
            "Any attempt to dam the Nile upstream would be considered a threat to Egypt's "
            "survival, Cairo said.",
            "EGY",
        ),
    ],
)
def test_an_act_to_be_treated_as_aggression_is_a_threat(
    ex: Extractor, text: str, actor: str
) -> None:
    found = claims(ex, text)
    has(found, actor, "threaten")
    lacks(found, actor, "accept")


def test_a_passive_verdict_of_no_menace_is_no_threat(ex: Extractor) -> None:
    found = claims(ex, "The proposal would be considered at the next summit, the minister said.")
    assert not any(c.kind == "threaten" for c in found), sorted(triples(found))


@pytest.mark.parametrize(
    "text",
    [
        'Maduro said Venezuela would "defend every centimetre" of the Essequibo region.',
        "Beijing will defend its sovereignty over the reef by all means, the ministry said.",
    ],
)
def test_defending_land_voiced_as_intent_is_a_threat_over_territory(
    ex: Extractor, text: str
) -> None:
    found = claims(ex, text)
    assert any(c.kind == "threaten" and c.issue == "territory" for c in found), sorted(
        triples(found)
    )


def test_defending_a_client_in_court_is_no_threat(ex: Extractor) -> None:
    found = claims(ex, "Lawyers for the minister said they would defend him in court.")
    assert not any(c.kind == "threaten" for c in found), sorted(triples(found))


# -- deals declared standing, objections to a step ---------------------------------------------


def test_a_deal_declared_in_force_is_upheld_by_the_speaker(ex: Extractor) -> None:
    found = claims(
        ex,
        "The peace deal remained in force and elections would go ahead as planned, the South "
        "Sudanese government spokesman said.",
    )
    has(found, "SSD", "accept", {"process"})


def test_a_deal_declared_no_longer_binding_is_given_up(ex: Extractor) -> None:
    found = claims(ex, "The 2018 peace agreement is no longer binding, the SPLM-IO said.")
    has(found, "splm_io", "reject", {"process"})
    lacks(found, "splm_io", "accept")


@pytest.mark.parametrize(
    "text",
    [
        "The treaty remained in force until both sides agreed otherwise, Lavrov said.",
        "Troops would deploy in the west once a ceasefire is in place, Macron said.",
    ],
)
def test_a_deal_in_force_as_a_condition_or_a_term_is_no_verdict(ex: Extractor, text: str) -> None:
    assert not any(c.kind == "accept" for c in claims(ex, text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Putin said Russia objects to Ukraine joining NATO.", "reject"),
        ("Putin said Russia would not object to Ukraine joining the European Union.", "accept"),
        ("Ankara agreed to Sweden joining the alliance after months of delay.", "accept"),
    ],
)
def test_the_gerund_after_the_preposition_is_what_is_objected_to(
    ex: Extractor, text: str, kind: str
) -> None:
    found = claims(ex, text)
    assert any(c.kind == kind and c.issue == "alliances" for c in found), sorted(triples(found))


def test_a_truce_in_place_as_narration_is_no_ones_stance(ex: Extractor) -> None:
    found = claims(
        ex,
        "Hamas said it would hand over the bodies of four hostages on Thursday. The ceasefire "
        "remains in place despite sporadic violations.",
    )
    lacks(found, "hamas", "accept")


# -- verdicts passed on a step ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Rome said it sees the truce as an opportunity to scale up aid deliveries.", "ITA"),
        ("Stockholm called the Gaza truce a first step towards a two-state solution.", "SWE"),
    ],
)
def test_a_step_seen_as_an_opportunity_is_accepted(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, text)
    has(found, actor, "accept", {"ceasefire"})
    lacks(found, actor, "reject")


def test_a_step_backward_is_no_acceptance(ex: Extractor) -> None:
    found = claims(ex, "Moscow sees the move as a step backward for the talks.")
    lacks(found, "RUS", "accept")


def test_readiness_to_work_on_a_welcomed_plan_accepts_it(ex: Extractor) -> None:
    found = claims(
        ex,
        "Cairo welcomed the American plan and said it was ready to work with Washington on the "
        "next steps.",
    )
    has(found, "EGY", "accept", {"process"})
    lacks(found, "EGY", "offer")


def test_readiness_to_send_observers_after_a_welcome_stays_an_offer(ex: Extractor) -> None:
    found = claims(
        ex, "The OAS welcomed the agreement and said it was ready to deploy observers within days."
    )
    has(found, "oas", "offer", {"security_guarantees"})


def test_aligning_ones_own_rules_in_return_is_an_offer(ex: Extractor) -> None:
    found = claims(
        ex, "In return, Gibraltar will align many of its customs and tax rules with the EU's."
    )
    has(found, "GIB", "offer", {"economy"})
    lacks(found, "GIB", "demand")
