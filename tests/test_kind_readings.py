"""Kinds read from how a stance is put: refusals without an agent ("talks remain rejected",
"any transit will be refused"), a penalty a party will never impose, verdicts on another's
demands, "those terms", attending another's meeting, considering a step of one's own;
sentences written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_talks_that_remain_rejected_are_the_speakers_refusal(ex: Extractor) -> None:
    text = "Direct talks with Kigali remain rejected, Congo's presidency said on Friday."
    assert ("COD", "reject", "process") in triples(claims(ex, text))


def test_a_future_agentless_refusal_is_the_speakers(ex: Extractor) -> None:
    text = "Any new referendum on the status of the region will be refused, Madrid said."
    got = triples(claims(ex, text))
    assert any(actor == "ESP" and kind == "reject" for actor, kind, _ in got)


def test_a_refusal_told_in_the_past_narrates(ex: Extractor) -> None:
    # "was rejected on Monday" tells what happened; it says nothing of who refused
    text = "Oman urged calm. The ceasefire offer was rejected on Monday."
    assert not any(c.kind == "reject" for c in claims(ex, text))


def test_never_imposing_sanctions_refuses_to_join_them(ex: Extractor) -> None:
    text = "Serbia's president said Belgrade will never impose sanctions on Russia."
    assert ("SRB", "reject", "sanctions") in triples(claims(ex, text))


def test_those_terms_point_back_to_the_terms_just_set(ex: Extractor) -> None:
    text = (
        "Kabul asked for the release of its frozen reserves and the lifting of travel bans on "
        "its ministers. Washington turned those terms down, two officials said."
    )
    got = {(c.actor, c.kind, c.issue) for c in claims(ex, text) if c.actor == "USA"}
    assert ("USA", "reject", "sanctions") in got
    assert ("USA", "reject", "process") not in got


def test_demands_called_excessive_are_rejected_not_restated(ex: Extractor) -> None:
    text = (
        "Baku demanded that Yerevan change its constitution before any signature. Yerevan said "
        "Azerbaijan's demands were excessive."
    )
    got = triples(claims(ex, text))
    assert any(actor == "ARM" and kind == "reject" for actor, kind, _ in got)
    # the possessed noun is no statement of Baku's position here
    assert not any(
        c.actor == "AZE" and c.quote.startswith("Azerbaijan's demands") for c in claims(ex, text)
    )


def test_guarantees_judged_insufficient_are_rejected(ex: Extractor) -> None:
    text = "Kyiv said the security guarantees offered by Washington were insufficient."
    assert ("UKR", "reject", "security_guarantees") in triples(claims(ex, text))


def test_attending_anothers_meeting_accepts_the_invitation(ex: Extractor) -> None:
    got = triples(claims(ex, "Mauritania will attend the Geneva consultations, a spokesman said."))
    assert ("MRT", "accept", "process") in got
    text = "Serbia's president is ready to attend the summit on any date Brussels chooses."
    assert ("SRB", "accept", "process") in triples(claims(ex, text))
    # staying away is still a refusal
    got = triples(claims(ex, "Tehran will not attend the talks in Muscat, the ministry said."))
    assert ("IRN", "reject", "process") in got


def test_considering_a_step_of_ones_own_offers_it(ex: Extractor) -> None:
    text = "Baku would consider selling gas to Yerevan at a discount, the presidency said."
    assert ("AZE", "offer", "economy") in triples(claims(ex, text))
    # weighing another's text stays an acceptance of it
    text = "Moscow would consider the European proposal on a ceasefire, the Kremlin said."
    assert any(a == "RUS" and k == "accept" for a, k, _ in triples(claims(ex, text)))


def test_a_place_called_national_territory_is_claimed(ex: Extractor) -> None:
    text = "Baku said on Monday that Karabakh is Azerbaijani land and always will be."
    assert ("AZE", "demand", "territory") in triples(claims(ex, text))
    text = "Tokyo said the four islands are Japanese territory occupied since 1945."
    assert ("JPN", "demand", "territory") in triples(claims(ex, text))


def test_a_body_described_by_nationality_claims_nothing(ex: Extractor) -> None:
    text = "Hezbollah is a Lebanese party with seats in parliament, the minister said."
    assert not any(c.issue == "territory" for c in claims(ex, text))


def test_a_plan_that_couples_two_steps_proposes_both(ex: Extractor) -> None:
    text = (
        "Qatar and Egypt presented a new proposal on Sunday. The proposal would combine a "
        "prisoner exchange with a sixty-day ceasefire."
    )
    got = triples(claims(ex, text))
    assert ("QAT", "propose", "ceasefire") in got
    assert ("EGY", "propose", "humanitarian") in got


def test_a_present_under_a_past_insistence_is_asked_of_its_subject(ex: Extractor) -> None:
    text = (
        "Aliyev insisted that Armenian troops leave the villages they still hold before any "
        "treaty is signed."
    )
    got = triples(claims(ex, text))
    assert ("AZE", "demand", "territory") in got
    assert not any(actor == "ARM" and kind == "offer" for actor, kind, _ in got)


def test_soil_kept_from_being_a_launching_pad_is_a_guarantee(ex: Extractor) -> None:
    text = (
        "Azerbaijan will not allow its territory to be a springboard for attacks on Iran, the "
        "foreign ministry said."
    )
    assert ("AZE", "offer", "security_guarantees") in triples(claims(ex, text))


def test_foreign_combat_forces_are_a_military_limit_not_fighting(ex: Extractor) -> None:
    text = "Baghdad rejected any extension of the presence of foreign combat forces in Iraq."
    assert ("IRQ", "reject", "military_limits") in triples(claims(ex, text))


def test_ready_to_put_troops_in_offers_them(ex: Extractor) -> None:
    # "put" is a stance verb only with "forward" or "on the table"; here readiness carries it
    text = "Oman urged calm. Canada said it is ready to put troops on the ground in Haiti."
    assert ("CAN", "offer", "security_guarantees") in triples(claims(ex, text))


def test_ready_to_put_forward_a_plan_keeps_the_verbs_kind(ex: Extractor) -> None:
    text = "Oman urged calm. Canada said it is ready to put forward a new plan for Haiti's talks."
    got = triples(claims(ex, text))
    assert any(actor == "CAN" and kind == "propose" for actor, kind, _ in got)
    assert not any(kind == "offer" for _, kind, _ in got)


def test_a_term_called_an_internal_matter_is_refused(ex: Extractor) -> None:
    text = (
        "Oman urged calm. Cyprus said the size of its army was an internal matter of the republic."
    )
    assert any(a == "CYP" and k == "reject" for a, k, _ in triples(claims(ex, text)))


def test_regarding_a_term_as_an_internal_affair_refuses_it(ex: Extractor) -> None:
    # the judging verb's subject holds the verdict, not the last actor of the report
    text = (
        "Oman urged calm. Serbia regards the question of its army reform as an internal "
        "affair of the Serbian people."
    )
    got = triples(claims(ex, text))
    assert any(a == "SRB" and k == "reject" for a, k, _ in got)
    assert not any(a == "OMN" and k == "reject" for a, k, _ in got)


def test_nothing_to_discuss_refuses_talks(ex: Extractor) -> None:
    text = "Oman urged calm. Venezuela said it had nothing to discuss with Guyana."
    assert ("VEN", "reject", "process") in triples(claims(ex, text))
    text = "Oman urged calm. There is nothing to negotiate while the blockade lasts, Qatar said."
    assert any(a == "QAT" and k == "reject" for a, k, _ in triples(claims(ex, text)))


def test_continuing_to_strike_threatens_but_continuing_talks_does_not(ex: Extractor) -> None:
    got = triples(claims(ex, "Oman urged calm. Turkey will continue to strike the PKK in Iraq."))
    assert any(a == "TUR" and k == "threaten" for a, k, _ in got)
    got = triples(claims(ex, "Oman urged calm. Russia will continue talks with Japan on fishing."))
    assert not any(k == "threaten" for _, k, _ in got)


def test_continuing_to_act_against_a_threat_threatens(ex: Extractor) -> None:
    text = "Oman urged calm. India will continue to act against any threat along the border."
    assert any(a == "IND" and k == "threaten" for a, k, _ in triples(claims(ex, text)))


def test_firms_defined_by_what_they_do_are_a_generic_offender(ex: Extractor) -> None:
    # a bare plural with a relative clause warns whoever does it, like "any company that …"
    text = (
        "Companies that drill for gas in the disputed block will face sanctions, Cyprus's "
        "energy minister said."
    )
    got = claims(ex, text)
    assert any(c.actor == "CYP" and c.kind == "threaten" for c in got)


def test_a_ban_from_tenders_is_an_announced_penalty(ex: Extractor) -> None:
    text = (
        "Any firm that takes part in the survey would be barred from public tenders, Guyana's "
        "foreign ministry said."
    )
    assert any(c.actor == "GUY" and c.kind == "threaten" for c in claims(ex, text))


def test_companies_that_faced_fines_are_a_narrated_fact(ex: Extractor) -> None:
    text = "Companies that ignored the embargo faced fines last year, Turkey's trade minister said."
    assert not any(c.kind == "threaten" for c in claims(ex, text))


def test_a_condition_before_an_inset_speaker_still_conditions_the_threat(ex: Extractor) -> None:
    text = (
        "If the Serb units do not pull back, the Kosovo premier said, Kosovo will take the "
        "bridge by force of arms."
    )
    got = claims(ex, text)
    assert any(c.actor == "XKX" and c.kind == "threaten" and c.conditional for c in got)
