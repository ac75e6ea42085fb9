"""What a signed text provides for is accepted by each signatory: "A and B signed the accord.
The document commits both sides to X, Y and Z" gives A and B a stance on each item. Reports
written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples

SIGNED = """DOHA, Nov 15 (Wire) -- Envoys of the Sudanese army and the Rapid Support Forces signed the Jeddah framework at a ceremony on Saturday. The document commits both sides to a permanent ceasefire, to an exchange of prisoners through the Red Cross, and to the return of displaced families to their villages.
"""

PROPOSED = """CAIRO, Nov 15 (Wire) -- Egypt proposed a framework for Gaza on Saturday. The framework provides for a permanent ceasefire and the return of displaced families.
"""

LISTED = """KUALA LUMPUR, Oct 26 (Wire) -- A declaration signed by Cambodia and Thailand provides for the following: the cessation of all hostilities; the withdrawal of heavy weapons from the border; and the joint clearance of landmines.
"""


def test_a_signed_texts_contents_are_accepted_by_each_signatory(ex: Extractor) -> None:
    found = [c for c in claims(ex, SIGNED) if "holder=plan" in c.signals]
    got = triples(found)
    for party in ("saf", "rsf"):
        assert (party, "accept", "ceasefire") in got, got
        assert (party, "accept", "humanitarian") in got, got
    # the venue named in the text's title is no party to it
    assert not any(c.actor == "SAU" for c in found)


def test_a_proposed_texts_contents_stay_its_proponents_proposals(ex: Extractor) -> None:
    got = triples(claims(ex, PROPOSED))
    assert ("EGY", "propose", "ceasefire") in got, got
    assert not any(kind == "accept" for _, kind, _ in got)


def test_a_signing_after_the_proposal_makes_the_text_the_signatories(ex: Extractor) -> None:
    text = PROPOSED.replace(
        "The framework provides",
        "Israel and Hamas signed the framework on Sunday. The framework provides",
    )
    got = triples([c for c in claims(ex, text) if "holder=plan" in c.signals])
    assert ("ISR", "accept", "ceasefire") in got, got
    assert ("hamas", "accept", "ceasefire") in got, got
    assert ("EGY", "propose", "ceasefire") not in got


def test_a_declarations_colon_list_gives_one_stance_per_item(ex: Extractor) -> None:
    got = triples(claims(ex, LISTED))
    for party in ("KHM", "THA"):
        assert {(party, "propose", "ceasefire"), (party, "propose", "military_limits")} <= got, got


EXCEPTED = """BAKU, March 3 (Wire) -- Azerbaijan rejects a foreign monitoring mission but not a joint border commission, the foreign ministry said on Monday. Armenia demanded the withdrawal of troops from the border in exchange for reopening the railway. Baku wants the constitution changed before any signing.
"""


def test_ordinals_stay_unique_and_in_order_when_a_stance_is_dropped(ex: Extractor) -> None:
    # "rejects X but not Y" drops Y's stance; the ordinals after it close up and the exchange
    # links follow them, so that a stance added later cannot take another's ordinal
    found = claims(ex, EXCEPTED)
    assert [c.ordinal for c in found] == list(range(len(found)))
    traded = [c for c in found if c.exchange_for]
    assert traded
    for c in traded:
        for o in c.exchange_for:
            assert found[o].actor == c.actor and found[o].kind != c.kind
            assert c.ordinal in found[o].exchange_for


PASSIVE_AGENT = """HAVANA, June 9 (Wire) -- Colombia and the ELN signed a ceasefire agreement on Friday. The government negotiator said kidnapping was not covered by the text and urged the rebels to release their hostages.
"""


def test_a_text_named_as_a_passive_agent_does_not_urge_anything(ex: Extractor) -> None:
    # the active verb coordinated with a passive one shares its subject, not its agent: the
    # signed text is no holder of the appeal
    found = [c for c in claims(ex, PASSIVE_AGENT) if "urged" in c.quote]
    assert not any("holder=plan" in c.signals for c in found)
    assert not any(c.kind == "accept" and c.issue == "humanitarian" for c in found)
