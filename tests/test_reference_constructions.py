"""Who holds a stance in constructions of interviews, live blogs, flashes and agency copy: an
interviewee presented by role only, live-blog entry headings, named appositions after a
description, lists of states in apposition, "it" after a reporting body, and the unquoted text
of a statement -- through the real extractor, on sentences written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from extracting import claims


def triples(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims(ex, text)}


def holders(ex: Extractor, text: str) -> set[str]:
    return {c.actor for c in claims(ex, text)}


ROLE_ONLY_INTERVIEW = """Interview: the minister on the border talks

Armenia's deputy foreign minister spoke to our correspondent in Yerevan about the delimitation \
commissions. The interview has been shortened.

Q: Baku says the commissions should finish their work this year. Is that realistic?

A: We are ready to meet every month if necessary. We will not accept any change of the border \
by force.
"""


def test_answers_speak_for_the_side_of_a_role_presented_without_a_name(ex: Extractor) -> None:
    got = triples(ex, ROLE_ONLY_INTERVIEW)
    assert ("ARM", "offer", "process") in got
    assert any(a == "ARM" and k == "reject" for a, k, _ in got)


def test_an_interviewee_body_presented_by_role(ex: Extractor) -> None:
    text = """Interview with a commander

The SDF's general commander spoke to us in Hasakah about the integration talks.

Q: Damascus wants your units dissolved. Will you agree?

A: We will never hand over our weapons before a constitution protects Kurdish rights.
"""
    assert "sdf" in holders(ex, text)


LIVE_HEADINGS = """Sahel talks: live

Key developments
- Mediators meet in Doha

16:05
Kagame: no troops on Congolese soil
Rwanda's president said Kigali would welcome a new round of talks in Doha.

15:40
Qatar: talks "at a delicate stage"
Qatar's prime minister said Doha was ready to host the next round.

14:10
What the draft contains
Under the Qatari draft, the agreement would include:
- a permanent ceasefire in North Kivu
- an exchange of prisoners
"""


def test_live_blog_entry_headings_are_not_speaker_labels(ex: Extractor) -> None:
    got = triples(ex, LIVE_HEADINGS)
    # without the headings taken for turns, the draft's list keeps its proponent
    assert ("QAT", "propose", "ceasefire") in got
    assert ("QAT", "propose", "humanitarian") in got
    assert ("RWA", "accept", "process") in got


def test_a_spoken_turn_is_still_a_turn(ex: Extractor) -> None:
    text = """Press conference, Nicosia

MS. HOLGUIN: Good afternoon. The two leaders agreed to open new crossing points.

QUESTION: Will the UN table its own plan?

MS. HOLGUIN: Not at this stage.
"""
    assert "un" in holders(ex, text) or "CYP" in holders(ex, text)


def test_a_named_apposition_after_a_description_holds_the_stance(ex: Extractor) -> None:
    got = holders(
        ex, "Sudan's largest paramilitary force, the RSF, said it would allow aid convoys."
    )
    assert "rsf" in got and "SDN" not in got
    got = holders(ex, "Russia's closest ally, Belarus, said on Monday it was ready to host talks.")
    assert got == {"BLR"}
    got = holders(ex, "South Sudan's main opposition party, the SPLM-IO, rejected the dialogue.")
    assert got == {"splm_io"}


def test_a_list_of_states_in_apposition_holds_the_stance_once_per_member(ex: Extractor) -> None:
    got = holders(
        ex, "The guarantor powers, Greece, Turkey and Britain, have proposed a meeting on Cyprus."
    )
    assert {"GRC", "TUR", "GBR"} <= got
    got = holders(
        ex,
        "The three mediating states known as the Quad - the United States, Egypt and Qatar - "
        "have proposed a ceasefire in Gaza.",
    )
    assert {"USA", "EGY", "QAT"} <= got


def test_it_after_a_reporting_body_is_that_body(ex: Extractor) -> None:
    text = """JUBA -- The SPLM-IO said on Friday it rejected the trial of its leader.

