"""A quotation that runs over several paragraphs keeps its speaker's first person: "we" in a
later unattributed quote is still the speaker, not whoever the quote mentioned last.
Sentences written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims


def _by_quote(ex: Extractor, text: str) -> dict[str, str]:
    return {c.quote: c.actor for c in claims(ex, text)}


def test_an_interview_keeps_its_speaker_across_topic_paragraphs(ex: Extractor) -> None:
    text = (
        "Interview: Manila's negotiator on the Bangsamoro transition\n\n"
        "MANILA, June 2 (interview) - The vote was postponed last month.\n\n"
        '"We reject any new delay to the elections," the Philippine government\'s chief '
        "negotiator told us.\n\n"
        'On the camps: "The last MILF fighters will gather in six camps, and in return they '
        "commit to hand over their rifles. We have asked the Independent Decommissioning Body "
        'to verify every step."\n'
    )
    found = claims(ex, text)
    asked = [c for c in found if c.quote.startswith("We have asked")]
    assert asked and {c.actor for c in asked} == {"PHL"}
    # the armed group's own commitment stays the group's
    assert any(c.actor == "milf" and "commit" in c.quote for c in found)


def test_narrative_between_quotes_ends_the_voice(ex: Extractor) -> None:
    text = (
        "Border talks stall\n\n"
        'ISLAMABAD, Oct 30 - "We will not accept attacks from Afghan soil," Pakistan\'s '
        "defence minister said.\n\n"
        "The Taliban government rejected the accusation and demanded an end to air strikes "
        "on its territory.\n\n"
        '"We have asked the mediators to verify the truce," a Taliban spokesman said.\n'
    )
    found = _by_quote(ex, text)
    asked = [a for q, a in found.items() if q.startswith("We have asked")]
    assert asked and "PAK" not in asked
