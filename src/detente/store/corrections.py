"""Correcting what is stored: re-date, drop, re-extract.

Each correction is one transaction.  Re-extraction keeps a report's id and its
hand assignment to a negotiation; the claims it writes carry the new run (and
so the new extractor version).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from detente.records import Report
from detente.store.negotiations import _touch
from detente.store.schema import report_negotiations, reports

if TYPE_CHECKING:
    from detente.store.store import ExtractorLike, IngestResult


class CorrectionsMixin:
    """Corrections of stored reports; mixed into :class:`detente.store.Store`."""

    engine: sa.Engine

    def set_report_date(
        self, report_id: int, published: date, *, note: str = "set by hand"
    ) -> None:
        """Set the publication date of a stored report (precision ``day``)."""
        from detente.reading.readers import PUBLISHED_RANGE

        if not PUBLISHED_RANGE[0] <= published <= PUBLISHED_RANGE[1]:
            lo, hi = (d.year for d in PUBLISHED_RANGE)
            raise ValueError(f"{published} is outside {lo}–{hi}")
        with self.engine.begin() as conn:
            done = conn.execute(
                reports.update()
                .where(reports.c.id == report_id)
                .values(published=published, date_precision="day", date_note=note)
            )
            if done.rowcount == 0:
                raise LookupError(f"no report {report_id}")
            _touch(conn)

    def drop_report(self, report_id: int) -> dict[str, int]:
        """Delete a report with its claims, facts, events and links, in one transaction.

        Returns how many of each were deleted.
        """
        from detente.store.schema import claims, events, facts

        with self.engine.begin() as conn:
            if (
                conn.execute(sa.select(reports.c.id).where(reports.c.id == report_id)).first()
                is None
            ):
                raise LookupError(f"no report {report_id}")
            counts = {
                t.name: conn.execute(
                    sa.select(sa.func.count()).select_from(t).where(t.c.report_id == report_id)
                ).scalar_one()
                for t in (claims, facts, events)
            }
            self._delete_derived(conn, report_id)  # type: ignore[attr-defined]
            conn.execute(
                report_negotiations.delete().where(report_negotiations.c.report_id == report_id)
            )
            conn.execute(reports.delete().where(reports.c.id == report_id))
            _touch(conn)
        return {"reports": 1, **counts}

    def fill_missing_date(self, report_id: int, report: Report) -> bool:
        """Give a stored undated report the date *report* now carries; True if it did."""
        with self.engine.begin() as conn:
            done = conn.execute(
                reports.update()
                .where(reports.c.id == report_id, reports.c.published.is_(None))
                .values(
                    published=report.published,
                    date_precision=report.date_precision,
                    date_note=report.date_note,
                )
            )
            if done.rowcount:
                _touch(conn)
        return bool(done.rowcount)

    def stored_report(self, report_id: int) -> Report | None:
        """A stored report rebuilt as a :class:`Report` (for re-extraction)."""
        row = self.report(report_id)  # type: ignore[attr-defined]
        return None if row is None else _as_report(row)


def _as_report(row: dict[str, Any]) -> Report:
    published = row.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    # The dateline is parsed again from the text by the extractor.
    return Report(
        text=row["text"],
        title=row.get("title"),
        source=row.get("source"),
        url=row.get("url"),
        published=published,
        date_precision=row.get("date_precision") or "unknown",
        date_note=row.get("date_note"),
        origin=row.get("origin"),
    )


def reextract(
    store: Any,
    extractor: ExtractorLike,
    *,
    report_ids: Iterable[int] | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[IngestResult]:
    """Run *extractor* again on stored reports, keeping their ids and hand assignments.

    Reports already extracted by this extractor version are skipped unless
    *force*.  Each report is its own transaction; *progress* is called with 1
    after each report.
    """
    ids = list(report_ids) if report_ids is not None else [int(r["id"]) for r in store.reports()]
    results = []
    for rid in ids:
        row = store.report(rid)
        if row is None:
            raise LookupError(f"no report {rid}")
        report = _as_report(row)
        results.append(store.ingest(report, extractor, force=force))
        if progress:
            progress(1)
    return results