-- The party said it would not take part in any dialogue convened by the government.
"""
    got = triples(ex, text)
    assert ("splm_io", "reject", "process") in got
    assert not any(a == "SSD" for a, _, _ in got)
    got = holders(ex, "The Polisario Front said it was ready to attend talks in Geneva.")
    assert got == {"polisario"}


STATEMENT = """Pyongyang, March 3 (KCNA) -- A spokesman for the Foreign Ministry of the DPRK issued \
the following press statement on Monday:

The joint air drills of the U.S. and the ROK are a rehearsal for invasion. Should they go ahead \
near our border, our armed forces will take resolute countermeasures.

If the U.S. truly wants calm, we will consider talks only after the drills are called off.
"""


def test_the_unquoted_text_of_a_statement_speaks_for_its_issuer(ex: Extractor) -> None:
    got = triples(ex, STATEMENT)
    assert any(a == "PRK" and k == "threaten" for a, k, _ in got)
    assert not any(a in ("USA", "KOR") and k == "threaten" for a, k, _ in got)


def test_a_statement_voice_needs_the_introduction(ex: Extractor) -> None:
    # the same first person with no statement introduced and no speaker: nobody's
    text = "Should they go ahead near our border, our armed forces will take countermeasures."
    assert "PRK" not in holders(ex, text)


def test_the_army_of_north_korea_is_north_korea(ex: Extractor) -> None:
    got = holders(ex, "The KPA warned it would take resolute countermeasures against the drills.")
    assert got == {"PRK"}


def test_no_interest_in_talks_rejects_them(ex: Extractor) -> None:
    assert ("PRK", "reject", "process") in triples(
        ex, "Pyongyang has no interest in talks with Seoul, a spokesman said."
    )
    assert ("COD", "reject", "process") in triples(
        ex, "Kinshasa showed no interest in a dialogue with the rebels."
    )


def test_threats_to_respond_in_kind_or_deal_firmly(ex: Extractor) -> None:
    assert ("IND", "threaten", "ceasefire") in triples(
        ex, "India said its forces would respond strongly to any violation of the ceasefire."
    )
    assert ("PAK", "threaten", "ceasefire") in triples(
        ex, "Pakistan said its troops would respond in kind to any breach of the truce."
    )
    assert any(
        a == "SDN" and k == "threaten"
        for a, k, _ in triples(
            ex,
            "The army will deal firmly with any armed group that attacks the ceasefire line, "
            "the Sudanese government said.",
        )
    )


def test_talks_one_is_invited_to_lie_ahead(ex: Extractor) -> None:
    import datetime

    from detente.records import Report, normalize_text

    def days(text: str, published: str) -> list[datetime.date]:
        report = Report(text=normalize_text(text), published=datetime.date.fromisoformat(published))
        return [e.date for e in ex.extract(report).events]

    # published on a Monday: the Thursday of an invitation is the coming one
    assert days("Egypt invited Hamas and Fatah to talks in Cairo on Thursday.", "2025-12-08") == [
        datetime.date(2025, 12, 11)
    ]
    assert days("Qatar has invited both delegations to a new round on Monday.", "2025-11-15") == [
        datetime.date(2025, 11, 17)
    ]
    # a meeting that took place keeps the past day
    assert days("The two delegations met in Doha on Monday.", "2025-11-15") == [
        datetime.date(2025, 11, 10)
    ]


def test_the_mediators_a_mediator_speaks_of_include_the_speaker(ex: Extractor) -> None:
    assert ("EGY", "demand", "ceasefire") in triples(
        ex, "Egypt's foreign minister said the mediators were pushing for a ceasefire in Gaza."
    )
    assert ("NOR", "propose", "process") in triples(
        ex,
        "Norway's envoy said the guarantors had proposed a new round of talks between Colombia "
        "and the ELN.",
    )
    # with nobody speaking, "the mediators" name no one
    assert not claims(ex, "The mediators called for a ceasefire in Gaza.")


def test_a_breakaway_capital_stands_for_its_authorities(ex: Extractor) -> None:
    text = (
        "Berbera port talks\n\n"
        "Hargeisa was not consulted, and its government said the port deal with Ethiopia "
        "remains valid. It insists on recognition as an independent state.\n"
    )
    got = triples(ex, text)
    assert ("somaliland", "demand", "recognition") in got
    assert not any(a == "ETH" for a, _, _ in got)
