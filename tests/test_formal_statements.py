"""Stances in formal diplomatic copy: noun and adjective predicates ("expressed readiness to",
"stressed the inadmissibility of", "called unacceptable the …"), the participants of a call
readout ("the sides agreed"), and the lettered or numbered points of a communique. Sentences
written for these tests, across several conflicts, run through the real extractor."""

from __future__ import annotations

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


# -- noun predicates ------------------------------------------------------------------------


def test_inadmissibility_voiced_by_a_reporting_verb_is_a_rejection(ex: Extractor) -> None:
    found = claims(
        ex,
        "Baku stressed the inadmissibility of any revision of the border delimitation "
        "agreed with Yerevan.",
    )
    assert triples(found) == {("AZE", "reject", "territory")}


def test_importance_noted_is_a_demand_for_its_complement(ex: Extractor) -> None:
    found = claims(
        ex,
        "Belgrade noted the importance of forming the association of Serb-majority "
        "municipalities in Kosovo.",
    )
    assert ("SRB", "demand", "minority_rights") in triples(found)
    assert all(c.kind == "demand" for c in found)


def test_predicate_noun_needs_a_voicing_verb(ex: Extractor) -> None:
    # the same noun as a subject voices nothing
    assert claims(ex, "The importance of the talks in Geneva was clear to everyone.") == []


def test_voicing_verb_leaves_the_stance_to_its_noun(ex: Extractor) -> None:
    # "reaffirm" alone would accept; the commitment voiced is an offer
    found = claims(ex, "Rabat reaffirmed its commitment to the ceasefire in Western Sahara.")
    assert triples(found) == {("MAR", "offer", "ceasefire")}


def test_holder_named_after_a_disposition_noun_is_not_content(ex: Extractor) -> None:
    found = claims(ex, "Tripoli expressed the readiness of the government to hold elections.")
    assert triples(found) == {("LBY", "offer", "governance")}
    assert "readiness" in found[0].quote


# -- adjectival verdicts --------------------------------------------------------------------


def test_called_unacceptable_before_its_object_rejects_it(ex: Extractor) -> None:
    found = claims(
        ex, "Tbilisi called unacceptable the opening of a Russian naval base in Ochamchire."
    )
    assert triples(found) == {("GEO", "reject", "military_limits")}


def test_verdict_closing_the_object_overrides_the_judging_verb(ex: Extractor) -> None:
    # "consider" alone is an acceptance verb; the verdict decides
    found = claims(
        ex, "Athens considers the presence of foreign troops on the island unacceptable."
    )
    assert triples(found) == {("GRC", "reject", "military_limits")}


def test_considered_it_necessary_is_a_demand(ex: Extractor) -> None:
    found = claims(
        ex,
        "Belize considered it necessary to submit the border dispute with Guatemala to the "
        "International Court of Justice.",
    )
    assert {c.kind for c in found} == {"demand"}
    assert {c.actor for c in found} == {"BLZ"}


def test_pointless_while_makes_the_circumstance_a_condition(ex: Extractor) -> None:
    found = claims(
        ex,
        "Pristina considered it pointless to resume the dialogue while Belgrade refused to "
        "recognise Kosovo's independence.",
    )
    got = triples(found)
    assert ("XKX", "reject", "process") in got
    assert ("XKX", "demand", "recognition") in got
    rejection = next(c for c in found if c.kind == "reject")
    assert rejection.conditional


# -- idioms ---------------------------------------------------------------------------------


def test_spoke_in_favour_of_a_step_demands_it_and_of_a_plan_accepts_it(ex: Extractor) -> None:
    found = claims(
        ex,
        "Colombo spoke in favour of an immediate resumption of talks with the Tamil parties. "
        "Dhaka spoke in favour of the Saudi plan.",
    )
    got = triples(found)
    assert ("LKA", "demand", "process") in got
    assert ("BGD", "accept", "process") in got


def test_reserving_the_right_to_respond_is_a_threat(ex: Extractor) -> None:
    found = claims(ex, "Tehran reserved the right to respond to any attack on its nuclear sites.")
    assert found and {(c.actor, c.kind) for c in found} == {("IRN", "threaten")}


# -- participants of a readout ---------------------------------------------------------------


