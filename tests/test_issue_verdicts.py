"""Verdicts passed on what is negotiated with no stance verb ("federal status is excluded",
"access to the sea is non-negotiable", "never up for discussion"), judgements passed in the
passive with their judge as agent, denials through "does not mean that …", and titles the
entity model takes for names; sentences written for these tests, across many conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


# -- verdicts on a copula --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Federal status for the Gagauz region is excluded, the Moldovan prime minister "
            "told reporters in Chisinau.",
            ("MDA", "reject", "governance"),
        ),
        (
            "Pyongyang said its nuclear weapons would never be up for discussion at any talks "
            "with Washington.",
            ("PRK", "reject", "military_limits"),
        ),
        (
            "Japan's proposals on joint economic activity on the islands are out of the "
            "question, the Russian foreign ministry said.",
            ("RUS", "reject", "economy"),
        ),
        (
            "Intervention rights for the guarantor powers are a thing of the past, the Cypriot "
            "president told parliament.",
            ("CYP", "reject", "security_guarantees"),
        ),
        (
            "The Cypriot government spokesman said the system of foreign troop bases on the "
            "island belongs to the past.",
            ("CYP", "reject", "military_limits"),
        ),
        (
            "A ceasefire that leaves Russian troops on Ukrainian soil is simply not acceptable, "
            "the Ukrainian foreign minister said.",
            ("UKR", "reject", "ceasefire"),
        ),
    ],
)
def test_a_verdict_on_what_is_negotiated_is_the_speakers_stance(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, text))


def test_a_right_declared_non_negotiable_is_demanded(ex: Extractor) -> None:
    text = (
        "Baku's foreign ministry said the unimpeded transit route to Nakhchivan was non-negotiable."
    )
    found = triples(claims(ex, text))
    assert ("AZE", "demand", "economy") in found or ("AZE", "demand", "territory") in found
    assert not any(kind == "reject" for _a, kind, _i in found)


@pytest.mark.parametrize(
    "text",
    [
        # a verdict on a state of affairs, not on a term of the talks
        "The humanitarian situation in the camps is unacceptable, the UN envoy said.",
        # a verdict on a party
        "Hamas is illegitimate, the Israeli government spokesman said.",
        # negated without a term to rule in or out
        "The court ruling on the maritime border is not illegal, the lawyer said.",
        # up for discussion, affirmed: nothing ruled out
        "Everything is up for discussion, the Qatari mediator said.",
    ],
)
def test_verdicts_that_rule_nothing_in_or_out_are_no_stance(ex: Extractor, text: str) -> None:
    found = [c for c in claims(ex, text) if c.signals and "trigger=frame" in c.signals]
    assert not [c for c in claims(ex, text) if c.kind in ("reject", "demand", "accept")], found


def test_the_party_a_verdict_is_held_to_keeps_it(ex: Extractor) -> None:
    # "unacceptable to Baku" is the held verdict of that party, not the speaker's
    text = (
        "Any foreign military presence in the corridor is unacceptable to Baku, an "
        "Armenian analyst said."
    )
    actors = {c.actor for c in claims(ex, text) if c.kind == "reject"}
    assert actors == {"AZE"}


# -- judgements in the passive with their judge --------------------------------------------


@pytest.mark.parametrize(
    ("text", "judge", "other"),
    [
        (
            "Serbia's demands for a separate police force in the north were described by "
            "Pristina as unacceptable.",
            "XKX",
            "SRB",
        ),
        (
            "Yerevan's calls for an international mission in the border villages are regarded "
            "by Baku as groundless.",
            "AZE",
            "ARM",
        ),
    ],
)
def test_a_passive_judgement_belongs_to_its_agent(
    ex: Extractor, text: str, judge: str, other: str
) -> None:
    found = claims(ex, text)
    assert {c.actor for c in found if c.kind == "reject"} == {judge}
    assert any(c.actor == other and c.kind == "demand" for c in found)


def test_a_passive_judgement_without_agent_is_not_the_subjects(ex: Extractor) -> None:
    text = "The Ethiopian port plan was called unacceptable."
    assert not [c for c in claims(ex, text) if c.kind == "reject"]


# -- "does not mean that …" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The statement said this does not mean that the DPRK will accept any contact "
            "aimed at denuclearisation.",
            ("PRK", "reject", "military_limits"),
        ),
        (
            "An aide said the pause did not mean that Kyiv would accept a ceasefire on "
            "Moscow's terms.",
            ("UKR", "reject", "ceasefire"),
        ),
    ],
)
def test_a_denied_implication_negates_the_stance_it_introduces(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(claims(ex, text))
    assert expected in found
    actor, _kind, issue = expected
    assert (actor, "accept", issue) not in found


def test_an_affirmed_implication_keeps_the_stance(ex: Extractor) -> None:
    text = "The envoy said the visit meant that Kyiv would accept a ceasefire along the line."
    assert ("UKR", "accept", "ceasefire") in triples(claims(ex, text))


# -- titles taken for names ----------------------------------------------------------------


def test_a_title_the_model_takes_for_a_name_is_no_actor(ex: Extractor) -> None:
    text = (
        "TEHRAN, April 18 (IRNA) -- The Spokesman further warned that any repetition of "
        "aggression against the nuclear facilities would meet a decisive response."
    )
    assert "spokesman" not in {c.actor for c in claims(ex, text)}


def test_a_titled_person_taken_for_an_organisation_speaks_for_the_state(
    ex: Extractor,
) -> None:
    text = (
        "Ukraine's human rights commissioner Dmytro Lubinets urged Moscow to give the Red "
        "Cross access to prisoners of war."
    )
    found = claims(ex, text)
    assert {c.actor for c in found} == {"UKR"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Islamic Republic will not negotiate under threats, the spokesman said.", "IRN"),
        ("The Islamic Republic of Pakistan said it would not accept the plan.", "PAK"),
        ("The Islamic Republic of Mauritania said it would not accept the plan.", "MRT"),
    ],
)
def test_the_islamic_republic_is_iran_unless_another_state_is_named(
    ex: Extractor, text: str, actor: str
) -> None:
    assert {c.actor for c in claims(ex, text) if c.kind == "reject"} == {actor}


# -- verdicts in a statement's text, and what forces on a territory are about -------------


def test_a_verdict_for_us_in_a_published_statement_is_the_issuers(ex: Extractor) -> None:
    text = (
        "MOSCOW, March 3 -- The Russian foreign ministry on Tuesday published a statement on "
        "the talks, the text of which is given below.\n\n"
        "The stationing of troops of NATO countries on the territory of Ukraine is "
        "categorically unacceptable for us."
    )
    found = triples(claims(ex, text))
    issues = {issue for actor, kind, issue in found if (actor, kind) == ("RUS", "reject")}
    assert issues and issues <= {"military_limits", "security_guarantees", "alliances"}


def test_territory_handed_back_still_votes_for_territory(ex: Extractor) -> None:
    text = "Moscow demands the withdrawal of NATO forces from the territory of the Baltic states."
    assert ("RUS", "demand", "territory") in triples(claims(ex, text))


def test_land_not_for_sale_is_refused(ex: Extractor) -> None:
    found = triples(claims(ex, "Greenland is not for sale, the Danish prime minister said."))
    assert found == {("DNK", "reject", "territory")}
    assert claims(ex, "The old ferry is for sale, the port authority said.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bolivarian Government rejects the ruling of the court on the Essequibo.",
            ("VEN", "reject", "justice"),
        ),
        ("Beijing rejects the ruling, the spokesperson said.", ("CHN", "reject", "justice")),
    ],
)
def test_a_courts_ruling_is_justice(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(claims(ex, text))
