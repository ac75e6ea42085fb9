"""What a party says it will keep: its forces or a penalty (a refusal to give them up), or land
and control (a claim); sentences written for these tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims, triples


def test_keeping_positions_until_a_deal_refuses_to_pull_back(ex: Extractor) -> None:
    text = (
        "The M23 said its fighters would keep their positions around Goma until a final "
        "agreement with Kinshasa had been signed in Doha."
    )
    got = triples(claims(ex, text))
    assert ("m23", "reject", "military_limits") in got
    assert ("m23", "demand", "military_limits") not in got


def test_keeping_weapons_refuses_disarmament(ex: Extractor) -> None:
    text = "Hamas said it would keep its weapons until a Palestinian state is established."
    got = triples(claims(ex, text))
    assert ("hamas", "reject", "military_limits") in got


def test_maintaining_a_military_presence_refuses_withdrawal(ex: Extractor) -> None:
    text = (
        "Israel will maintain its military presence in the Philadelphi corridor, the minister said."
    )
    got = triples(claims(ex, text))
    assert ("ISR", "reject", "military_limits") in got


def test_keeping_a_party_on_a_terrorism_list_refuses_delisting(ex: Extractor) -> None:
    text = "Britain said it would keep the Taliban on its list of proscribed groups."
    assert ("GBR", "reject", "sanctions") in triples(claims(ex, text))


def test_maintaining_sanctions_refuses_to_lift_them(ex: Extractor) -> None:
    text = (
        "The European Union will maintain its sanctions on Belarus, the foreign policy chief said."
    )
    got = triples(claims(ex, text))
    assert ("eu", "reject", "sanctions") in got
    assert not any(kind == "demand" for _, kind, _ in got)


def test_an_army_keeping_control_of_an_airport_claims_it(ex: Extractor) -> None:
    # the army is the subject, not what is kept: a claim on the place, not a refusal
    text = "Sudan's army will keep control of Khartoum airport, the military council said."
    got = triples(claims(ex, text))
    assert ("SDN", "demand", "territory") in got or ("saf", "demand", "territory") in got
    assert not any(kind == "reject" for _, kind, _ in got)


def test_maintain_with_other_objects_or_a_clause_keeps_nothing(ex: Extractor) -> None:
    got = triples(claims(ex, "Both sides agreed to maintain peace along the border."))
    assert not any(kind == "reject" for _, kind, _ in got)
    got = triples(claims(ex, "Kyiv maintains that any talks must include Europe."))
    assert ("UKR", "demand", "process") in got
    assert not any(kind == "reject" for _, kind, _ in got)


def test_keeping_a_political_position_is_no_military_presence(ex: Extractor) -> None:
    got = triples(
        claims(ex, "Kyiv will keep its position on territory unchanged, the adviser said.")
    )
    assert not any(kind == "reject" for _, kind, _ in got)
