"""Clauses that are not their subject's stance: a that-clause in the subjunctive asks for the
act ("insisted that Ukraine abandon its bid"), the speaker's demand; an act another party
fears or suspects ("Seoul worries that Pyongyang will …") is a forecast. Sentences written
for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "speaker", "subject"),
    [
        ("Moscow insisted that Ukraine abandon its bid to join NATO.", "RUS", "UKR"),
        (
            "The Kremlin has long insisted that Kyiv withdraw from the rest of Donetsk.",
            "RUS",
            "UKR",
        ),
        (
            "Baku insisted that Armenia remove the territorial claim from its constitution.",
            "AZE",
            "ARM",
        ),
    ],
)
def test_insisting_on_a_subjunctive_is_the_speakers_demand(
    ex: Extractor, text: str, speaker: str, subject: str
) -> None:
    found = claims(ex, LEAD + text)
    assert any((c.actor, c.kind) == (speaker, "demand") for c in found), triples(found)
    assert not any(c.actor == subject and c.kind == "offer" for c in found), triples(found)


def test_an_act_asked_of_a_party_is_not_its_offer(ex: Extractor) -> None:
    found = claims(ex, LEAD + "Kinshasa stressed that the M23 withdraw from Goma before any talks.")
    assert not any(c.actor == "m23" and c.kind == "offer" for c in found), triples(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an indicative or modal clause reports the subject's own stance as before
        (
            "Kyiv said that it would withdraw from the plant if Moscow did the same.",
            ("UKR", "offer"),
        ),
        ("Serbia insisted that it will never recognise Kosovo.", ("SRB", None)),
    ],
)
def test_indicative_clauses_keep_their_own_holder(
    ex: Extractor, text: str, expected: tuple[str, str | None]
) -> None:
    found = claims(ex, LEAD + text)
    actor, kind = expected
    assert any(c.actor == actor and kind in (None, c.kind) for c in found), triples(found)


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Seoul worries that Pyongyang will resume nuclear tests next month.", "PRK"),
        ("Manila fears that Beijing will reject the code of conduct.", "CHN"),
        ("Yerevan suspects that Baku will walk away from the border talks.", "AZE"),
    ],
)
def test_a_feared_act_is_no_stance_of_the_party_feared(
    ex: Extractor, text: str, other: str
) -> None:
    found = claims(ex, LEAD + text)
    assert not any(c.actor == other for c in found), triples(found)
