"""What a stance is about when its content is set in time against another step ("the sanctions
lifted before any summit"), and joint bodies of both parties as holders ("the commissions
agreed"). Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Moscow wants the sanctions lifted before any summit.",
            ("RUS", "demand", "sanctions"),
            ("RUS", "demand", "process"),
        ),
        (
            "Israel wants the hostages freed before the talks resume.",
            ("ISR", "demand", "humanitarian"),
            ("ISR", "demand", "process"),
        ),
        # what a town is known for names no issue; a border town's modifier does
        (
            "The junta and the Kachin Independence Army agreed to halt fighting around the "
            "jade-mining town of Hpakant.",
            ("kia", "accept", "ceasefire"),
            ("kia", "accept", "economy"),
        ),
        (
            "Eritrea demanded the handover of the border town of Badme.",
            ("ERI", "demand", "territory"),
            ("ERI", "demand", "economy"),
        ),
    ],
)
def test_sequencing_phrases_and_town_descriptions_do_not_decide_the_issue(
    ex: Extractor,
    text: str,
    expected: tuple[str, str, str],
    not_expected: tuple[str, str, str],
) -> None:
    found = triples(claims(ex, text))
    assert expected in found
    assert not_expected not in found


def test_the_joint_commissions_of_both_parties_hold_what_they_agree(ex: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan held a round of border talks in Gabala on Monday. "
        "The commissions agreed to send expert groups to the northern section of the border."
    )
    found = triples(claims(ex, text))
    assert {("ARM", "accept", "territory"), ("AZE", "accept", "territory")} <= found


@pytest.mark.parametrize(
    ("text", "echoed"),
    [
        ("Turkey supports the meeting, as do Greece and the United Kingdom.", ["GRC", "GBR"]),
        ("Russia rejects the plan, as does China.", ["CHN"]),
    ],
)
def test_parties_that_echo_a_stance_by_ellipsis_hold_it_too(
    ex: Extractor, text: str, echoed: list[str]
) -> None:
    found = claims(ex, text)
    first = found[0]
    for actor in echoed:
        assert (actor, first.kind, first.issue) in triples(found)


def test_an_as_clause_with_a_verb_of_its_own_echoes_nobody(ex: Extractor) -> None:
    found = claims(ex, "Israel rejected the plan, as it does every proposal from Doha.")
    assert {c.actor for c in found} == {"ISR"}


def test_the_words_of_a_phrase_cue_do_not_vote_alone(ex: Extractor) -> None:
    """ "crossing points" (people moving) outweighs the "points" of a plan inside it."""
    text = (
        "Nikos Christodoulides and Tufan Erhurman met in Nicosia on Monday. "
        "The two leaders agreed to open the crossing points at Mia Milia and Louroujina."
    )
    found = triples(claims(ex, text))
    assert {("CYP", "accept", "humanitarian"), ("trnc", "accept", "humanitarian")} <= found
    assert ("CYP", "accept", "process") not in found
