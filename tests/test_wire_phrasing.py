"""Everyday wire phrasings without a plain stance verb: being "in no hurry" to sign, having
"no territorial claims", a claim "to" land given up or kept, deals whose contents follow as
"one on …, the other on …", and an office signing with a party named beside it; sentences
written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sudan's army is in no hurry to sign the truce, according to two officials in "
            "Port Sudan.",
            ("saf", "reject", "ceasefire"),
        ),
        (
            "Moscow appears in no hurry to resume talks on the new arms treaty, diplomats said.",
            ("RUS", "reject", "process"),
        ),
    ],
)
def test_no_hurry_to_act_is_a_refusal(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, text))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Azerbaijan has no territorial claims against Armenia, its foreign minister said.", "AZE"),
        ("Moscow has no claims on the territory of its neighbours, the Kremlin said.", "RUS"),
    ],
)
def test_having_no_claims_renounces_territory(ex: Extractor, text: str, actor: str) -> None:
    found = triples(claims(ex, text))
    assert (actor, "offer", "territory") in found
    assert (actor, "offer", "ceasefire") not in found


def test_no_plans_keeps_its_own_issue(ex: Extractor) -> None:
    text = "Kyiv has no immediate plans to hold elections, an aide to the president said."
    assert triples(claims(ex, text)) == {("UKR", "reject", "governance")}


def test_a_claim_over_land_is_territorial(ex: Extractor) -> None:
    text = (
        "Guatemala will not abandon its claim over the southern half of Belize, the foreign "
        "minister said."
    )
    assert ("GTM", "reject", "territory") in triples(claims(ex, text))


def test_a_claim_to_an_office_is_not_territorial(ex: Extractor) -> None:
    text = "The opposition leader will not abandon his claim to the presidency, his aides said."
    assert not any(issue == "territory" for _a, _k, issue in triples(claims(ex, text)))


def test_protocols_named_one_by_one_give_each_signatory_their_issues(ex: Extractor) -> None:
    text = (
        "The government of Sudan and the RSF on Saturday signed two protocols under the "
        "Jeddah framework, one on a permanent ceasefire, the other on the release of "
        "detainees and the return of displaced people."
    )
    found = triples(claims(ex, text))
    for actor in ("SDN", "rsf"):
        assert (actor, "accept", "ceasefire") in found
        assert (actor, "accept", "humanitarian") in found
        assert (actor, "accept", "process") not in found


def test_sides_named_by_their_adjectives_stay_one_stance_each(ex: Extractor) -> None:
    text = "Greek Cypriot and Turkish Cypriot leaders agreed to open two new crossings."
    assert {a for a, k, _i in triples(claims(ex, text)) if k == "accept"} == {"CYP", "trnc"}


def test_a_content_excepted_by_but_not_is_refused(ex: Extractor) -> None:
    text = (
        "Moscow accepts a freeze along the front line but not a withdrawal from "
        "Zaporizhzhia, officials said."
    )
    found = triples(claims(ex, text))
    assert ("RUS", "accept", "ceasefire") in found
    assert ("RUS", "reject", "territory") in found
    assert ("RUS", "accept", "territory") not in found


def test_what_a_refusal_excepts_is_no_stance(ex: Extractor) -> None:
    text = "Pristina rejects a partition of the north but not talks on the bridge, aides said."
    found = triples(claims(ex, text))
    assert ("XKX", "reject", "territory") in found
    assert not any(issue == "process" for _a, _k, issue in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo wants the four islands returned before any peace treaty is signed, the "
            "Japanese foreign minister said.",
            ("JPN", "demand", "territory"),
        ),
        ("Seoul demanded that the disputed islets be returned.", ("KOR", "demand", "territory")),
        ("Kyiv wants the deported children returned.", ("UKR", "demand", "humanitarian")),
    ],
)
def test_land_returned_is_territory_people_returned_are_not(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, text))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Kabul will not allow its territory to be used against any country, a spokesman said.",
            "AFG",
        ),
        ("Pakistan does not allow its soil to be used for attacks on its neighbours.", "PAK"),
        (
            "The Islamic Emirate does not allow any person or group to use the territory of "
            "Afghanistan against any country.",
            "taliban",
        ),
    ],
)
def test_own_soil_kept_from_use_against_others_is_a_guarantee(
    ex: Extractor, text: str, actor: str
) -> None:
    found = triples(claims(ex, text))
    assert (actor, "offer", "security_guarantees") in found
    assert (actor, "reject", "territory") not in found


def test_another_states_soil_is_no_guarantee_of_the_speaker(ex: Extractor) -> None:
    text = "Islamabad will not allow Afghanistan's soil to be used against Pakistan, it said."
    assert ("PAK", "offer", "security_guarantees") not in triples(claims(ex, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kremlin put out a short statement: any deployment of Western troops in "
            "Ukraine is unacceptable.",
            ("RUS", "reject", "military_limits"),
        ),
        (
            "Baku issued a one-line reply: the corridor must be opened without checks.",
            ("AZE", "demand", "territory"),
        ),
    ],
)
def test_a_text_announced_before_a_colon_is_its_issuers(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, text))


def test_a_named_treaty_is_no_party(ex: Extractor) -> None:
    text = (
        "The Indus Waters Treaty will stay in abeyance until Pakistan ends its support for "
        "terrorism, the Indian foreign ministry said."
    )
    actors = {c.actor for c in claims(ex, text)}
    assert actors == {"IND"}


def test_the_peoples_liberation_army_is_china(ex: Extractor) -> None:
    text = "The People's Liberation Army warned it would crush any separatist attempt."
    assert {c.actor for c in claims(ex, text)} == {"CHN"}


def test_what_was_asked_for_before_a_colon_is_the_list_after_it(ex: Extractor) -> None:
    text = (
        "What Beirut has wanted all along: an end to the strikes, the withdrawal from the "
        "five positions, and the return of our prisoners, the Lebanese prime minister said."
    )
    found = triples(claims(ex, text))
    assert {("LBN", "demand", i) for i in ("ceasefire", "territory", "humanitarian")} <= found
