"""Batched and parallel ingest: savepoints per report, worker processes, idempotence."""

from __future__ import annotations

import gc
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cli_runner import run
from detente.ingest import estimate_total, ingest_paths
from detente.records import Claim, Extraction, Report
from detente.store import Store
from report_factory import write_corpus


def _report(i: int) -> Report:
    text = f"Talks, round {i}\n\nGENEVA (AFP) - Serbia rejected the proposal number {i}."
    return Report(text=text, title=f"Talks, round {i}", published=date(2025, 3, 4), origin=f"r{i}")


class Prepared:
    """Hands out fixed extractions; report 3's trades against a claim that does not exist."""

    name = "test.prepared.v1"
    model = "none"
    components: dict[str, str] = {}

    def extract(self, report: Report) -> Extraction:
        bad = "round 3\n" in report.text
        claim = Claim(
            actor="SRB",
            kind="reject",
            issue="process",
            quote="Serbia rejected",
            start=report.text.index("Serbia"),
            end=report.text.index("Serbia") + 15,
            exchange_for=[7] if bad else [],
        )
        return Extraction(self.name, claims=[claim], actor_names={"SRB": "Serbia"})

    def pipe(self, reports, batch_size: int = 16):
        return (self.extract(r) for r in reports)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    url = tmp_path / "d.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with Store.open(url) as s:
        yield s


def test_batch_rolls_back_only_the_failing_report(store: Store) -> None:
    ex = Prepared()
    reports = [_report(i) for i in range(1, 6)]
    results = store.ingest_batch([(r, ex.extract(r)) for r in reports], ex)
    assert [type(r).__name__ for r in results] == [
        "IngestResult",
        "IngestResult",
        "ValueError",
        "IngestResult",
        "IngestResult",
    ]
    titles = sorted(r["title"] for r in store.reports())
    assert titles == ["Talks, round 1", "Talks, round 2", "Talks, round 4", "Talks, round 5"]
    # The failed report left no claim, label or half-written row behind.
    assert store.counts()["claims"] == 4
    assert {c["report"] for c in store.claims()} == {r["id"] for r in store.reports()}
    [run_row] = store.runs()
    assert run_row["reports"] == 4
    # Same batch again: present, and the one that failed still fails alone.
    again = store.ingest_batch([(r, ex.extract(r)) for r in reports], ex)
    assert [getattr(r, "status", "error") for r in again] == [
        "present",
        "present",
        "error",
        "present",
        "present",
    ]
    assert len(store.runs()) == 1


def test_batch_dedups_identical_texts_and_keeps_store_ingest_semantics(store: Store) -> None:
    ex = Prepared()
    r1 = _report(1)
    twin = Report(text=r1.text + "\n", title="copy", origin="twin")  # same normalised text
    res = store.ingest_batch([(r1, ex.extract(r1)), (twin, ex.extract(twin))], ex)
    assert [r.status for r in res] == ["ingested", "present"]
    assert res[0].report_id == res[1].report_id
    # Store.ingest agrees with what the batch stored.
    assert store.ingest(r1, ex).status == "present"


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24, seed=5)
    assert estimate_total([str(corpus)]) == 24
    outcomes = {}
    for workers in (0, 2):
        db = tmp_path / f"w{workers}.db"
        seen: list[str] = []
        with Store.open(db) as store:
            summary = ingest_paths(
                store,
                [str(corpus)],
                workers=workers,
                batch_size=8,
                progress=lambda item, seen=seen: seen.append(item.status),
            )
            assert summary.failed == [] and summary.count("ingested") == 24
            assert seen == ["ingested"] * 24
            outcomes[workers] = sorted(
                (Path(c_report["origin"]).name, c["kind"], c["issue"], c["actor"], c["start"])
                for c in store.claims()
                for c_report in [store.report(c["report"])]
            )
            again = ingest_paths(store, [str(corpus)], workers=workers)
            assert again.count("present") == 24
    assert outcomes[0] == outcomes[2] and len(outcomes[0]) >= 24


