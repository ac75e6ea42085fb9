"""A group with a name of its own that the knowledge base does not list stands for the members
it was introduced with ("The Contact Group -- Britain, France and Germany -- …"), whenever the
report names it again. Reports written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples

QUAD = """KHARTOUM, Nov 5 (Wire) -- The Quad -- the United States, Saudi Arabia, the United Arab Emirates and Egypt -- met in Washington on Tuesday to weigh the next step.

The army rejected any pause in the fighting on Wednesday.

The Quad called on Thursday for a permanent ceasefire.
"""

TROIKA = """OSLO, June 2 (Wire) -- The troika, Norway, Britain and the United States, has backed the talks since they began.

South Sudan's government said it would attend the next round in Nairobi.

The troika urged both sides to respect the truce.
"""

NO_MEMBERS = """KHARTOUM, Nov 5 (Wire) -- The Quad called on Thursday for a permanent ceasefire.
"""


def test_a_named_group_stands_for_the_members_listed_with_it(ex: Extractor) -> None:
    got = triples(claims(ex, QUAD))
    for member in ("USA", "SAU", "ARE", "EGY"):
        assert (member, "demand", "ceasefire") in got, got


def test_a_common_noun_group_introduced_with_its_members(ex: Extractor) -> None:
    got = triples(claims(ex, TROIKA))
    for member in ("NOR", "GBR", "USA"):
        assert (member, "demand", "ceasefire") in got, got


def test_a_group_never_introduced_with_members_stands_for_nobody(ex: Extractor) -> None:
    assert not claims(ex, NO_MEMBERS)


ROUND = """GENEVA, 11 December 2025 -- The round concluded on Wednesday under the co-chairmanship of the UN, the EU and the OSCE, with delegations of Georgia and Russia taking part.

In a communique issued afterwards, the co-chairs called for the release of all detained civilians.
"""

MEDIATED = """DOHA, May 3 (Wire) -- Talks mediated by Qatar and Egypt resumed in Doha on Saturday.

The mediators urged both sides to respect the truce.

Greek Cypriot officials urged both sides to respect the truce.
"""


def test_a_bare_role_stands_for_those_named_with_its_activity(ex: Extractor) -> None:
    got = triples(claims(ex, ROUND))
    for body in ("un", "eu", "osce"):
        assert (body, "demand", "humanitarian") in got, got
    got = triples(claims(ex, MEDIATED))
    assert {("QAT", "demand", "ceasefire"), ("EGY", "demand", "ceasefire")} <= got, got


def test_a_role_noun_with_its_own_modifiers_is_not_the_activitys_parties(
    ex: Extractor,
) -> None:
    found = claims(ex, MEDIATED)
    assert not any(c.actor in ("QAT", "EGY") and "Greek Cypriot" in c.quote for c in found)
