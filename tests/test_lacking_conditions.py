"""A step refused for want of something ("will not enter the zones without a written
guarantee") demands what it lacks, even when the step itself is no stance word. Reports written
for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples

ZONES = """BOGOTA, Nov 5 (Wire) -- The ELN released two hostages on Monday. The rebels will not enter any zone without a written guarantee against extradition, a commander told reporters.
"""

THING = """MOSCOW, Nov 5 (Wire) -- Officials met in Istanbul on Monday.

The Kremlin said any settlement would not last without the lifting of Western sanctions.
"""

BARE = """MOSCOW, Nov 5 (Wire) -- Officials met in Istanbul on Monday.

The Kremlin said the talks would resume without delay.
"""


def test_a_party_refusing_a_step_without_something_demands_it(ex: Extractor) -> None:
    found = claims(ex, ZONES)
    got = triples(found)
    assert ("eln", "demand", "justice") in got, got
    demand = next(c for c in found if c.kind == "demand")
    assert "trigger=frame" in demand.signals
    assert not demand.conditional  # the lacking thing is demanded outright


def test_a_thing_that_cannot_last_without_something_is_the_speakers_demand(
    ex: Extractor,
) -> None:
    assert ("RUS", "demand", "sanctions") in triples(claims(ex, THING))


def test_without_delay_lacks_nothing(ex: Extractor) -> None:
    assert not [c for c in claims(ex, BARE) if c.kind == "demand"]
