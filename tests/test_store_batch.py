"""Batched storage: one transaction per batch on SQLite, and labels written once under races."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from detente.extract import get_extractor
from detente.records import Report
from detente.store import Store
from detente.store._util import insert_ignore
from detente.store.schema import places

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
        assert sum(s.startswith("SAVEPOINT") for s in upper) == 4
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
