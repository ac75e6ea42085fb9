"""Batched writes: many reports to a transaction, each under its own SAVEPOINT.

One commit per batch instead of one per report is most of what per-report storage cost;
the SAVEPOINT keeps each report all-or-nothing inside the batch.  Used by
:meth:`Store.ingest_batch` and :meth:`Store.lookup`.

On SQLite the batch transaction is opened explicitly (``BEGIN IMMEDIATE``): Python's
``sqlite3`` opens one only before an INSERT/UPDATE/DELETE, so a SAVEPOINT issued first
would start, and its RELEASE commit, a transaction of its own (one disk sync per report).
Taking the write lock up front also means another writer waits at the start of a batch
instead of failing half-way through it.

New reports are first written all together under one SAVEPOINT: each report's row, labels and
negotiation links one report after another as before, then the claims, sources, places, facts
and events of the whole batch one statement per table.  That gives the same rows with the same
ids as writing them report by report, in a third of the statements.  If anything in it fails,
that SAVEPOINT is rolled back and the batch is written report by report, each under its own, so
only the report at fault is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from detente.records import Extraction, Report
from detente.store._util import _dumps
from detente.store.negotiations import _assign_auto, _touch, footprint_of
from detente.store.schema import (
    claim_places,
    claim_sources,
    claims,
    events,
    extraction_runs,
    facts,
    reports,
)
from detente.store.store import (
    ExtractorLike,
    IngestResult,
    IngestStatus,
    _actor_ids,
    _now,
    _place_codes,
)

if TYPE_CHECKING:
    from detente.store.store import Store


def lookup(store: Store, shas: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Stored reports by content hash (``id`` and ``extractor``), one query per 500."""
    wanted = list(dict.fromkeys(shas))
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            q = sa.select(reports.c.sha256, reports.c.id, reports.c.extractor).where(
                reports.c.sha256.in_(wanted[i : i + 500])
            )
            for sha, rid, ex in conn.execute(q):
                out[sha] = {"id": rid, "extractor": ex}
    return out


def ingest_batch(
    store: Store,
    items: Sequence[tuple[Report, Extraction | None]],
    extractor: ExtractorLike,
) -> list[IngestResult | Exception]:
    """Store many extracted reports in one transaction, all-or-nothing per report.

    New reports go together under one SAVEPOINT (:func:`_write_together`); if that
    fails, or for re-extractions and repeated texts, each report gets its own.  Same outcome
    per report as :meth:`Store.ingest` (``ingested``, ``present`` or
    ``reextracted``, idempotent by content hash) for a fraction of the
    commits.  A report whose rows cannot be written is rolled back alone and
    its exception is returned in its place; the others still commit.  A
    report inserted meanwhile by another process counts as ``present``.
    An extraction of ``None`` is allowed only for a report already stored by
    this extractor.
    """
    found = lookup(store, (r.sha256 for r, _ in items))
    out: list[IngestResult | Exception] = []
    written = 0
    # Present reports given a date now: filled in after the batch commits.
    redate: list[tuple[int, Report]] = []
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        run_id: int | None = None  # created with the first report written
        if _all_new(items, found):
            run_id = store._run_id(conn, extractor)
            together = _write_together(store, conn, items, extractor.name, run_id)
            if together is not None:
                out, written = list(together), len(together)
                items = []  # all written
        known: set[tuple[str, str]] = set()
        for report, extraction in items:
            sha = report.sha256
            hit = found.get(sha)
            if hit is not None and hit["extractor"] == extractor.name:
                out.append(IngestResult("present", hit["id"], sha))
                if report.published is not None:
                    redate.append((hit["id"], report))
                continue
            if extraction is None:
                out.append(ValueError(f"{report.origin}: no extraction to store"))
                continue
            if run_id is None:
                run_id = store._run_id(conn, extractor)
            try:
                with conn.begin_nested():
                    store._upsert_labels(conn, extraction, known)
                    res = write_one(
                        store, conn, report, hit, extractor.name, run_id, extraction, touch=False
                    )
            except sa.exc.IntegrityError as exc:
                again = _find_in(conn, sha)
                if again is not None and again["extractor"] == extractor.name:
                    out.append(IngestResult("present", again["id"], sha))
                else:
                    out.append(exc)
                continue
            except Exception as exc:  # noqa: BLE001 - contained per report, returned
                out.append(exc)
                continue
            known.update(_labels(extraction))
            # Identical texts within one batch: the second is already present.
            found[sha] = {"id": res.report_id, "extractor": extractor.name}
            written += 1
            out.append(res)
        if written and run_id is not None:
            _touch(conn)  # first/last seen of the negotiations, once for the batch
            conn.execute(
                extraction_runs.update()
                .where(extraction_runs.c.id == run_id)
                .values(finished_at=_now(), reports=extraction_runs.c.reports + written)
            )
    for report_id, report in redate:
        store.fill_missing_date(report_id, report)
    return out


def _all_new(
    items: Sequence[tuple[Report, Extraction | None]], found: dict[str, dict[str, Any]]
) -> bool:
    """Are all *items* extracted reports not stored yet, no two of the same text?"""
    shas = {r.sha256 for r, _ in items}
    return (
        len(items) > 1
        and len(shas) == len(items)
        and all(e is not None for _, e in items)
        and not shas & found.keys()
    )


