"""Penalties held back on terms ("the crossing stays shut until …", "aid will not flow until
…"), warnings to whoever offends ("any violation of our airspace would be answered", "whoever
crosses the line will regret it"), what a party expects as its due, and transcripts whose
heading names their topic ("Press briefing on Sudan") or whose labels name a state in brackets.
Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


def holds(
    found: set[tuple[str, str, str]], actor: str, kinds: str | set[str], issue: str | None
) -> bool:
    """Whether *found* has a stance of *actor* of one of *kinds* (on *issue*, unless None)."""
    wanted = {kinds} if isinstance(kinds, str) else kinds
    return any(a == actor and k in wanted and (issue is None or i == issue) for a, k, i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crossing named after its town is still a thing, so the speaker holds the penalty
        (
            "Jerusalem said the Erez crossing will stay closed until the captives are freed.",
            ("ISR", {"reject", "threaten"}, "humanitarian"),
        ),
        (
            "Pristina said the Merdare crossing would remain shut until Belgrade surrendered the"
            " gunmen.",
            ("XKX", {"reject", "threaten"}, "humanitarian"),
        ),
        # a benefit withheld on terms is a threat about the benefit, not about its terms
        (
            "Riyadh said reconstruction money for the south will not flow until the state alone"
            " holds weapons.",
            ("SAU", {"threaten"}, "economy"),
        ),
        (
            "Islamabad said it would keep the Torkham crossing closed to trade until Kabul acts"
            " against the militants.",
            ("PAK", {"threaten"}, "economy"),
        ),
    ],
)
def test_a_penalty_held_until_terms_are_met(ex: Extractor, text: str, expected: tuple) -> None:
    found = triples(claims(ex, LEAD + text))
    assert holds(found, *expected), found


def test_a_widened_crossing_is_offered_not_threatened(ex: Extractor) -> None:
    found = triples(
        claims(
            ex,
            LEAD + "Israel said the Kissufim crossing would be expanded if the bodies are"
            " returned.",
        )
    )
    assert ("ISR", "offer", "humanitarian") in found
    assert not any(k == "threaten" for _, k, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kabul said any violation of Afghan airspace would be answered.",
            ("AFG", "threaten", "territory"),
        ),
        (
            "Seoul said any incursion across the line would be met with force.",
            ("KOR", "threaten", None),
        ),
        (
            "Baku said whoever shells its villages will regret it.",
            ("AZE", "threaten", None),
        ),
        (
            "Washington said those responsible for the massacre will be held to account.",
            ("USA", "threaten", "justice"),
        ),
    ],
)
def test_a_warning_to_whoever_offends(ex: Extractor, text: str, expected: tuple) -> None:
    actor, kind, issue = expected
    found = triples(claims(ex, LEAD + text))
    assert holds(found, actor, kind, issue), found
    # regret is the offender's, not a verdict of the speaker
    assert not any(k == "reject" for _, k, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow expects guarantees for its own security in return, Lavrov said.",
            ("RUS", "demand", "security_guarantees"),
        ),
        (
            "Israel's forces will not retreat a single metre from the ridge, Katz said.",
            ("ISR", "reject", "territory"),
        ),
        (
            "The Houthis will not surrender a single rifle, their spokesman said.",
            ("houthis", "reject", "military_limits"),
        ),
    ],
)
def test_what_is_expected_or_refused(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(claims(ex, LEAD + text))


def test_expecting_an_outcome_is_a_forecast(ex: Extractor) -> None:
    found = claims(ex, LEAD + "Tokyo expects a deal on the islands soon, the minister said.")
    assert not [c for c in found if c.actor != "OMN"], triples(found)


_BRIEFING = """PRESS BRIEFING -- Excerpt on Myanmar
Deputy Spokesperson Jane Doe, Washington, D.C., March 4, 2025

MS DOE: We call on the military regime to release all political prisoners and to let aid \
reach Rakhine without delay.

QUESTION: The junta says its election has settled the question of legitimacy. Is your \
ceasefire initiative dead?

MS DOE: No.

QUESTION: Has the Arakan Army agreed to send negotiators to Bangkok?

