"""Stance extraction: triggers, holders, issues, modifiers, attribution and the Extractor API."""

from __future__ import annotations

from datetime import date

import pytest

from detente.extract import EXTRACTOR_NAME, Extractor, get_extractor
from detente.extract.lexicon import stance_lexicon, taxonomy
from detente.records import ISSUES, KINDS, Claim, Extraction, Report, normalize_text


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return get_extractor()


def claims(ex: Extractor, text: str, published: date | None = None) -> list[Claim]:
    report = Report(text=normalize_text(text), published=published)
    out = ex.extract(report).claims
    for c in out:
        assert report.text[c.start : c.end] == c.quote
    return out


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


# -- interface ---------------------------------------------------------------------------


def test_extractor_interface(ex: Extractor) -> None:
    assert get_extractor() is ex
    assert ex.name == EXTRACTOR_NAME == "detente.extract.v1"
    assert ex.components["stances"] == "detente_stances_v1"
    assert ex.components["gazetteer"] == "detente_gazetteer_v1"
    assert ex.model.startswith("en_core_web_sm")
    pipes = ex.nlp.pipe_names
    assert pipes.index("detente_gazetteer_v1") < pipes.index("ner")
    assert pipes[-1] == "detente_stances_v1"


def test_pipe_keeps_order_and_numbers_claims(ex: Extractor) -> None:
    reports = [
        Report(text="Hamas rejected the Israeli proposal for a phased truce."),
        Report(text="The weather in Geneva was mild."),
        Report(text="Serbia demanded guarantees for ethnic Serbs in northern Kosovo."),
    ]
    out = list(ex.pipe(reports, batch_size=2))
    assert [type(e) for e in out] == [Extraction] * 3
    assert all(e.extractor == EXTRACTOR_NAME for e in out)
    assert ("hamas", "reject", "process") in triples(out[0].claims)
    assert out[1].claims == []
    assert ("SRB", "demand", "minority_rights") in triples(out[2].claims)
    for e in out:
        assert [c.ordinal for c in e.claims] == list(range(len(e.claims)))
        assert set(e.actor_names) >= {c.actor for c in e.claims}


def test_lexicon_and_taxonomy_use_only_known_kinds_and_issues() -> None:
    lex = stance_lexicon()
    assert set(lex.verbs.values()) <= set(KINDS)
    assert set(lex.nouns.values()) <= set(KINDS)
    tax = taxonomy()
    assert set(tax.definitions) == set(ISSUES)
    assert {issue for issue, _ in tax.words.values()} <= set(ISSUES)
    assert {issue for issue, _ in tax.phrases.values()} <= set(ISSUES)


# -- kinds and issues ---------------------------------------------------------------------


def test_coordinated_demands_give_one_claim_per_issue(ex: Extractor) -> None:
    found = claims(
        ex, "Moscow demands that Ukraine stay out of NATO, cap its army and give up Crimea."
    )
    assert triples(found) == {
        ("RUS", "demand", "alliances"),
        ("RUS", "demand", "military_limits"),
        ("RUS", "demand", "territory"),
    }
    crimea = next(c for c in found if c.issue == "territory")
    assert crimea.places == ["UA-43"]
    assert all(c.quote.endswith("give up Crimea") for c in found)


def test_never_accept_is_a_rejection(ex: Extractor) -> None:
    found = claims(
        ex,
        "Ukrainian President Volodymyr Zelensky said Kyiv would never accept territorial concessions.",
    )
    assert triples(found) == {("UKR", "reject", "territory")}
    assert found[0].negated is False  # the negation is carried by the kind


def test_not_ruling_out_is_a_hedged_acceptance(ex: Extractor) -> None:
    found = claims(
        ex, "Colombia's government and the ELN did not rule out a new round of talks in Havana."
    )
    assert triples(found) == {("COL", "accept", "process"), ("eln", "accept", "process")}
    assert all(c.hedged for c in found)


