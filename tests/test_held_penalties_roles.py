"""Penalties kept in force on terms, refusals to be drawn into talks, and plural role nouns
("the co-chairs") that point back to the parties named with them; sentences written for these
tests, across several conflicts."""

from __future__ import annotations

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


# -- a penalty kept in place on terms --------------------------------------------------------


def test_sanctions_staying_in_place_until_a_withdrawal_threaten_and_demand(ex: Extractor) -> None:
    text = (
        "The European Union said its sanctions on Moscow would remain in place until Russian "
        "troops leave Ukraine."
    )
    got = triples(claims(ex, text))
    assert ("eu", "threaten", "sanctions") in got
    assert ("eu", "demand", "territory") in got


def test_an_embargo_in_force_as_long_as_prisoners_are_held(ex: Extractor) -> None:
    text = (
        "Washington said the embargo on Caracas would stay in force as long as political "
        "prisoners are held."
    )
    got = triples(claims(ex, text))
    assert ("USA", "threaten", "sanctions") in got
    assert ("USA", "demand", "humanitarian") in got


def test_sanctions_in_place_without_terms_are_no_threat(ex: Extractor) -> None:
    text = "Sanctions on Minsk remained in place throughout 2024, the European Union said."
    assert not any(c.kind == "threaten" for c in claims(ex, text))


# -- "will not be drawn into" -----------------------------------------------------------------


def test_refusing_to_be_drawn_into_negotiations_rejects_them(ex: Extractor) -> None:
    text = (
        "Eritrea will not be drawn into negotiations over its ports, the information ministry said."
    )
    assert ("ERI", "reject", "process") in triples(claims(ex, text))


def test_being_drawn_into_a_dispute_is_no_stance(ex: Extractor) -> None:
    text = "Guatemala said it had been drawn into a border dispute by Belize's new maps."
    assert not any(c.actor == "GTM" and c.kind == "accept" for c in claims(ex, text))


# -- plural role nouns ------------------------------------------------------------------------


def test_the_co_chairs_are_the_bodies_introduced_as_co_chairs(ex: Extractor) -> None:
    text = (
        "Tbilisi sent its objections to the co-chairs from the UN, the EU and the OSCE. "
        "Georgia wants displaced families to go home. "
        "The co-chairs urged all participants to engage constructively."
    )
    got = triples(claims(ex, text))
    for body in ("un", "eu", "osce"):
        assert (body, "demand", "process") in got


def test_role_noun_with_its_own_parties_keeps_them(ex: Extractor) -> None:
    text = "The envoys of Qatar and Egypt urged Hamas and Israel to return to talks."
    got = triples(claims(ex, text))
    assert ("QAT", "demand", "process") in got
    assert ("EGY", "demand", "process") in got


def test_the_noun_alone_is_the_owner_named_with_it_before(ex: Extractor) -> None:
    text = (
        "The African Union's mediation panel said it was worried by the fighting in Amhara. "
        "The panel offered to host the next round in Addis Ababa."
    )
    got = triples(claims(ex, text))
    assert ("au", "offer", "process") in got, got
    text = (
        "Omani mediators said the gap between Sanaa and Riyadh had narrowed. "
        "The mediators offered to host a prisoner exchange in Muscat."
    )
    got = triples(claims(ex, text))
    assert any(a == "OMN" and k == "offer" for a, k, _ in got), got


def test_a_body_of_an_organisation_speaks_for_it(ex: Extractor) -> None:
    # the small model tags "The Commission of the" as a name of its own; the body still
    # speaks for the organisation it belongs to, not for a new party or the last state named
    for text, body in (
        ("The Commission of the ECOWAS offered to facilitate a ministerial meeting.", "ecowas"),
        ("The Secretariat of the Arab League offered to host talks on Sudan.", "arab_league"),
        ("The Commission of the African Union offered to mediate in South Sudan.", "au"),
    ):
        got = triples(claims(ex, "The fighting went on overnight. " + text))
        assert any(a == body and k == "offer" for a, k, _ in got), (text, got)
        assert not any(a.startswith("commission") for a, _, _ in got), got


def test_a_source_asking_for_anonymity_states_no_stance(ex: Extractor) -> None:
    for text in (
        "Two Egyptian officials said Hamas had accepted the text. The officials, who asked not"
        " to be named because the talks are secret, said Israel wanted changes.",
        "Two Kenyan diplomats said the talks in Nairobi had stalled. The diplomats, who"
        " requested anonymity to discuss the talks, said Juba wanted more time.",
    ):
        got = triples(claims(ex, text))
        assert not any(a in ("EGY", "KEN") and k == "demand" for a, k, _ in got), got
    # asking another party to name someone is still a request
    got = triples(claims(ex, "Cairo asked Israel to name its negotiators for the talks."))
    assert ("EGY", "demand", "process") in got, got


# -- verdicts ---------------------------------------------------------------------------------


def test_an_offer_called_not_serious_is_rejected(ex: Extractor) -> None:
    text = "Seoul said the North's offer of a border truce was not serious."
    assert ("KOR", "reject", "ceasefire") in triples(claims(ex, text))


def test_a_plan_called_misguided_is_rejected(ex: Extractor) -> None:
    text = "The Chilean foreign minister called the Bolivian demand for a sovereign port misguided."
    assert any(c.actor == "CHL" and c.kind == "reject" for c in claims(ex, text))


def test_its_representative_speaks_for_the_armed_group_just_named(ex: Extractor) -> None:
    text = (
        "The Polisario Front says it is ready to engage with the UN envoy. Its representative "
        "in Geneva, Mohamed Sidati, said any talks must keep a referendum on independence."
    )
    got = triples(claims(ex, text))
    assert ("polisario", "demand", "governance") in got


def test_expecting_the_invitees_to_come_to_the_table_is_a_demand(ex: Extractor) -> None:
    text = "The envoy said Qatar expects all three invitees to come to the table in Doha."
    assert ("QAT", "demand", "process") in triples(claims(ex, text))


def test_it_can_be_the_armed_group_just_named(ex: Extractor) -> None:
    text = (
        "The TPLF accused Addis Ababa of stalling on the Pretoria accord. It wants the displaced "
        "returned to Western Tigray before any election."
    )
    demands = [c for c in claims(ex, text) if c.quote.startswith("It wants")]
    assert [(c.actor, c.kind, c.issue) for c in demands] == [("tplf", "demand", "humanitarian")]


def test_the_resistance_is_the_armed_group_that_speaks_of_it(ex: Extractor) -> None:
    text = (
        "Hamas's political bureau said on Sunday that the resistance would not lay down its "
        "arms before a Palestinian state is established."
    )
    assert ("hamas", "reject", "military_limits") in triples(claims(ex, text))


def test_speakers_that_report_one_another_do_not_loop(ex: Extractor, comp, monkeypatch) -> None:
    # two pronoun speakers whose reporting frames point at each other: resolving one must not
    # come back to it (it once recursed until Python gave up)
    from detente.extract.stance.state import _DocState

    doc = ex.nlp("He said she had told him they would come.")
    state = _DocState(doc, comp)
    he, she = doc[0], doc[2]
    calls: list[int] = []

    def resolve(tok, trig, st, fallback=True):
        calls.append(tok.i)
        other = she if tok.i == he.i else he
        return comp._reporter_actors(other, st)

    monkeypatch.setattr(comp, "_resolve_tok", resolve)
    assert comp._reporter_actors(he, state) == []
    assert len(calls) == 2  # he -> she -> (he again: cut off)
