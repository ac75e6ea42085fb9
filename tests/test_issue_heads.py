"""Issue assignment read through the phrase structure, through the real extractor: which words of
a complement vote (not an owner, not a target, not an aspect verb), what a word means given its
dependents (rule over land, a return of land, money), the items of a deal, and leaving a body.
Sentences written for these tests, across many conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import claims


def triples(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sovereignty, jurisdiction or ownership over a place is about the land
        (
            "Moscow stressed that Russian sovereignty over the southern Kurils is not negotiable.",
            ("RUS", "demand", "territory"),
        ),
        (
            "Phnom Penh asked the court to rule on the ownership of the disputed temples.",
            ("KHM", "demand", "territory"),
        ),
        (
            "Caracas insisted on its jurisdiction over the waters off the Essequibo coast.",
            ("VEN", "demand", "territory"),
        ),
        # the status of a piece of land is territorial
        (
            "London's position is that nothing in the treaty affects the status of the Rock.",
            ("GBR", "demand", "territory"),
        ),
        (
            "Tokyo insists the status of the islands must be settled before a treaty is signed.",
            ("JPN", "demand", "territory"),
        ),
        # the return of a piece of land is territorial, the return of people humanitarian
        (
            "Tokyo keeps pressing for the return of the four islands.",
            ("JPN", "demand", "territory"),
        ),
        ("Baku demanded the return of the occupied districts.", ("AZE", "demand", "territory")),
        ("Kyiv demanded the return of deported children.", ("UKR", "demand", "humanitarian")),
        # an aspect verb before a gerund casts no cue of its own
        ("Kuala Lumpur urged both capitals to keep talking.", ("MYS", "demand", "process")),
        # a place that is only the target of the action is not the land at stake
        (
            "Washington called on Beijing to halt its military pressure against Taiwan.",
            ("USA", "demand", "ceasefire"),
        ),
        # a demonstrative takes what the earlier mention said
        (
            "Washington approved new arms sales to Taipei in May. Beijing's demand for an end "
            "to those sales has not changed.",
            ("CHN", "demand", "military_limits"),
        ),
        # means taken to defend something are about what they defend
        (
            "Kigali said it would not lift the measures it had taken to defend its border.",
            ("RWA", "reject", "territory"),
        ),
        # own forces holding a named zone hold land
        (
            "Netanyahu said Israeli troops would remain in a security perimeter around Gaza.",
            ("ISR", "reject", "territory"),
        ),
        # the owner of an offer names who holds it, not what it is about
        (
            "The federal cabinet's offer of 16 dollars a barrel was accepted by Erbil.",
            ("krg", "accept", "economy"),
        ),
        # a free relative of naming: the named thing is the content
        (
            "Kyiv urged Moscow to stop what it called the deportation of children.",
            ("UKR", "demand", "humanitarian"),
        ),
        # grave visits of former residents are humanitarian, whatever the visa regime
        (
            "Tokyo wants former residents to be allowed to visit family graves on the islands "
            "without visas.",
            ("JPN", "demand", "humanitarian"),
        ),
        # a retaliation by seizing property is economic
        (
            "Moscow would retaliate by seizing the property of Western firms, Medvedev warned.",
            ("RUS", "threaten", "economy"),
        ),
        # leaving a body gives up membership: a rejection on what the body is about
        (
            "Budapest announced it would withdraw from the International Criminal Court.",
            ("HUN", "reject", "justice"),
        ),
        (
            "Armenia will leave the Collective Security Treaty Organization, Pashinyan said.",
            ("ARM", "reject", "alliances"),
        ),
        # a force used is fighting, not a force withdrawn from a mission
        (
            "Hanoi and Beijing agreed to renounce the use of force against fishing boats.",
            ("VNM", "accept", "ceasefire"),
        ),
        # working out how to do something is about the thing, not about cooperating
        (
            "Moscow and Kyiv agreed to work out how to enforce a halt to strikes on power plants.",
            ("RUS", "accept", "ceasefire"),
        ),
        # withdrawing something other than forces: the thing withdrawn decides
        (
            "Yerevan agreed to withdraw its lawsuits against Baku from international courts.",
            ("ARM", "accept", "justice"),
        ),
        (
            "Serbia demanded that Pristina withdraw its special police from the north.",
            ("SRB", "demand", "territory"),
        ),
        # what a guarantee guarantees decides, not the guarantee or its form
        (
            "SDF commander Mazloum Abdi demanded constitutional guarantees for the Kurdish "
            "language and culture.",
            ("sdf", "demand", "minority_rights"),
        ),
        (
            "Moscow wants written guarantees of non-enlargement of NATO.",
            ("RUS", "demand", "alliances"),
        ),
        ("Zelensky asked for guarantees for Ukraine.", ("UKR", "demand", "security_guarantees")),
        # people handed over are a matter of justice, even when described rather than named
        (
            "Gitega demanded that Kigali hand over the persons wanted for the attempted coup.",
            ("BDI", "demand", "justice"),
        ),
        ("Ankara asked Stockholm to extradite the suspects.", ("TUR", "demand", "justice")),
        (
            "Moscow wants Kyiv to hand over the commanders of the Azov regiment.",
            ("RUS", "demand", "justice"),
        ),
        (
            "Hamas agreed to hand over the bodies of the hostages.",
            ("hamas", "accept", "humanitarian"),
        ),
        # a weak word beside a deal does not name its content
        (
            "Manila said it remained open to a provisional arrangement with Beijing on the "
            "missions.",
            ("PHL", "accept", "process"),
        ),
        # shipping lanes and merchant vessels are trade
        (
            "Seoul called for safe navigation for merchant ships in the strait.",
            ("KOR", "demand", "economy"),
        ),
    ],
)
def test_issue_from_phrase_structure(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each item a deal names gives its own issue
        (
            "Washington and Tehran struck an agreement to free five prisoners and unfreeze "
            "$6 billion in oil revenue.",
            {("USA", "accept", "humanitarian"), ("USA", "accept", "economy")},
        ),
        (
            "Kinshasa and the M23 reached a deal to pull back fighters, swap detainees and "
            "reopen the airport at Goma.",
            {("COD", "accept", "territory")},
        ),
        (
            "Addis Ababa rejected Cairo's demand for a binding agreement on filling the dam.",
            {("EGY", "demand", "economy"), ("ETH", "reject", "economy")},
        ),
        # what a proposal would do is what is rejected
        (
            "Moscow rejected a European counter-proposal that would let Kyiv keep an army of "
            "800,000.",
            {("RUS", "reject", "military_limits")},
        ),
        (
            "Israel rejected any deal that would leave Hamas in power.",
            {("ISR", "reject", "governance")},
        ),
        # what a text provides for is what it is about
        (
            "Kyiv's foreign minister welcomed the agreement, which provides for an exchange of all "
            "prisoners.",
            {("UKR", "accept", "humanitarian")},
        ),
    ],
)
def test_deal_items(ex: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(ex, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # land left by troops stays territorial; a deal left stays the process
        (
            "Moscow demanded that Kyiv withdraw its troops from the Kursk region.",
            ("RUS", "demand", "military_limits"),
        ),
        ("Russia said it would withdraw from the grain deal.", ("RUS", "reject", "alliances")),
        ("Seoul agreed to withdraw its complaint from the WTO.", ("KOR", "accept", "territory")),
        ("Seoul agreed to withdraw its complaint from the WTO.", ("KOR", "accept", "alliances")),
        # sanctions lifted are still sanctions
        (
            "The EU agreed to lift the measures it had imposed on Belarusian potash.",
            ("eu", "offer", "territory"),
        ),
        # an owner never names the matter: "the government's position" is no governance issue
        ("Erdogan backed the Azerbaijani government's position.", ("TUR", "accept", "governance")),
        # foreign troops staying in a country are a matter of their presence
        ("Washington said American troops would remain in Syria.", ("USA", "reject", "territory")),
        (
            "Hanoi and Beijing agreed to renounce the use of force against fishing boats.",
            ("VNM", "accept", "security_guarantees"),
        ),
    ],
)
def test_issue_not_overridden(ex: Extractor, text: str, unexpected: tuple[str, str, str]) -> None:
    assert unexpected not in triples(ex, text)


@pytest.mark.parametrize(
    ("text", "content", "whole"),
    [
        # a deal whose content is named is coded on that content, not on the process as well
        (
            "Under the accord, Hezbollah will hand over its heavy weapons within 30 days.",
            ("hezbollah", "offer", "military_limits"),
            ("hezbollah", "offer", "process"),
        ),
        (
            "Moscow rejected a European counter-proposal that would let Kyiv keep an army of "
            "800,000.",
            ("RUS", "reject", "military_limits"),
            ("RUS", "reject", "process"),
        ),
    ],
)
def test_named_content_replaces_process(
    ex: Extractor, text: str, content: tuple[str, str, str], whole: tuple[str, str, str]
) -> None:
    got = triples(ex, text)
    assert content in got
    assert whole not in got


def test_proposer_keeps_the_plan_and_its_terms(ex: Extractor) -> None:
    got = triples(
        ex,
        "Addis Ababa dismissed an Egyptian proposal that would cap the filling of the reservoir.",
    )
    assert {("EGY", "propose", "process"), ("EGY", "propose", "economy")} <= got
    assert ("ETH", "reject", "economy") in got