def test_passive_agent_holds_the_stance(ex: Extractor) -> None:
    found = claims(ex, "The proposal was rejected by Serbia on Tuesday.")
    assert triples(found) == {("SRB", "reject", "process")}


def test_narrated_action_is_not_a_stance(ex: Extractor) -> None:
    assert claims(ex, "Russian forces withdrew from the village on Tuesday.") == []


def test_refusal_noun_with_possessor(ex: Extractor) -> None:
    found = claims(ex, "Kigali's refusal to withdraw its troops from North Kivu angered Kinshasa.")
    assert ("RWA", "reject", "territory") in triples(found)


# -- modifiers ----------------------------------------------------------------------------


def test_exchange_links_both_sides(ex: Extractor) -> None:
    found = claims(
        ex, "Hamas offered to free the remaining hostages in exchange for a lasting truce."
    )
    by = {(c.kind, c.issue): c for c in found}
    offer = by[("offer", "humanitarian")]
    demand = by[("demand", "ceasefire")]
    assert offer.actor == demand.actor == "hamas"
    assert offer.exchange_for == [demand.ordinal]
    assert demand.exchange_for == [offer.ordinal]


def test_condition_is_kept_and_becomes_a_demand(ex: Extractor) -> None:
    text = (
        "Azerbaijan is, in principle, willing to sign the peace treaty as long as Armenia "
        "amends its constitution."
    )
    found = claims(ex, text)
    accept = next(c for c in found if c.kind == "accept")
    assert (accept.actor, accept.issue) == ("AZE", "process")
    assert accept.conditional and accept.hedged
    assert accept.conditions == ["as long as Armenia amends its constitution"]
    assert ("AZE", "demand", "governance") in triples(found)


def test_unless_clause_of_a_refusal(ex: Extractor) -> None:
    found = claims(
        ex, "Petro said his government would not resume talks unless the ELN freed all hostages."
    )
    assert triples(found) == {("COL", "reject", "process"), ("COL", "demand", "humanitarian")}


def test_denied_report_keeps_the_reported_stance(ex: Extractor) -> None:
    found = claims(
        ex, "The Kremlin denied a report that Putin would accept a freeze of the front line."
    )
    assert triples(found) == {("RUS", "accept", "ceasefire")}
    assert found[0].denied is True
    assert found[0].speaker == "Vladimir Putin"
    assert found[0].quote.startswith("The Kremlin denied")


def test_must_in_reported_speech_is_the_speakers_demand(ex: Extractor) -> None:
    found = claims(ex, "Putin said Kyiv must pull its troops out of the Donbas.")
    assert triples(found) == {("RUS", "demand", "territory")}
    assert found[0].places == ["UA-14", "UA-09"]


# -- holders ------------------------------------------------------------------------------


def test_joint_statement_gives_one_claim_per_actor(ex: Extractor) -> None:
    found = claims(ex, "France, Germany and Britain called for an immediate ceasefire in Sudan.")
    assert triples(found) == {
        ("FRA", "demand", "ceasefire"),
        ("DEU", "demand", "ceasefire"),
        ("GBR", "demand", "ceasefire"),
    }


def test_plan_as_subject_goes_to_its_proponent(ex: Extractor) -> None:
    text = (
        "Washington presented a peace plan on Monday. "
        "The plan would require Ukraine to cap its army at 600,000 troops."
    )
    found = claims(ex, text)
    assert ("USA", "propose", "process") in triples(found)
    cap = next(c for c in found if c.issue == "military_limits")
    assert (cap.actor, cap.kind) == ("USA", "propose")
    assert any(q.value == 600000 for q in cap.quantities)


def test_pronoun_in_reported_speech_takes_the_speaker(ex: Extractor) -> None:
    found = claims(ex, "Hamas said it was ready to release all hostages.")
    assert triples(found) == {("hamas", "offer", "humanitarian")}


# -- sources and dates --------------------------------------------------------------------


