"""Three construction families the sentence rules read: conditions that carry a demand,
back-references to another stance, and copular or state predicates; sentences written for
these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from detente.records import Claim, normalize_text
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def one(found: list[Claim], actor: str, kind: str, issue: str) -> Claim:
    match = [c for c in found if (c.actor, c.kind, c.issue) == (actor, kind, issue)]
    assert match, f"no {actor} {kind} {issue} in {sorted(triples(found))}"
    return match[0]


def quoted(text: str, claim: Claim) -> None:
    assert normalize_text(text)[claim.start : claim.end] == claim.quote


# -- conditions ----------------------------------------------------------------------------


def test_only_when_sets_a_demand_on_the_condition_s_issue(ex: Extractor) -> None:
    text = "The ELN said it would resume talks only when the army suspends its offensive in Arauca."
    found = claims(ex, text)
    demand = one(found, "eln", "demand", "ceasefire")
    assert "derived=condition" in demand.signals
    assert any(c.actor == "eln" and c.issue == "process" and c.conditional for c in found)
    quoted(text, demand)


def test_only_after_is_a_condition_of_the_offer(ex: Extractor) -> None:
    text = (
        "The Houthis said they would free the crew of the seized ship only after Israel "
        "halts its strikes on Hodeidah."
    )
    found = claims(ex, text)
    one(found, "houthis", "offer", "humanitarian")
    quoted(text, one(found, "houthis", "demand", "ceasefire"))


def test_no_deal_without_a_withdrawal_demands_the_withdrawal(ex: Extractor) -> None:
    text = (
        "There will be no deal without the withdrawal of Armenian troops from the border, "
        "Baku said."
    )
    found = claims(ex, text)
    assert ("AZE", "reject", "process") in triples(found)
    quoted(text, one(found, "AZE", "demand", "territory"))


def test_no_ceasefire_without_a_prisoner_release(ex: Extractor) -> None:
    text = "There can be no ceasefire without the release of all political prisoners, M23 said."
    found = claims(ex, text)
    assert ("m23", "reject", "ceasefire") in triples(found)
    quoted(text, one(found, "m23", "demand", "humanitarian"))


def test_a_step_contingent_on_another_is_the_speaker_s_demand(ex: Extractor) -> None:
    text = "Nicosia said any settlement was contingent on the departure of Turkish troops from the north."
    found = claims(ex, text)
    quoted(text, one(found, "CYP", "demand", "territory"))
    text = (
        "Georgia said any resumption of talks with Sukhumi was subject to the return of "
        "displaced families to Gali."
    )
    quoted(text, one(claims(ex, text), "GEO", "demand", "humanitarian"))


def test_a_precondition_set_as_such(ex: Extractor) -> None:
    text = "Kinshasa set the withdrawal of Rwandan troops from North Kivu as a precondition for any deal."
    quoted(text, one(claims(ex, text), "COD", "demand", "territory"))


def test_plain_prepositions_set_no_condition(ex: Extractor) -> None:
    text = (
        "The delegations met without an agenda on Tuesday. Talks will continue until Friday, "
        "the mediator said. Armed forces should not be subject to limits, Kyiv said."
    )
    found = claims(ex, text)
    assert not any("derived=condition" in c.signals for c in found)
    assert not any(c.kind == "demand" and c.issue == "process" for c in found)


def test_until_keeps_its_own_subordinate_clause(ex: Extractor) -> None:
    text = (
        "Pyongyang will not return to talks until Washington halts its joint military drills "
        "with Seoul, the foreign ministry said."
    )
    found = claims(ex, text)
    assert ("PRK", "reject", "process") in triples(found)
    quoted(text, one(found, "PRK", "demand", "military_limits"))


# -- back-references ---------------------------------------------------------------------

_TRUCE = """M23 announces truce in North Kivu

GOMA, March 3 - The M23 rebel movement announced a unilateral ceasefire across North Kivu on \
Sunday, saying it wanted to give the talks in Doha a chance.

Fighting continued near Masisi on Monday, residents said, and aid groups reported that thousands \
of families had fled towards Sake over the weekend.

