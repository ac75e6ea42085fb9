"""The stance stages one by one: triggers, holders, content units, issues, modifiers,
confidence; each on sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from detente.extract import Extractor
from detente.extract.stance import confidence
from detente.extract.stance.model import Trigger
from detente.extract.stance.state import _DocState
from detente.extract.stances import StanceComponent
from detente.records import normalize_text
from extracting import claims, claims_keeping_uncued


def staged(ex: Extractor, comp: StanceComponent, text: str) -> tuple[Doc, list[Trigger], _DocState]:
    doc = ex.nlp(normalize_text(text))
    found = comp.triggers_in(doc)
    assert found is not None, "no trigger at all"
    return doc, *found


def trigger(triggers: list[Trigger], lemma: str) -> Trigger:
    return next(t for t in triggers if t.token.lemma_.lower() == lemma)


# -- stage 1: triggers ---------------------------------------------------------------------


def test_triggers_find_verbs_nouns_and_adjectives(ex: Extractor, comp: StanceComponent) -> None:
    _, trigs, _ = staged(
        ex,
        comp,
        "Baku rejected the proposal. Yerevan's demand for a border commission stands, "
        "and Tehran said it was ready to host a meeting.",
    )
    kinds = {(t.token.lemma_.lower(), t.kind) for t in trigs}
    assert ("reject", "reject") in kinds
    assert ("demand", "demand") in kinds
    assert ("ready", "accept") in kinds or ("ready", "offer") in kinds


def test_a_trigger_inside_another_ones_content_is_not_a_stance(
    ex: Extractor, comp: StanceComponent
) -> None:
    _, trigs, _ = staged(
        ex, comp, "Khartoum demanded that the paramilitaries withdraw from El Fasher."
    )
    assert [t.kind for t in trigs] == ["demand"]
    demand = trigs[0]
    assert any(t.lemma_ == "withdraw" for t in demand.content)


def test_nothing_to_stage_in_a_report_without_stance_words(
    ex: Extractor, comp: StanceComponent
) -> None:
    doc = ex.nlp("Rain fell over Tbilisi for most of the afternoon.")
    assert comp.triggers_in(doc) is None


# -- stage 2: holders ----------------------------------------------------------------------


def test_holder_through_a_pronoun_in_reported_speech(ex: Extractor, comp: StanceComponent) -> None:
    _, trigs, state = staged(
        ex, comp, "The Serbian president said he would never accept Kosovo's seat in the Council."
    )
    actors, from_plan = comp._holders(trigger(trigs, "accept"), state)
    assert [a.id for a in actors] == ["SRB"]
    assert not from_plan


def test_a_document_as_subject_speaks_for_its_proponent(ex: Extractor) -> None:
    found = claims(
        ex,
        "Egypt drafted a new plan for Gaza on Monday. The plan would require Hamas to hand "
        "over its heavy weapons.",
    )
    assert {c.actor for c in found} == {"EGY"}
    assert any(c.kind == "propose" for c in found)


def test_both_sides_are_the_two_parties_named_before(ex: Extractor) -> None:
    found = claims(
        ex,
        "Thai and Cambodian officials met in Kuala Lumpur on Tuesday. Both sides agreed to "
        "a ceasefire along the border.",
    )
    assert {(c.actor, c.kind, c.issue) for c in found} >= {
        ("THA", "accept", "ceasefire"),
        ("KHM", "accept", "ceasefire"),
    }


def test_both_sides_named_beside_a_mediator_are_not_the_mediator(ex: Extractor) -> None:
    found = claims(
        ex,
        "The two sides agreed to swap wounded soldiers, the Saudi foreign minister said after "
        "a meeting between Sudan's army and the Rapid Support Forces in Jeddah.",
    )
    assert {c.actor for c in found} == {"saf", "rsf"} or {c.actor for c in found} == {
        "SDN",
        "rsf",
    }


def test_a_second_clause_keeps_its_own_subject(ex: Extractor) -> None:
    found = claims(
        ex,
        "Under the accord, Armenia would open its railways and Azerbaijan would drop its claim "
        "to the enclaves.",
    )
    by_actor = {c.actor: c.issue for c in found if c.issue != "process"}
    assert by_actor.get("AZE") == "territory"
    assert ("ARM", "territory") not in {(c.actor, c.issue) for c in found}


def test_relative_clause_stance_takes_its_antecedent(ex: Extractor) -> None:
    found = claims(ex, "It was the ceasefire proposal that Hamas turned down on Monday.")
    assert ("hamas", "reject", "ceasefire") in {(c.actor, c.kind, c.issue) for c in found}
    found = claims(
        ex,
        "Kyiv floated a demilitarised buffer zone, an idea the Russian foreign ministry "
        "quickly dismissed.",
    )
    got = {(c.actor, c.kind) for c in found}
    assert {("UKR", "propose"), ("RUS", "reject")} <= got


def test_plan_terms_listed_after_a_copula_are_proposals(ex: Extractor) -> None:
    found = claims(
        ex,
        "The main points of the Qatari proposal were a 60-day truce, the release of ten "
        "hostages and more aid.",
    )
    got = {(c.actor, c.kind, c.issue) for c in found}
    assert {("QAT", "propose", "ceasefire"), ("QAT", "propose", "humanitarian")} <= got


def test_censure_verbs_reject(ex: Extractor) -> None:
    found = claims(ex, "Georgetown condemned the Venezuelan vote on the Essequibo governorship.")
    assert {(c.actor, c.kind) for c in found} == {("GUY", "reject")}


def test_a_consequence_announced_for_anothers_act_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex, "Brussels said new tariffs would be imposed if Belgrade kept blocking the talks."
    )
    # (tariffs are economy in the gold, punitive ones sometimes sanctions as well)
    assert {("eu", "threaten", "sanctions"), ("eu", "threaten", "economy")} & {
        (c.actor, c.kind, c.issue) for c in found
    }
    found = claims(ex, "Any strike on the port would be answered in kind, the Houthis said.")
    assert {(c.actor, c.kind, c.issue) for c in found} == {("houthis", "threaten", "ceasefire")}


def test_fighting_set_to_return_on_a_condition_is_a_threat(ex: Extractor) -> None:
    found = claims(
        ex,
        "If the federal forces do not leave the western zone, hostilities will restart, a TPLF "
        "spokesman said.",
    )
    assert ("tplf", "threaten", "ceasefire") in {(c.actor, c.kind, c.issue) for c in found}
    found = claims(
        ex,
        "Should Kinshasa refuse the corridor, the fighting will resume, M23 officials said.",
    )
    assert ("m23", "threaten", "ceasefire") in {(c.actor, c.kind, c.issue) for c in found}


def test_fighting_that_returns_is_no_offer_or_forecast_threat(ex: Extractor) -> None:
    # war coming back is neither a step offered nor, in an analyst's mouth, a threat
    found = claims(ex, "The fighting will resume on Monday, Armenian officials said.")
    assert not {c.kind for c in found} & {"offer", "threaten"}
    found = claims(
        ex, "Analysts say the war will resume unless the generals agree to merge the army."
    )
    assert "threaten" not in {c.kind for c in found}


# -- stage 3: content units ----------------------------------------------------------------


def test_coordinated_content_is_one_unit_per_conjunct(ex: Extractor, comp: StanceComponent) -> None:
    _, trigs, state = staged(
        ex,
        comp,
        "Pristina demanded recognition, the withdrawal of Serbian police and compensation "
        "for war damage.",
    )
    units = comp._units(trigger(trigs, "demand"), state)
    heads = [u.head.lemma_ for u in units]
    assert set(heads) == {"recognition", "withdrawal", "compensation"}


# -- stage 4: issues -----------------------------------------------------------------------


def test_issue_from_the_head_of_the_content(ex: Extractor) -> None:
    found = claims(ex, "Manila offered an amnesty for former rebel fighters.")
    assert {(c.actor, c.kind, c.issue) for c in found} == {("PHL", "offer", "justice")}


def test_cue_weight_reports_the_strongest_cue_of_the_chosen_issue(
    ex: Extractor, comp: StanceComponent
) -> None:
    _, trigs, state = staged(ex, comp, "Moscow demanded a full ceasefire in the Black Sea.")
    unit = comp._units(trigger(trigs, "demand"), state)[0]
    assert comp._cue_weight("ceasefire", unit, state) >= 2
    assert comp._cue_weight("justice", unit, state) == 0


def test_uncued_stances_are_dropped_unless_asked_for(ex: Extractor, comp: StanceComponent) -> None:
    text = (
        "Georgia demanded the return of Abkhazia. Tbilisi also demanded the withdrawal of "
        "Russian troops from South Ossetia. Tbilisi later endorsed the Swiss wording."
    )
    assert not any(c.kind == "accept" for c in claims(ex, text))
    found = claims_keeping_uncued(ex, comp, text)
    kept = [c for c in found if "issue=dominant" in c.signals]
    assert [(c.actor, c.kind, c.issue) for c in kept] == [("GEO", "accept", "territory")]
    cued = [c for c in found if "issue=cue3" in c.signals]
    assert max(c.confidence or 0 for c in kept) < min(c.confidence or 0 for c in cued)


# -- stage 5: modifiers --------------------------------------------------------------------


def test_negation_flips_acceptance(ex: Extractor) -> None:
    found = claims(ex, "Caracas would not accept the court's ruling on the Essequibo.")
    assert ("VEN", "reject") in {(c.actor, c.kind) for c in found}


def test_hedge_and_condition(ex: Extractor) -> None:
    found = claims(
        ex,
        "Tehran could in principle accept limits on enrichment if sanctions were lifted.",
    )
    accept = next(c for c in found if c.kind == "accept")
    assert accept.hedged and accept.conditional
    assert any(c.kind == "demand" and c.issue == "sanctions" for c in found)


def test_a_denial_covers_the_condition_it_governs(ex: Extractor) -> None:
    found = claims(
        ex,
        "A Kremlin spokesman on Friday denied a newspaper report that Putin would accept a "
        "freeze of the front line if Kyiv withdrew its troops from the Donetsk region.",
    )
    assert found, "the denied stance is kept"
    assert all(c.denied for c in found)
    assert {c.kind for c in found} >= {"accept"}


def test_a_denied_report_retold_by_its_source_stays_denied(ex: Extractor) -> None:
    found = claims(
        ex,
        "Baku on Monday denied a newspaper report that Aliyev would accept a transit corridor "
        "if Armenia amended its constitution. The daily, citing two unnamed diplomats, had "
        "reported that Azerbaijan could accept the corridor in exchange for a new constitution.",
    )
    assert len({c.start for c in found}) == 2, "both sentences give stances"
    assert all(c.denied for c in found)


def test_a_firm_condition_stays_firm_without_a_denial(ex: Extractor) -> None:
    found = claims(
        ex,
        "Putin said Moscow would accept a freeze of the front line if Kyiv withdrew its troops "
        "from the Donetsk region.",
    )
    assert any(c.kind == "demand" and not c.denied for c in found)


# -- confidence ----------------------------------------------------------------------------


def test_every_claim_has_a_confidence_between_0_and_1(ex: Extractor) -> None:
    found = claims(
        ex,
        "Hamas rejected the Israeli proposal for a phased truce. They said it would only "
        "release hostages in exchange for a full withdrawal.",
    )
    assert found
    for c in found:
        assert c.confidence is not None and 0.0 <= c.confidence <= 1.0
        assert any(s.startswith("holder=") for s in c.signals)
        assert any(s.startswith("issue=") for s in c.signals)


def test_confidence_follows_the_fitted_weights() -> None:
    bias, weights = confidence.weights()
    assert weights, "knowledge/confidence.yaml ships weights"
    low = min(weights, key=weights.__getitem__)
    high = max(weights, key=weights.__getitem__)
    assert confidence.score([low]) < confidence.score([]) < confidence.score([high])
    assert confidence.cue_signal(-1) == "issue=dominant"
    assert confidence.cue_signal(7) == "issue=cue3"


def test_neither_side_is_no_holder_and_never_the_announcer(ex: Extractor) -> None:
    for text, announcer in (
        ("Egypt said it had mediated an understanding under which neither side would attack "
         "the other's positions.", "EGY"),
        ("Turkey said neither side would strike the other during the talks.", "TUR"),
    ):  # fmt: skip
        assert not [c for c in claims(ex, text) if c.actor == announcer and c.kind == "threaten"]


@pytest.mark.parametrize(
    ("text", "actor", "issues"),
    [
        (
            "Hamas's demands include a full Israeli withdrawal and more aid trucks into Gaza.",
            "hamas",
            {"humanitarian", "territory"},
        ),
        (
            "The offer ignored the M23's main demands, such as a federal system and the return "
            "of refugees.",
            "m23",
            {"governance", "humanitarian"},
        ),
        (
            "Mediators studied the Polisario Front's conditions, including a referendum on "
            "self-determination.",
            "polisario",
            {"governance"},
        ),
        (
            "Kyiv set out three conditions: a full ceasefire, security guarantees and the return "
            "of deported children.",
            "UKR",
            {"ceasefire", "security_guarantees"},
        ),
        (
            "The Polisario Front presented its conditions: a referendum on independence and the "
            "release of its prisoners.",
            "polisario",
            {"governance"},
        ),
        (
            "Baku has three demands: a road corridor, a new constitution in Armenia and the "
            "dissolution of the Minsk Group.",
            "AZE",
            {"governance"},
        ),
    ],
)
def test_a_stance_noun_with_its_items_listed(
    ex: Extractor, text: str, actor: str, issues: set[str]
) -> None:
    found = {c.issue for c in claims(ex, text) if c.actor == actor and c.kind == "demand"}
    assert issues <= found


@pytest.mark.parametrize(
    "text",
    [
        "Hamas insisted the ceasefire was holding.",
        "The Kremlin stressed that the talks had been constructive.",
        "Yerevan insisted that the constitution had not been on the agenda of the talks.",
    ],
)
def test_insisting_on_a_fact_is_no_demand(ex: Extractor, text: str) -> None:
    assert [c for c in claims(ex, text) if c.kind == "demand"] == []


@pytest.mark.parametrize(
    ("text", "actor", "issue"),
    [
        ("Kyiv insisted that Russia withdraw from all occupied territory.", "UKR", "territory"),
        ("Baku stressed that Armenia must change its constitution.", "AZE", "governance"),
        (
            "Belgrade insisted that the Serb municipalities be given autonomy.",
            "SRB",
            "governance",
        ),
    ],
)
def test_insisting_on_what_must_happen_is_a_demand(
    ex: Extractor, text: str, actor: str, issue: str
) -> None:
    assert (actor, "demand", issue) in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        # taking part in talks another hosts accepts them, as attending does
        ("Kinshasa said it would participate in the talks in Luanda.", "COD", "accept"),
        (
            "The Taliban said they would not engage in talks with the opposition.",
            "taliban",
            "reject",
        ),
        ("The M23 said on Monday it was pulling out of the Doha talks.", "m23", "reject"),
        ("Russia said on Monday it would withdraw from the grain deal.", "RUS", "reject"),
    ],
)
def test_joining_and_leaving_talks_and_deals(
    ex: Extractor, text: str, actor: str, kind: str
) -> None:
    assert (actor, kind, "process") in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "actor", "issue"),
    [
        ("Thailand does not need outside mediation, the foreign ministry said.", "THA", "process"),
        ("Moscow does not want a ceasefire, Zelensky said.", "RUS", "ceasefire"),
        (
            '"I don\'t think we need any mediation from a third country," the Thai foreign '
            "ministry spokesman said.",
            "THA",
            "process",
        ),
    ],
)
def test_not_needing_or_wanting_something_rejects_it(
    ex: Extractor, text: str, actor: str, issue: str
) -> None:
    found = {(c.actor, c.kind, c.issue) for c in claims(ex, text)}
    assert (actor, "reject", issue) in found
    assert (actor, "demand", issue) not in found


def test_thinking_something_is_needed_stays_a_demand(ex: Extractor) -> None:
    text = '"I think we need a ceasefire now," the Thai foreign minister said.'
    assert ("THA", "demand", "ceasefire") in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


def test_a_deal_named_with_its_clauses_is_no_stance_of_its_venue(ex: Extractor) -> None:
    text = (
        "Eritrea demanded that Ethiopia implement the Algiers agreement, including the handover "
        "of the disputed town of Badme."
    )
    assert {c.actor for c in claims(ex, text)} == {"ERI"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Armenia and Azerbaijan met in Abu Dhabi on Monday. The former foes agreed to set up "
            "a border commission.",
            {"ARM", "AZE"},
        ),
        (
            "Ethiopia and Eritrea traded accusations. The neighbours both rejected outside "
            "mediation.",
            {"ETH", "ERI"},
        ),
        (
            "Sudan's army and the RSF sent delegations to Jeddah. The warring parties agreed to a "
            "week-long truce.",
            {"saf", "rsf"},
        ),
    ],
)
def test_descriptions_of_the_pair_are_both_parties(
    ex: Extractor, text: str, pair: set[str]
) -> None:
    assert {c.actor for c in claims(ex, text)} == pair


def test_a_group_described_by_its_region_is_not_the_pair(ex: Extractor) -> None:
    text = "Russia and Ukraine swapped prisoners. The Arab ministers rejected the plan."
    assert {c.actor for c in claims(ex, text)} <= {"arab_league"}


def test_a_state_told_in_the_present_is_a_fact_not_a_demand(ex: Extractor) -> None:
    fact = "Russia controls about 70 percent of Donetsk region, the same sources said."
    intent = "Russia would keep control of Donetsk region, the same sources said."
    assert claims(ex, fact) == []
    assert ("RUS", "demand", "territory") in {
        (c.actor, c.kind, c.issue) for c in claims(ex, intent)
    }


def test_holding_on_to_land_is_a_demand_not_an_offer(ex: Extractor) -> None:
    text = "Moscow says it will hold on to the Donetsk region."
    kinds = {c.kind for c in claims(ex, text) if c.actor == "RUS"}
    assert kinds == {"demand"}


def test_a_condition_on_two_coordinated_verbs_conditions_both(ex: Extractor) -> None:
    text = (
        "Baku would sign and ratify the treaty only after Yerevan changed its constitution, "
        "the Azerbaijani foreign ministry said."
    )
    found = claims(ex, text)
    signed = [c for c in found if c.actor == "AZE" and c.kind == "accept"]
    assert signed and all(c.issue == "process" and c.conditional for c in signed)
    assert ("AZE", "demand", "governance") in {(c.actor, c.kind, c.issue) for c in found}


def test_a_subject_after_a_fronted_place_is_still_the_subject(ex: Extractor) -> None:
    text = (
        "During the second round of talks in Jeddah, Sudan's army and the RSF agreed to open "
        "two aid corridors."
    )
    assert {c.actor for c in claims(ex, text) if c.kind == "accept"} == {"saf", "rsf"}


def test_restraint_where_nobody_fights_is_a_military_limit(ex: Extractor) -> None:
    drills = (
        "TAIPEI - China launched large-scale drills around Taiwan on Monday. Washington urged "
        "Beijing to exercise restraint and stop its military intimidation."
    )
    assert ("USA", "demand", "military_limits") in {
        (c.actor, c.kind, c.issue) for c in claims(ex, drills)
    }
    war = (
        "GAZA - Israeli airstrikes killed dozens as fighting raged. The UN urged Israel to "
        "exercise restraint."
    )
    assert ("un", "demand", "ceasefire") in {(c.actor, c.kind, c.issue) for c in claims(ex, war)}


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "Any attack on Iranian territory will get a response at a time of our choosing, "
            "Iran's foreign ministry spokesman said.",
            "IRN",
        ),
        (
            "Any provocation will meet a response more powerful than the last, the North "
            "Korean defence ministry said.",
            "PRK",
        ),
        (
            "The seizure of the tanker will not remain without a response, the Russian "
            "foreign ministry said.",
            "RUS",
        ),
        ("Any ship heading to Israeli ports would again be a target, the Houthis said.", "houthis"),
        (
            "Iran would regard any attempt to seize its ships as an act of war, the Iranian "
            "foreign minister said.",
            "IRN",
        ),
    ],
)
def test_what_the_other_sides_conduct_will_meet_is_a_threat(
    ex: Extractor, text: str, holder: str
) -> None:
    found = claims(ex, text)
    assert (holder, "threaten") in {(c.actor, c.kind) for c in found}
    # the answer is no condition: nothing is demanded of anyone
    assert "demand" not in {c.kind for c in found}


def test_a_forecast_of_a_response_is_no_threat(ex: Extractor) -> None:
    text = "Analysts say any move on the island would meet a forceful response from Beijing."
    assert "threaten" not in {c.kind for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "holder", "issue"),
    [
        (
            # an incursion warned against is about the fighting or the land (gold/dev codes
            # "any incursion into its territory would be met with a response" as territory)
            "Any incursion from Afghan soil would be answered, Pakistan's foreign office said.",
            "PAK",
            "ceasefire|territory",
        ),
        (
            "The foreign ministry in Islamabad said any cross-border raid would be answered.",
            "PAK",
            "ceasefire",
        ),
        (
            "Violations of the truce along the Litani will be met with force, the Israeli army "
            "said.",
            "ISR",
            "ceasefire",
        ),
        (
            "Erbil said any further attack on the region's gas fields would leave the Kurdistan "
            "Regional Government no choice but to defend itself.",
            "krg",
            "ceasefire",
        ),
        (
            "The Houthis said their attacks on shipping would continue until the siege of Gaza "
            "is lifted.",
            "houthis",
            "ceasefire",
        ),
        (
            "Sudan's army chief said his forces would keep up their operations for as long as "
            "the paramilitaries held El Fasher.",
            "saf",
            "ceasefire",
        ),
    ],
)
def test_conduct_answered_or_fighting_that_goes_on_is_a_threat(
    ex: Extractor, text: str, holder: str, issue: str
) -> None:
    found = {(c.actor, c.kind, c.issue) for c in claims(ex, text)}
    assert any((holder, "threaten", i) in found for i in issue.split("|")), found


@pytest.mark.parametrize(
    "text",
    [
        # an answer to a proposal is no threat
        "The ministry said any proposal from the mediators would be answered within a week.",
        # fighting that goes on with no condition on the other side
        "Russia's defence ministry said its operations would continue through the winter.",
        # a forecast by an analyst
        "Analysts say any incursion from Afghan soil would be answered by Pakistan.",
    ],
)
def test_answers_and_operations_that_threaten_nobody(ex: Extractor, text: str) -> None:
    assert "threaten" not in {c.kind for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "holder", "issue"),
    [
        (
            '"If the Lebanese army does not disarm Hezbollah, we will," the Israeli defence '
            "minister said.",
            "ISR",
            "military_limits",
        ),
        (
            "Ankara said that if Damascus failed to remove the militia, Turkish forces would "
            "remove it themselves.",
            "TUR",
            "military_limits",
        ),
    ],
)
def test_doing_what_the_other_side_fails_to_do_is_a_threat(
    ex: Extractor, text: str, holder: str, issue: str
) -> None:
    found = {(c.actor, c.kind, c.issue) for c in claims(ex, text)}
    assert (holder, "threaten", issue) in found


def test_doing_something_else_than_the_other_side_is_no_threat(ex: Extractor) -> None:
    text = "Kyiv said that if Moscow does not release the prisoners, it will not attend the talks."
    found = claims(ex, text)
    assert not any(c.kind == "threaten" and c.issue == "humanitarian" for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # having no intention of an attack reassures; of a concession, refuses
        (
            "Ethiopia harbours no intention whatsoever of initiating military action against "
            "Eritrea, the prime minister's office said.",
            ("ETH", "offer", "ceasefire"),
        ),
        (
            "Israel has no intention of withdrawing from the buffer zone.",
            ("ISR", "reject", "territory"),
        ),
        ("Russia has no intention of ending the war.", ("RUS", "reject", "ceasefire")),
        ("Eritrea has no intention of invading anyone.", ("ERI", "offer", "ceasefire")),
        # the official register's refusals and orders
        (
            "Azerbaijan's foreign ministry said its territorial integrity shall not be the "
            "subject of any negotiation.",
            ("AZE", "reject", "territory"),
        ),
        (
            "South Sudan's president instructed the holdout groups to join the Tumaini talks.",
            ("SSD", "demand", "process"),
        ),
    ],
)
def test_official_register_refusals_reassurances_and_orders(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


def test_being_the_subject_of_talks_is_no_refusal(ex: Extractor) -> None:
    text = "Serbia said the status of the northern municipalities would be the subject of talks."
    assert "reject" not in {c.kind for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Libya's eastern-based parliament called for the prime minister in Tripoli to step "
            "down.",
            ("hor_libya", "demand", "governance"),
        ),
        (
            "Kyiv called for Russian troops to withdraw from the nuclear plant in Enerhodar.",
            ("UKR", "demand", "territory"),
        ),
        (
            "The African Union called for the ceasefire to be respected by all sides.",
            ("au", "demand", "ceasefire"),
        ),
    ],
)
def test_a_call_for_someone_to_act(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    # the parser hangs "for" on the clause after "called", not on "called"
    assert expected in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


def test_conditions_listed_after_a_colon_are_demands(ex: Extractor) -> None:
    text = (
        "Hamas has conditions for any disarmament: a Palestinian state, a full Israeli "
        "withdrawal and guarantees for its members."
    )
    found = {(c.actor, c.kind, c.issue) for c in claims(ex, text)}
    assert {
        ("hamas", "demand", "recognition"),
        ("hamas", "demand", "territory"),
        ("hamas", "demand", "security_guarantees"),
    } <= found


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "Bogota said talks would resume once the group frees every hostage.",
            ("COL", "demand", "humanitarian"),
            None,
        ),
        ("Bogota said talks could resume if the weather allows.", None, "demand"),
        ("Bogota said talks would resume in Havana once the delegations arrive.", None, "demand"),
    ],
)
def test_talks_waiting_on_a_partys_act(
    ex: Extractor, text: str, found: tuple[str, str, str] | None, absent: str | None
) -> None:
    out = claims(ex, text)
    if found is not None:
        assert found in {(c.actor, c.kind, c.issue) for c in out}
    if absent is not None:
        assert absent not in {c.kind for c in out}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blame announced for the other side's conduct warns it off
        (
            "Moscow said Kyiv would bear responsibility for any escalation.",
            ("RUS", "threaten", "ceasefire"),
        ),
        (
            "Tehran said Washington would bear full responsibility for the consequences of any "
            "attack.",
            ("IRN", "threaten", "ceasefire"),
        ),
        # a deadline set for the other side asks the act of it
        (
            "Israel said the Lebanese state has until the end of the year to show that "
            "Hezbollah is being disarmed.",
            ("ISR", "demand", "military_limits"),
        ),
    ],
)
def test_blame_and_deadlines_set_for_the_other_side(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


def test_own_responsibility_and_a_bodys_own_timetable_are_no_stance(ex: Extractor) -> None:
    assert claims(ex, "We bear responsibility for the safety of the convoys, the UN said.") == []
    assert claims(ex, "The committee has until March to finish its report.") == []
