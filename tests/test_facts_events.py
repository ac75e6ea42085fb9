"""Facts on the ground, events and quantities read from parsed report text."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from detente.extract.events import events_in
from detente.extract.facts import facts_in
from detente.extract.quantities import quantities_in

FRIDAY = date(2025, 8, 15)


def facts(nlp: Language, text: str) -> list[tuple[str, str, float | None, bool]]:
    doc = nlp(text)
    out = facts_in(doc, FRIDAY)
    for f in out:
        assert text[f.start : f.end] == f.quote
    return [
        (f.actor, f.place, None if f.share is None else round(f.share, 2), f.approximate)
        for f in out
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces control about 70 percent of Donetsk region, analysts say.",
            [("RUS", "UA-14", 0.7, True)],
        ),
        (
            "Russia controls virtually the entire Luhansk region and about 70 percent of Donetsk.",
            [("RUS", "UA-09", 0.95, True), ("RUS", "UA-14", 0.7, True)],
        ),
        (
            "The M23 rebels hold Goma and Bukavu.",
            [("m23", "CD-NK", None, False), ("m23", "CD-SK", None, False)],
        ),
        ("Israel holds 53% of Gaza after the pullback.", [("ISR", "PS-GZA", 0.53, False)]),
        ("Roughly a fifth of Ukraine is under Russian control.", [("RUS", "UKR", 0.2, True)]),
        ("Most of Zaporizhzhia is occupied by Russian troops.", [("RUS", "UA-23", None, True)]),
        ("Azerbaijan took control of Nagorno-Karabakh in 2023.", [("AZE", "AZ-NKR", None, False)]),
        (
            "Kyiv's forces hold all of the Kursk region they entered.",
            [("UKR", "RU-KRS", 1.0, False)],
        ),
        ("The RSF seized El Fasher after a long siege.", [("rsf", "SD-DN", None, False)]),
        (
            "Kinshasa refuses to talk to the M23 rebels, who seized Goma in January.",
            [("m23", "CD-NK", None, False)],
        ),
        (
            "The Arakan Army, which controls 14 of Rakhine state's 17 townships, rejected the vote.",
            [("aa", "MM-16", round(14 / 17, 2), False)],
        ),
        (
            "Putin said Kyiv must withdraw from the parts of the Donbas it still controls.",
            [("UKR", "UA-14", None, True), ("UKR", "UA-09", None, True)],
        ),
    ],
)
def test_control_facts(
    nlp: Language, text: str, expected: list[tuple[str, str, float | None, bool]]
) -> None:
    assert facts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Moscow wants to control all of Donetsk.",
        "Russia demands that Ukraine cede the parts of Donetsk it does not control.",
        "Russia would hold Crimea under the plan.",
        "If Russia controls Kherson, talks will fail.",
        "Peace talks stalled on Friday.",
    ],
)
def test_intent_is_not_a_fact(nlp: Language, text: str) -> None:
    assert facts(nlp, text) == []


def test_fact_sources_and_date(nlp: Language) -> None:
    text = "Russian troops captured Pokrovsk on Thursday, according to the Institute for the Study of War."
    (fact,) = facts_in(nlp(text), FRIDAY)
    assert fact.place == "UA-14" and fact.place_name == "Donetsk"
    assert fact.date == date(2025, 8, 14)
    assert any("Institute for the Study of War" in s for s in fact.sources)


def test_the_region_refers_back(nlp: Language) -> None:
    text = "Fighting raged in Donetsk. Russia now controls about 75 percent of the region."
    assert facts(nlp, text) == [("RUS", "UA-14", 0.75, True)]


def events(
    nlp: Language, text: str, published: date = FRIDAY
) -> list[tuple[str, date | None, list[str], str | None]]:
    out = events_in(nlp(text), published)
    for e in out:
        assert text[e.start : e.end] == e.quote
    return [(e.kind, e.date, e.participants, e.place) for e in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin and Trump met in Alaska on Friday.",
            [("meeting", FRIDAY, ["RUS", "USA"], "Alaska")],
        ),
        (
            "Zelensky will meet Trump on Monday in the White House, aides said.",
            [("meeting", date(2025, 8, 18), ["UKR", "USA"], "White House")],
        ),
        (
            "Russian and Ukrainian delegations held talks in Istanbul on Thursday.",
            [("talks", date(2025, 8, 14), ["RUS", "UKR"], "Istanbul")],
        ),
        (
            "Erdogan spoke by phone with Putin yesterday.",
            [("call", date(2025, 8, 14), ["TUR", "RUS"], None)],
        ),
        (
            "A new round of talks between the Sudanese army and the RSF opened in Jeddah on Monday.",
            [("talks", date(2025, 8, 11), ["saf", "rsf"], "Jeddah")],
        ),
        (
            "EU leaders will hold a summit in Brussels on 21 August.",
            [("summit", date(2025, 8, 21), ["eu"], "Brussels")],
        ),
    ],
)
def test_events(
    nlp: Language, text: str, expected: list[tuple[str, date | None, list[str], str | None]]
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No meeting between Putin and Zelensky is planned.",
        "Zelensky refused to meet Putin in Moscow.",
        "Peace talks have stalled.",
    ],
)
def test_non_events(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_repeated_mentions_merge(nlp: Language) -> None:
    text = (
        "Pashinyan met Aliyev in Abu Dhabi on Thursday. "
        "The meeting in Abu Dhabi on Thursday was their first this year."
    )
    out = events(nlp, text)
    assert len(out) == 1 and out[0][1] == date(2025, 8, 14) and out[0][2] == ["ARM", "AZE"]


@pytest.mark.parametrize(
    ("text", "value", "unit", "measure"),
    [
        ("Moscow wants the army capped at 600,000 troops.", 600_000, "troops", "personnel"),
        ("Both sides agreed to a 30-day truce.", 30, "days", "duration"),
        ("The ceasefire would last 30 days.", 30, "days", "duration"),
        ("Russia holds 70 percent of Donetsk.", 70, "percent", "share"),
        ("Israel controls 53% of Gaza.", 53, "percent", "share"),
        ("The fund would hold $50 billion in frozen assets.", 50e9, "USD", "money"),
        ("Brussels pledged €2.5bn for reconstruction.", 2.5e9, "EUR", "money"),
        ("The two sides swapped 1,200 prisoners each.", 1200, "prisoners", "people"),
        ("Some 1.5 million people fled.", 1.5e6, "people", "people"),
        ("Hostages would be freed within 72 hours.", 72, "hours", "duration"),
        ("The faction will destroy 20 tonnes of explosives.", 20, "tonnes", "weight"),
        ("Kyiv wants to buy 5,000 air defence missiles.", 5000, "missiles", "equipment"),
    ],
)
def test_quantities(nlp: Language, text: str, value: float, unit: str, measure: str) -> None:
    found = [q for q in quantities_in(nlp(text)) if q.unit == unit]
    assert len(found) == 1, quantities_in(nlp(text))
    q = found[0]
    assert (q.value, q.unit, q.measure) == (pytest.approx(value), unit, measure)
    assert q.text and q.text in text


def test_quantities_skip_dates_and_ordinals(nlp: Language) -> None:
    doc = nlp("On 21 August 2025, for the second time, the third round opened.")
    assert quantities_in(doc) == []


def test_quantities_in_a_span(nlp: Language) -> None:
    doc = nlp("Kyiv wants 800,000 troops. Moscow offered 600,000 troops.")
    first, second = list(doc.sents)
    assert [q.value for q in quantities_in(first)] == [800_000]
    assert [q.value for q in quantities_in(second)] == [600_000]


@pytest.mark.parametrize(
    ("text", "kind", "when", "place"),
    [
        (
            "Erdogan received a Hamas delegation in Ankara on Monday.",
            "meeting",
            date(2025, 8, 11),
            "Ankara",
        ),
        (
            "The UN Security Council adopted a resolution on Thursday.",
            "meeting",
            date(2025, 8, 14),
            None,
        ),
        ("Zelensky visited Washington on Friday.", "visit", FRIDAY, "Washington"),
        (
            "The UN envoy briefed the Security Council on the talks on Tuesday.",
            "meeting",
            date(2025, 8, 12),
            None,
        ),
        (
            "The resolution, adopted late on Tuesday with 12 votes in favour, backs the plan.",
            "meeting",
            date(2025, 8, 12),
            None,
        ),
        ("Putin and Xi spoke by video link on Tuesday.", "call", date(2025, 8, 12), None),
        (
            "The two army chiefs spoke over their hotline on Tuesday.",
            "call",
            date(2025, 8, 12),
            None,
        ),
        # a scheduled event in the simple present is to come
        (
            "Another round of talks opens in Doha on Monday, officials said.",
            "talks",
            date(2025, 8, 18),
            "Doha",
        ),
        ("Qatar will host the next round on August 4.", "meeting", date(2025, 8, 4), None),
        (
            "The mediators would convene both sides in Nairobi on Monday.",
            "meeting",
            date(2025, 8, 18),
            "Nairobi",
        ),
    ],
)
def test_more_event_phrasings(
    nlp: Language, text: str, kind: str, when: date, place: str | None
) -> None:
    found = events(nlp, text)
    assert [(k, d, p) for k, d, _, p in found] == [(kind, when, place)]


def test_undated_past_event_takes_the_publication_date(nlp: Language) -> None:
    found = events(
        nlp, "Defence Minister Murhaf Abu Qasra met SDF commander Mazloum Abdi in Damascus."
    )
    assert [(k, d, p) for k, d, _, p in found] == [("meeting", FRIDAY, "Damascus")]
    assert events(nlp, "The envoys will meet again in Geneva.") == [("meeting", None, [], "Geneva")]


def test_agreements_about_talks(nlp: Language) -> None:
    sat = date(2025, 8, 9)
    found = events(
        nlp, "The government and the rebels agreed on Saturday to extend their negotiations."
    )
    assert [(k, d) for k, d, _, _ in found] == [("talks", sat)]
    found = events(
        nlp,
        "Both sides agreed on Tuesday to free 300 detainees after two weeks of talks in Muscat.",
    )
    assert [(k, d, p) for k, d, _, p in found] == [("talks", date(2025, 8, 12), "Muscat")]
    assert events(nlp, "Both delegations agreed in principle to meet again.") == []


def test_event_announced_for_next_week(nlp: Language) -> None:
    found = events(nlp, "Russian and Ukrainian delegations will meet in Istanbul next week.")
    assert [(k, d, p) for k, d, _, p in found] == [("meeting", date(2025, 8, 18), "Istanbul")]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("Armenian and Azerbaijani negotiators are due to meet next Tuesday.", ["ARM", "AZE"]),
        ("Serbia and Kosovo were expected to hold talks in Brussels on Monday.", ["SRB", "XKX"]),
    ],
)
def test_participants_of_an_expected_meeting(
    nlp: Language, text: str, participants: list[str]
) -> None:
    found = events(nlp, text)
    assert len(found) == 1 and found[0][2] == participants


def test_two_meetings_of_one_sentence_keep_their_own_dates(nlp: Language) -> None:
    found = events(
        nlp,
        "The two governments said their field commanders would meet on Monday and that the "
        "boundary commission would convene in Kigali on August 25.",
    )
    assert [(k, d) for k, d, _, _ in found] == [
        ("meeting", date(2025, 8, 18)),
        ("meeting", date(2025, 8, 25)),
    ]


def test_a_meeting_over_two_days_is_an_event_a_day(nlp: Language) -> None:
    found = events(nlp, "The two foreign ministers met in Arusha on Monday and Tuesday.")
    assert [(k, d) for k, d, _, _ in found] == [
        ("meeting", date(2025, 8, 11)),
        ("meeting", date(2025, 8, 12)),
    ]


def test_briefing_reporters_is_no_meeting(nlp: Language) -> None:
    assert events(nlp, "The envoy briefed reporters in Geneva on Tuesday.") == []


def test_a_headline_split_at_its_label_still_tells_the_day(nlp: Language) -> None:
    # a live blog's headline in the present tells what happens that day, even when the parser
    # cuts its "LIVE:" label off as a sentence of its own
    text = (
        "LIVE: Sudan mediators meet in Jeddah as aid convoys wait\n\n"
        "09:10 Saudi and US officials opened the session with both delegations present."
    )
    found = events(nlp, text)
    assert ("meeting", FRIDAY) in [(k, d) for k, d, _, _ in found], found
    # in the body the same present still looks ahead
    assert events(nlp, "Envoys say the commission meets in Gabala.") == [
        ("meeting", None, [], "Gabala")
    ]


def test_a_meeting_a_statement_came_after_took_place(nlp: Language) -> None:
    found = events(
        nlp,
        "Kenya's foreign minister told reporters after a meeting with a visiting Somali"
        " delegation that the border would reopen.",
    )
    assert [(k, d) for k, d, _, _ in found] == [("meeting", FRIDAY)]
    # a meeting that is only talked about stays no event
    assert events(nlp, "The minister said a meeting with the delegation was useful.") == []


@pytest.mark.parametrize(
    ("text", "when", "place"),
    [
        # a deal struck is an event whether it is the object, the passive subject or the noun a
        # participle qualifies
        ("The two governments signed the accord in Lusaka on Monday.", date(2025, 8, 11), "Lusaka"),
        ("A truce was agreed in Kuala Lumpur on Sunday.", date(2025, 8, 10), "Kuala Lumpur"),
        (
            "The rebels said they remained bound by the ceasefire agreed in Doha on Aug. 3.",
            date(2025, 8, 3),
            "Doha",
        ),
        (
            "The declaration signed in Washington on Aug. 8 must be carried out in full, Baku said.",
            date(2025, 8, 8),
            "Washington",
        ),
        ("The army and the militia agreed on a truce on Tuesday.", date(2025, 8, 12), None),
    ],
)
def test_striking_a_deal_is_a_signing(
    nlp: Language, text: str, when: date, place: str | None
) -> None:
    found = events(nlp, text)
    assert [(k, d, p) for k, d, _, p in found] == [("signing", when, place)]


@pytest.mark.parametrize(
    "text",
    [
        "Both sides agreed to hold more talks.",
        "The minister reached Kyiv on Tuesday.",
        "They agreed that the text needed more work.",
    ],
)
def test_agreeing_or_reaching_without_a_deal_is_no_signing(nlp: Language, text: str) -> None:
    assert all(k != "signing" for k, _, _, _ in events(nlp, text))
