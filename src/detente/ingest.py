"""Reading → extraction → store, for files, directories, feeds and stdin.

This is the library behind ``detente ingest``: every input is read, every
report extracted and stored all-or-nothing, and every problem is collected as
a one-line message instead of being raised, so one bad file never stops the
others and never leaves anything half-written.

Speed comes from three things: the model is loaded once (per worker process),
reports are parsed in batches (``nlp.pipe``), and they are stored many to a
transaction (:meth:`Store.ingest_batch`), so one commit covers a batch while a
report that cannot be written still rolls back alone.
``workers >= 1`` parses in a pool of processes while this one reads and stores.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from detente.reading.readers import MAX_REPORT_BYTES
from detente.records import Extraction, Report
from detente.store import IngestResult, Store
from detente.store.store import ExtractorLike


@dataclass(slots=True)
class IngestItem:
    """The outcome for one input: a stored report or a failure."""

    origin: str
    status: str  # "ingested", "present", "reextracted" or "failed"
    report_id: int | None = None
    title: str | None = None
    claims: int = 0
    message: str | None = None


@dataclass(slots=True)
class IngestSummary:
    """What one ingest call did."""

    items: list[IngestItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many inputs ended with *status*."""
        return sum(1 for i in self.items if i.status == status)

    @property
    def failed(self) -> list[IngestItem]:
        """The inputs that could not be ingested."""
        return [i for i in self.items if i.status == "failed"]

    def merged(self, other: IngestSummary) -> IngestSummary:
        """This summary followed by *other*."""
        return IngestSummary(self.items + other.items, self.warnings + other.warnings)

    def line(self) -> str:
        """The one-line summary printed at the end of ``detente ingest``."""
        new = self.count("ingested")
        re = self.count("reextracted")
        parts = [f"{new} ingested"]
        if re:
            parts.append(f"{re} re-extracted")
        parts += [f"{self.count('present')} already present", f"{len(self.failed)} failed"]
        return ", ".join(parts)


def ingest_paths(
    store: Store,
    paths: Sequence[str],
    *,
    extractor: ExtractorLike | None = None,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
    stdin: TextIO | None = None,
    progress: Callable[[IngestItem], None] | None = None,
    batch_size: int = 64,
    workers: int = 0,
    started: Callable[[], None] | None = None,
) -> IngestSummary:
    """Read *paths* and store every report with its extraction.

    *published* and *source* override what the reports say.  *progress* is
    called once per input as it completes; *started* once the extractor and
    any worker processes are ready (a display may start its thread then).  *workers* = 0 parses in this
    process; N ≥ 1 parses in N worker processes while this one reads and
    stores, overlapping the two.  Nothing is raised for bad input: look at
    :attr:`IngestSummary.failed`.
    """
    from detente.reading import read_paths

    def items() -> Iterator[Any]:
        yield from read_paths(
            paths, published=published, source=source, max_bytes=max_bytes, stdin=stdin
        )

    return ingest_reports(
        store,
        items,
        extractor=extractor,
        progress=progress,
        batch_size=batch_size,
        workers=workers,
        started=started,
    )


