"""The offline HTML brief, parsed: self-contained, complete matrix, escaped text, CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cli_runner import run
from detente.positions import build
from detente.report.brief import geometry, mark_spans, write_brief
from detente.store import Store
from test_positions import DOCS, Doc, make_store

ROOT = Path(__file__).resolve().parent.parent
URL = re.compile(r"^\s*(?:https?:)?//", re.I)


@pytest.fixture
def brief(tmp_path: Path) -> tuple[BeautifulSoup, Path]:
    db = make_store(tmp_path / "talks.db", DOCS)
    out = tmp_path / "brief.html"
    with Store.open(db) as store:
        write_brief(store, out, runs=30)
    return BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser"), db


def test_no_external_resources(brief: tuple[BeautifulSoup, Path]) -> None:
    soup, _ = brief
    for tag in soup.find_all(True):
        for attr in ("src", "href", "xlink:href", "srcset", "poster", "data"):
            value = tag.get(attr)
            if isinstance(value, str):
                assert not URL.match(value), f"<{tag.name} {attr}={value!r}> loads from elsewhere"
                if tag.name in ("a",) and attr == "href":
                    assert value.startswith("#"), value
    assert not soup.find_all("link"), "styles are inline"
    assert all(not s.get("src") for s in soup.find_all("script"))
    for style in soup.find_all("style"):
        assert "@import" not in style.text and "url(" not in style.text
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp and "default-src 'none'" in csp["content"]


def test_matrix_has_a_cell_per_actor_issue_stance(brief: tuple[BeautifulSoup, Path]) -> None:
    soup, db = brief
    with Store.open(db) as store:
        claims = store.claims()
        picture = build(store)
    expected = {(c["actor"], c["issue"]) for c in claims}
    cells = soup.select("table.matrix td.cell")
    assert {(td["data-actor"], td["data-issue"]) for td in cells} == expected
    assert len(cells) == len(expected)
    for td in cells:
        detail = soup.find(id=f"detail-{td['id']}")
        assert detail is not None
        quotes = [q.get_text() for q in detail.find_all("q")]
        mine = [
            c["quote"]
            for c in claims
            if (c["actor"], c["issue"]) == (td["data-actor"], td["data-issue"])
        ]
        assert sorted(quotes) == sorted(set(mine))
        # Hovering shows the quotes too.
        assert any(q[:60] in td["title"] for q in mine)
        # Every quote links to its span in the embedded report text.
        for a in detail.select("a.span-link"):
            target = soup.find(id=a["href"][1:])
            assert target is not None and target.find_parent("details", class_="report")
    # The cell colour reflects the stance: a pure rejection is a reject cell.
    ukr = soup.find("td", attrs={"data-actor": "UKR", "data-issue": "territory"})
    assert "st-reject" in ukr["class"]
    assert len(picture.positions) >= len(cells)


def test_report_text_is_escaped_and_spans_are_anchored(brief: tuple[BeautifulSoup, Path]) -> None:
    soup, db = brief
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text
    texts = " ".join(d.get_text() for d in soup.select(".report-text"))
    assert "<script>alert('x')</script> was pasted" in texts
    with Store.open(db) as store:
        for c in store.claims():
            mark = soup.find(id=f"c{c['id']}")
            assert mark is not None
            if mark.name == "mark":
                assert mark.get_text() == c["quote"]


def test_timeline_map_changes_and_forecast_sections(brief: tuple[BeautifulSoup, Path]) -> None:
    soup, _ = brief
    timeline = soup.select_one("#timeline svg")
    assert timeline is not None and timeline.find_all("circle")
    ukraine = soup.find("svg", attrs={"aria-label": "Map of Ukraine"})
    assert ukraine is not None
    shaded = {p["data-code"] for p in ukraine.select("path.in-play")}
    assert {"UA-14", "UA-09", "UA-23", "UA-65"} <= shaded
    assert "UA-14" in {p["data-code"] for p in ukraine.select("path.controlled")}
    changes = soup.select("#changes li.change")
    types = {li["class"][1] for li in changes}
    assert {"change-narrowed", "change-denial"} <= types
    narrowed = soup.select_one("li.change-narrowed")
    assert len(narrowed.select(".side")) == 2
    bands = soup.select("#forecast svg.band")
    assert bands and all(b.select("rect.p-band") for b in bands)
    rows = soup.select("#forecast table.fc tbody tr")
    assert {r.find("td").get_text() for r in rows} >= {"compromise", "median", "nash", "bdm"}
    # Every row says how its runs ended: one outcome or several, and for BdM how they stopped.
    ends = {r.find("td").get_text(): r.find_all("td")[-1].get_text() for r in rows}
    assert all(
        e.startswith(("one outcome", "two outcomes", "three outcomes")) for e in ends.values()
    )
    assert "converged" in ends["bdm"] or "cycled" in ends["bdm"] or "capped" in ends["bdm"]
    headline = soup.select_one(".headline").get_text(" ", strip=True)
    assert "3 reports" in headline and "2025-05-16" in headline and "2025-08-17" in headline


def test_mark_spans_escapes_and_anchors_overlaps() -> None:
    text = "A <b>bold</b> claim & a nested one."
    html = str(mark_spans(text, [(0, 17, "c1", "one"), (2, 10, "c2", "two"), (20, 26, "c3", "x")]))
    soup = BeautifulSoup(f"<div>{html}</div>", "html.parser")
    assert soup.get_text() == text, "marking never changes the text"
    assert soup.find(id="c1").name == "mark" and soup.find(id="c1").get_text() == text[0:17]
    assert soup.find(id="c2") is not None, "an overlapped span still gets an anchor"
    assert soup.find(id="c3").get_text() == text[20:26]
    assert soup.find("b") is None


def test_geometry_keeps_crimea_and_sevastopol_in_ukraine() -> None:
    geo = geometry()
    codes = {r["code"] for r in geo["countries"]["UKR"]["regions"]}
    assert {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"} <= codes
    assert all(
        not (r["code"] or "").startswith("UA-")
        for c, v in geo["countries"].items()
        if c != "UKR"
        for r in v["regions"]
    )
    notice = ROOT / "src" / "detente" / "knowledge" / "geo" / "NOTICE"
    assert "MIT" in notice.read_text()


def test_crimea_is_shaded_in_the_ukraine_map(tmp_path: Path) -> None:
    doc = Doc(
        "Crimea question\n\nKYIV, Aug 20 (AP) - Russia demanded recognition of Crimea. "
        "Ukraine rejected recognising Crimea as Russian.",
        DOCS[0].published,
        "AP",
        claims=[
            {
                "actor": "RUS",
                "kind": "demand",
                "issue": "recognition",
                "quote": "Russia demanded recognition of Crimea",
                "places": ["UA-43"],
            },
            {
                "actor": "UKR",
                "kind": "reject",
                "issue": "recognition",
                "quote": "Ukraine rejected recognising Crimea as Russian",
                "places": ["UA-43"],
            },
        ],
    )
    db = make_store(tmp_path / "c.db", [doc])
    out = tmp_path / "b.html"
    with Store.open(db) as store:
        write_brief(store, out, runs=10)
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    ukraine = soup.find("svg", attrs={"aria-label": "Map of Ukraine"})
    assert ukraine.find("path", attrs={"data-code": "UA-43", "class": "region in-play"})


def test_cli_report_and_given_scenario(tmp_path: Path) -> None:
    db = make_store(tmp_path / "talks.db", DOCS)
    scenario = tmp_path / "s.yaml"
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        str(db),
        "--issue",
        "territory",
        "--out",
        str(scenario),
        "--name",
        "Donbas drafted",
    )
    assert code == 0, err
    out = tmp_path / "brief.html"
    code, stdout, err = run(
        "report", "--db", str(db), "--out", str(out), "--scenario", str(scenario), "--runs", "20"
    )
    assert code == 0, err
    assert stdout.strip() == str(out.resolve())
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert "Donbas drafted" in soup.select_one("#forecast").get_text()


def test_cli_report_on_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store.open(db).close()
    out = tmp_path / "brief.html"
    code, stdout, err = run("report", "--db", str(db), "--out", str(out))
    assert code == 0 and stdout.strip() == str(out.resolve())
    assert "no reports stored yet" in err
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert "No reports stored yet" in soup.select_one(".headline").get_text()
    assert soup.select("table.matrix") == []


def test_cli_report_bad_input_is_one_line(tmp_path: Path) -> None:
    db = make_store(tmp_path / "talks.db", DOCS)
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario: x\ndimensions: [a]\nactors: []\n")
    code, _, err = run(
        "report", "--db", str(db), "--out", str(tmp_path / "b.html"), "--scenario", str(bad)
    )
    assert code == 2 and err.startswith("detente: ") and len(err.strip().splitlines()) == 1
    caps = tmp_path / "caps.csv"
    caps.write_text("id,index\nRUS,lots\n")
    code, _, err = run(
        "report", "--db", str(db), "--out", str(tmp_path / "b.html"), "--capabilities", str(caps)
    )
    assert code == 2 and "caps.csv:2" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("report", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and err.startswith("detente: ")
    code, _, err = run(
        "report", "--db", str(db), "--out", str(tmp_path / "no" / "dir.html"), "--runs", "5"
    )
    assert code == 2 and "cannot write" in err