#: Columns that record when a row was written, not what was extracted.
_CLOCK = {"started_at", "finished_at", "created_at", "ingested_at", "updated_at", "fetched_at"}


def _rows(db: Path) -> dict[str, list[tuple]]:
    """Every stored row of every table, in storage order, with the write times left out."""
    con = sqlite3.connect(db)
    out = {}
    tables = [t for (t,) in con.execute("select name from sqlite_master where type='table'")]
    for table in tables:
        cur = con.execute(f"select * from {table}")  # noqa: S608 - names read from the file
        cols = [d[0] for d in cur.description]
        keep = [
            i
            for i, c in enumerate(cols)
            if c not in _CLOCK and not (table == "extraction_runs" and c == "name")
        ]
        out[table] = [tuple(row[i] for i in keep) for row in cur]
    con.close()
    return out


def test_parallel_ingest_stores_the_same_rows_as_serial(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40, seed=11)
    dumps = {}
    for workers in (0, 1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store.open(db) as store:
            summary = ingest_paths(store, [str(corpus)], workers=workers, batch_size=8)
        assert summary.failed == [] and summary.count("ingested") == 40
        dumps[workers] = _rows(db)
    serial = dumps[0]
    assert len(serial["claims"]) >= 40 and len(serial["report_negotiations"]) >= 40
    assert len({r for r in serial["reports"]}) == 40
    # the same rows, ids, stories and negotiations, whatever the number of processes
    assert dumps[1] == serial
    assert dumps[2] == serial
    # the pool gave the model's objects back to the collector when it closed
    assert gc.get_freeze_count() == 0


def test_workers_keep_extraction_failures_contained(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(1, 6):
        (d / f"{i}.txt").write_text(_report(i).text, encoding="utf-8")
    with Store.open(tmp_path / "d.db") as store:
        summary = ingest_paths(store, [str(d)], extractor=Prepared(), workers=2, batch_size=2)
    assert [(Path(i.origin).name, i.status) for i in summary.items] == [
        ("1.txt", "ingested"),
        ("2.txt", "ingested"),
        ("3.txt", "failed"),
        ("4.txt", "ingested"),
        ("5.txt", "ingested"),
    ]
    assert "3.txt" in summary.failed[0].message and "unknown" in summary.failed[0].message


def test_cli_workers_flag(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 6, seed=9)
    db = tmp_path / "d.db"
    code, _, err = run("ingest", str(corpus), "--db", str(db), "--workers", "2")
    assert code == 0, err
    assert "6 ingested" in err
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from reports where story_id is not null").fetchone() == (6,)
    code, _, err = run("ingest", str(corpus), "--db", str(db), "-j", "0")
    assert code == 0 and "0 ingested, 6 already present" in err
    code, _, err = run("ingest", str(corpus), "--db", str(db), "--workers", "-1")
    assert code == 2 and "workers" in err


class DiesOn(Prepared):
    """Kills the process that parses a report containing 'round 3'."""

    def extract(self, report: Report) -> Extraction:
        if "round 3\n" in report.text:
            os._exit(1)
        return super().extract(report)


def test_a_dead_worker_loses_its_chunk_only(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(1, 8):
        (d / f"{i}.txt").write_text(_report(i).text, encoding="utf-8")
    with Store.open(tmp_path / "d.db") as store:
        summary = ingest_paths(store, [str(d)], extractor=DiesOn(), workers=1, batch_size=1)
        status = {Path(i.origin).name: (i.status, i.message) for i in summary.items}
        assert len(status) == 7
        assert status["3.txt"][0] == "failed" and "worker process" in status["3.txt"][1]
        # Chunks sent after the death are parsed by a fresh worker.
        assert status["7.txt"][0] == "ingested"
        stored = {Path(r["origin"]).name for r in store.reports()}
        assert stored == {k for k, (s, _) in status.items() if s == "ingested"}
