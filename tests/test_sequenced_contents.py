"""What a stance is about when its content is set in time against another step ("the sanctions
lifted before any summit"), and joint bodies of both parties as holders ("the commissions
agreed"). Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import claims, triples


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
        # a deal that only frames what is wanted in it
        (
            "The Houthis want the release of all their fighters to be part of the deal.",
            ("houthis", "demand", "humanitarian"),
            ("houthis", "demand", "process"),
        ),
        (
            "Kyiv wants the return of its children to be part of any agreement.",
            ("UKR", "demand", "humanitarian"),
            ("UKR", "demand", "process"),
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


LIVE_BLOG = """Live: talks on the Red Sea crisis

09:10 GMT – Saudi Arabia's foreign ministry said it rejected any deal that left the port of \
Hodeidah under Houthi control.

09:45 GMT – A separate statement came from the World Food Programme. "There will be no food \
deliveries before the detained staff are freed."
"""


def test_a_live_blog_entry_does_not_inherit_the_last_entrys_holder(ex: Extractor) -> None:
    found = claims(ex, LIVE_BLOG)
    assert ("SAU", "reject", "economy") in triples(found)
    assert not any(c.actor == "SAU" and "food deliveries" in c.quote for c in found)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "Egypt, Qatar and Turkey met in Cairo on Monday. The three countries agreed to "
            "host a new round of talks.",
            {"EGY", "QAT", "TUR"},
        ),
        (
            "Britain, France and Germany triggered the snapback mechanism on Thursday. The "
            "three European powers said they remained open to talks.",
            {"GBR", "FRA", "DEU"},
        ),
    ],
)
def test_a_counted_group_stands_for_the_run_of_parties_named_before(
    ex: Extractor, text: str, members: set[str]
) -> None:
    found = claims(ex, text)
    holders = {c.actor for c in found if c.issue == "process"}
    assert members <= holders
    assert "eu" not in holders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv demanded that Russia stop shelling the city of Kherson.", ("UKR", "demand")),
        ("Kyiv urged Moscow to stop hitting the Odesa ports.", ("UKR", "demand")),
        ("The AU urged both armies to silence the guns along the border.", ("au", "demand")),
    ],
)
def test_acts_of_war_to_stop_are_about_the_fighting(
    ex: Extractor, text: str, expected: tuple[str, str]
) -> None:
    found = claims(ex, text)
    issues = {c.issue for c in found if (c.actor, c.kind) == expected}
    assert issues == {"ceasefire"}, triples(found)


def test_a_thing_held_hostage_is_leverage_not_a_captive(ex: Extractor) -> None:
    lever = claims(ex, "Erbil said salaries should never be held hostage to a budget quarrel.")
    assert not any(c.issue == "humanitarian" for c in lever)
    captives = claims(ex, "The Houthis said they would not hold the aid workers hostage.")
    assert ("houthis", "reject", "humanitarian") in triples(captives)