Kinshasa has long refused direct negotiations with the rebels and accuses Rwanda of arming them, \
a charge Kigali denies. The Congolese army said its units would stay in position around Goma.

The European Union called for an independent inquiry into the killing of civilians in \
Rutshuru, and the African Union urged both sides to protect aid workers travelling on the main \
road north of the city.

Washington's envoy welcomed the M23 announcement on Tuesday but said deeds on the ground would \
matter more than words.
"""


def test_a_named_announcement_takes_the_issue_of_its_owner_s_stance(ex: Extractor) -> None:
    found = claims(ex, _TRUCE)
    welcomed = one(found, "USA", "accept", "ceasefire")
    assert "derived=reference" in welcomed.signals
    assert welcomed.target == "m23"  # aimed at the one who made the offer
    quoted(_TRUCE, welcomed)
    # not the issue of the nearer stances of other actors in between
    assert not {("USA", "accept", i) for i in ("justice", "humanitarian", "territory")} & triples(
        found
    )
    assert [c.ordinal for c in found] == list(range(len(found)))


def test_the_offer_and_the_move_point_back_to_another_side_s_stance(ex: Extractor) -> None:
    text = "Hezbollah offered to halt rocket fire on northern Israel. Israel dismissed the offer."
    found = claims(ex, text)
    offered = {c.issue for c in found if (c.actor, c.kind) == ("hezbollah", "offer")}
    dismissed = {c.issue for c in found if (c.actor, c.kind) == ("ISR", "reject")}
    assert offered and dismissed == offered
    text = (
        "M23 announced a unilateral ceasefire in North Kivu on Sunday. Kinshasa rejected the move."
    )
    quoted(text, one(claims(ex, text), "COD", "reject", "ceasefire"))


def test_a_summing_idea_points_back_within_its_sentence(ex: Extractor) -> None:
    text = (
        "Seoul has said it could suspend its loudspeaker broadcasts at the border, an idea "
        "Pyongyang dismissed as a trick."
    )
    found = claims(ex, text)
    seoul = {c.issue for c in found if (c.actor, c.kind) == ("KOR", "offer")}
    assert seoul and {c.issue for c in found if (c.actor, c.kind) == ("PRK", "reject")} == seoul


def test_a_back_reference_with_nothing_to_point_to_is_no_stance(ex: Extractor) -> None:
    text = (
        "Residents of Sukhumi reported long queues at the crossing. Tbilisi welcomed the gesture."
    )
    assert not [c for c in claims(ex, text) if c.actor == "GEO"]


# -- copular and state predicates -----------------------------------------------------------


def test_the_door_remains_open_to_talks(ex: Extractor) -> None:
    text = "The door remains open to talks with Sukhumi, Georgia's foreign minister said."
    quoted(text, one(claims(ex, text), "GEO", "offer", "process"))
    for shut in (
        "The door is not open to talks with the junta, the ECOWAS envoy said.",
        "The door remains closed to negotiations with M23, Kinshasa said.",
    ):
        found = claims(ex, shut)
        assert not [c for c in found if c.kind == "accept"]
        assert [c for c in found if (c.kind, c.issue) == ("reject", "process")]


def test_a_penalty_held_in_place_on_terms(ex: Extractor) -> None:
    text = (
        "The crossing will stay shut until Pristina withdraws its special police from the "
        "north, Belgrade said."
    )
    found = claims(ex, text)
    assert any(c.actor == "SRB" and c.kind == "reject" for c in found)
    quoted(text, one(found, "SRB", "demand", "territory"))
    assert not claims(ex, "The border remained closed on Tuesday.")


def test_state_predicates(ex: Extractor) -> None:
    cases = [
        (
            "The Polisario Front remains opposed to any autonomy plan drawn up in Rabat.",
            ("polisario", "reject", "governance"),
        ),
        (
            "Kinshasa remains firmly against direct negotiations with M23.",
            ("COD", "reject", "process"),
        ),
        (
            "The ELN is open to a bilateral ceasefire, its chief negotiator said.",
            ("eln", "offer", "ceasefire"),  # readiness for a step of its own
        ),
        (
            "Tbilisi is in favour of resuming the Geneva discussions, the foreign ministry said.",
            ("GEO", "accept", "process"),
        ),
        (
            "Israel has no intention of withdrawing from the hilltop positions in southern "
            "Lebanon, an Israeli official said.",
            ("ISR", "reject", "territory"),
        ),
        (
            "Baku is not opposed to a border commission under international supervision.",
            ("AZE", "accept", "territory"),
        ),
    ]
    for text, want in cases:
        quoted(text, one(claims(ex, text), *want))


def test_a_condition_the_parser_hung_elsewhere_still_conditions(ex: Extractor) -> None:
    # "only if" coordinated with the reporting clause, and an "only if" clause hung on a
    # later verb: both still set a demand of the stance's holder
    text = (
        "A senior Hamas official told reporters the movement could consider storing its "
        "weapons as part of a long truce, but only if Israeli troops withdrew from Rafah."
    )
    quoted(text, one(claims(ex, text), "hamas", "demand", "territory"))
    text = (
        "Aliyev said Azerbaijan would sign the treaty only if Armenia removed from its "
        "constitution a clause that Baku says implies a claim to Karabakh."
    )
    found = claims(ex, text)
    assert ("AZE", "accept", "process") in triples(found)
    quoted(text, one(found, "AZE", "demand", "governance"))


def test_a_verdict_on_the_offer_takes_the_offer_s_issues(ex: Extractor) -> None:
    text = (
        "The Sudanese army offered a humanitarian truce for El Fasher. The RSF said the offer "
        "was a step forward."
    )
    found = claims(ex, text)
    hailed = one(found, "rsf", "accept", "ceasefire")
    assert "derived=reference" in hailed.signals and hailed.target == "saf"
    quoted(text, hailed)
    # a welcome is never read as backing another side's refusal
    text = (
        "Beirut would not discuss any normalisation of relations, the presidency said. "
        "Israel welcomed the move."
    )
    assert ("ISR", "accept", "recognition") not in triples(claims(ex, text))


def test_sides_taken_with_a_copula(ex: Extractor) -> None:
    cases = [
        ("Rabat is firmly behind the autonomy plan.", ("MAR", "accept", "governance")),
        ("Baku is not against a peace treaty signed this year.", ("AZE", "accept", "process")),
        ("Kinshasa is not in favour of a ceasefire with M23.", ("COD", "reject", "ceasefire")),
    ]
    for text, want in cases:
        quoted(text, one(claims(ex, text), *want))


def test_made_conditional_on_is_a_demand_of_who_made_it(ex: Extractor) -> None:
    text = "Kyiv made any ceasefire dependent on the return of deported children."
    quoted(text, one(claims(ex, text), "UKR", "demand", "humanitarian"))
    text = "Rabat made any talks conditional on the Polisario Front accepting autonomy."
    found = claims(ex, text)
    quoted(text, one(found, "MAR", "demand", "governance"))
    # the act inside the condition is the demand's content, not Rabat's own acceptance
    assert not [c for c in found if c.kind == "accept"]


def test_no_appetite_and_regret(ex: Extractor) -> None:
    text = "Pyongyang has no appetite for talks with Washington, the foreign ministry said."
    quoted(text, one(claims(ex, text), "PRK", "reject", "process"))
    text = "Pakistan's prime minister thanked Washington for helping to secure the truce."
    quoted(text, one(claims(ex, text), "PAK", "accept", "ceasefire"))


def test_a_reward_held_out_on_terms_is_an_offer(ex: Extractor) -> None:
    text = "The EU said sanctions relief would follow if Belgrade recognised Kosovo."
    found = claims(ex, text)
    quoted(text, one(found, "eu", "offer", "sanctions"))
    quoted(text, one(found, "eu", "demand", "recognition"))
    # a penalty that follows is still a threat, and a reward with no terms no stance
    text = "Washington said sanctions would follow unless the junta released the detainees."
    assert ("USA", "threaten", "sanctions") in triples(claims(ex, text))
    assert not claims(ex, "Aid followed the earthquake, the agency said.")


def test_goods_are_trade(ex: Extractor) -> None:
    text = (
        "Kosovo's government said on Monday it would suspend its ban on Serbian goods. "
        "Belgrade welcomed the decision."
    )
    found = claims(ex, text)
    one(found, "XKX", "offer", "economy")
    quoted(text, one(found, "SRB", "accept", "economy"))


def test_a_rebel_commander_speaks_for_the_group_named_before(ex: Extractor) -> None:
    text = (
        "Colombia's government offered to suspend military operations against the ELN for "
        "three months. The rebel commander dismissed the offer as a trick."
    )
    found = claims(ex, text)
    offered = {c.issue for c in found if (c.actor, c.kind) == ("COL", "offer")}
    assert offered and {c.issue for c in found if (c.actor, c.kind) == ("eln", "reject")} == offered


def test_a_place_said_to_be_a_nation_s_is_the_speaker_s_claim(ex: Extractor) -> None:
    text = "Crimea is Ukrainian and will remain Ukrainian, Zelensky said in Kyiv."
    quoted(text, one(claims(ex, text), "UKR", "demand", "territory"))
    text = "Caracas said on Monday that the whole of the Essequibo region was Venezuelan."
    quoted(text, one(claims(ex, text), "VEN", "demand", "territory"))
    assert not claims(ex, "The new minister is Ukrainian, Zelensky said.")


# -- claims of title and claims as speech ---------------------------------------------------


def test_rejecting_a_claim_of_title_is_a_territorial_rejection(ex: Extractor) -> None:
    cases = [
        ("Pakistan rejected India's claim to Kashmir.", "PAK"),
        ("Venezuela on Sunday rejected Guyana's claim to the disputed territory.", "VEN"),
        ("Manila rejected Beijing's claims over the Spratly Islands.", "PHL"),
        ("China dismissed the Philippines' maritime claims as illegal.", "CHN"),
    ]
    for text, actor in cases:
        found = claims(ex, text)
        one(found, actor, "reject", "territory")
        assert not any(c.denied for c in found), text


def test_denying_a_claim_that_was_said_stays_a_denial(ex: Extractor) -> None:
    text = "The Kremlin denied a claim that Putin had agreed to a ceasefire along the front."
    found = claims(ex, text)
    c = one(found, "RUS", "accept", "ceasefire")
    assert c.denied
    assert ("RUS", "reject", "territory") not in triples(found)


def test_a_report_called_false_is_a_denial_and_neither_confirmed_nor_denied_is_not(
    ex: Extractor,
) -> None:
    text = (
        "YEREVAN, March 3, 2025 -- Armenia's foreign ministry said reports that Yerevan was "
        "ready to hand over four border villages were false."
    )
    found = [c for c in claims(ex, text) if c.actor == "ARM"]
    assert found and all(c.denied for c in found)
    text = (
        "HANOI, March 3, 2025 -- The foreign ministry neither confirmed nor denied reports that "
        "Vietnam had proposed joint patrols with China."
    )
    found = [c for c in claims(ex, text) if c.actor == "VNM"]
    assert found and not any(c.denied for c in found)
    text = (
        "BAKU, March 3, 2025 -- Azerbaijan dismissed as baseless a report that it had agreed to "
        "pull its troops back from the border."
    )
    found = [c for c in claims(ex, text) if c.actor == "AZE"]
    assert found and all(c.denied for c in found)


def test_considering_something_unacceptable_is_a_verdict_not_a_hedge(ex: Extractor) -> None:
    text = (
        "MINSK, March 3, 2025 -- Belarus considers unacceptable any deployment of NATO troops "
        "near its border, the foreign ministry said."
    )
    found = [c for c in claims(ex, text) if c.actor == "BLR"]
    assert found and all(c.kind == "reject" and not c.hedged for c in found)
    text = "ANKARA, March 3, 2025 -- Turkey would consider joining a monitoring mission in Gaza."
    found = [c for c in claims(ex, text) if c.actor == "TUR"]
    assert found and all(c.hedged for c in found)
