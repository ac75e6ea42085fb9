"""Subordinators that set a condition beyond "if": "when" under a future stance. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import claims, triples


def test_a_future_stance_waiting_on_when_sets_a_condition(ex: Extractor) -> None:
    text = (
        "BAKU, Aug 9 - The treaty will be signed when Armenia's constitution no longer lays "
        "claim to Azerbaijani land, Baku said."
    )
    found = claims(ex, text)
    assert any(c.conditional and c.kind == "accept" for c in found)
    assert ("AZE", "demand", "territory") in triples(found)


@pytest.mark.parametrize(
    "text",
    [
        # a date, not a condition: the agreement expires of itself
        "ANKARA, May 2 - Turkey said it would not extend the pipeline agreement when it expires "
        "next July.",
        # a time in the past
        "ANKARA, May 2 - Turkey rejected the pipeline agreement when the talks collapsed, "
        "officials said.",
    ],
)
def test_when_of_a_date_or_a_past_time_is_no_condition(ex: Extractor, text: str) -> None:
    found = claims(ex, text)
    assert found and not any(c.conditional for c in found)
    assert not any(c.kind == "demand" for c in found)