def ingest_reports(
    store: Store,
    items: Callable[[], Iterable[Any]],
    *,
    extractor: ExtractorLike | None = None,
    progress: Callable[[IngestItem], None] | None = None,
    batch_size: int = 64,
    workers: int = 0,
    started: Callable[[], None] | None = None,
) -> IngestSummary:
    """Extract and store what *items()* yields: reports, read errors, or settled items.

    *items* is called once, inside the warning capture, so warnings raised
    while reading end up in :attr:`IngestSummary.warnings`.  Stories (near
    duplicates across outlets) are assigned to the new reports at the end.
    """
    from detente.reading import ReadError

    summary = IngestSummary()

    def done(item: IngestItem) -> None:
        summary.items.append(item)
        if progress:
            progress(item)

    story_index: Any = None

    def stored(reps: list[Report], todo: list[Report], extracted: list[Any]) -> None:
        nonlocal story_index
        if _store(store, reps, todo, extracted, extractor, done):
            # Per batch, so that with workers it overlaps with their parsing.
            from detente.stories import StoryIndex, assign_stories

            story_index = story_index or StoryIndex()
            assign_stories(store, index=story_index)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if extractor is None:
            from detente.extract import get_extractor

            extractor = get_extractor()
        pool = _Pool(workers, extractor) if workers >= 1 else None
        if started is not None:
            started()
        chunk = max(1, min(batch_size, 16)) if pool else batch_size
        inflight: deque[tuple[list[Report], list[Report], Any]] = deque()

        def collect() -> None:
            reps, td, fut = inflight.popleft()
            try:
                extracted = fut.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): the batches it took down are
                # reported failed (running again retries them); later ones get new workers.
                extracted = [
                    RuntimeError("a worker process died while parsing this batch; run again")
                    for _ in td
                ]
            stored(reps, td, extracted)

        try:
            for group in _chunks(items(), chunk):
                reports: list[Report] = []
                for got in group:
                    if isinstance(got, ReadError):
                        done(IngestItem(got.origin, "failed", message=str(got)))
                    elif isinstance(got, IngestItem):  # settled by the reader (fetch log)
                        done(got)
                    else:
                        reports.append(got)
                if not reports:
                    continue
                todo = _needing_extraction(store, reports, extractor.name)
                if pool is None:
                    stored(reports, todo, extract_all(extractor, todo, batch_size))
                    continue
                inflight.append((reports, todo, pool.submit(todo, chunk)))
                while len(inflight) > 2 * workers:
                    collect()
            while inflight:
                collect()
        finally:
            if pool is not None:
                pool.close()
    seen: set[str] = set()
    for w in caught:
        text = str(w.message)
        if text not in seen:
            seen.add(text)
            summary.warnings.append(text)
    return summary


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    group: list[Any] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _needing_extraction(store: Store, reports: list[Report], extractor_name: str) -> list[Report]:
    found = store.lookup(r.sha256 for r in reports)
    out, seen = [], set()
    for r in reports:
        hit = found.get(r.sha256)
        if (hit is None or hit["extractor"] != extractor_name) and r.sha256 not in seen:
            seen.add(r.sha256)
            out.append(r)
    return out


