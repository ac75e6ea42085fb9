"""Descriptions that name a form of state ("the kingdom", "the junta", "the emirate") refer to
an actor of that form, not to whichever state spoke last; sentences written for these tests,
across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.extract.stance.stateforms import form_ids
from extracting import claims


def holders(ex: Extractor, text: str, kind: str) -> set[str]:
    return {c.actor for c in claims(ex, text) if c.kind == kind}


def test_form_lists_are_data() -> None:
    kingdoms = form_ids("kingdom")
    assert kingdoms is not None and {"SAU", "MAR", "JOR"} <= kingdoms
    assert "USA" not in kingdoms
    assert form_ids("government") is None


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # the kingdom is the monarchy, not the state that spoke last
        (
            "RABAT, Jan 8 - Morocco's autonomy plan was discussed at the United Nations. "
            "Algeria demanded a referendum on self-determination. The kingdom dismissed the "
            "demand as outdated.",
            "MAR",
        ),
        # nor the mediator that spoke last
        (
            "AMMAN, June 2 - Jordan hosted talks on aid convoys into Gaza. The United States "
            "urged Israel to open more crossings. The kingdom rejected any plan to move "
            "Palestinians across its border.",
            "JOR",
        ),
        # the junta is the military government
        (
            "YANGON, May 2 - Myanmar's military government met envoys of the Kachin "
            "Independence Army in Kunming. China called for a lasting truce in the north. The "
            "junta rejected any role for foreign monitors.",
            "MMR",
        ),
    ],
)
def test_a_form_of_state_names_an_actor_of_that_form(ex: Extractor, text: str, holder: str) -> None:
    assert holders(ex, text, "reject") == {holder}


def test_the_government_still_means_the_state_that_spoke_last(ex: Extractor) -> None:
    text = (
        "BELGRADE, Oct 3 - The European Union urged Serbia and Kosovo to resume the dialogue. "
        "Serbia said it would attend the next round. The government rejected any talks on the "
        "status of the north."
    )
    assert "SRB" in holders(ex, text, "reject")


def test_a_kingdom_never_named_leaves_the_usual_reading(ex: Extractor) -> None:
    text = (
        "KYIV, Feb 9 - Ukraine proposed an exchange of prisoners. Russia rejected the offer, "
        "and the kingdom was not mentioned again."
    )
    assert "RUS" in holders(ex, text, "reject")
