"""Distributed back-fill on a Dask cluster: parse on the workers, write to PostgreSQL.

The client (``detente ingest … --cluster tcp://scheduler:8786``) reads the inputs and sends
reports in small batches to the cluster.  Each worker process loads the model once, parses a
batch and writes every report in its own transaction, straight to the shared database.
Writes are idempotent by content hash, so a batch that Dask runs again after losing a worker
stores nothing twice: what the lost worker had committed comes back as ``present``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from detente.ingest import IngestItem, IngestSummary, _chunks, _reason, extract_all
from detente.records import Report
from detente.store import Store, StoreError
from detente.store.store import _url

#: Reports per task: small enough that a lost worker costs little, big enough for nlp.pipe.
BATCH = 8
#: Tasks in flight per worker thread: keeps the cluster busy without reading everything first.
AHEAD = 3


class ClusterError(Exception):
    """The cluster or its database cannot be used; the message is one line."""


# -- on the workers -------------------------------------------------------------------

_STORES: dict[str, Store] = {}


def _worker_store(db_url: str) -> Store:
    store = _STORES.get(db_url)
    if store is None:
        store = _STORES[db_url] = Store.open(db_url)
    return store


def ingest_batch_on_worker(reports: list[Report], db_url: str) -> list[dict[str, Any]]:
    """Parse and store *reports* (each its own transaction); one outcome dict per report.

    Runs on a Dask worker: the extractor and the database engine are created
    once per worker process and reused by later batches.
    """
    from detente.extract import get_extractor

    store = _worker_store(db_url)
    extractor = get_extractor()
    found = store.lookup(r.sha256 for r in reports)
    todo = [
        r
        for r in reports
        if r.sha256 not in found or found[r.sha256]["extractor"] != extractor.name
    ]
    extracted = dict(zip((id(r) for r in todo), extract_all(extractor, todo, 32), strict=True))
    out = []
    for r in reports:
        origin = r.origin or "<report>"
        got = extracted.get(id(r))
        if isinstance(got, Exception):
            out.append(_outcome(origin, "failed", message=f"{origin}: {_reason(got)}"))
            continue
        try:
            res = store.ingest(r, extractor, extraction=got)
        except sa.exc.IntegrityError:
            # Stored meanwhile by another worker (a re-run batch racing the original).
            hit = store.find_report(r.sha256)
            if hit is None:
                raise
            out.append(_outcome(origin, "present", report_id=hit["id"], title=r.title))
            continue
        except Exception as exc:  # noqa: BLE001 - reported per report, never raised
            out.append(_outcome(origin, "failed", message=f"{origin}: {_reason(exc)}"))
            continue
        out.append(_outcome(origin, res.status, res.report_id, r.title, res.claims))
    return out


def _outcome(
    origin: str,
    status: str,
    report_id: int | None = None,
    title: str | None = None,
    claims: int = 0,
    message: str | None = None,
) -> dict[str, Any]:
    return {
        "origin": origin,
        "status": status,
        "report_id": report_id,
        "title": title,
        "claims": claims,
        "message": message,
    }


# -- on the client --------------------------------------------------------------------


def ingest_on_cluster(
    address: Any,
    db: str,
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int = 2_000_000,
    batch: int = BATCH,
    progress: Callable[[IngestItem], None] | None = None,
    on_batch_done: Callable[[int], None] | None = None,
    connect_timeout: float = 15.0,
) -> IngestSummary:
    """Ingest *paths* on the Dask cluster at *address*, writing to the database *db*.

    *address* is a scheduler address (``tcp://host:8786``) or a ``Client``.
    *db* must be a database every worker reaches (PostgreSQL).  The schema is
    migrated here first; stories are assigned here at the end.  Raises
    :class:`ClusterError` when the scheduler or the database cannot be used.
    """
    from distributed import Client, as_completed

    from detente.reading import ReadError, read_paths

    url = _url(db)
    if url.startswith("sqlite"):
        raise ClusterError(
            "--cluster needs a database every worker can reach: pass "
            "--db postgresql+psycopg://user@host/db"
        )
    try:
        Store.open(url).close()  # create or migrate once, before workers race to
    except StoreError as exc:
        raise ClusterError(str(exc)) from None
    own = not isinstance(address, Client)
    try:
        client = Client(address, timeout=connect_timeout) if own else address
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    summary = IngestSummary()

    def done(item: IngestItem) -> None:
        summary.items.append(item)
        if progress:
            progress(item)

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            reports = read_paths(paths, published=published, source=source, max_bytes=max_bytes)
            window = max(1, AHEAD * sum(client.nthreads().values()))
            batches = _batches(reports, batch, done, ReadError)
            running = as_completed()
            sent: dict[str, list[Report]] = {}
            for group in batches:
                fut = _submit(client, group, url)
                sent[fut.key] = group
                running.add(fut)
                if running.count() >= window:
                    fut = next(running)
                    _collect(fut, sent.pop(fut.key), done, on_batch_done)
            for fut in running:
                _collect(fut, sent.pop(fut.key), done, on_batch_done)
        for text in dict.fromkeys(str(w.message) for w in caught):
            summary.warnings.append(text)
    finally:
        if own:
            client.close()
    if any(i.status in ("ingested", "reextracted") for i in summary.items):
        from detente.stories import assign_stories

        with Store.open(url) as store:
            assign_stories(store)
    return summary


def _batches(
    items: Any, size: int, done: Callable[[IngestItem], None], read_error: type
) -> Iterator[list[Report]]:
    for group in _chunks(items, size):
        reports = []
        for got in group:
            if isinstance(got, read_error):
                done(IngestItem(got.origin, "failed", message=str(got)))
            else:
                reports.append(got)
        if reports:
            yield reports


def _submit(client: Any, reports: list[Report], url: str) -> Any:
    # pure=False: a batch is an action on the database, never a cached value.
    return client.submit(ingest_batch_on_worker, reports, url, pure=False)


def _collect(
    fut: Any, reports: list[Report], done: Callable[[IngestItem], None], on_batch: Any
) -> None:
    try:
        outcomes = fut.result()
    except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated losses
        for r in reports:
            origin = r.origin or "<report>"
            done(IngestItem(origin, "failed", message=f"{origin}: on the cluster: {_reason(exc)}"))
        return
    for o in outcomes:
        done(IngestItem(**o))
    if on_batch:
        on_batch(len(outcomes))
