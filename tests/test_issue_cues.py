"""Issue inference on the vocabulary of less familiar disputes (water, ports, fishing, grazing,
migration, blocs, disarmament), through the real extractor, on sentences written for these tests
across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.extract.stances import StanceComponent
from extracting import claims, claims_keeping_uncued


def triples(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # river water and dams
        (
            "Iraq demanded that Turkey release more water from its dams on the Tigris during "
            "the summer.",
            ("IRQ", "demand", "economy"),
        ),
        (
            "Dhaka wanted a guaranteed minimum flow at the barrage during the dry months.",
            ("BGD", "demand", "economy"),
        ),
        # fishing grounds and quotas
        (
            "Seoul urged Beijing to respect the fishing quotas agreed for the Yellow Sea.",
            ("KOR", "demand", "economy"),
        ),
        # grazing land
        (
            "The UPC demanded that the transhumance corridors used by herders be reopened.",
            ("upc_car", "demand", "economy"),
        ),
        # migration and readmission
        (
            "Chile wants Bolivia to take back migrants who cross into Chilean territory "
            "without papers.",
            ("CHL", "demand", "humanitarian"),
        ),
        # peacekeepers' mandates
        (
            "Kenya called for the peacekeeping mandate to be renewed for a year.",
            ("KEN", "demand", "security_guarantees"),
        ),
        # staying in (or leaving) a regional bloc
        (
            "Yerevan said Armenia would stay in the Eurasian Economic Union.",
            ("ARM", "demand", "alliances"),
        ),
        # passenger trains and land ports, not the border they cross
        (
            "Nepal and India agreed to resume cross-border passenger trains.",
            ("NPL", "accept", "economy"),
        ),
    ],
)
def test_unfamiliar_contents_get_their_issue(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


def test_a_verb_of_keeping_yields_to_its_object(ex: Extractor) -> None:
    # "keep" alone reads as holding land; what is kept here is a pipeline fee
    found = triples(
        ex, "Baghdad insisted that the new pipeline text keep the fees at their present level."
    )
    assert ("IRQ", "demand", "economy") in found
    assert ("IRQ", "demand", "territory") not in found
    # … but a verb names the issue when its object is as strongly cued for the same one
    found = triples(ex, "Washington proposed that Kyiv cap its armed forces at 600,000.")
    assert ("USA", "propose", "military_limits") in found


def test_the_addressee_of_an_appeal_is_not_its_content(ex: Extractor) -> None:
    found = triples(
        ex, "The finance ministry in Baghdad urged the region to hand over its customs revenues."
    )
    assert found == {("IRQ", "demand", "economy")}


def test_uncued_fallback_takes_the_holders_nearest_issue(
    ex: Extractor, comp: StanceComponent
) -> None:
    text = (
        "Chile demanded the return of migrants. Chile also demanded the readmission of asylum "
        "seekers. Bolivia demanded lower storage charges at the port of Arica. Bolivia later "
        "endorsed the Chilean wording."
    )
    assert not any(c.kind == "accept" for c in claims(ex, text))
    found = claims_keeping_uncued(ex, comp, text)
    kept = [(c.actor, c.kind, c.issue) for c in found if "issue=dominant" in c.signals]
    # the holder's own issue, not the one another actor raised just before
    assert kept == [("BOL", "accept", "economy")]


def test_a_clause_on_the_addressee_does_not_decide(ex: Extractor) -> None:
    # the relative clause describes whom Seoul calls on; the appeal is about the detainees
    found = triples(
        ex,
        "Seoul called on China, which brokered the truce, to make Pyongyang release the "
        "abducted fishermen.",
    )
    assert ("KOR", "demand", "humanitarian") in found
    assert ("KOR", "demand", "ceasefire") not in found


def test_acting_against_a_group_is_about_its_arms(ex: Extractor) -> None:
    found = triples(
        ex,
        "Ankara demanded that Baghdad act against the PKK, whom it blames for a string of "
        "attacks on its outposts.",
    )
    assert ("TUR", "demand", "military_limits") in found


def test_agreeing_on_a_text_is_not_addressing_it(ex: Extractor) -> None:
    # "on" names the addressee only after verbs like "call on"; here it names what is agreed
    got = triples(
        ex,
        "Armenia and Azerbaijan agreed in Abu Dhabi on a protocol to implement the framework "
        "for normalising relations, officials from both foreign ministries said.",
    )
    assert {("ARM", "accept", "process"), ("AZE", "accept", "process")} <= got
