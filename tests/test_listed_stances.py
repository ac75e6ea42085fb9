"""Stances given as a list after a colon or dash, clefts, "what is on the table", verdicts held
"to" a party and stance nouns that announce a list; through the real extractor, sentences
written for these tests across many conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims


def triples(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


def test_a_needed_list_after_a_colon_gives_one_demand_per_item(ex: Extractor) -> None:
    found = triples(
        ex,
        "Ukrainian Foreign Minister Andrii Sybiha said that for weeks Kyiv had made clear what "
        "it needs: a full ceasefire, security guarantees and the return of deported children.",
    )
    assert {
        ("UKR", "demand", "ceasefire"),
        ("UKR", "demand", "security_guarantees"),
        ("UKR", "demand", "humanitarian"),
    } <= found
    found = triples(
        ex,
        "The Philippine coast guard said Manila wants three things from Beijing: an end to water "
        "cannon attacks, free access for fishermen and respect for the arbitral award.",
    )
    assert {("PHL", "demand", "ceasefire"), ("PHL", "demand", "justice")} <= found


def test_conditions_said_to_be_unchanged_are_listed_after_the_colon(ex: Extractor) -> None:
    found = triples(
        ex,
        "Kremlin spokesman Dmitry Peskov said Moscow's conditions are unchanged: the withdrawal "
        "of Ukrainian troops from Donetsk, neutrality and the lifting of sanctions.",
    )
    assert found == {
        ("RUS", "demand", "territory"),
        ("RUS", "demand", "alliances"),
        ("RUS", "demand", "sanctions"),
    }
    found = triples(
        ex,
        "Kinshasa's position is unchanged -- the withdrawal of the M23 from Goma and the "
        "disarmament of the rebels.",
    )
    assert found == {("COD", "demand", "territory"), ("COD", "demand", "military_limits")}


def test_the_elements_of_a_plan_after_a_dash_are_proposed(ex: Extractor) -> None:
    for sep in (" --", ":"):
        found = triples(
            ex, f"Egypt's plan has three elements{sep} a truce in Gaza, a prisoner exchange."
        )
        # the plan as a whole is no stance on the talks once its contents are named
        assert found == {("EGY", "propose", "ceasefire"), ("EGY", "propose", "humanitarian")}


def test_an_offer_still_on_the_table_offers_each_item(ex: Extractor) -> None:
    found = triples(
        ex,
        "Guyana's offer remains on the table: a joint commission on the border and the sharing "
        "of river data, the foreign minister said.",
    )
    assert found == {("GUY", "offer", "territory"), ("GUY", "offer", "economy")}


def test_what_is_asked_in_return_is_an_item_of_its_own(ex: Extractor) -> None:
    found = triples(
        ex,
        'Lukashenko put forward what he called a "big deal" with Washington: the release of all '
        "prisoners in exchange for lifting restrictions on potash exports.",
    )
    assert {("BLR", "propose", "humanitarian"), ("BLR", "propose", "sanctions")} <= found


def test_a_list_noun_before_a_colon_states_the_holders_terms(ex: Extractor) -> None:
    found = triples(
        ex,
        "Hamas spokesman Hazem Qassem said the group's terms were simple: a permanent ceasefire "
        "and reconstruction.",
    )
    assert {("hamas", "demand", "ceasefire"), ("hamas", "demand", "economy")} <= found
    found = triples(
        ex,
        "The M23's terms: direct talks with Kinshasa and the release of its members.",
    )
    assert found == {("m23", "demand", "process"), ("m23", "demand", "humanitarian")}
    found = triples(
        ex,
        "Ukraine's delegation has come to Abu Dhabi with a clear mandate: a full ceasefire along "
        "the front line and an exchange of all prisoners.",
    )
    assert found == {("UKR", "demand", "ceasefire"), ("UKR", "demand", "humanitarian")}
    # without a colon a term is no stance
    assert not triples(ex, "The M23's terms of service in the army were discussed.")


def test_a_clause_or_a_quotation_after_the_colon_is_no_list(ex: Extractor) -> None:
    found = claims(
        ex,
        "Serbia wants a return of its police to the north: Belgrade says the Serb community is "
        "unprotected.",
    )
    assert {(c.actor, c.kind) for c in found} == {("SRB", "demand")}
    assert not any("derived=point" in c.signals for c in found)
    found = claims(ex, "The Kosovo government rejected the plan: it said the deal was unfair.")
    assert not any("derived=point" in c.signals for c in found)
    found = claims(ex, 'Pakistan\'s foreign minister said: "We want talks on Kashmir."')
    assert {(c.actor, c.kind, c.issue) for c in found} == {("PAK", "demand", "process")}
    assert not any("derived=point" in c.signals for c in found)


def test_clefts_on_stance_and_giving_verbs(ex: Extractor) -> None:
    assert triples(ex, '"All we ask is a ceasefire," the Hamas official said.') == {
        ("hamas", "demand", "ceasefire")
    }
    assert ("IRN", "demand", "sanctions") in triples(
        ex, "All Tehran asks is the lifting of sanctions, the Iranian spokesman said."
    )
    assert triples(
        ex,
        "Hezbollah leader Naim Qassem said the one thing the group will never give up is its "
        "weapons.",
    ) == {("hezbollah", "reject", "military_limits")}
    assert triples(ex, "The only thing Serbia will not give up is Kosovo, Vucic said.") == {
        ("SRB", "reject", "territory")
    }
    found = triples(ex, "What Moscow will not accept is any Western troops in Ukraine.")
    assert found == {("RUS", "reject", "military_limits")}


def test_what_is_on_the_table_is_offered_by_the_speaker(ex: Extractor) -> None:
    found = triples(
        ex,
        "Russian Foreign Minister Sergei Lavrov said what is on the table is a ceasefire along "
        "the current front line.",
    )
    assert found == {("RUS", "offer", "ceasefire")}


def test_a_verdict_held_to_a_party(ex: Extractor) -> None:
    found = triples(
        ex,
        "Azerbaijan's foreign ministry said any foreign peacekeeping presence is not acceptable "
        "to Baku.",
    )
    assert {(a, k) for a, k, _ in found} == {("AZE", "reject")}
    assert triples(ex, "A referendum on independence is unacceptable to Madrid.") == {
        ("ESP", "reject", "governance")
    }
    found = triples(
        ex, "Zelensky said that a freeze along the front line was not acceptable to Ukraine."
    )
    assert found == {("UKR", "reject", "ceasefire")}
    # the thing judged is no party: nothing is held
    assert not triples(ex, "The deal was acceptable to both sides.")


def test_an_item_with_a_clause_inside_it_is_still_a_phrase(ex: Extractor) -> None:
    found = claims(
        ex,
        "Seoul's foreign minister said for months Seoul had made clear what it needs: inspectors "
        "back at the reactor, an account of where the enriched uranium is, and a return to talks.",
    )
    listed = {(c.actor, c.kind, c.issue) for c in found if "derived=point" in c.signals}
    assert listed == {("KOR", "demand", "military_limits"), ("KOR", "demand", "process")}


def test_our_offer_in_a_speakers_turn_is_the_speakers_side(ex: Extractor) -> None:
    text = (
        "Press conference by Foreign Minister Johann Wadephul and Foreign Minister Jean-Noel "
        "Barrot, Paris, 3 March 2025\n\n"
        "WADEPHUL: Good morning. Our offer to delay the snapback still stands.\n\n"
        "BARROT: France does not want a confrontation with Iran.\n"
    )
    assert ("DEU", "offer", "sanctions") in triples(ex, text)


def test_an_expected_list_after_a_colon_is_demanded(ex: Extractor) -> None:
    text = (
        "CHISINAU - We expect two things: the release of the detained activists on the left "
        "bank, and an end to the checkpoints, the Moldovan minister said."
    )
    found = {(c.actor, c.kind) for c in claims(ex, text)}
    assert found == {("MDA", "demand")}
    assert len([c for c in claims(ex, text) if c.actor == "MDA"]) >= 2


def test_conditions_set_out_before_a_misparsed_list(ex: Extractor) -> None:
    # the parser makes the listed phrases a clause of their own
    text = (
        "ANKARA - Turkish officials have set out their conditions: the SDF's heavy weapons "
        "handed to the army, foreign fighters out of Syria, and no autonomous zone on the "
        "border."
    )
    issues = {c.issue for c in claims(ex, text) if c.actor == "TUR" and c.kind == "demand"}
    assert {"military_limits", "territory"} <= issues
