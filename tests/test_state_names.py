"""Names of a state's parts that the lists spell one way and reports another, and a state's
demonym that also names a region. Sentences written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from detente.extract.kb import _spellings
from extracting import claims


def test_a_demonym_shared_with_a_region_is_the_state_when_it_qualifies_a_party(
    ex: Extractor,
) -> None:
    text = (
        "MOGADISHU, March 3 - The Somali government is ready to give Ethiopia commercial "
        "access to a port, the foreign minister said. Somali officials turned down the "
        "memorandum that Addis Ababa signed with the breakaway region."
    )
    found = claims(ex, text)
    assert {c.actor for c in found} >= {"SOM"}
    assert "somali" not in {c.actor for c in found}
    # and the region of the same name is not where these stances are
    assert all("ET-SO" not in c.places for c in found)


def test_the_region_of_the_same_name_keeps_its_own_administration(ex: Extractor) -> None:
    text = "The Somali regional administration demanded a share of the customs revenue."
    actors = {c.actor for c in claims(ex, text)}
    assert "SOM" not in actors


def test_british_and_american_spellings_of_a_listed_army_are_the_same_state(
    ex: Extractor,
) -> None:
    for spelling in ("Defence", "Defense"):
        text = (
            f"ADDIS ABABA, May 2 - Units of the Ethiopian National {spelling} Force will join "
            "the new mission, the ministry said."
        )
        assert {c.actor for c in claims(ex, text)} == {"ETH"}, spelling


def test_spellings_swap_only_whole_words() -> None:
    assert _spellings("Rwanda Defence Force") == ["Rwanda Defence Force", "Rwanda Defense Force"]
    assert _spellings("Carter Center") == ["Carter Center", "Carter Centre"]
    assert _spellings("Defenceless Front") == ["Defenceless Front"]
    assert _spellings("ISIS") == ["ISIS"]


def test_a_theatre_command_speaks_for_its_army_in_either_spelling(ex: Extractor) -> None:
    for spelling in ("Theater", "Theatre"):
        text = (
            f"BEIJING, Dec 29 - The Eastern {spelling} Command said anyone who pursued "
            "independence would be crushed."
        )
        found = claims(ex, text)
        assert {c.actor for c in found} == {"CHN"}, spelling
        assert {c.kind for c in found} == {"threaten"}


def test_an_office_named_in_full_once_is_that_states_when_named_bare_later(
    ex: Extractor,
) -> None:
    # agency copy names the ministry with its state once, then bare, after the other side
    # has been the subject of a sentence
    text = (
        "Hanoi, May 6 (VNA) -- The Ministry of National Defence of Viet Nam said on Tuesday "
        "that patrols near the reef would continue. China has accused Viet Nam of building "
        "on the reef. The Ministry of National Defence rejected the accusation and called on "
        "China to withdraw its coast guard vessels from the area."
    )
    found = claims(ex, text)
    demands = [c for c in found if c.kind == "demand"]
    assert demands and {c.actor for c in demands} == {"VNM"}
    assert "ministry_of_national_defence" not in {c.actor for c in found}