MS DOE: Not yet.
"""


def test_a_briefing_on_a_country_is_given_by_the_heading_state(ex: Extractor) -> None:
    found = claims(ex, _BRIEFING)
    actors = {c.actor for c in found}
    assert "USA" in actors and "MMR" not in actors, triples(found)
    answers = [c for c in found if c.quote.startswith("No")]
    # "Is your initiative dead?" "No.": the initiative stands
    assert [(c.actor, c.kind) for c in answers] == [("USA", "offer")], triples(answers)
    # what another side has done is news, not the speaker's refusal
    assert not [c for c in found if c.quote.startswith("Not yet")], triples(found)


_STAKEOUT = """NEW YORK, June 2, 2025 -- Remarks to the press after consultations on Haiti

AMBASSADOR LEBLANC (France): We want the police mission to be given the means it needs, \
and we will push for sanctions against the gang leaders who block the roads.

QUESTION: Will the Council extend the mandate?

AMBASSADOR ROSE (Haiti): We ask the Council to extend the mission's mandate for a full year.
"""


def test_a_label_naming_a_state_in_brackets_speaks_for_it(ex: Extractor) -> None:
    found = claims(ex, _STAKEOUT)
    by_speaker = {(c.actor, c.quote[:8]) for c in found}
    assert any(a == "FRA" for a, _ in by_speaker), triples(found)
    assert any(a == "HTI" for a, _ in by_speaker), triples(found)
    assert not any(a == "USA" for a, _ in by_speaker), triples(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow regards any British troops sent to Ukraine after a truce as legitimate"
            " targets.",
            ("RUS", "threaten", "military_limits"),
        ),
        (
            "The Kremlin said it would consider any Western contingent in Ukraine legitimate"
            " targets.",
            ("RUS", "threaten", "military_limits"),
        ),
        (
            "Ankara said that if the militia has not disbanded by March, Turkey will do the job"
            " itself.",
            ("TUR", "threaten", None),
        ),
    ],
)
def test_a_designation_or_a_job_done_alone_warns(ex: Extractor, text: str, expected: tuple) -> None:
    actor, kind, issue = expected
    found = triples(claims(ex, LEAD + text))
    assert holds(found, actor, kind, issue), found
    assert not any(k == "accept" for _, k, _ in found), found


def test_a_minister_named_by_title_speaks_for_the_country_filed_from(ex: Extractor) -> None:
    text = (
        "NIAMEY, May 5 - Niger's junta on Monday turned down a regional offer of talks.\n\n"
        '"We will not negotiate under threat," Communication Minister Idrissa Maiga told'
        " reporters. Maiga said the border with Benin would stay closed until Cotonou expelled"
        " the foreign troops on its soil."
    )
    found = claims(ex, text)
    assert any(c.actor == "NER" and c.speaker and "Maiga" in c.speaker for c in found), [
        (c.actor, c.kind, c.issue, c.speaker) for c in found
    ]
    assert not any(c.actor == "BEN" for c in found), triples(found)


def test_a_visiting_envoy_is_not_placed_by_the_dateline(ex: Extractor) -> None:
    text = (
        "BEIRUT, May 5 - The talks on the border made progress on Monday.\n\n"
        "Special Envoy Jane Roe said she would return next week to host a new round."
    )
    found = claims(ex, text)
    assert not any(c.actor == "LBN" for c in found), triples(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refused return to war reassures
        ("Addis Ababa said Ethiopia will not return to war.", ("ETH", "offer", "ceasefire")),
        # an option of force kept open threatens; another option kept open is accepted
        (
            "Washington has declined to rule out sending troops into Venezuela.",
            ("USA", "threaten", None),
        ),
        ("Moscow did not rule out a nuclear strike, Medvedev said.", ("RUS", "threaten", None)),
        ("Kyiv did not rule out a referendum on the deal.", ("UKR", "accept", None)),
        # help a holder wants to give is offered
        (
            "Ankara said it wants to work with both sides to find a settlement.",
            ("TUR", "offer", "process"),
        ),
        # fighting kept up while another's conduct lasts, even under "insists"
        (
            "The Pentagon insists the strikes will go on for as long as the boats keep coming.",
            ("USA", "threaten", "ceasefire"),
        ),
    ],
)
def test_options_kept_open_and_fighting_kept_up(ex: Extractor, text: str, expected: tuple) -> None:
    actor, kind, issue = expected
    found = triples(claims(ex, LEAD + text))
    assert holds(found, actor, kind, issue), found
    if kind in ("threaten", "offer"):
        assert (actor, "reject", "ceasefire") not in found, found


def test_a_refused_return_to_talks_is_still_refused(ex: Extractor) -> None:
    found = triples(claims(ex, LEAD + "Kyiv said it would not return to the talks in Istanbul."))
    assert ("UKR", "reject", "process") in found