def extract_all(
    extractor: ExtractorLike, reports: list[Report], batch_size: int
) -> list[Extraction | Exception]:
    """Extractions of *reports* in order; a report whose extraction fails gets its exception.

    Batched with ``nlp.pipe``; when the batch fails, each report is retried on
    its own so that only the culprit is lost.
    """
    if not reports:
        return []
    try:
        return list(extractor.pipe(reports, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - retried one by one to name the culprit
        out: list[Extraction | Exception] = []
        for r in reports:
            try:
                out.append(extractor.extract(r))
            except Exception as exc:  # noqa: BLE001 - returned, reported per report
                out.append(exc)
        return out


def _store(
    store: Store,
    reports: list[Report],
    todo: list[Report],
    extracted: list[Extraction | Exception],
    extractor: ExtractorLike,
    done: Callable[[IngestItem], None],
) -> int:
    """Store a batch, report every outcome in input order; returns how many were written."""
    by_sha = {r.sha256: e for r, e in zip(todo, extracted, strict=True)}
    pairs: list[tuple[Report, Extraction | None]] = [
        (r, got) for r in reports if not isinstance(got := by_sha.get(r.sha256), Exception)
    ]
    try:
        results: list[IngestResult | Exception] = store.ingest_batch(pairs, extractor)
    except Exception:  # noqa: BLE001 - the batch could not commit: one at a time instead
        results = []
        for r, e in pairs:
            try:
                results.append(store.ingest(r, extractor, extraction=e))
            except Exception as exc:  # noqa: BLE001 - reported, never raised
                results.append(exc)
    written = 0
    stored = iter(results)
    for r in reports:  # in input order
        got = by_sha.get(r.sha256)
        res = got if isinstance(got, Exception) else next(stored)
        if isinstance(res, Exception):
            done(_failed(r, res))
        else:
            written += res.status != "present"
            done(_item(r, res))
    return written


def _failed(report: Report, exc: BaseException) -> IngestItem:
    origin = report.origin or "<report>"
    return IngestItem(origin, "failed", message=f"{origin}: could not be stored: {_reason(exc)}")


# -- worker processes -------------------------------------------------------------

#: The extractor of a worker process (inherited when forked, else loaded once per worker).
_WORKER_EXTRACTOR: ExtractorLike | None = None


def _worker_init(parent: int | None = None) -> None:
    global _WORKER_EXTRACTOR
    _die_with(parent)
    # Each worker parses on one core; more BLAS threads would only fight over them.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if _WORKER_EXTRACTOR is None:
        from detente.extract import get_extractor

        _WORKER_EXTRACTOR = get_extractor()


def _die_with(parent: int | None) -> None:
    """Have the kernel end this worker when the ingest that started it dies: a killed ingest
    must not leave workers waiting forever on a pipe nobody writes to."""
    if parent is None or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _worker_extract(reports: list[Report], batch_size: int) -> list[Extraction | Exception]:
    assert _WORKER_EXTRACTOR is not None
    out = extract_all(_WORKER_EXTRACTOR, reports, batch_size)
    # Exceptions cross the process boundary as plain messages (any type may not pickle).
    return [RuntimeError(_reason(e)) if isinstance(e, Exception) else e for e in out]


class _Pool:
    """A process pool that parses reports, the extractor loaded once per process.

    On Linux the workers are forked from this process, which already holds the
    loaded model, so it is shared copy-on-write rather than loaded again.  They
    are all started here, before any progress display starts a thread.  A
    worker that dies breaks the pool (:class:`BrokenProcessPool`) instead of
    leaving its task waiting forever.
    """

    def __init__(self, workers: int, extractor: ExtractorLike) -> None:
        global _WORKER_EXTRACTOR
        self.frozen = False
        if "fork" in multiprocessing.get_all_start_methods():
            self.ctx = multiprocessing.get_context("fork")
            _WORKER_EXTRACTOR = extractor
            warm = getattr(extractor, "warm", None)
            if warm is not None:
                warm()  # the knowledge tables, built here once rather than in every worker
            # The loaded model's objects leave the collector's view: a worker's collections
            # neither walk them nor touch (and so copy) the pages they share with this process.
            gc.freeze()
            self.frozen = True
        else:  # pragma: no cover - spawn platforms load the default extractor per worker
            self.ctx = multiprocessing.get_context("spawn")
        self.workers = workers
        try:
            self.pool = self._start()
        except BaseException:
            self.unfreeze()
            raise

    def _start(self) -> ProcessPoolExecutor:
        with warnings.catch_warnings():
            # Forking is safe here: the model holds no threads or locks.
            warnings.simplefilter("ignore", DeprecationWarning)
            pool = ProcessPoolExecutor(
                self.workers,
                mp_context=self.ctx,
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )
            pool.submit(int).result()  # with fork, this starts every worker now
        return pool

    def submit(self, reports: list[Report], batch_size: int) -> Future[list[Any]]:
        """Parse *reports* in a worker; the future's result is their extractions.

        A pool broken by a dead worker is replaced by a fresh one first.
        """
        try:
            return self.pool.submit(_worker_extract, reports, batch_size)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()
            return self.pool.submit(_worker_extract, reports, batch_size)

    def close(self) -> None:
        """Stop the workers."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.unfreeze()

    def unfreeze(self) -> None:
        """Give the objects frozen before forking back to the collector."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


def estimate_total(paths: Sequence[str]) -> int | None:
    """How many reports *paths* hold, cheaply (files, JSONL lines); ``None`` for stdin."""
    from detente.reading.readers import DIRECTORY_SUFFIXES, _walk

    total = 0
    for name in paths:
        if name == "-":
            return None
        p = Path(name)
        try:
            files = _walk(p) if p.is_dir() else [p] if p.exists() else []
            for f in files:
                if DIRECTORY_SUFFIXES.get(f.suffix.lower()) == "jsonl":
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
        except OSError:
            total += 1
    return total


def _item(report: Report, res: IngestResult) -> IngestItem:
    return IngestItem(
        report.origin or "<report>",
        res.status,
        report_id=res.report_id,
        title=report.title,
        claims=res.claims,
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
