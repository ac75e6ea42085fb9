"""The command line end to end: CliRunner, then query the real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from cli_runner import run
from detente.store import CLAIM_FIELDS, EVENT_FIELDS, FACT_FIELDS, REPORT_FIELDS

REPORT = """Azerbaijan sets terms for a final treaty

BAKU, April 9 (AFP) - Azerbaijan demanded on Wednesday that Armenia remove its territorial
claims on Nagorno-Karabakh from its constitution before any peace treaty is signed, foreign
ministry spokesman Aykhan Hajizada said. Armenian Prime Minister Nikol Pashinyan rejected
the demand, saying a new constitution could only follow a referendum.
"""

SECOND = """Hamas accepts truce framework, Israel studies it

CAIRO, June 2 (Reuters) - Hamas said on Monday it accepts a framework for a 60-day truce in
Gaza in exchange for the release of Palestinian prisoners, according to two Egyptian officials.
Israeli Prime Minister Benjamin Netanyahu rejected any deal that leaves Hamas in power.
"""


def counts(db: Path) -> dict[str, int]:
    if not db.exists():
        return {}
    con = sqlite3.connect(db)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("reports", "claims", "facts", "events", "extraction_runs")
        }
    finally:
        con.close()


@pytest.fixture
def reports_dir(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "baku.txt").write_text(REPORT, encoding="utf-8")
    (d / "cairo.txt").write_text(SECOND, encoding="utf-8")
    return d


def test_help_documents_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("ingest", "reports", "claims", "events", "facts", "actors", "show"):
        assert f"  {command}" in out
        sub_code, sub_out, _ = run(command, "--help")
        assert sub_code == 0 and "Usage:" in sub_out


def test_ingest_then_list_and_reingest(reports_dir: Path, db_path: Path) -> None:
    code, _, err = run("ingest", str(reports_dir), "--db", str(db_path), "--quiet")
    assert code == 0, err
    assert "2 ingested, 0 already present, 0 failed" in err
    con = sqlite3.connect(db_path)
    titles = {r[0] for r in con.execute("select title from reports")}
    assert titles == {
        "Azerbaijan sets terms for a final treaty",
        "Hamas accepts truce framework, Israel studies it",
    }
    (n_claims,) = con.execute("select count(*) from claims").fetchone()
    assert n_claims >= 2
    actors = {r[0] for r in con.execute("select actor_id from claims")}
    assert {"AZE", "ARM"} <= actors
    before = counts(db_path)
    code, _, err = run("ingest", str(reports_dir), "--db", str(db_path))
    assert code == 0 and "0 ingested, 2 already present, 0 failed" in err
    assert counts(db_path) == before


def test_stdin_and_published_override(db_path: Path) -> None:
    code, _, err = run(
        "ingest",
        "-",
        "--db",
        str(db_path),
        "--published",
        "2025-04-09",
        "--source",
        "AFP",
        input=REPORT,
    )
    assert code == 0, err
    con = sqlite3.connect(db_path)
    assert con.execute("select published, source from reports").fetchone() == ("2025-04-09", "AFP")


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (lambda d: d / "missing.txt", "missing.txt"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "empty"),
        (
            lambda d: (
                (d / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50) and d / "blob.txt"
            ),
            "blob.txt",
        ),
        (lambda d: (d / "blank.txt").write_text("  \n\n \t\n") and d / "blank.txt", "blank.txt"),
        (
            lambda d: (
                (d / "latin.txt").write_bytes(b"Caf\xe9 talks \xff\xfe stalled" * 3)
                and d / "latin.txt"
            ),
            "latin.txt",
        ),
        (
            lambda d: (
                (d / "feed.jsonl").write_text('{"text": "ok text here"}\n{not json\n')
                and d / "feed.jsonl"
            ),
            ":2",
        ),
    ],
    ids=["missing", "empty-dir", "binary", "empty-text", "undecodable", "bad-jsonl"],
)
def test_bad_input_one_line_exit_2_nothing_written(
    make, expect: str, tmp_path: Path, db_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    assert run("ingest", str(good), "--db", str(db_path), "-q")[0] == 0
    before = counts(db_path)
    bad = make(tmp_path)
    code, out, err = run("ingest", str(bad), "--db", str(db_path), "-q")
    assert code == 2
    assert "Traceback" not in out + err
    error_lines = [line for line in err.splitlines() if line.startswith("detente: ")]
    assert error_lines and expect in error_lines[0]
    after = counts(db_path)
    if bad.name == "feed.jsonl":  # the good line of the feed still ingests
        assert after["reports"] == before["reports"] + 1
    else:
        assert after == before


def test_oversized_report(tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(REPORT * 20)
    code, _, err = run("ingest", str(big), "--db", str(db_path), "--max-bytes", "1000")
    assert code == 2 and "big.txt" in err and "Traceback" not in err
    assert counts(db_path).get("reports", 0) == 0


def test_good_files_ingest_beside_bad_ones(reports_dir: Path, db_path: Path) -> None:
    (reports_dir / "zero.txt").write_text("")
    code, _, err = run("ingest", str(reports_dir), "--db", str(db_path), "-q")
    assert code == 2
    assert "2 ingested, 0 already present, 1 failed" in err
    assert counts(db_path)["reports"] == 2


def test_bad_option_values_are_usage_errors(db_path: Path, reports_dir: Path) -> None:
    code, _, err = run("ingest", str(reports_dir), "--db", str(db_path), "--published", "16/08")
    assert code == 2 and "not a date" in err and "Traceback" not in err
    code, _, err = run("claims", "--db", str(db_path))
    assert code == 2 and "no database" in err


@pytest.mark.parametrize(
    ("command", "fields"),
    [
        ("claims", CLAIM_FIELDS),
        ("reports", REPORT_FIELDS),
        ("events", EVENT_FIELDS),
        ("facts", FACT_FIELDS),
    ],
)
def test_every_format_round_trips(
    command: str, fields: tuple[str, ...], reports_dir: Path, db_path: Path
) -> None:
    assert run("ingest", str(reports_dir), "--db", str(db_path), "-q")[0] == 0
    _, out_json, _ = run(command, "--db", str(db_path), "--format", "json")
    as_json = json.loads(out_json)
    assert all(list(r) == list(fields) for r in as_json)
    _, out_jsonl, _ = run(command, "--db", str(db_path), "--format", "jsonl")
    assert [json.loads(line) for line in out_jsonl.splitlines()] == as_json
    _, out_csv, _ = run(command, "--db", str(db_path), "--format", "csv")
    reader = csv.DictReader(io.StringIO(out_csv))
    assert tuple(reader.fieldnames or ()) == fields
    rows = list(reader)
    assert [int(r["id"]) for r in rows] == [r["id"] for r in as_json]
    for row, full in zip(rows, as_json, strict=True):
        for key, value in full.items():
            if isinstance(value, list):
                assert json.loads(row[key]) == value
    code, out_table, _ = run(command, "--db", str(db_path), "--format", "table")
    assert code == 0


def test_claims_filters_and_offsets(reports_dir: Path, db_path: Path) -> None:
    run("ingest", str(reports_dir), "--db", str(db_path), "-q")
    _, out, _ = run("claims", "--db", str(db_path), "--actor", "ARM", "--format", "json")
    rows = json.loads(out)
    assert rows and {r["actor"] for r in rows} == {"ARM"}
    con = sqlite3.connect(db_path)
    texts = dict(con.execute("select id, text from reports"))
    _, out, _ = run("claims", "--db", str(db_path), "--format", "json")
    for r in json.loads(out):
        assert texts[r["report"]][r["start"] : r["end"]] == r["quote"]


def test_claims_min_confidence(reports_dir: Path, db_path: Path) -> None:
    run("ingest", str(reports_dir), "--db", str(db_path), "-q")
    _, out, _ = run("claims", "--db", str(db_path), "--format", "json")
    rows = json.loads(out)
    confs = sorted(r["confidence"] for r in rows)
    assert rows and all(0.0 <= c <= 1.0 for c in confs)
    cut = confs[len(confs) // 2]
    code, out, _ = run(
        "claims", "--db", str(db_path), "--min-confidence", str(cut), "--format", "json"
    )
    kept = json.loads(out)
    assert code == 0 and 0 < len(kept) < len(rows)
    assert all(r["confidence"] >= cut for r in kept)
    code, _, err = run("claims", "--db", str(db_path), "--min-confidence", "1.5")
    assert code == 2 and "min-confidence" in err


def test_show_highlights_a_report(reports_dir: Path, db_path: Path) -> None:
    run("ingest", str(reports_dir), "--db", str(db_path), "-q")
    code, out, _ = run("show", "1", "--db", str(db_path))
    assert code == 0
    assert "Azerbaijan sets terms" in out and "extracted" in out
    code, _, err = run("show", "99", "--db", str(db_path))
    assert code == 2 and "no report with id 99" in err
