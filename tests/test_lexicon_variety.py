"""The variety of stance phrasing in reporting: verb phrases, adjectives with their
prepositions, verdict nouns, menacing phrases and retracted support, read through the real
extractor on sentences written for these tests across many conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.extract.lexicon import named_table, word_map
from detente.extract.stance.phrasing import _phrasal_patterns
from extracting import claims


def triples(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rejections voiced by a verb and its particle or preposition
        (
            "Manila pushed back on the Chinese proposal for joint oil exploration in the disputed "
            "waters.",
            ("PHL", "reject", "economy"),
        ),
        (
            "Juba hit out at the Sudanese offer on oil transit fees.",
            ("SSD", "reject", "economy"),
        ),
        (
            "Rabat shot down the Algerian proposal for a referendum.",
            ("MAR", "reject", "governance"),
        ),
        (
            "Colombia backed away from the ceasefire it had offered the ELN.",
            ("COL", "reject", "ceasefire"),
        ),
        (
            "London decided against the Spanish proposal for joint sovereignty over Gibraltar.",
            ("GBR", "reject", "territory"),
        ),
        (
            "Tokyo frowned on the Russian proposal for joint economic activity on the islands.",
            ("JPN", "reject", "economy"),
        ),
        (
            "Chisinau closed the door on any federalisation of Moldova.",
            ("MDA", "reject", "governance"),
        ),
        (
            "New Delhi took issue with the Chinese plan for a buffer zone in Ladakh.",
            ("IND", "reject", "territory"),
        ),
        (
            "Colombo gave short shrift to the Tamil demand for federalism.",
            ("LKA", "reject", "governance"),
        ),
        (
            "Ankara censured the Cypriot plan for gas drilling.",
            ("TUR", "reject", "economy"),
        ),
    ],
)
def test_rejections_in_verb_phrases(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow left the door open to a deal on the Kurils.",
            ("RUS", "accept", "territory"),
        ),
        (
            "Ankara opened the door to talks with the PKK on disarmament.",
            ("TUR", "accept", "process"),
        ),
        (
            "Rabat looked favourably on the American proposal for autonomy.",
            ("MAR", "accept", "governance"),
        ),
        (
            "Belgrade came around to the idea of a border commission.",
            ("SRB", "accept", "territory"),
        ),
        (
            "The Houthis caved in to the demand for a prisoner exchange.",
            ("houthis", "accept", "humanitarian"),
        ),
        (
            "Kathmandu gave in to the Maoist demand for elections.",
            ("NPL", "accept", "governance"),
        ),
        (
            "Cairo rallied behind the Qatari ceasefire proposal.",
            ("EGY", "accept", "ceasefire"),
        ),
        (
            "Moscow had no objection to the return of Japanese fishing boats to the quota regime.",
            ("RUS", "accept", "economy"),
        ),
    ],
)
def test_acceptances_in_verb_phrases(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bolivia held out for sovereign access to the sea.",
            ("BOL", "demand", "territory"),
        ),
        (
            "Beijing dug in on its claim to Scarborough Shoal.",
            ("CHN", "demand", "territory"),
        ),
        (
            "The Polisario agitated for a referendum on self-determination.",
            ("polisario", "demand", "governance"),
        ),
        (
            "Pretoria championed a two-state solution.",
            ("ZAF", "demand", "recognition"),
        ),
        (
            "Kinshasa made the withdrawal of M23 a precondition for talks.",
            ("COD", "demand", "territory"),
        ),
        (
            "Beirut made disarmament contingent on an Israeli withdrawal.",
            ("LBN", "demand", "territory"),
        ),
        (
            "Washington tied sanctions relief to free elections in Caracas.",
            ("USA", "demand", "governance"),
        ),
    ],
)
def test_demands_in_verb_phrases(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brussels held out the prospect of EU membership for Serbia.",
            ("eu", "offer", "alliances"),
        ),
        (
            "Doha mapped out a plan for a prisoner exchange.",
            ("QAT", "propose", "humanitarian"),
        ),
        (
            "Nairobi came up with a plan for a transitional government.",
            ("KEN", "propose", "governance"),
        ),
        (
            "Tehran vowed retaliation for the strike on its consulate.",
            ("IRN", "threaten", "ceasefire"),
        ),
        (
            "China will take resolute measures to safeguard its territorial sovereignty.",
            ("CHN", "threaten", "territory"),
        ),
    ],
)
def test_offers_proposals_and_threats_in_phrases(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


def test_a_menacing_phrase_under_a_vow_is_the_vow_a_threat(ex: Extractor) -> None:
    found = triples(ex, "Jerusalem vowed to make Hezbollah pay for the rocket fire.")
    assert any(a == "ISR" and k == "threaten" for a, k, _ in found)
    assert not any(a == "ISR" and k == "offer" for a, k, _ in found)


def test_a_particle_phrase_needs_a_plan_as_its_object(ex: Extractor) -> None:
    # "shot down" a proposal is a rejection; "shot down" a drone is an act of war
    assert ("GEO", "reject", "governance") in triples(
        ex, "Tbilisi shot down the Russian proposal for a referendum in Abkhazia."
    )
    downed = triples(ex, "Kyiv said its air defences shot down a drone over the city.")
    assert not any(k == "reject" for _, k, _ in downed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ankara remained cool to the idea of a federal Cyprus.",
            ("TUR", "reject", "governance"),
        ),
        (
            "Kinshasa was lukewarm about the Rwandan proposal for joint patrols.",
            ("COD", "reject", "security_guarantees"),
        ),
        (
            "Hanoi is wary of the Chinese plan for joint development in the South China Sea.",
            ("VNM", "reject", "economy"),
        ),
        (
            "Kyiv is sceptical of the Russian offer of a ceasefire.",
            ("UKR", "reject", "ceasefire"),
        ),
        (
            "Nicosia is hostile to a two-state solution on the island.",
            ("CYP", "reject", "recognition"),
        ),
        (
            "Dublin is supportive of the plan for a customs union on the island.",
            ("IRL", "accept", "economy"),
        ),
        (
            "Kigali is comfortable with an African Union monitoring mission.",
            ("RWA", "accept", "security_guarantees"),
        ),
    ],
)
def test_adjectives_with_their_prepositions(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


def test_an_adjective_without_its_preposition_says_nothing(ex: Extractor) -> None:
    assert not claims(ex, "The night in Nicosia was cool and the talks resumed at nine.")
    # "critical to" is importance, not criticism
    assert not any(
        k == "reject" for _, k, _ in triples(ex, "The port is critical to the economy of Djibouti.")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beirut called the Israeli offer on the border insufficient.",
            ("LBN", "reject", "territory"),
        ),
        (
            "Moscow called the European move on sanctions destructive.",
            ("RUS", "reject", "sanctions"),
        ),
        (
            "Ramallah described the Israeli proposal for a prisoner release as inadequate.",
            ("pa", "reject", "humanitarian"),
        ),
        (
            "Kyiv said the Russian offer of a ceasefire was not worth considering.",
            ("UKR", "reject", "ceasefire"),
        ),
        (
            "Moscow warned that any use of its frozen assets would amount to theft.",
            ("RUS", "reject", "economy"),
        ),
        (
            "Baku said the proposal for a corridor under Armenian control was a non-starter.",
            ("AZE", "reject", "territory"),
        ),
    ],
)
def test_verdicts_on_plans_and_steps(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jakarta said a referendum in Aceh was out of the question.",
            ("IDN", "reject", "governance"),
        ),
        (
            "Yerevan reacted coolly to the Azerbaijani draft of the peace treaty.",
            ("ARM", "reject", "process"),
        ),
        (
            "Hamas set conditions for a new truce in Gaza.",
            ("hamas", "demand", "ceasefire"),
        ),
        (
            "Hanoi expressed strong discontent over the intrusion of a Chinese survey ship.",
            ("VNM", "reject", "territory"),
        ),
        (
            "The MILF took up the government's offer of an amnesty.",
            ("milf", "accept", "justice"),
        ),
        (
            "Ankara vowed a crushing response to any attack on its troops in Syria.",
            ("TUR", "threaten", "ceasefire"),
        ),
        (
            "Doha extended an invitation to both delegations for a new round of talks.",
            ("QAT", "offer", "process"),
        ),
        (
            "Belgrade dragged its feet on the association agreement.",
            ("SRB", "reject", "process"),
        ),
        (
            "Asmara invited Addis Ababa to a joint boundary commission.",
            ("ERI", "offer", "territory"),
        ),
        (
            "Moscow said any foreign contingent in Moldova would be a legitimate target.",
            ("RUS", "threaten", "military_limits"),
        ),
    ],
)
def test_more_turns_of_phrase(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


def test_a_verdict_noun_needs_a_plan_or_a_step_as_its_subject(ex: Extractor) -> None:
    # "a farce" said of an election is no verdict on a negotiating position
    found = triples(ex, "Khartoum said the report by the panel was a farce.")
    assert not any(k == "reject" for _, k, _ in found)


def test_withdrawn_support_is_a_rejection(ex: Extractor) -> None:
    found = triples(ex, "Tripoli withdrew its support for the UN plan for elections.")
    assert ("LBY", "reject", "governance") in found
    assert not any(a == "LBY" and k == "accept" for a, k, _ in found)


def test_an_offer_is_about_what_it_offers(ex: Extractor) -> None:
    found = triples(ex, "Seoul rejected the northern offer of family reunions.")
    assert ("KOR", "reject", "humanitarian") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo protested against the Russian military drills on the Kurils.",
            ("JPN", "reject", "military_limits"),
        ),
        (
            "Brussels demanded that London accept a customs union for Northern Ireland.",
            ("eu", "demand", "economy"),
        ),
        (
            "Seoul proposed family reunions before the holiday.",
            ("KOR", "propose", "humanitarian"),
        ),
        (
            "Manila called for a code of conduct in the South China Sea.",
            ("PHL", "demand", "process"),
        ),
        (
            "Ankara wants safe zones along the Syrian border.",
            ("TUR", "demand", "security_guarantees"),
        ),
    ],
)
def test_issue_vocabulary_of_reporting(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(ex, text)


def test_phrase_tables_are_well_formed() -> None:
    """Every phrasal compiles to a pattern whose kind is a known one; every adjective lists
    the prepositions it takes; verdict nouns have known kinds."""
    from detente.records import KINDS

    labels = _phrasal_patterns()
    assert labels and all(label.split("|")[1] in KINDS for label in labels)
    for kind, adjectives in named_table("adjective_stances").items():
        assert kind in KINDS
        assert all(preps for preps in adjectives.values())
    assert set(word_map("judgement_nouns").values()) <= set(KINDS)
