"""Terms a side rules out without a stance verb ("not a subject for bargaining", "not a chip to
be traded", "devoid of any legal basis", "has nothing to discuss with …"), the one option a
side demands ("the only realistic option", "the only way forward is …"), and a role whose
name stands in apposition ("The spokeswoman, Maria Zakharova, …") holding the stance.
Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from extracting import LEAD, claims, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Baku said the status of Karabakh is not a subject for bargaining.",
            ("AZE", "reject", "territory"),
        ),
        (
            "Pyongyang said its missile arsenal is not a commodity for bargaining.",
            ("PRK", "reject", "military_limits"),
        ),
        (
            "North Korea said its nuclear status is not a chip to be traded.",
            ("PRK", "reject", "military_limits"),
        ),
        (
            "The Kremlin said the sanctions relief will not be an object of bargaining.",
            ("RUS", "reject", "sanctions"),
        ),
        ("Kyiv said its land is not a bargaining chip.", ("UKR", "reject", "territory")),
        (
            "Hamas said handing over its weapons is out of the question.",
            ("hamas", "reject", "military_limits"),
        ),
        (
            "Caracas said the 1899 award has no legal validity.",
            ("VEN", "reject", "justice"),
        ),
        (
            "Kyiv said the annexation of Crimea has no legal force.",
            ("UKR", "reject", "territory"),
        ),
        (
            "Moscow said the referendum in Moldova is devoid of any legal basis.",
            ("RUS", "reject", "governance"),
        ),
        (
            "Pyongyang says it has nothing to discuss with Seoul.",
            ("PRK", "reject", "process"),
        ),
        (
            "The Kremlin said it had nothing to negotiate with Kyiv about the peninsula.",
            ("RUS", "reject", "process"),
        ),
    ],
)
def test_a_term_ruled_out_is_refused(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(claims(ex, LEAD + text))


def test_the_trading_noun_names_no_issue(ex: Extractor) -> None:
    # "a matter for discussion" is how it is refused, not talks the speaker refuses
    found = triples(
        claims(
            ex, LEAD + "Beijing said reunification is not a matter for discussion with outsiders."
        )
    )
    assert ("CHN", "reject", "governance") in found
    assert ("CHN", "reject", "process") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Sanctions relief was the subject of talks in Geneva on Monday, Tehran said.",
        "Analysts say the only way forward is unclear.",
    ],
)
def test_no_refusal_or_demand_without_the_ruling(ex: Extractor, text: str) -> None:
    found = claims(ex, LEAD + text)
    assert not [c for c in found if c.actor != "OMN"], triples(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv says freezing the front along the current line is the only realistic option.",
            ("UKR", "demand", "ceasefire"),
        ),
        (
            "Ankara said the only way forward is a two-state solution.",
            ("TUR", "demand", "recognition"),
        ),
        (
            "Ankara said a two-state solution is the only realistic way forward.",
            ("TUR", "demand", "recognition"),
        ),
        (
            "Seoul said dialogue was the only viable path to denuclearisation.",
            ("KOR", "demand", "process"),
        ),
    ],
)
def test_the_only_option_is_demanded(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(claims(ex, LEAD + text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The spokeswoman, Maria Zakharova, rejected the truce proposal.",
            ("RUS", "reject", "ceasefire"),
        ),
        (
            "The Kremlin spokesman, Dmitry Peskov, said Crimea was not up for negotiation.",
            ("RUS", "reject", "territory"),
        ),
        # the body the role belongs to speaks, not the person's own country
        (
            "The AU envoy, Uhuru Kenyatta, said he would convene both sides in Nairobi next week.",
            ("au", "offer", "process"),
        ),
    ],
)
def test_a_named_apposition_holds_the_stance(ex: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(claims(ex, LEAD + text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Serbian president said he would be glad to host the talks in Belgrade.",
            ("SRB", "offer", "process"),
        ),
        (
            "The Taliban called the border closures collective punishment of traders.",
            ("taliban", "reject", None),
        ),
    ],
)
def test_willingness_and_verdict_words(ex: Extractor, text: str, expected: tuple) -> None:
    found = triples(claims(ex, LEAD + text))
    actor, kind, issue = expected
    assert any(a == actor and k == kind and issue in (None, i) for a, k, i in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance verb whose object is "no …" refuses it
        (
            "Belgrade said it would recognise no ruling on the northern municipalities.",
            ("SRB", "reject", None),
        ),
        (
            "Moscow said it would tolerate no foreign troops in Ukraine.",
            ("RUS", "reject", "military_limits"),
        ),
        # a stance noun voiced by a negated verb
        (
            "Kyiv said it would not make territorial concessions.",
            ("UKR", "reject", "territory"),
        ),
        (
            "Hamas did not give any commitment to disarm.",
            ("hamas", "reject", "military_limits"),
        ),
    ],
)
def test_a_negated_object_or_voicing_verb_refuses(
    ex: Extractor, text: str, expected: tuple
) -> None:
    found = triples(claims(ex, LEAD + text))
    actor, kind, issue = expected
    assert any(a == actor and k == kind and issue in (None, i) for a, k, i in found), found
    assert not any(a == actor and k in ("accept", "offer") for a, k, _ in found), found


def test_refusal_phrases_are_not_turned_twice(ex: Extractor) -> None:
    # "take no part" and "has no interest in" already refuse: no acceptance from the "no"
    for text in (
        "The SPLM-IO said it would take no part in any election held while Machar is detained.",
        "Pyongyang said it has no interest in any dialogue premised on denuclearisation.",
    ):
        found = triples(claims(ex, LEAD + text))
        assert any(k == "reject" for _, k, _ in found), found
        assert not any(k == "accept" for _, k, _ in found), found


def test_stance_noun_named_by_its_modifier(ex: Extractor) -> None:
    assert ("RUS", "demand", "territory") in triples(
        claims(ex, LEAD + "Moscow demanded territorial concessions from Kyiv.")
    )


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Tehran said it would retaliate at a time and place of its choosing.", "IRN"),
        ("Pyongyang said it would respond at a time of its choosing.", "PRK"),
    ],
)
def test_a_reply_at_a_time_of_its_choosing_threatens(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, LEAD + text)
    assert any(c.actor == actor and c.kind == "threaten" for c in found), triples(found)