def _write_together(
    store: Store,
    conn: sa.Connection,
    items: Sequence[tuple[Report, Extraction | None]],
    extractor_name: str,
    run_id: int,
) -> list[IngestResult] | None:
    """Write new reports in one SAVEPOINT, the rows of their extractions one statement per
    table; None (and nothing written) when anything fails, to be written one by one instead."""
    pairs: list[tuple[int, Extraction]] = []
    try:
        with conn.begin_nested():
            known: set[tuple[str, str]] = set()
            for report, extraction in items:
                assert extraction is not None
                store._upsert_labels(conn, extraction, known)
                known.update(_labels(extraction))
                report_id = store._insert_report(conn, report, run_id, extractor_name)
                # The links read only the negotiations and actors, not the rows below.
                _assign_auto(conn, report_id, footprint=footprint_of(extraction), new=True)
                pairs.append((report_id, extraction))
            insert_rows(store, conn, run_id, pairs)
    except Exception:  # noqa: BLE001 - rolled back; the one-by-one writes name the culprit
        return None
    return [
        IngestResult(
            "ingested",
            report_id,
            report.sha256,
            claims=len(extraction.claims),
            facts=len(extraction.facts),
            events=len(extraction.events),
        )
        for (report, _), (report_id, extraction) in zip(items, pairs, strict=True)
    ]


def insert_rows(
    store: Store, conn: sa.Connection, run_id: int, pairs: Sequence[tuple[int, Extraction]]
) -> None:
    """Insert the claims (with sources and places), facts and events of *pairs* (report id,
    extraction), in order, one statement per table; the labels must be stored already."""
    claim_rows = [
        store._claim_row(c, report_id, run_id) for report_id, ex in pairs for c in ex.claims
    ]
    ids: dict[tuple[int, int], int] = {}
    if claim_rows:
        # One executemany and one SELECT of the new ids: INSERT … RETURNING in parameter
        # order is a round trip per claim on SQLite.  The reports' claims were all deleted
        # before a re-extraction and (report_id, ordinal) is unique, so these are the rows.
        conn.execute(claims.insert(), claim_rows)
        report_ids = [report_id for report_id, ex in pairs if ex.claims]
        for i in range(0, len(report_ids), 500):
            q = sa.select(claims.c.report_id, claims.c.ordinal, claims.c.id).where(
                claims.c.report_id.in_(report_ids[i : i + 500])
            )
            ids.update(((rid, ordinal), cid) for rid, ordinal, cid in conn.execute(q))
    source_rows: list[dict[str, Any]] = []
    place_rows: list[dict[str, Any]] = []
    traded_rows: list[dict[str, Any]] = []
    for report_id, extraction in pairs:
        for claim in extraction.claims:
            cid = ids[(report_id, claim.ordinal)]
            if claim.exchange_for:
                try:
                    traded = [ids[(report_id, o)] for o in claim.exchange_for]
                except KeyError as exc:
                    raise ValueError(
                        f"claim {claim.ordinal} trades against unknown {exc.args[0][1]}"
                    ) from None
                traded_rows.append({"cid": cid, "traded": _dumps(traded)})
            source_rows += [
                {"claim_id": cid, "position": i, "name": s} for i, s in enumerate(claim.sources)
            ]
            place_rows += [
                {"claim_id": cid, "position": i, "place_code": p}
                for i, p in enumerate(claim.places)
            ]
    if traded_rows:
        conn.execute(
            claims.update()
            .where(claims.c.id == sa.bindparam("cid"))
            .values(exchange_for=sa.bindparam("traded")),
            traded_rows,
        )
    if source_rows:
        conn.execute(claim_sources.insert(), source_rows)
    if place_rows:
        conn.execute(claim_places.insert(), place_rows)
    fact_rows = [store._fact_row(f, report_id, run_id) for report_id, ex in pairs for f in ex.facts]
    if fact_rows:
        conn.execute(facts.insert(), fact_rows)
    event_rows = [
        store._event_row(e, report_id, run_id) for report_id, ex in pairs for e in ex.events
    ]
    if event_rows:
        conn.execute(events.insert(), event_rows)


def _find_in(conn: sa.Connection, sha: str) -> dict[str, Any] | None:
    row = conn.execute(
        sa.select(reports.c.id, reports.c.extractor).where(reports.c.sha256 == sha)
    ).first()
    return dict(row._mapping) if row else None


def write_one(
    store: Store,
    conn: sa.Connection,
    report: Report,
    found: dict[str, Any] | None,
    extractor_name: str,
    run_id: int,
    extraction: Extraction,
    *,
    touch: bool = True,
) -> IngestResult:
    """Write one extracted report (new, or re-extracted over *found*) inside *conn*.

    The caller owns the transaction and has stored the labels the extraction names.
    With ``touch=False`` the caller refreshes the negotiations' first/last seen dates
    itself (once for many reports).
    """
    if found is None:
        report_id = store._insert_report(conn, report, run_id, extractor_name)
        status: IngestStatus = "ingested"
    else:
        report_id = found["id"]
        store._delete_derived(conn, report_id)
        conn.execute(
            reports.update()
            .where(reports.c.id == report_id)
            .values(run_id=run_id, extractor=extractor_name, ingested_at=_now())
        )
        status = "reextracted"
    store._insert_extraction(conn, report_id, run_id, extraction, labels=False)
    if found is None:  # a new report: its rows are exactly this extraction's, and it has no links
        _assign_auto(conn, report_id, footprint=footprint_of(extraction), new=True)
    else:
        _assign_auto(conn, report_id)
    if touch:
        _touch(conn)
    return IngestResult(
        status,
        report_id,
        report.sha256,
        claims=len(extraction.claims),
        facts=len(extraction.facts),
        events=len(extraction.events),
    )


def _labels(extraction: Extraction) -> set[tuple[str, str]]:
    """The actor and place labels *extraction* needs, as known-set keys."""
    return {("actor", a) for a in _actor_ids(extraction)} | {
        ("place", p) for p in _place_codes(extraction)
    }
