"""Background stances of analysis and explainer pieces, through the real extractor: position
nouns as copula subjects, "for X" perspectives, verdicts through "sees … as", pseudo-clefts,
territorial claim nouns and admissions; sentences written for these tests, many conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from detente.records import Claim, Report, normalize_text


def claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(Report(text=normalize_text(text))).claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


def test_a_possessed_position_noun_states_its_holders_demand(ex: Extractor) -> None:
    text = "Tiraspol's priority remains cheap Russian gas."
    found = claims(ex, text)
    assert triples(found) == {("transnistria", "demand", "economy")}
    # the quote is the sentence's own text, located in the report
    assert all(text[c.start : c.end] == c.quote for c in found)
    found = claims(ex, "Rabat's position is that the territory must remain under Moroccan rule.")
    assert ("MAR", "demand", "territory") in triples(found)
    assert {c.actor for c in found} == {"MAR"}


def test_a_red_line_naming_any_act_refuses_it(ex: Extractor) -> None:
    found = claims(ex, "Pristina's red line remains any return of Serbian police to the north.")
    assert {(c.actor, c.kind) for c in found} == {("XKX", "reject")}
    found = claims(
        ex, "Manila's red line remains its right to resupply the troops posted on the reef."
    )
    assert {(c.actor, c.kind) for c in found} == {("PHL", "demand")}


def test_a_noun_with_its_own_content_is_not_read_through_the_copula(ex: Extractor) -> None:
    found = claims(
        ex, "The Kremlin's insistence on a pullout from Donbas remains the main obstacle."
    )
    assert ("RUS", "demand", "process") not in triples(found)
    assert ("RUS", "demand", "territory") in triples(found)


def test_a_for_perspective_holds_the_verdict(ex: Extractor) -> None:
    found = claims(ex, "For Ankara, the disarmament of the PKK is non-negotiable.")
    assert triples(found) == {("TUR", "demand", "military_limits")}
    found = claims(ex, "The defence pact with Washington is, for Tokyo, non-negotiable.")
    assert {(c.actor, c.kind) for c in found} == {("JPN", "demand")}


def test_a_verdict_through_sees_as(ex: Extractor) -> None:
    found = claims(ex, "Baghdad sees the new oil export contracts as a violation of the law.")
    assert triples(found) == {("IRQ", "reject", "economy")}
    found = claims(ex, "Kigali sees the withdrawal of Burundian troops as a precondition.")
    assert {(c.actor, c.kind) for c in found} == {("RWA", "demand")}
    # "would regard X as a threat" warns: not read as a plain rejection
    found = claims(ex, "Moscow would regard foreign soldiers in Ukraine as a legitimate target.")
    assert ("RUS", "reject", "territory") not in triples(found)


def test_a_pseudo_cleft_takes_the_copulas_complement(ex: Extractor) -> None:
    found = claims(ex, "What Yerevan wants is a peace treaty without constitutional changes.")
    assert {(c.actor, c.kind) for c in found} == {("ARM", "demand")}
    found = claims(
        ex,
        "What Seoul wants, according to people familiar with the talks, is a ceasefire first.",
    )
    assert ("KOR", "demand", "ceasefire") in triples(found)


def test_a_claim_to_a_named_place_is_territorial(ex: Extractor) -> None:
    found = claims(ex, "Guatemala's claim to Belize has never been dropped.")
    assert triples(found) == {("GTM", "demand", "territory")}
    # a claim reported as speech is no territorial claim
    found = claims(ex, "Serbia's claim that Kosovo police raided the village was denied.")
    assert ("SRB", "demand", "territory") not in triples(found)


def test_a_private_admission_is_no_concession(ex: Extractor) -> None:
    found = claims(ex, "Officials in Juba privately concede that the truce is fragile.")
    assert not [c for c in found if c.kind == "offer"]


def test_claiming_land_is_a_territorial_demand(ex: Extractor) -> None:
    found = claims(ex, "China claims most of the South China Sea.")
    assert triples(found) == {("CHN", "demand", "territory")}
    found = claims(ex, "Spain still claims the territory, ceded in 1713.")
    assert triples(found) == {("ESP", "demand", "territory")}
    # claiming responsibility, or claiming that something happened, is no claim to land
    assert claims(ex, "The Arakan Army claimed responsibility for the attack on the port.") == []
    found = claims(ex, "Moscow claimed that Kyiv had shelled the border town.")
    assert ("RUS", "demand", "territory") not in triples(found)


def test_a_passive_reporting_verb_lends_its_subject(ex: Extractor) -> None:
    found = claims(ex, "Moscow is understood to favour joint economic zones on the islands.")
    assert {(c.actor, c.kind) for c in found} == {("RUS", "propose")}  # an open choice
    found = claims(ex, "Tripoli is said to oppose any extension of the interim mandate.")
    assert {(c.actor, c.kind) for c in found} == {("LBY", "reject")}


def test_a_red_line_naming_a_thing_refuses_it(ex: Extractor) -> None:
    found = claims(ex, "Moscow's red line is NATO membership for Ukraine.")
    assert triples(found) == {("RUS", "reject", "alliances")}
    found = claims(ex, "New Delhi's red line remains that Arunachal Pradesh belongs to India.")
    assert {(c.actor, c.kind) for c in found} <= {("IND", "demand")}


def test_the_sticking_point_is_a_stance_noun_with_its_own_content(ex: Extractor) -> None:
    found = claims(ex, "The sticking point is Hamas's demand for guarantees that the war will end.")
    assert triples(found) == {("hamas", "demand", "security_guarantees")}
    # a plain copula with a precondition still demands its subject
    found = claims(ex, "A ceasefire is a precondition for any talks, Kyiv said.")
    assert ("UKR", "demand", "ceasefire") in triples(found)


def test_made_clear_reports_like_said(ex: Extractor) -> None:
    found = claims(ex, "The Kremlin has made clear that Ukraine must withdraw from Donbas.")
    assert triples(found) == {("RUS", "demand", "territory")}
    found = claims(ex, "Erbil has made clear that salaries must be paid before any oil deal.")
    assert {c.actor for c in found} == {"krg"}


def test_taking_a_side_with_a_copula(ex: Extractor) -> None:
    found = claims(ex, "Ankara is firmly against any autonomy for the Kurdish-led administration.")
    assert {(c.actor, c.kind) for c in found} == {("TUR", "reject")}
    found = claims(ex, "Seoul remains strongly in favour of talks with Pyongyang.")
    assert triples(found) == {("KOR", "accept", "process")}
    assert claims(ex, "The army was in Goma for most of the week.") == []


def test_an_insistent_adjective_demands_the_clause(ex: Extractor) -> None:
    found = claims(ex, "Moscow is adamant that Kyiv must withdraw from Donetsk.")
    assert triples(found) == {("RUS", "demand", "territory")}
    found = claims(ex, "Baku remains categorical that the corridor must stay open.")
    assert {c.actor for c in found} == {"AZE"}


def test_a_pronoun_possessor_of_a_position_is_the_leader_named_before(ex: Extractor) -> None:
    text = (
        "Lai's refusal to endorse the formula is well known. His government's position is "
        "that only Taiwan's people can decide its future."
    )
    found = claims(ex, text)
    assert ("TWN", "demand", "territory") in triples(found)
    assert "CHN" not in {c.actor for c in found}


def test_explainer_questions_state_no_stance(ex: Extractor) -> None:
    assert claims(ex, "Would Moscow accept a ceasefire along the current line?") == []
    assert claims(ex, "What does Baghdad want from Erbil?") == []
    # the answer under the header does
    found = claims(ex, "What does Baghdad want?\n\nBaghdad wants all crude exports sold by SOMO.")
    assert {(c.actor, c.kind) for c in found} == {("IRQ", "demand")}


def test_a_verdict_frame_reads_consider_as(ex: Extractor) -> None:
    found = claims(ex, "Kyiv considers the return of its children as a precondition for talks.")
    assert triples(found) == {("UKR", "demand", "humanitarian")}
