"""Time expressions: resolution against the publication date, and finding them in text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from detente.extract.timex import (
    date_of,
    find_time_expressions,
    future_hint,
    is_duration,
    resolve_date,
)

FRIDAY = date(2025, 8, 15)
SATURDAY = date(2025, 8, 16)


@pytest.mark.parametrize(
    ("expression", "published", "future", "expected"),
    [
        ("on Friday", FRIDAY, False, date(2025, 8, 15)),  # same-day weekday is that day
        ("Friday", SATURDAY, False, date(2025, 8, 15)),
        ("on Friday", SATURDAY, True, date(2025, 8, 22)),
        ("last Friday", FRIDAY, False, date(2025, 8, 8)),
        ("last Friday", date(2025, 8, 18), False, date(2025, 8, 15)),
        ("yesterday", FRIDAY, False, date(2025, 8, 14)),
        ("today", FRIDAY, False, FRIDAY),
        ("tomorrow", date(2025, 12, 31), True, date(2026, 1, 1)),
        ("on Monday", FRIDAY, True, date(2025, 8, 18)),
        ("on Monday", FRIDAY, False, date(2025, 8, 11)),
        ("Thursday evening", FRIDAY, False, date(2025, 8, 14)),
        ("next Tuesday", FRIDAY, False, date(2025, 8, 19)),
        ("two days ago", FRIDAY, False, date(2025, 8, 13)),
        ("21 August", FRIDAY, False, date(2025, 8, 21)),
        ("Aug. 15, 2025", None, False, date(2025, 8, 15)),
        ("December 28", date(2026, 1, 4), False, date(2025, 12, 28)),  # the nearest one
        ("January 3", date(2025, 12, 20), True, date(2026, 1, 3)),
        ("Friday, Aug. 8", FRIDAY, False, date(2025, 8, 8)),
        ("2025-03-11", None, False, date(2025, 3, 11)),
        ("on Sunday", FRIDAY, True, date(2025, 8, 17)),
        ("Sunday's", FRIDAY, False, date(2025, 8, 10)),
        ("21-22 August", FRIDAY, True, date(2025, 8, 21)),
        ("March 10 to 12", date(2025, 3, 1), True, date(2025, 3, 10)),
        ("earlier on Tuesday", FRIDAY, False, date(2025, 8, 12)),
        ("late on Monday", FRIDAY, False, date(2025, 8, 11)),
    ],
)
def test_resolve_date(
    expression: str, published: date | None, future: bool, expected: date
) -> None:
    assert resolve_date(expression, published, future) == expected


@pytest.mark.parametrize("expression", ["last week", "in August", "this year", "2014", "soon", ""])
def test_not_day_precise_gives_none(expression: str) -> None:
    assert resolve_date(expression, FRIDAY) is None


def test_relative_without_publication_date_gives_none() -> None:
    assert resolve_date("on Friday", None) is None
    assert resolve_date("21 August", None) is None


def test_durations() -> None:
    assert is_duration("30 days")
    assert is_duration("three years")
    assert is_duration("30-day")
    assert not is_duration("Friday")
    assert not is_duration("21 August")


def test_find_time_expressions(nlp: Language) -> None:
    doc = nlp(
        "Putin and Trump met in Alaska on Friday and agreed to a 30-day pause; "
        "envoys will meet again next Monday or on 21 August, officials said yesterday."
    )
    texts = [s.text for s in find_time_expressions(doc)]
    assert "Friday" in texts and "next Monday" in texts and "21 August" in texts
    assert "yesterday" in texts
    assert not any("30-day" in t for t in texts)
    assert [s.start for s in find_time_expressions(doc)] == sorted(
        s.start for s in find_time_expressions(doc)
    )


def test_date_of_uses_tense(nlp: Language) -> None:
    doc = nlp("The two delegations will meet in Istanbul on Monday. They met on Monday in Geneva.")
    first, second = list(doc.sents)
    assert future_hint(first) and not future_hint(second)
    assert date_of(first, FRIDAY) == date(2025, 8, 18)
    assert date_of(second, FRIDAY) == date(2025, 8, 11)
    assert date_of(doc[0:3], FRIDAY) is None


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(
    published=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    day=st.integers(min_value=0, max_value=6),
    future=st.booleans(),
    modifier=st.sampled_from(["", "on ", "last ", "next "]),
)
def test_weekdays_land_on_that_weekday_within_a_week(
    published: date, day: int, future: bool, modifier: str
) -> None:
    resolved = resolve_date(f"{modifier}{WEEKDAY_NAMES[day]}", published, future)
    assert resolved is not None
    assert resolved.weekday() == day
    delta = (resolved - published).days
    assert -7 <= delta <= 7
    if modifier == "last ":
        assert delta < 0
    elif modifier == "next ":
        assert delta > 0
    elif resolved != published:
        assert (delta > 0) == future


def test_weeks_resolve_to_their_monday_only_on_request() -> None:
    assert resolve_date("next week", FRIDAY) is None
    assert resolve_date("next week", FRIDAY, future=True, weeks=True) == date(2025, 8, 18)
    assert resolve_date("last week", FRIDAY, weeks=True) == date(2025, 8, 4)
    assert resolve_date("this week", FRIDAY, weeks=True) == date(2025, 8, 11)
    assert resolve_date("next month", FRIDAY, weeks=True) is None


def test_future_date_months_behind_publication_is_next_year() -> None:
    published = date(2025, 11, 19)
    assert resolve_date("on August 4", published, future=True) == date(2026, 8, 4)
    # a past event keeps the nearest reading, and a slip of days stays in the same year
    assert resolve_date("on August 4", published, future=False) == date(2025, 8, 4)
    assert resolve_date("on November 10", published, future=True) == date(2025, 11, 10)


@pytest.mark.parametrize(
    ("expression", "published", "future", "expected"),
    [
        ("the 27th", date(2025, 10, 30), False, date(2025, 10, 27)),
        ("on the 27th and 28th", date(2025, 10, 30), False, date(2025, 10, 27)),
        ("the 29th", date(2025, 3, 2), False, None),
        ("the 28th", date(2025, 3, 2), False, date(2025, 2, 28)),
        ("the 4th", date(2025, 10, 30), True, date(2025, 11, 4)),
        ("the 31st", date(2025, 12, 30), True, date(2025, 12, 31)),
        ("the 2nd", date(2025, 12, 30), True, date(2026, 1, 2)),
    ],
)
def test_a_day_of_the_month_alone_is_read_in_the_publication_month_or_its_neighbour(
    expression: str, published: date, future: bool, expected: date | None
) -> None:
    # agency copy names the day alone ("held talks on the 27th"); 29 February 2025 is no day
    assert resolve_date(expression, published, future) == expected


@given(st.integers(min_value=1, max_value=28), st.dates(date(2000, 1, 1), date(2040, 12, 31)))
def test_a_past_day_of_the_month_is_never_after_publication_nor_a_month_before_it(
    day: int, published: date
) -> None:
    got = resolve_date(f"the {day}th", published)
    assert got is not None and got.day == day
    assert 0 <= (published - got).days < 31


def test_an_abbreviated_month_ends_no_sentence(nlp: Language) -> None:
    doc = nlp("He did not say whether the truce agreed in Doha on Oct. 19 still held. Talks go on.")
    sents = [s.text for s in doc.sents]
    assert sents[0].endswith("still held.")
    assert len(sents) == 2
