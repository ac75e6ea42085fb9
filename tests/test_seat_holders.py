"""Holders named by their seat ("the government in Port Sudan", "officials in Sanaa",
"Aden's envoy"), read from the city -> actor table of knowledge/seats.yaml; a city alone is
never a party.  Sentences written for these tests, across several conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.extract.seats import seat_actor
from detente.records import Claim
from extracting import claims


def holders(found: list[Claim]) -> set[str]:
    return {c.actor for c in found}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The government in Port Sudan rejected the truce proposal on Sunday.", "saf"),
        ("Officials in Sanaa demanded the reopening of the airport.", "houthis"),
        (
            "The government in Aden rejected any deal that would give the Houthis a share of oil "
            "revenue.",
            "YEM",
        ),
        (
            "The administration in Benghazi called for a new unified government before any "
            "elections.",
            "hor_libya",
        ),
        ("Officials in Erbil rejected the federal budget law.", "krg"),
        ("The parallel government in Nyala proposed a ceasefire in Darfur.", "rsf"),
        ("The authorities in Tiraspol rejected the reintegration plan.", "transnistria"),
        ("Aden's envoy rejected the Houthi proposal for a prisoner exchange.", "YEM"),
    ],
)
def test_a_body_named_by_its_seat_holds_the_stance(ex: Extractor, text: str, actor: str) -> None:
    assert holders(claims(ex, text)) == {actor}


def test_a_national_adjective_outranks_the_seat(ex: Extractor) -> None:
    text = "Russian officials in Jerusalem rejected the ceasefire proposal."
    assert holders(claims(ex, text)) == {"RUS"}


def test_a_seat_city_alone_names_no_party(ex: Extractor) -> None:
    doc = ex.nlp("Talks in Aden ended without a deal, and Nyala was shelled on Monday.")
    for tok in doc:
        if tok.text in ("Aden", "Nyala"):
            assert seat_actor(doc[tok.i : tok.i + 1]) is None
    assert seat_actor(doc[0:1]) is None


def test_a_sentence_opening_in_a_capital_places_the_unnamed_officials(ex: Extractor) -> None:
    text = (
        "Russian drones struck the port of Izmail overnight. In Kyiv, officials said they "
        "would not accept a truce that froze the front line."
    )
    got = [c for c in claims(ex, text) if c.kind == "reject"]
    assert got and holders(got) == {"UKR"}


def test_a_sentence_opening_in_a_country_places_its_ministry(ex: Extractor) -> None:
    text = (
        "Iraq's parliament voted to scrap the waterway accord with Kuwait. In Kuwait, the "
        "foreign ministry said on Tuesday it rejected the vote."
    )
    assert "KWT" in holders([c for c in claims(ex, text) if c.kind == "reject"])


def test_a_place_later_in_the_sentence_places_nobody(ex: Extractor) -> None:
    # "in Geneva" is where the officials spoke, not whose they are
    text = (
        "Russian drones struck the port of Izmail overnight. Officials said in Geneva that "
        "Kyiv would not accept a truce that froze the front line."
    )
    assert "CHE" not in holders(claims(ex, text))
