"""Reading → extraction → store, for files, directories, feeds and stdin.

This is the library behind ``detente ingest``: every input is read, every
report extracted and stored in its own transaction, and every problem is
collected as a one-line message instead of being raised, so one bad file never
stops the others and never leaves anything half-written.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TextIO

from detente.reading.readers import MAX_REPORT_BYTES
from detente.records import Report
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
    batch_size: int = 16,
) -> IngestSummary:
    """Read *paths* and store every report with its extraction.

    *published* and *source* override what the reports say.  *progress* is
    called once per input as it completes.  Nothing is raised for bad input:
    look at :attr:`IngestSummary.failed`.
    """
    from detente.reading import ReadError, read_paths

    if extractor is None:
        from detente.extract import get_extractor

        extractor = get_extractor()
    summary = IngestSummary()
    pending: list[Report] = []

    def done(item: IngestItem) -> None:
        summary.items.append(item)
        if progress:
            progress(item)

    def flush() -> None:
        if not pending:
            return
        try:
            for report, res in store.ingest_many(pending, extractor, batch_size=batch_size):
                done(_item(report, res))
        except Exception:  # noqa: BLE001 - fall back to one at a time to name the culprit
            stored = {i.origin for i in summary.items}
            for report in pending:
                if (report.origin or "") in stored:
                    continue
                try:
                    done(_item(report, store.ingest(report, extractor)))
                except Exception as exc:  # noqa: BLE001 - reported, never raised
                    done(
                        IngestItem(
                            report.origin or "<report>",
                            "failed",
                            message=f"{report.origin}: could not be stored: {_reason(exc)}",
                        )
                    )
        pending.clear()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for got in read_paths(
            paths, published=published, source=source, max_bytes=max_bytes, stdin=stdin
        ):
            if isinstance(got, ReadError):
                done(IngestItem(got.origin, "failed", message=str(got)))
            else:
                pending.append(got)
                if len(pending) >= batch_size:
                    flush()
        flush()
    seen: set[str] = set()
    for w in caught:
        text = str(w.message)
        if text not in seen:
            seen.add(text)
            summary.warnings.append(text)
    return summary


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
