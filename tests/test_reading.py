"""Reading reports: datelines, readers for every format, bad input and date resolution."""

from __future__ import annotations

import io
import json
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.reading import (
    DateWarning,
    ReadError,
    parse_dateline,
    read_paths,
    read_text,
)
from detente.records import Report, normalize_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"

BODY = "Negotiators met on Monday and the rebels demanded a full withdrawal."


def _read(paths: list[str], **kwargs: object) -> list[Report | ReadError]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DateWarning)
        return list(read_paths(paths, **kwargs))  # type: ignore[arg-type]


def _reports(items: list[Report | ReadError]) -> list[Report]:
    assert all(isinstance(i, Report) for i in items), [str(i) for i in items]
    return [i for i in items if isinstance(i, Report)]


def _errors(items: list[Report | ReadError]) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]


# --------------------------------------------------------------------------- datelines

DATELINES = [
    # (line, place, day, month, year, agency)
    ("KYIV, Nov 21 (AFP) -", "KYIV", 21, 11, None, "AFP"),
    ("MADRID, 16 (EUROPA PRESS)", "MADRID", 16, None, None, "EUROPA PRESS"),
    ("WASHINGTON (Reuters) —", "WASHINGTON", None, None, None, "Reuters"),
    ("Moscow, 21 August 2025 –", "Moscow", 21, 8, 2025, None),
    (
        "GOMA, Democratic Republic of Congo, March 3 (Reuters) -",
        "GOMA, Democratic Republic of Congo",
        3,
        3,
        None,
        "Reuters",
    ),
    ("KYIV, Nov. 21, 2025 (AP) —", "KYIV", 21, 11, 2025, "AP"),
    ("ADDIS ABABA, Nov. 2, 2022 (AP) ―", "ADDIS ABABA", 2, 11, 2022, "AP"),
    ("BRUSSELS, 19 March 2023 −", "BRUSSELS", 19, 3, 2023, None),
    ("Sharm el-Sheikh, Egypt, Oct 13 (AP) ‒", "Sharm el-Sheikh, Egypt", 13, 10, None, "AP"),
    ("KHARTOUM/PORT SUDAN, 2025-04-07 --", "KHARTOUM/PORT SUDAN", 7, 4, 2025, None),
    ("ST. PETERSBURG, Russia, Monday, Sept 8 (Reuters) -", "ST. PETERSBURG, Russia", 8, 9, None, "Reuters"),
    ("MADRID, 16 Ago. (EUROPA PRESS) -", "MADRID", 16, 8, None, "EUROPA PRESS"),
    ("UNITED NATIONS (dpa) -", "UNITED NATIONS", None, None, None, "dpa"),
    ("WASHINGTON —", "WASHINGTON", None, None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("line", "place", "day", "month", "year", "agency"), DATELINES)
def test_dateline_styles(
    line: str, place: str, day: int | None, month: int | None, year: int | None, agency: str | None
) -> None:
    text = f"Talks stall over borders\n\n{line} {BODY}"
    dl = parse_dateline(text)
    assert dl is not None
    assert (dl.place, dl.day, dl.month, dl.year, dl.agency) == (place, day, month, year, agency)
    assert dl.raw == line
    assert text[dl.start : dl.end] == line


@pytest.mark.parametrize(
    "text",
    [
        "NATO - the alliance said nothing new.",  # an acronym and a hyphen is not a dateline
        "Hamas (the group) said it would study the offer.",
        "BRUSSELS, 30 Feb (Reuters) - No such day.",
        "The talks, 5 (x) - went nowhere.",
        "Delegations met in Geneva on Monday.\n\nNo dateline here at all.",
        "",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_after_title_without_blank_line_and_in_markup() -> None:
    text = "A headline\n**DOHA, Jan 5 (AFP) -** Mediators met."
    dl = parse_dateline(text)
    assert dl is not None and dl.raw == "DOHA, Jan 5 (AFP) -"
    assert text[dl.start : dl.end] == dl.raw


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", "AP"),
        ("DUBAI, United Arab Emirates (AP) —", "DUBAI, United Arab Emirates", "AP"),
        ("BEIRUT —", "BEIRUT", None),
    ],
)
def test_dateline_place_and_agency_without_date(line: str, place: str, agency: str | None) -> None:
    dl = parse_dateline(f"{line} {BODY}")
    assert dl is not None and (dl.place, dl.agency, dl.day) == (place, agency, None)


def test_headline_tag_is_not_a_place_and_bare_dash_yields_to_a_full_dateline() -> None:
    assert parse_dateline(f"EXCLUSIVE — Envoys draft a plan\n\n{BODY}") is None
    text = f"GAZA — WHAT IS ON THE TABLE\n\nCAIRO, Jan 14 (Reuters) - {BODY}"
    dl = parse_dateline(text)
    assert dl is not None and dl.raw == "CAIRO, Jan 14 (Reuters) -"


def test_dateline_only_near_the_top() -> None:
    filler = "\n\n".join(f"Paragraph {i} of background." for i in range(10))
    assert parse_dateline(f"{filler}\n\nKYIV, Nov 21 (AFP) - late.") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_dateline_never_raises_and_offsets_hold(text: str) -> None:
    dl = parse_dateline(text)
    if dl is not None:
        assert 0 <= dl.start < dl.end <= len(text)
        assert text[dl.start : dl.end] == dl.raw


_pieces = st.sampled_from(
    ["KYIV", ", ", "Nov", " 21", " (AFP)", " -", " —", "\n", "2025", "MADRID, 16", "(", ")", " "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=20).map("".join))
def test_dateline_fuzz_near_miss_pieces(text: str) -> None:
    dl = parse_dateline(text)
    if dl is not None:
        assert text[dl.start : dl.end] == dl.raw
        assert dl.day is None or 1 <= dl.day <= 31


# --------------------------------------------------------------------------- readers


def test_read_text_title_dateline_date_and_offsets() -> None:
    raw = "Truce holds in Sudan\r\n\r\nPORT SUDAN, Sudan, Nov 6, 2025 (AFP) - " + BODY + "\r\n"
    report = read_text(raw, origin="memo")
    assert report.text == normalize_text(raw)
    assert report.title == "Truce holds in Sudan"
    assert report.text.startswith("Truce holds in Sudan\n\n")  # the title stays in the text
    assert report.published == date(2025, 11, 6)
    assert (report.date_precision, report.date_note) == ("day", "dateline")
    assert report.source == "AFP"
    assert report.dateline is not None
    assert report.text[report.dateline.start : report.dateline.end] == report.dateline.raw


def test_read_text_nfc_normalisation() -> None:
    decomposed = "Bogota\u0301 talks\n\nBOGOTA, June 9, 2023 (Reuters) - Cafe\u0301 " + BODY
    report = read_text(decomposed)
    assert "Bogotá" in report.text and "Café" in report.text
    assert report.title == "Bogotá talks"


def test_no_title_when_first_line_is_the_dateline_or_a_paragraph() -> None:
    report = read_text(f"KYIV, Aug. 18, 2025 (AP) — {BODY}\n\nSecond paragraph.")
    assert report.title is None
    report = read_text(
        f"{BODY}\nAnother line of the same paragraph.\n\nMore.", published=date(2025, 1, 1)
    )
    assert report.title is None


def test_title_line_directly_above_dateline() -> None:
    report = read_text(f"Kremlin sets terms\nMoscow, 21 August 2025 – {BODY}")
    assert report.title == "Kremlin sets terms"


def test_markdown_title_strips_hashes_and_setext(tmp_path: Path) -> None:
    atx = tmp_path / "atx.md"
    atx.write_text(f"## Ohrid annex agreed ##\n\nBRUSSELS, 19 March 2023 – {BODY}\n", "utf-8")
    setext = tmp_path / "setext.markdown"
    setext.write_text(
        f"Pretoria truce\n==============\n\nADDIS ABABA, Nov. 2, 2022 (AP) — {BODY}", "utf-8"
    )
    first, second = _reports(_read([str(atx), str(setext)]))
    assert first.title == "Ohrid annex agreed"
    assert first.text.startswith("## Ohrid annex agreed ##")
    assert second.title == "Pretoria truce"
    assert second.published == date(2022, 11, 2)


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "sudan.txt"
    path.write_bytes(("Army rejects plan\n\nPORT SUDAN, Nov 6, 2025 (AFP) - " + BODY).encode())
    (report,) = _reports(_read([str(path)]))
    assert report.origin == str(path)
    assert report.title == "Army rejects plan"
    assert report.published == date(2025, 11, 6)


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ceasefire agreed | Gulf Wire</title>
<meta property="og:title" content="Ceasefire agreed in Doha">
<meta property="og:site_name" content="Gulf Wire">
{date_meta}
</head><body><nav><a href="/">Home</a> | <a href="/world">World news</a></nav>
<article><h1>Ceasefire agreed in Doha</h1>
<p>DOHA, Jan 15 (Reuters) - Israel and Hamas agreed on Wednesday to a phased ceasefire, mediators said, after weeks of indirect talks hosted by Qatar and Egypt.</p>
<p>A Hamas official said the group would free the remaining hostages only if the second phase of negotiations succeeded, while Israel said it reserved the right to resume fighting.</p>
</article><footer>All rights reserved by the publisher of this page.</footer></body></html>
"""


def test_html_file_metadata(tmp_path: Path) -> None:
    path = tmp_path / "gaza.html"
    meta = '<meta property="article:published_time" content="2025-01-15T21:40:00+00:00">'
    path.write_text(HTML.format(date_meta=meta), "utf-8")
    (report,) = _reports(_read([str(path)]))
    assert report.title == "Ceasefire agreed in Doha"
    assert report.published == date(2025, 1, 15)
    assert report.date_note == "metadata"
    assert report.source == "Gulf Wire"
    assert "<p>" not in report.text and "Home" not in report.text
    assert "rights reserved" not in report.text
    assert report.dateline is not None and report.dateline.agency == "Reuters"
    assert report.text[report.dateline.start : report.dateline.end] == "DOHA, Jan 15 (Reuters) -"


def test_html_without_date_metadata_does_not_guess(tmp_path: Path) -> None:
    path = tmp_path / "gaza.htm"
    # A date in the body is not page metadata; htmldate's extensive search would take it.
    html = HTML.format(date_meta="").replace("A Hamas official", "On 3 March 2024 a Hamas official")
    path.write_text(html, "utf-8")
    with pytest.warns(DateWarning, match="no year"):
        (report,) = list(read_paths([str(path)]))
    assert isinstance(report, Report)
    assert report.published is None and report.date_precision == "unknown"


def test_html_via_read_text() -> None:
    meta = '<meta name="date" content="2025-01-15">'
    report = read_text(HTML.format(date_meta=meta), fmt="html", source="Desk")
    assert report.published == date(2025, 1, 15) and report.source == "Desk"


def test_html_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    html = HTML.format(date_meta='<meta name="date" content="2025-01-15">')
    html = html.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Qatar", "Qatar café")
    path.write_bytes(html.encode("latin-1"))
    (report,) = _reports(_read([str(path)]))
    assert "Qatar café" in report.text


def _feed_line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        _feed_line(
            text="MADRID, 16 (EUROPA PRESS)\n" + BODY,
            title="Feed title",
            url="https://example.org/a",
            published="2025-08-16",
            source="Europa Press",
        ),
        "",
        _feed_line(text=f"Kyiv weighs plan\n\nKYIV, Nov 21 (AFP) - {BODY}", published="2025-11"),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    first, second = _reports(_read([str(path)]))
    assert first.origin == f"{path}:1" and second.origin == f"{path}:3"
    assert (first.title, first.url, first.source) == (
        "Feed title",
        "https://example.org/a",
        "Europa Press",
    )
    assert (first.published, first.date_note) == (date(2025, 8, 16), "metadata")
    assert second.title == "Kyiv weighs plan"
    assert (second.published, second.date_precision) == (date(2025, 11, 21), "day")
    assert second.date_note == "dateline Nov 21; year from metadata"
    assert second.source == "AFP"


@pytest.mark.parametrize(
    ("published", "dateline", "expected", "precision"),
    [
        ("2025-11", "KYIV (AFP) -", date(2025, 11, 1), "month"),  # nothing to complete it
        ("2025-10", "KYIV, Nov 21 (AFP) -", date(2025, 10, 1), "month"),  # disagrees: metadata
        ("2025", "KYIV, Nov 21 (AFP) -", date(2025, 11, 21), "day"),
        ("2025", "KYIV, Nov 21, 2024 (AFP) -", date(2025, 1, 1), "year"),
    ],
)
def test_partial_metadata_dates(
    tmp_path: Path, published: str, dateline: str, expected: date, precision: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(_feed_line(text=f"{dateline} {BODY}", published=published), "utf-8")
    (report,) = _reports(_read([str(path)]))
    assert (report.published, report.date_precision) == (expected, precision)


def test_json_file_object_and_array(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": f"KYIV, Nov 21, 2025 (AFP) - {BODY}"}), "utf-8")
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps([{"text": f"DOHA, Jan 5, 2025 (AFP) - {BODY}"}, {"title": "x"}]), "utf-8"
    )
    items = _read([str(one), str(many)])
    assert [type(i).__name__ for i in items] == ["Report", "Report", "ReadError"]
    assert items[0].origin == str(one) and items[1].origin == f"{many}:1"
    assert str(items[2]) == f"{many}:2: no 'text' field"


def test_stdin_text_and_jsonl() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(f"Title\n\nKYIV, Nov 21, 2025 (AFP) - {BODY}".encode()))
    (report,) = _reports(_read(["-"], stdin=stdin))
    assert report.origin == "<stdin>" and report.published == date(2025, 11, 21)
    feed = "\n".join(_feed_line(text=f"DOHA, Jan {d}, 2025 (AFP) - {BODY}") for d in (5, 6))
    reports = _reports(_read(["-"], stdin=io.StringIO(feed)))
    assert [r.origin for r in reports] == ["<stdin>:1", "<stdin>:2"]
    assert [r.published for r in reports] == [date(2025, 1, 5), date(2025, 1, 6)]


def test_directory_recursive_skips_hidden_and_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    text = f"KYIV, Nov 21, 2025 (AFP) - {BODY}"
    (tmp_path / "a.txt").write_text(text, "utf-8")
    (tmp_path / "sub" / "deeper" / "b.MD").write_text(text + " More.", "utf-8")
    (tmp_path / ".secret.txt").write_text(text + " Hidden.", "utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(text + " Hidden dir.", "utf-8")
    (tmp_path / "gold.yaml").write_text("claims: []", "utf-8")
    (tmp_path / "scenario.csv").write_text("a,b", "utf-8")
    reports = _reports(_read([str(tmp_path)]))
    assert sorted(Path(r.origin or "").name for r in reports) == ["a.txt", "b.MD"]


# --------------------------------------------------------------------------- bad input


def _one_error(items: list[Report | ReadError]) -> ReadError:
    (error,) = _errors(items)
    assert "\n" not in error.message
    return error


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    error = _one_error(_read([missing]))
    assert str(error) == f"{missing}: no such file or directory"


def test_directory_without_reports(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("x: 1", "utf-8")
    error = _one_error(_read([str(tmp_path)]))
    assert error.origin == str(tmp_path) and "no reports found" in error.message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    error = _one_error(_read([str(path)]))
    assert error.origin == str(path) and "binary" in error.message


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n", "\ufeff\n".encode()])
def test_empty_text(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    assert "empty" in _one_error(_read([str(path)])).message


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("KYIV, Nov 21 (AFP) - café".encode("cp1252"))
    error = _one_error(_read([str(path)]))
    assert "UTF-8" in error.message and "0xe9" in error.message


def test_oversized_report(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("KYIV, Nov 21, 2025 (AFP) - " + "word " * 100, "utf-8")
    error = _one_error(_read([str(path)], max_bytes=200))
    assert "over the 200-byte limit" in error.message
    assert len(_reports(_read([str(path)], max_bytes=10_000))) == 1


def test_oversized_stdin() -> None:
    stdin = io.StringIO("KYIV, Nov 21, 2025 (AFP) - " + "word " * 100)
    assert "over the 50-byte limit" in _one_error(_read(["-"], stdin=stdin, max_bytes=50)).message


def test_jsonl_bad_lines_keep_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    good = _feed_line(text=f"DOHA, Jan 5, 2025 (AFP) - {BODY}")
    path.write_bytes(
        "\n".join(
            [
                good,
                '{"text": "unterminated',
                _feed_line(title="no text here"),
                _feed_line(text=42),
                "[1, 2]",
                _feed_line(text="   "),
                _feed_line(text=BODY, published="last week"),
                _feed_line(text="x" * 500),
            ]
        ).encode()
        + b"\n\xff\xfe\n"
    )
    items = _read([str(path)], max_bytes=300)
    reports = [i for i in items if isinstance(i, Report)]
    errors = {e.origin: e.message for e in _errors(items)}
    assert [r.origin for r in reports] == [f"{path}:1"]
    assert errors[f"{path}:2"].startswith("malformed JSON")
    assert errors[f"{path}:3"] == "no 'text' field"
    assert "must be a string" in errors[f"{path}:4"]
    assert "expected a JSON object" in errors[f"{path}:5"]
    assert "empty report" in errors[f"{path}:6"]
    assert "not an ISO date" in errors[f"{path}:7"]
    assert "300-byte limit" in errors[f"{path}:8"]
    assert "UTF-8" in errors[f"{path}:9"]
    assert all("\n" not in m for m in errors.values())


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"KYIV, Nov 21, 2025 (AFP) - {BODY}", "utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    items = _read([str(tmp_path / "missing"), str(bad), str(good)])
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError", "Report"]


def test_read_text_rejects_empty_and_unknown_format() -> None:
    with pytest.raises(ValueError, match="empty"):
        read_text(" \n ")
    with pytest.raises(ValueError, match="format"):
        read_text(BODY, fmt="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no main text"):
        read_text("<html><body></body></html>", fmt="html")


def test_utf16_file_is_text(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(f"Title\n\nKYIV, Nov 21, 2025 (AFP) - {BODY}".encode("utf-16"))
    (report,) = _reports(_read([str(path)]))
    assert report.title == "Title" and report.published == date(2025, 11, 21)


def test_title_after_leading_blank_lines() -> None:
    report = read_text(f"\n\n  Talks resume\n\nDOHA, Jan 5, 2025 (AFP) - {BODY}")
    assert report.title == "Talks resume"
    assert report.text.startswith("\n\n  Talks resume")


def test_markdown_heading_is_title_without_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "tight.md"
    path.write_text(f"# Tight heading\nKYIV, Nov 21, 2025 (AFP) - {BODY}", "utf-8")
    (report,) = _reports(_read([str(path)]))
    assert report.title == "Tight heading"


def test_unreadable_path_names() -> None:
    items = _read(["bad\x00name.txt", "x" * 5000])
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError"]


def test_non_regular_file_read_is_bounded() -> None:
    zero = Path("/dev/zero")  # endless: only a bounded read returns
    error = _one_error(_read([str(zero)], max_bytes=1000))
    assert "over the 1000-byte limit" in error.message or "binary" in error.message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_stdin_bytes_never_raise(data: bytes) -> None:
    items = _read(["-"], stdin=io.TextIOWrapper(io.BytesIO(data)), max_bytes=400)
    assert items
    for item in items:
        if isinstance(item, ReadError):
            assert item.origin.startswith("<stdin>") and "\n" not in item.message
        else:
            assert item.text and item.text == normalize_text(item.text)


# --------------------------------------------------------------------------- publication date


def test_published_argument_wins_over_metadata_and_dateline(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(_feed_line(text=f"KYIV, Nov 21, 2025 (AFP) - {BODY}", published="2025-11-20"))
    (report,) = _reports(_read([str(path)], published=date(2025, 11, 22), source="Desk"))
    assert (report.published, report.date_note, report.source) == (
        date(2025, 11, 22),
        "--published",
        "Desk",
    )


def test_metadata_wins_over_dateline(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        _feed_line(text=f"KYIV, Nov 21, 2025 (AFP) - {BODY}", published="2025-11-20T23:30:00")
    )
    (report,) = _reports(_read([str(path)]))
    assert (report.published, report.date_note) == (date(2025, 11, 20), "metadata")


def test_year_taken_from_the_top_is_noted() -> None:
    report = read_text(f"Istanbul round of 2025\n\nISTANBUL, May 16 (Reuters) - {BODY}")
    assert report.published == date(2025, 5, 16)
    assert report.date_note is not None and "year 2025 from the text" in report.date_note


def test_year_far_from_the_dateline_is_not_used() -> None:
    text = f"Talks resume\n\nISTANBUL, May 16 (Reuters) - {BODY}\n\nThe last round was in 2022."
    with pytest.warns(DateWarning, match="no year"):
        report = read_text(text)
    assert report.published is None


def test_ambiguous_years_are_flagged() -> None:
    with pytest.warns(DateWarning, match="2014, 2025"):
        report = read_text(f"From the 2014 accords to 2025\n\nKYIV, Nov 21 (AFP) - {BODY}")
    assert report.published is None and report.date_precision == "unknown"


def test_day_only_dateline_warns_once_and_stores_unknown() -> None:
    text = f"Putin keeps demands\nMADRID, 16 (EUROPA PRESS)\n{BODY}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = read_text(text, origin="madrid.txt")
    dated = [w for w in caught if issubclass(w.category, DateWarning)]
    assert len(dated) == 1
    assert "madrid.txt" in str(dated[0].message)
    assert report.published is None and report.date_precision == "unknown"
    assert report.date_note == "dateline gives only the day (16); pass --published"
    assert report.title == "Putin keeps demands" and report.source == "EUROPA PRESS"


def test_day_only_dateline_resolved_by_published() -> None:
    text = f"MADRID, 16 (EUROPA PRESS)\n{BODY}"
    with warnings.catch_warnings():
        warnings.simplefilter("error", DateWarning)
        report = read_text(text, published=date(2025, 8, 16))
    assert (report.published, report.date_precision) == (date(2025, 8, 16), "day")


def test_no_date_at_all_warns() -> None:
    with pytest.warns(DateWarning, match="no dateline"):
        report = read_text(BODY)
    assert report.published is None and report.date_note and "--published" in report.date_note


def test_impossible_date_from_context_is_flagged() -> None:
    with pytest.warns(DateWarning, match="not a date in 2025"):
        read_text(f"Talks in 2025\n\nMOSCOW, Feb 29 (TASS) - {BODY}")


# --------------------------------------------------------------------------- examples


def test_every_example_reads_with_a_dateline_and_a_date() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DateWarning)
        items = list(read_paths([str(EXAMPLES)]))
    reports = _reports(items)
    assert len(reports) >= 10
    suffixes = {Path((r.origin or "").rsplit(":", 1)[0]).suffix for r in reports}
    assert {".txt", ".md", ".html", ".jsonl"} <= suffixes
    for report in reports:
        assert report.dateline is not None, report.origin
        dl = report.dateline
        assert report.text[dl.start : dl.end] == dl.raw
        assert report.title, report.origin
        assert report.published is not None, report.origin
    assert len({r.sha256 for r in reports}) == len(reports)
