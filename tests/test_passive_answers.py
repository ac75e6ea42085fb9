"""Agentless passive answers to a proposal ("the offer was rejected on Monday"): held by the
party the proposal was made to, only where the report settles who that is.  Sentences written
for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


@pytest.mark.parametrize(
    ("text", "answer", "proponent"),
    [
        (
            "Russia offered a thirty-day truce to Ukraine. The offer was rejected on Monday.",
            ("UKR", "reject", "ceasefire"),
            "RUS",
        ),
        (
            "Hamas offered a five-day truce to Israel on Friday. The offer was turned down late "
            "on Sunday.",
            ("ISR", "reject", "ceasefire"),
            "hamas",
        ),
        (
            "Ethiopia offered Eritrea a share of the port revenue. The offer was rejected on "
            "Tuesday.",
            ("ERI", "reject", "economy"),
            "ETH",
        ),
        (
            "Azerbaijan proposed a draft peace treaty to Armenia in March. The draft was "
            "accepted on Thursday.",
            ("ARM", "accept", "process"),
            "AZE",
        ),
        (
            "Kinshasa proposed a ceasefire in North Kivu to the M23 on Friday. The proposal was "
            "accepted on Sunday.",
            ("m23", "accept", "ceasefire"),
            "COD",
        ),
    ],
)
def test_the_addressee_answers_the_proposal(
    ex: Extractor, text: str, answer: tuple[str, str, str], proponent: str
) -> None:
    got = triples(claims(ex, text))
    assert answer in got
    # the proponent never answers its own proposal
    assert not any(a == proponent and k in ("accept", "reject") for a, k, _ in got)


def test_a_refusal_with_no_addressee_is_left_uncoded(ex: Extractor) -> None:
    text = (
        "Serbia and Kosovo met in Brussels. The EU proposed a new plan on licence plates. The "
        "plan was rejected."
    )
    assert not any(c.kind == "reject" for c in claims(ex, text))


def test_a_by_agent_still_holds_the_answer(ex: Extractor) -> None:
    text = (
        "The Houthis proposed a prisoner exchange with the Saudi-led coalition. The proposal "
        "was turned down by Riyadh on Monday."
    )
    got = triples(claims(ex, text))
    assert ("SAU", "reject", "humanitarian") in got
