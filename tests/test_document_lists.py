"""A document's terms listed after a bare heading ("Among them:", "Its main elements:") with no
stance word before the list: each point is its proponent's. Reports written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples

LIVE = """LIVE: Ukraine talks in Geneva

18:40 - A European counter-proposal is being passed around the press room. Drafted by Britain, France and Germany, it follows the American structure but changes the main clauses. Among them:
- Ukraine's peacetime army would be capped at 800,000 troops;
- Ukraine gets a legally binding security guarantee modelled on Article 5;
- frozen Russian assets stay frozen until Russia pays for the damage.

17:15 - Our correspondent says the mood in the room is tense.
"""

AGENCY = """CAIRO, March 4 - Egypt's reconstruction plan for Gaza was presented to Arab foreign ministers on Tuesday. Its main elements:
- an Arab-funded reconstruction fund of $53 billion over five years;
- a committee of independent technocrats to run the strip for six months;
- the training of Palestinian police by Egypt and Jordan.
Israel's foreign ministry did not comment.
"""

FACTS = """LIVE: border clashes

09:12 - What we know so far:
- Shelling along the border began before dawn, local officials say;
- At least four villages have been evacuated;
- The airport in the provincial capital is closed.
"""


def test_a_drafted_documents_points_are_proposals_of_its_drafters(ex: Extractor) -> None:
    got = triples(claims(ex, LIVE))
    for state in ("GBR", "FRA", "DEU"):
        assert (state, "propose", "military_limits") in got
        assert (state, "propose", "security_guarantees") in got
    assert not any(actor == "eu" and kind == "propose" for actor, kind, _ in got)


def test_an_owned_plans_elements_are_proposals_of_its_owner(ex: Extractor) -> None:
    found = claims(ex, AGENCY)
    points = [c for c in found if "derived=point" in c.signals]
    assert {c.actor for c in points} == {"EGY"}
    assert {c.kind for c in points} == {"propose"}
    assert {"economy", "governance"} <= {c.issue for c in points}
    # each point quotes its own line
    assert any(c.quote.startswith("an Arab-funded reconstruction fund") for c in points)


def test_a_list_of_facts_with_no_document_gives_no_stance(ex: Extractor) -> None:
    assert not [c for c in claims(ex, FACTS) if "derived=point" in c.signals]


def test_a_list_a_stance_word_introduces_is_read_once(ex: Extractor) -> None:
    text = AGENCY.replace("Its main elements:", "Cairo proposed the following:")
    points = [c for c in claims(ex, text) if "derived=point" in c.signals]
    assert points and all("trigger=doclist" not in c.signals for c in points)
    assert len({(c.actor, c.kind, c.issue, c.start) for c in points}) == len(points)