def test_the_sides_of_a_call_are_its_two_participants(ex: Extractor) -> None:
    found = claims(
        ex,
        "Armenian Prime Minister Nikol Pashinyan held a telephone conversation with Azerbaijani "
        "President Ilham Aliyev. The sides agreed to continue work on the peace treaty.",
    )
    assert triples(found) == {("ARM", "accept", "process"), ("AZE", "accept", "process")}


# -- communique points -----------------------------------------------------------------------


def test_lettered_points_give_one_stance_each_for_both_parties(ex: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan issued a joint statement after the meeting in Abu Dhabi. "
        "The parties agreed:\n\n(a) to release all detainees held since 2020;\n\n"
        "(b) to reopen the railway through Nakhchivan;\n\n"
        "(c) to hold the next round of talks in Geneva."
    )
    found = claims(ex, text)
    assert triples(found) == {
        (actor, "accept", issue)
        for actor in ("ARM", "AZE")
        for issue in ("humanitarian", "economy", "process")
    }
    # each stance quotes its own point, without the heading
    quotes = {c.issue: c.quote for c in found}
    assert quotes["economy"] == "to reopen the railway through Nakhchivan"
    assert quotes["process"].startswith("to hold the next round")


def test_ordinal_headings_and_points_with_their_own_clause(ex: Extractor) -> None:
    text = (
        "Serbia and Kosovo issued a joint communique on Sunday, in which the two parties "
        "agreed on the following:\n\nFirst: the establishment of a joint commission on "
        "missing persons.\n\nSecond: the reopening of the railway between Nis and Pristina "
        "within sixty days.\n\nThird: Belgrade will recognise the licence plates issued in "
        "Kosovo.\n"
    )
    found = claims(ex, text)
    got = triples(found)
    for actor in ("SRB", "XKX"):
        assert (actor, "accept", "humanitarian") in got
        assert (actor, "accept", "economy") in got
    economy = [c for c in found if c.issue == "economy"]
    assert all(c.quote.startswith("the reopening of the railway") for c in economy)
    # the third point is a clause of its own: Belgrade's stance, not one of both parties
    third = [c for c in found if "licence plates" in c.quote]
    assert third and {c.actor for c in third} == {"SRB"}


def test_an_inline_colon_is_no_list(ex: Extractor) -> None:
    found = claims(
        ex, "Moscow agreed: the next round will take place in Istanbul, the Kremlin said."
    )
    assert all(c.quote != "the next round will take place in Istanbul" for c in found)


def test_title_held_over_a_place_is_the_owners_claim(ex: Extractor) -> None:
    found = claims(
        ex, "Buenos Aires said Argentina has indisputable sovereignty over the Falklands."
    )
    assert triples(found) == {("ARG", "demand", "territory")}
    # denied title is no claim of one's own
    denied = claims(ex, "Kyiv said Moscow has no sovereignty over Crimea.")
    assert all(c.actor != "RUS" for c in denied)


def test_spoke_out_against_rejects(ex: Extractor) -> None:
    found = claims(ex, "Ankara spoke out against any partition of the island.")
    assert triples(found) == {("TUR", "reject", "territory")}


def test_representations_lodged_over_an_act_reject_it(ex: Extractor) -> None:
    # what the protest is about hangs on the verb; "what it called" is no talk of a call
    found = claims(
        ex,
        "Beijing lodged stern representations with Manila over what it called the intrusion "
        "of Philippine vessels into the waters near the shoal.",
    )
    assert triples(found) == {("CHN", "reject", "territory")}


def test_concern_objects_to_an_act_not_to_a_situation(ex: Extractor) -> None:
    found = claims(
        ex, "Tehran expressed concern over the deployment of foreign troops in the Gulf."
    )
    assert triples(found) == {("IRN", "reject", "military_limits")}
    assert claims(ex, "Cairo expressed concern over the humanitarian situation in Darfur.") == []


def test_words_of_a_named_event_are_no_issue_cues(ex: Extractor) -> None:
    # "War" in the name of a past war says nothing about a truce; "the Gaza war" still does
    found = claims(
        ex,
        "Moscow stressed the inadmissibility of any revision of the outcome of the Second "
        "World War.",
    )
    assert all(c.issue != "ceasefire" for c in found)
    assert triples(claims(ex, "Doha called for an end to the Gaza war.")) == {
        ("QAT", "demand", "ceasefire")
    }
