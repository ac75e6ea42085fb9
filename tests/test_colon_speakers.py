"""A clause before a colon that says how its subject spoke ("X was blunter:", "Y put it
simply:") makes what follows the colon that speaker's words: first-person pronouns there are the
speaker's side, not the last party named. Reports written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims

BLUNT = """MOSCOW, Nov 5 (Wire) -- Ukraine rejected the plan on Monday. A Russian lawmaker was blunter: "We will finish the job if Kyiv does not withdraw".
"""

PUT = """ADDIS ABABA, Nov 5 (Wire) -- Eritrea accused Ethiopia of massing troops on the border. An Ethiopian minister put it simply: "We will never give up our claim to the sea."
"""


def test_we_after_a_manner_clause_is_the_speakers_side(ex: Extractor) -> None:
    found = [c for c in claims(ex, BLUNT) if c.kind == "threaten"]
    assert found and {c.actor for c in found} == {"RUS"}
    assert all(any("lawmaker" in s for s in c.sources) for c in found)


def test_put_it_simply_introduces_the_speakers_words(ex: Extractor) -> None:
    found = [c for c in claims(ex, PUT) if c.kind == "reject"]
    assert found and {c.actor for c in found} == {"ETH"}
