"""Negotiations end to end on the command line: three fresh reports, a denial, corrections."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from cli_runner import run
from detente.report.standing import evaluation
from detente.store import Store
from test_positions import Doc, make_store

DATA = Path(__file__).parent / "data" / "negotiations"
THREE = [str(DATA / n) for n in ("sudan_truce.txt", "lebanon_border.txt", "ukraine_statement.txt")]


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("three") / "t.db")
    code, _, err = run("ingest", *THREE, "--db", db, "-q")
    assert code == 0, err
    return db


def _json(*args: str) -> list[dict]:
    code, out, err = run(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_three_reports_three_negotiations_and_scenarios(three: str, tmp_path: Path) -> None:
    slugs = {n["slug"]: n for n in _json("negotiations", "--db", three)}
    assert set(slugs) == {"sudan", "israel-lebanon", "russia-ukraine"}
    reports = {r["id"]: r["negotiation"] for r in _json("reports", "--db", three)}
    for slug in slugs:
        ids = {r["id"] for r in _json("reports", "--db", three, "--negotiation", slug)}
        assert ids == {rid for rid, n in reports.items() if n == slug} and len(ids) == 1
        claims = _json("claims", "--db", three, "--negotiation", slug)
        actors_here = {c["actor"] for c in claims}
        out = tmp_path / f"{slug}.yaml"
        code, _, err = run(
            "scenario", "draft", "--db", three, "--negotiation", slug, "--out", str(out)
        )
        assert code == 0, err
        assert slug in err
        sc = yaml.safe_load(out.read_text())
        drafted = {a["name"] for a in sc["actors"]}
        # Only this negotiation's parties (and its mediators' claims), never another's.
        assert drafted <= actors_here
        assert sc["negotiation"] == slug
    sudan = yaml.safe_load((tmp_path / "sudan.yaml").read_text())
    assert {a["name"] for a in sudan["actors"]} & {"rsf", "saf"}
    assert not {a["name"] for a in sudan["actors"]} & {"ISR", "LBN", "hezbollah", "RUS", "UKR"}
    # No contradiction joins two negotiations: both sides come from one negotiation's reports.
    claims = {c["id"]: c for c in _json("claims", "--db", three)}
    for change in _json("contradictions", "--db", three):
        ids = change["before_claims"] + change["after_claims"]
        assert len({reports[claims[i]["report"]] for i in ids}) == 1
    # Timelines and positions by negotiation keep to it.
    for p in _json("positions", "--db", three, "--negotiation", "sudan"):
        assert p["negotiation"] == "sudan" and p["actor"] not in {"ISR", "RUS"}
    for t in _json("timeline", "--db", three, "--negotiation", "israel-lebanon"):
        assert reports[t["report"]] == "israel-lebanon"
    # Positions never merge across negotiations: the United States proposes in all three.
    usa = [p for p in _json("positions", "--db", three, "--actor", "United States")]
    assert len({p["negotiation"] for p in usa}) == 3


def test_report_writes_one_brief_per_negotiation_and_an_index(three: str, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    code, stdout, err = run("report", "--db", three, "--out", str(out), "--runs", "20")
    assert code == 0, err
    index = out.read_text()
    for slug in ("sudan", "israel-lebanon", "russia-ukraine"):
        page = tmp_path / f"brief.{slug}.html"
        assert f'href="brief.{slug}.html"' in index
        html = page.read_text()
        assert "Where each side stands now" in html
        # The method section quotes the measured held-out figures, whatever they are.
        held = evaluation()["held_out"]
        assert "held-out" in html and f"precision {held['precision']:.2f}" in html
        low, high = held["f1_interval"]
        assert f"F1 {held['f1']:.2f} (95% interval {low:.2f}–{high:.2f})" in html
    sudan = (tmp_path / "brief.sudan.html").read_text()
    assert "Rapid Support Forces" in sudan and "Hezbollah" not in sudan
    # The conditional truce offer is flagged, not shown as firm.
    assert re.search(r"rsf accept ceasefire[^<]*<em>\(conditional\)</em>", sudan)
    code, _, err = run(
        "report",
        "--db",
        three,
        "--out",
        str(tmp_path / "one.html"),
        "--negotiation",
        "israel-lebanon",
        "--runs",
        "20",
    )
    assert code == 0, err
    one = (tmp_path / "one.html").read_text()
    assert "Israel–Lebanon" in one and "Rapid Support Forces" not in one


def test_friendly_filters_and_clear_errors(three: str) -> None:
    by_id = _json("claims", "--db", three, "--actor", "RUS")
    assert by_id
    for name in ("rus", "Russia", "Kremlin", "the Kremlin", "Putin"):
        assert _json("claims", "--db", three, "--actor", name) == by_id
    for args, wanted in (
        (("--actor", "Rusia"), "did you mean"),
        (("--issue", "teritory"), "did you mean territory"),
        (("--negotiation", "sudann"), "did you mean sudan"),
    ):
        code, out, err = run("claims", "--db", three, *args)
        assert code == 2 and out == ""
        assert err.startswith("detente: unknown") and wanted in err and len(err.splitlines()) == 1


def test_capabilities_file_must_be_utf8_csv(three: str, tmp_path: Path) -> None:
    bad = tmp_path / "caps.csv"
    bad.write_bytes(b"id,index\nRUS,\xff\xfe3\n")
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        three,
        "--negotiation",
        "sudan",
        "--out",
        str(tmp_path / "x.yaml"),
        "--capabilities",
        str(bad),
    )
    assert code == 2 and err.startswith("detente: ") and "UTF-8" in err
    assert len(err.splitlines()) == 1 and not (tmp_path / "x.yaml").exists()
    bad.write_text('id,index\n"RUS,3\n')
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        three,
        "--negotiation",
        "sudan",
        "--out",
        str(tmp_path / "x.yaml"),
        "--capabilities",
        str(bad),
    )
    assert code == 2 and len(err.splitlines()) == 1 and not (tmp_path / "x.yaml").exists()


def test_corrections_on_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert run("ingest", *THREE, "--db", db, "-q")[0] == 0
    reports = {r["negotiation"]: r["id"] for r in _json("reports", "--db", db)}
    rid = reports["sudan"]
    code, _, err = run("negotiations", "assign", str(rid), "israel-lebanon", "--db", db)
    assert code == 0, err
    assert run("negotiations", "assign", str(rid), "nowhere", "--db", db)[0] == 2
    code, _, err = run("ingest", "--reextract", "--db", db, "-q")
    assert code == 0 and "3 re-extracted" in err
    after = {r["id"]: r["negotiation"] for r in _json("reports", "--db", db)}
    assert after[rid] == "israel-lebanon" and set(after) == set(reports.values())
    # --db may also be given to the group.
    assert run("reports", "--db", db, "set-date", str(rid), "2025-03-09")[0] == 0
    assert {r["id"]: r["published"] for r in _json("reports", "--db", db)}[rid] == "2025-03-09"
    assert run("reports", "set-date", str(rid), "March 9", "--db", db)[0] == 2
    code, _, err = run("reports", "drop", str(rid), "--db", db)
    assert code == 0 and "dropped report" in err
    assert rid not in {r["id"] for r in _json("reports", "--db", db)}
    assert not [c for c in _json("claims", "--db", db) if c["report"] == rid]
    assert run("reports", "drop", str(rid), "--db", db)[0] == 2


def test_undated_bulk_ingest_warns_once_per_kind(tmp_path: Path) -> None:
    src = tmp_path / "undated"
    src.mkdir()
    for i, conflict in enumerate(("Donetsk", "Gaza", "Darfur", "Nagorno-Karabakh")):
        (src / f"r{i}.txt").write_text(f"Report {i}\n\nOfficials discussed {conflict} again.\n")
    db = str(tmp_path / "u.db")
    code, _, err = run("ingest", str(src), "--db", db, "-q")
    assert code == 0
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "4 reports" in warnings[0] and "--verbose" in warnings[0]
    code, _, err = run("ingest", str(src), "--db", db, "-q", "--verbose")
    assert len([line for line in err.splitlines() if "warning" in line]) == 4
    # Re-ingesting with the date now known fills it in.
    run("ingest", str(src / "r0.txt"), "--db", db, "-q", "--published", "2025-06-01")
    dated = {r["origin"]: r["published"] for r in _json("reports", "--db", db)}
    assert dated[str(src / "r0.txt")] == "2025-06-01"


# --------------------------------------------------------------------- the Peskov-style denial

PESKOV = Doc(
    "Kremlin rejects freeze story\n\n"
    "MOSCOW, April 10 (Reuters) - Kremlin spokesman Dmitry Peskov denied a newspaper report that "
    "President Vladimir Putin would accept a freeze of the front line if Kyiv withdrew from the "
    "Donetsk region. The report had said Russia would drop its claim to Zaporizhzhia and Kherson "
    "in exchange for all of Donetsk.",
    date(2025, 4, 10),
    "Reuters",
    claims=[
        {
            "actor": "RUS",
            "kind": "accept",
            "issue": "ceasefire",
            "quote": "Kremlin spokesman Dmitry Peskov denied a newspaper report that President "
            "Vladimir Putin would accept a freeze of the front line",
            "denied": True,
            "conditional": True,
        },
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "quote": "if Kyiv withdrew from the Donetsk region",
            "places": ["UA-14"],
            "denied": True,
        },
        {
            "actor": "RUS",
            "kind": "offer",
            "issue": "territory",
            "quote": "Russia would drop its claim to Zaporizhzhia and Kherson",
            "places": ["UA-23", "UA-65"],
            "denied": True,
            "hedged": True,
        },
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "quote": "in exchange for all of Donetsk",
            "places": ["UA-14"],
            "denied": True,
        },
    ],
)
KYIV = Doc(
    "Kyiv holds the line\n\n"
    "KYIV, April 11 (AFP) - Ukraine rejected any handover of Donetsk. Ukraine proposed a "
    "ceasefire along the current line.",
    date(2025, 4, 11),
    "AFP",
    claims=[
        {
            "actor": "UKR",
            "kind": "reject",
            "issue": "territory",
            "quote": "Ukraine rejected any handover of Donetsk",
            "places": ["UA-14"],
        },
        {
            "actor": "UKR",
            "kind": "propose",
            "issue": "ceasefire",
            "quote": "Ukraine proposed a ceasefire along the current line",
        },
    ],
)


def test_no_firm_claim_survives_from_denied_content(tmp_path: Path) -> None:
    db = str(make_store(tmp_path / "p.db", [PESKOV, KYIV]))
    denied_ids = {c["id"] for c in _json("claims", "--db", db) if c["denied"]}
    assert len(denied_ids) == 4
    positions = _json("positions", "--db", db, "--actor", "Russia")
    assert positions and all(p["denied"] for p in positions)
    for p in positions:
        assert p["status"] == "reported, then denied by Dmitry Peskov"
    # Flags travel in every format.
    code, out, _ = run("positions", "--db", db, "--format", "csv")
    header = out.splitlines()[0].split(",")
    assert {"denied", "hedged", "conditional", "status"} <= set(header)
    # The drafted scenario: nobody is placed by a denied stance; Russia has none that counts.
    out_file = tmp_path / "s.yaml"
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        db,
        "--negotiation",
        "russia-ukraine",
        "--issue",
        "territory",
        "--issue",
        "ceasefire",
        "--out",
        str(out_file),
    )
    assert code == 2 and "two actors" in err  # only Ukraine has a stance that counts
    # The brief: Russia's denied stances are shown as such, never as where it stands.
    brief = tmp_path / "b.html"
    assert run("report", "--db", db, "--out", str(brief), "--runs", "10")[0] == 0
    html = brief.read_text()
    section = html[html.index('id="standing"') : html.index('id="matrix"')]
    assert "reported, then denied by Dmitry Peskov" in section
    assert "RUS demand territory (UA-14)</td>" not in section
    rows = re.findall(r"<tr><td>Russia <code>RUS</code>.*?</tr>", section, re.S)
    assert rows and all("no stance that counts" in r for r in rows)
    # Matrix counts leave denied claims out.
    cells = re.findall(r'data-actor="RUS"[^>]*>[A-Z±]<span class="n">(\d+)</span>', html)
    assert all(n == "0" for n in cells)


def test_denials_through_the_real_extractor(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    assert run("ingest", str(DATA / "peskov_denial.txt"), "--db", db, "-q")[0] == 0
    claims = _json("claims", "--db", db)
    flagged = [c for c in claims if c["denied"]]
    assert flagged, "the extractor flags the denied freeze"
    # Whatever lies inside the denied span is denied too (the demand for Donetsk in the
    # condition of the denied freeze), whether the extractor flagged it or not.
    denied = {
        c["id"]
        for c in claims
        for d in flagged
        if c["report"] == d["report"] and d["start"] <= c["start"] and c["end"] <= d["end"]
    }
    assert len(denied) >= 2
    positions = _json("positions", "--db", db)
    for p in positions:
        if set(p["claims"]) & denied:
            assert set(p["claims"]) <= denied and p["denied"]
            assert p["status"].startswith("reported, then denied by")
    with Store.open(db) as store:
        from detente.bargain.draft import draft
        from detente.report.brief import prepare

        brief = prepare(store, runs=0)
        for s in brief.standing:
            assert not {c for c in s.claims} & denied
        try:
            sc = draft(store.claims(), ["ceasefire", "territory"])
        except ValueError:
            return
        for entry in sc.entry_extra.values():
            assert not set(entry.get("evidence", [])) & denied
