"""A stance on "the agreement", "the request", "the terms" or "the draft" whose sentence does
not say what it holds takes the issues of the deal the report named before; sentences written
for these tests, across many conflicts."""

from __future__ import annotations

import pytest

from detente.extract import Extractor
from detente.records import Claim
from extracting import claims


def issues_of(found: list[Claim], actor: str, kind: str) -> set[str]:
    return {c.issue for c in found if (c.actor, c.kind) == (actor, kind)}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Juba and Khartoum signed an agreement on Monday to resume oil exports through Port "
            "Sudan. The African Union welcomed the agreement.",
            "SSD",
            "au",
        ),
        (
            "Yerevan and Baku reached a deal to reopen the railway through Nakhchivan. On "
            "Tuesday Iran said it backed the deal.",
            "ARM",
            "IRN",
        ),
        (
            # another noun of the same class: the deal is "the accord", "the pact"
            "Juba and Khartoum signed an agreement to resume oil exports through Port Sudan. "
            "Ethiopia welcomed the accord.",
            "SDN",
            "ETH",
        ),
        (
            "Serbia and Kosovo reached an understanding to recognise each other's licence "
            "plates. Albania welcomed the understanding.",
            "SRB",
            "ALB",
        ),
        (
            "Armenia and Azerbaijan initialled a pact to demilitarise their shared border last "
            "month. Moscow criticised the pact.",
            "AZE",
            "RUS",
        ),
    ],
)
def test_a_bare_deal_takes_what_the_deal_named_before_holds(
    ex: Extractor, text: str, first: str, second: str
) -> None:
    found = claims(ex, text)
    named = issues_of(found, first, "accept")
    assert named and "process" not in named
    verdict = "reject" if "criticised" in text else "accept"
    assert issues_of(found, second, verdict) == named


def test_the_terms_are_those_of_the_deal_the_lead_names(ex: Extractor) -> None:
    text = (
        "Kinshasa and Kigali signed an agreement on Friday to reopen border crossings for "
        "cross-border trade. Rwanda's cabinet accepted the terms on Saturday."
    )
    found = claims(ex, text)
    named = issues_of(found, "COD", "accept")
    assert named and "process" not in named
    terms = [c for c in found if c.actor == "RWA" and "accepted the terms" in c.quote]
    assert terms and {c.issue for c in terms} == named


def test_a_request_takes_what_was_requested(ex: Extractor) -> None:
    text = (
        "A request by Kosovo Serbs for the release of detained mayors reached Pristina last "
        "month. Prime Minister Kurti rejected the request on Monday."
    )
    rejected = issues_of(claims(ex, text), "XKX", "reject")
    # what is asked decides, not who asks ("by Kosovo Serbs")
    assert rejected == {"humanitarian"}


def test_a_draft_rejected_keeps_the_plan_and_gains_its_content(ex: Extractor) -> None:
    text = (
        "Pristina tabled a draft that would grant the Serb municipalities autonomy. Belgrade "
        "rejected the draft."
    )
    assert "governance" in issues_of(claims(ex, text), "SRB", "reject")


def test_whose_text_it_is_does_not_hide_which_text(ex: Extractor) -> None:
    text = (
        "Russia circulated a draft resolution that would lift sanctions on Iran's oil sector. "
        "Berlin rejected the Russian text on Thursday."
    )
    assert "sanctions" in issues_of(claims(ex, text), "DEU", "reject")


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        # nothing named the deal's content before
        (
            "Ethiopia and Eritrea held talks in Jeddah on Monday. Egypt welcomed the agreement.",
            "EGY",
            "accept",
        ),
        # the talks themselves
        (
            "India and Pakistan resumed talks in Riyadh after a long pause. The United States "
            "welcomed the resumption of talks.",
            "USA",
            "accept",
        ),
        # a deal that may never exist is no antecedent
        (
            "Azerbaijan said it would reject any agreement that left Armenian troops in "
            "Karabakh. Yerevan welcomed the agreement.",
            "ARM",
            "accept",
        ),
        # "the 1959 agreement" is another deal than the one just named
        (
            "Juba and Khartoum signed an agreement to resume oil exports through Port Sudan. "
            "Egypt said the 1959 agreement must be respected.",
            "EGY",
            "demand",
        ),
        # guaranteeing a deal is a step in the process, not a stance on its terms
        (
            "Kyiv and Moscow signed a deal to exchange prisoners of war. The next day Turkey "
            "offered to guarantee the deal.",
            "TUR",
            "offer",
        ),
    ],
)
def test_the_deal_as_a_whole_stays_process(ex: Extractor, text: str, actor: str, kind: str) -> None:
    assert issues_of(claims(ex, text), actor, kind) == {"process"}