def test_according_to_names_the_source(ex: Extractor) -> None:
    found = claims(ex, "According to the Financial Times, Russia demands recognition of Crimea.")
    assert triples(found) == {("RUS", "demand", "recognition")}
    assert found[0].sources == ["Financial Times"]
    assert found[0].anonymous is False
    assert found[0].quote == "Russia demands recognition of Crimea"


def test_unnamed_sources_are_anonymous(ex: Extractor) -> None:
    found = claims(
        ex, "Sources close to the talks said Rwanda demanded a buffer zone along the border."
    )
    assert triples(found) == {("RWA", "demand", "territory")}
    assert found[0].anonymous is True
    assert found[0].sources == ["Sources close to the talks"]


def test_reporting_outlet_is_a_source_not_an_actor(ex: Extractor) -> None:
    found = claims(ex, "Bloomberg reported that Turkey had offered to host a new round of talks.")
    assert triples(found) == {("TUR", "offer", "process")}
    assert found[0].sources == ["Bloomberg"]


def test_date_defaults_to_publication_and_reads_weekdays(ex: Extractor) -> None:
    friday = date(2025, 8, 15)
    found = claims(ex, "Hamas rejected the Israeli proposal for a phased truce.", friday)
    assert found[0].date == friday
    found = claims(
        ex, "On Wednesday, Hamas rejected the Israeli proposal for a phased truce.", friday
    )
    assert found[0].date == date(2025, 8, 13)


# -- further constructions ----------------------------------------------------------------


def test_copula_requirements_are_the_speakers_demands(ex: Extractor) -> None:
    found = claims(
        ex,
        "Government spokesman Patrick Muyaya said the departure of the rebels from Goma was "
        "non-negotiable.",
    )
    assert triples(found) == {("COD", "demand", "territory")}
    found = claims(
        ex,
        "Ukrainian Foreign Minister Andrii Sybiha said a full ceasefire should be the first step.",
    )
    assert triples(found) == {("UKR", "demand", "ceasefire")}


def test_no_truce_unless_is_a_refusal_with_a_demand(ex: Extractor) -> None:
    text = "Burhan said there can be no truce unless the RSF withdraws from the cities it holds."
    found = claims(ex, text)
    assert ("SDN", "reject", "ceasefire") in triples(found) or (
        "saf",
        "reject",
        "ceasefire",
    ) in triples(found)
    assert {c.kind for c in found} == {"reject", "demand"}


def test_offer_in_exchange_for_a_withdrawal(ex: Extractor) -> None:
    text = (
        "The ELN put forward a ceasefire across the north in exchange for the withdrawal "
        "of army troops from the town."
    )
    found = claims(ex, text)
    kinds = {(c.kind, c.issue) for c in found}
    assert ("propose", "ceasefire") in kinds
    assert ("demand", "territory") in kinds


def test_coordinated_sides_each_hold_the_stance(ex: Extractor) -> None:
    found = claims(
        ex,
        "Armenian and Azerbaijani negotiators agreed to reopen transport links across the region.",
    )
    assert triples(found) == {("ARM", "accept", "economy"), ("AZE", "accept", "economy")}


def test_relative_clause_describing_a_role_is_not_a_stance(ex: Extractor) -> None:
    found = claims(ex, "Qatar, which mediates between the two sides, hosted the meeting.")
    assert found == []


def test_not_up_for_negotiation_is_a_rejection(ex: Extractor) -> None:
    found = claims(
        ex,
        "The occupied Golan Heights are not up for negotiation, President Ahmed al-Sharaa said.",
    )
    assert triples(found) == {("SYR", "reject", "territory")}


def test_considering_to_lift_sanctions_is_an_offer(ex: Extractor) -> None:
    found = claims(ex, "Washington would consider lifting the remaining sanctions on Damascus.")
    assert triples(found) == {("USA", "offer", "sanctions")}
    assert found[0].hedged is True
