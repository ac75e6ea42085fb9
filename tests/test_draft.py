"""Scenarios drafted from evidence: placement rules, evidence ids, valid scenario, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from cli_runner import run
from detente.bargain import forecast, load_scenario
from detente.bargain.draft import DraftError, default_issues, draft, focus, load_capabilities
from detente.store import Store
from test_positions import DOCS, Doc, make_store


@pytest.fixture
def claims(tmp_path: Path) -> list[dict]:
    with Store.open(make_store(tmp_path / "talks.db", DOCS)) as store:
        return store.claims()


def test_drafted_numbers_carry_evidence_and_reasons(claims: list[dict]) -> None:
    sc = draft(claims, ["territory", "ceasefire"])
    ids = {c["id"] for c in claims}
    denied = {c["id"] for c in claims if c["denied"]}
    assert [d.name for d in sc.dimensions] == ["territory", "ceasefire"]
    assert {a.name for a in sc.actors} == {"RUS", "UKR"}
    for a in sc.actors:
        assert a.extra["capability_reason"]
        for d in sc.dimensions:
            entry = sc.entry_extra[(a.name, d.name)]
            assert entry["reason"]
            assert set(entry["evidence"]) <= ids
            assert not set(entry["evidence"]) & denied, "a denied stance places nobody"
    for d in sc.dimensions:
        assert d.low_label and d.high_label and d.extra["anchors"]
        assert set(d.extra["evidence"]) <= ids
    # Saliences are shares of attention: never more than 100 per actor.
    assert (sc.saliences.sum(axis=1) <= 100 + 1e-9).all()


def test_positions_follow_the_documented_rules(claims: list[dict]) -> None:
    sc = draft(claims, ["territory", "ceasefire"])
    rus, ukr = sc.actor_index("RUS"), sc.actor_index("UKR")
    terr = 0
    assert sc.dimensions[terr].extra["proponent"] == "RUS"
    assert sc.dimensions[terr].extra["contested_places"] == ["UA-09", "UA-14", "UA-23", "UA-65"]
    # Latest Russian demand names two of the four contested regions: half the scale.
    assert sc.positions[rus, terr] == pytest.approx(50.0)
    latest = max(
        (c for c in claims if c["actor"] == "RUS" and c["issue"] == "territory"),
        key=lambda c: c["date"],
    )
    # The current stance: the latest demand and the same demand voiced the day before.
    recent = [
        c["id"]
        for c in claims
        if c["actor"] == "RUS" and c["issue"] == "territory" and c["date"] >= "2025-08-10"
    ]
    assert latest["id"] in recent and len(recent) == 2
    assert sc.entry_extra[("RUS", "territory")]["evidence"] == recent
    assert "demands 2 of the 4 disputed places" in sc.entry_extra[("RUS", "territory")]["reason"]
    # A rejection by the other side sits at the bottom of the scale.
    assert sc.positions[ukr, terr] == pytest.approx(0.0)
    # No Ukrainian stance on the ceasefire: middle of the scale, no weight.
    assert sc.saliences[ukr, 1] == 0 and sc.positions[ukr, 1] == pytest.approx(50.0)
    # Hedged wording moves a position toward the middle.
    assert "hedged" in sc.entry_extra[("RUS", "ceasefire")]["reason"]
    assert 50 <= sc.positions[rus, 1] < 70


def test_drafted_yaml_validates_and_forecasts(claims: list[dict], tmp_path: Path) -> None:
    from detente.bargain import save_scenario

    sc = draft(claims, ["territory", "ceasefire"])
    path = tmp_path / "talks.yaml"
    save_scenario(sc, path)
    doc = yaml.safe_load(path.read_text())
    assert doc["actors"][0]["positions"]["territory"]["evidence"]
    again = load_scenario(path)
    assert again.positions.tolist() == sc.positions.tolist()
    assert again.entry_extra == sc.entry_extra
    result = forecast(again, "compromise", runs=50, seed=1)
    lo, hi = sc.positions[:, 0].min(), sc.positions[:, 0].max()
    assert lo <= result.dimensions[0].outcome <= hi


def test_capability_table_override(claims: list[dict], tmp_path: Path) -> None:
    table = tmp_path / "caps.csv"
    table.write_text("id,index\nRUS,3\nUKR,1\n")
    sc = draft(claims, ["territory"], capabilities=table)
    assert sc.actors[sc.actor_index("RUS")].capability == 3
    assert "caps.csv" in sc.actors[0].extra["capability_reason"]
    bundled = load_capabilities()
    assert bundled["RUS"][0] > bundled["UKR"][0] > 0
    assert "2023" in bundled["RUS"][1]


def test_not_enough_evidence_is_a_clear_error(claims: list[dict]) -> None:
    with pytest.raises(DraftError, match="no stance on record on recognition"):
        draft(claims, ["recognition"])
    with pytest.raises(DraftError, match="two actors"):
        draft(claims, ["security_guarantees"])
    with pytest.raises(DraftError, match="no scale"):
        draft(claims, ["weather"])


def test_focus_keeps_one_negotiation(tmp_path: Path) -> None:
    gaza = Doc(
        "Gaza talks\n\nDOHA, Jan 15 (AFP) - Israel accepted a phased truce. Hamas demanded a "
        "full withdrawal from Gaza.",
        DOCS[0].published,
        "AFP",
        claims=[
            {
                "actor": "ISR",
                "kind": "accept",
                "issue": "ceasefire",
                "quote": "Israel accepted a phased truce",
            },
            {
                "actor": "hamas",
                "kind": "demand",
                "issue": "territory",
                "quote": "Hamas demanded a full withdrawal from Gaza",
                "places": ["PS-GZA"],
            },
        ],
    )
    with Store.open(make_store(tmp_path / "two.db", [*DOCS, gaza])) as store:
        rows = store.claims()
    actor, kept = focus(rows)
    assert actor == "RUS"
    assert {c["actor"] for c in kept} == {"RUS", "UKR", "USA"}
    assert default_issues(kept) == ["territory"]


def test_cli_scenario_draft_then_forecast(tmp_path: Path) -> None:
    db = make_store(tmp_path / "talks.db", DOCS)
    out = tmp_path / "talks.yaml"
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        str(db),
        "--issue",
        "territory",
        "--issue",
        "ceasefire",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert "2 actors × 2 dimensions" in err
    code, stdout, err = run(
        "forecast", str(out), "--model", "all", "--runs", "20", "--format", "jsonl"
    )
    assert code == 0, err
    lines = [json.loads(line) for line in stdout.splitlines()]
    assert {line["model"] for line in lines} >= {"compromise", "median", "nash", "bdm"}
    assert [d["name"] for d in lines[0]["dimensions"]] == ["territory", "ceasefire"]


def test_cli_scenario_draft_errors(tmp_path: Path) -> None:
    db = make_store(tmp_path / "talks.db", DOCS)
    bad = tmp_path / "caps.csv"
    bad.write_text("name,value\nRUS,1\n")
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        str(db),
        "--issue",
        "territory",
        "--capabilities",
        str(bad),
        "--out",
        str(tmp_path / "x.yaml"),
    )
    assert code == 2 and err.startswith("detente: ") and len(err.strip().splitlines()) == 1
    code, _, err = run(
        "scenario",
        "draft",
        "--db",
        str(db),
        "--issue",
        "recognition",
        "--out",
        str(tmp_path / "x.yaml"),
    )
    assert code == 2 and "recognition" in err


def test_salience_grows_with_repeated_and_emphasised_stances() -> None:
    def c(i: int, actor: str, issue: str, quote: str, report: int = 1) -> dict:
        return {
            "id": i,
            "report": report,
            "actor": actor,
            "actor_name": actor,
            "kind": "demand" if actor == "RUS" else "offer",
            "issue": issue,
            "places": [],
            "quantities": [],
            "negated": False,
            "denied": False,
            "date": "2025-05-01",
            "quote": quote,
        }

    claims = [
        c(1, "TUR", "process", "Turkey offered to host the talks"),
        c(2, "RUS", "process", "Russia demanded talks in Istanbul"),
        c(3, "RUS", "territory", "Russia insisted on all of Donbas", report=2),
        c(4, "RUS", "territory", "Russia demanded Donbas again", report=3),
        c(5, "RUS", "territory", "Russia demanded Donbas", report=4),
    ]
    sc = draft(claims, ["process", "territory"])
    tur, rus = sc.actor_index("TUR"), sc.actor_index("RUS")
    # One offer to host talks is not all of Turkey's attention.
    assert sc.saliences[tur, 0] < 50
    # Russia: three territorial stances, two emphasised, outweigh one process stance.
    assert sc.saliences[rus, 1] > 3 * sc.saliences[rus, 0]
    reason = sc.entry_extra[("RUS", "territory")]["salience_reason"]
    assert "2 emphasised" in reason
    assert sc.entry_extra[("RUS", "territory")]["salience_evidence"] == [3, 4, 5]
