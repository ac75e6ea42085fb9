"""Batched storage: one transaction per batch on SQLite, and labels written once under races."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import sqlalchemy as sa

from detente.extract import get_extractor
from detente.records import Report
from detente.store import Store
from detente.store._util import insert_ignore
from detente.store.schema import (
    claim_places,
    claim_sources,
    claims,
    events,
    facts,
    places,
    report_negotiations,
    reports,
)

TEXTS = [
    "Azerbaijan demanded that Armenia amend its constitution before a peace treaty is signed.",
    "The Sudanese army rejected a truce proposed by the Quad for Darfur and Kordofan.",
    "Serbia offered to let Kosovo Serbs return to the institutions of North Mitrovica.",
    "Hamas accepted the Egyptian plan for a phased withdrawal from Rafah, a spokesman said.",
]


def test_a_batch_commits_once(tmp_path: Path) -> None:
    ex = get_extractor()
    reports = [Report(text=t, origin=f"r{i}.txt") for i, t in enumerate(TEXTS)]
    items = list(zip(reports, ex.pipe(reports), strict=True))
    with Store.open(tmp_path / "batch.db") as store:
        statements: list[str] = []

        def trace(dbapi_conn: object, _record: object) -> None:
            dbapi_conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]

        store.engine.dispose()  # new connections, traced from the start
        sa.event.listen(store.engine, "connect", trace)
        results = store.ingest_batch(items, ex)
        assert [r.status for r in results] == ["ingested"] * 4  # type: ignore[union-attr]
        upper = [s.strip().upper() for s in statements]
        assert sum(s.startswith("COMMIT") for s in upper) == 1
        assert sum(s.startswith("BEGIN IMMEDIATE") for s in upper) == 1
        # new reports are written together, under one SAVEPOINT
        assert sum(s.startswith("SAVEPOINT") for s in upper) == 1
        # Stored again: all present, nothing written.
        again = store.ingest_batch(items, ex)
        assert [r.status for r in again] == ["present"] * 4  # type: ignore[union-attr]
        assert store.counts()["reports"] == 4


def test_labels_stored_meanwhile_are_skipped(tmp_path: Path) -> None:
    with Store.open(tmp_path / "labels.db") as store:
        rows = [{"code": "AM-SU", "name": "Syunik"}, {"code": "SD-DC", "name": "Central Darfur"}]
        with store.engine.begin() as conn:
            insert_ignore(conn, places, rows[:1])
        # Another writer stored AM-SU after this one looked it up as missing.
        with store.engine.begin() as conn:
            insert_ignore(conn, places, rows)
        with store.engine.connect() as conn:
            got = conn.execute(sa.select(places.c.code).order_by(places.c.code)).scalars().all()
        assert got == ["AM-SU", "SD-DC"]


def _rows(store: Store) -> dict[str, list[tuple]]:
    """Every row of the tables an ingest writes, timestamps left out."""
    out: dict[str, list[tuple]] = {}
    with store.engine.connect() as conn:
        for table in (reports, claims, claim_sources, claim_places, facts, events):
            cols = [c for c in table.c if not c.name.endswith("_at")]
            out[table.name] = [tuple(r) for r in conn.execute(sa.select(*cols).order_by(cols[0]))]
        links = report_negotiations
        out["links"] = [tuple(r) for r in conn.execute(sa.select(links).order_by(links.c.id))]
    return out


def test_batch_writes_the_rows_of_one_by_one_writes(tmp_path: Path) -> None:
    ex = get_extractor()
    reports_ = [Report(text=t, origin=f"r{i}.txt") for i, t in enumerate(TEXTS)]
    items = list(zip(reports_, ex.pipe(reports_), strict=True))
    assert sum(len(e.claims) for _, e in items) >= 4
    with Store.open(tmp_path / "together.db") as together:
        together.ingest_batch(items, ex)
        batched = _rows(together)
    with Store.open(tmp_path / "alone.db") as alone:
        for report, extraction in items:
            alone.ingest(report, ex, extraction=extraction)
        one_by_one = _rows(alone)
    assert batched == one_by_one
    assert len(batched["claims"]) >= 4 and batched["links"]


def test_a_bad_report_in_a_batch_is_lost_alone(tmp_path: Path) -> None:
    ex = get_extractor()
    reports_ = [Report(text=t, origin=f"r{i}.txt") for i, t in enumerate(TEXTS)]
    items = list(zip(reports_, ex.pipe(reports_), strict=True))
    # the third report's first claim trades against a claim it does not have
    bad = items[2][1]
    assert bad is not None and bad.claims
    broken = dataclasses.replace(bad.claims[0], exchange_for=[99])
    items[2] = (items[2][0], dataclasses.replace(bad, claims=[broken, *bad.claims[1:]]))
    with Store.open(tmp_path / "bad.db") as store:
        results = store.ingest_batch(items, ex)
        assert isinstance(results[2], ValueError) and "99" in str(results[2])
        assert [r.status for i, r in enumerate(results) if i != 2] == ["ingested"] * 3  # type: ignore[union-attr]
        stored = {r["origin"] for r in store.reports()}
        assert stored == {"r0.txt", "r1.txt", "r3.txt"}
        with store.engine.connect() as conn:
            orphans = conn.execute(
                sa.select(sa.func.count())
                .select_from(claims)
                .where(~claims.c.report_id.in_(sa.select(reports.c.id)))
            ).scalar()
        assert orphans == 0
        written = _rows(store)["claims"]
    # the good reports' rows are those of a batch without the bad one
    with Store.open(tmp_path / "good.db") as good:
        good.ingest_batch([items[i] for i in (0, 1, 3)], ex)
        assert _rows(good)["claims"] == written
