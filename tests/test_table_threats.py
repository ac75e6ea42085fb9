"""Options of force kept "on the table": a threat of the speaker with no threat verb, about what
its condition names; an open agenda at talks ("everything is on the table") is no threat, and an
option taken off the table is none either. Sentences written for these tests, across several
conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "actor", "issue"),
    [
        (
            "Washington said all options remain on the table if Tehran enriches uranium to "
            "weapons grade.",
            "USA",
            "military_limits",
        ),
        (
            "Tokyo said nothing is off the table if Pyongyang carries out another nuclear test.",
            "JPN",
            "military_limits",
        ),
        (
            "Ankara said every option was on the table unless the militia left the border strip.",
            "TUR",
            "territory",
        ),
        (
            "Caracas said it was keeping all its options on the table if Guyana let foreign "
            "troops into the Essequibo.",
            "VEN",
            "military_limits",
        ),
    ],
)
def test_options_kept_on_the_table_on_a_condition_are_a_threat(
    ex: Extractor, text: str, actor: str, issue: str
) -> None:
    found = claims(ex, LEAD + text)
    threats = [c for c in found if c.actor == actor and c.kind == "threaten"]
    assert threats, triples(found)
    assert issue in {c.issue for c in threats}, triples(found)
    quote = threats[0]
    assert (LEAD + text)[quote.start : quote.end] == quote.quote


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # no condition: the options must be force by their own words, or sit beside one
        ("Israel said military strikes on the missile sites in Yemen remain on the table.", "ISR"),
        (
            "Seoul said all options stay on the table to answer any further missile tests "
            "by force.",
            "KOR",
        ),
    ],
)
def test_options_of_force_are_a_threat_without_a_condition(
    ex: Extractor, text: str, actor: str
) -> None:
    found = claims(ex, LEAD + text)
    assert any(c.actor == actor and c.kind == "threaten" for c in found), triples(found)


@pytest.mark.parametrize(
    "text",
    [
        # an open agenda at talks offers to negotiate
        "The Cypriot negotiator said everything was on the table at the talks on the "
        "island's future.",
        "Belgrade said all options remain on the table, including a return to the dialogue.",
        # an option removed is no threat
        "Manila said the use of force against the coast guard was off the table.",
        "Washington has taken military strikes on the Venezuelan coast off the table.",
    ],
)
def test_an_open_agenda_or_an_option_removed_is_no_threat(ex: Extractor, text: str) -> None:
    found = claims(ex, LEAD + text)
    assert not any(c.kind == "threaten" for c in found), triples(found)


def test_a_proposal_not_on_the_table_is_still_refused(ex: Extractor) -> None:
    found = claims(
        ex, LEAD + "Kyiv said a freeze along the current front line is not on the table."
    )
    assert ("UKR", "reject", "ceasefire") in triples(found)
    assert not any(c.kind == "threaten" for c in found)
