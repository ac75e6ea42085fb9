"""A border that only locates forces ("troops pulled back from the frontier", "drills near the
border") puts the forces' posture at stake, not the land; a border that is itself at stake
(delimited, marked, redrawn) stays territory. Sentences written for these tests."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import claims, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Islamabad said the Afghan authorities had offered to move militants and their "
            "relatives away from the border.",
            ("AFG", "offer", "military_limits"),
        ),
        (
            "Kigali said it was ready to scale down its security measures along the frontier "
            "once the militia was disarmed.",
            ("RWA", "offer", "military_limits"),
        ),
        (
            "Seoul proposed a suspension of artillery exercises near the border.",
            ("KOR", "propose", "military_limits"),
        ),
        (
            "Bangkok wants Phnom Penh to withdraw its heavy weapons from the border.",
            ("THA", "demand", "military_limits"),
        ),
    ],
)
def test_forces_located_at_a_border_are_about_their_posture(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    got = triples(claims(ex, text))
    assert expected in got
    assert (expected[0], expected[1], "territory") not in got


def test_a_border_itself_at_stake_stays_territory(ex: Extractor) -> None:
    text = "Baku demanded that the border be marked on the basis of the 1975 Soviet maps."
    got = triples(claims(ex, text))
    assert ("AZE", "demand", "territory") in got


def test_peacekeepers_deployed_along_a_border_are_not_a_pullback(ex: Extractor) -> None:
    # the locating border does not vote territory; the monitors keep their own issue
    text = "Juba said it would accept African Union monitors along the border with Sudan."
    got = triples(claims(ex, text))
    assert ("SSD", "accept", "territory") not in got
