"""The people of both parties speaking for each ("the army chiefs of both countries agreed"),
and relations broken off as a rejection or, still to come, a threat; sentences written for
these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_the_leaders_of_both_countries_are_each_party(ex: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan exchanged fire near Sotk on Monday. The defence ministers of "
        "both countries agreed to an immediate ceasefire, officials said."
    )
    found = triples(claims(ex, text))
    assert {("ARM", "accept", "ceasefire"), ("AZE", "accept", "ceasefire")} <= found


def test_the_delegations_of_the_two_sides_are_each_party(ex: Extractor) -> None:
    text = (
        "Ethiopian and Eritrean officials met in Jeddah. The delegations of the two sides "
        "agreed to hold a second round of talks in May."
    )
    found = triples(claims(ex, text))
    assert {("ETH", "accept", "process"), ("ERI", "accept", "process")} <= found


def test_breaking_off_diplomatic_relations_rejects_them(ex: Extractor) -> None:
    text = (
        "BAMAKO, Aug 4, 2024 -- Mali's transitional government said on Sunday it was severing "
        "diplomatic relations with Ukraine with immediate effect."
    )
    assert ("MLI", "reject", "recognition") in triples(claims(ex, text))


def test_a_rupture_still_to_come_is_a_threat(ex: Extractor) -> None:
    text = (
        "MOGADISHU, Jan 9, 2026 -- Somalia said it would cut diplomatic ties with any state "
        "that opened a consulate in Hargeisa."
    )
    found = triples(claims(ex, text))
    assert ("SOM", "threaten", "recognition") in found
    assert ("SOM", "reject", "recognition") not in found


def test_ties_cut_in_the_passive_or_refused_name_no_rupture(ex: Extractor) -> None:
    assert not [
        c
        for c in claims(ex, "Diplomatic ties with Caracas were cut after the election, Lima said.")
        if c.kind == "reject"
    ]
    found = triples(claims(ex, "Quito said it would not cut diplomatic relations with Mexico."))
    assert ("ECU", "reject", "recognition") not in found
    assert ("ECU", "threaten", "recognition") not in found
