"""Persisting reports and what was extracted from them.

:class:`Store` wraps an SQLAlchemy engine (SQLite by default, PostgreSQL for
teams).  Ingest is one transaction per report and idempotent: a report is
identified by the SHA-256 of its normalised text, so the same text twice adds
nothing, while a report extracted by another extractor version has its derived
rows replaced atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext

from detente import __version__
from detente.records import Claim, Event, Extraction, Fact, Report
from detente.store._util import (
    _actor_kind,
    _dumps,
    _now,
    _url,
    insert_ignore,
)
from detente.store.corrections import CorrectionsMixin
from detente.store.opening import (
    SchemaError,
    ensure_schema,
    sqlite_reader_pragmas,
    sqlite_writer_pragmas,
)
from detente.store.queries import (
    QueriesMixin,
)
from detente.store.schema import (
    actors,
    claim_places,
    claim_sources,
    claims,
    events,
    extraction_runs,
    facts,
    places,
    reports,
)

IngestStatus = Literal["ingested", "present", "reextracted"]


class StoreError(Exception):
    """A problem with the database itself (cannot open, wrong schema, …)."""


class ExtractorLike(Protocol):
    """What the store needs of an extractor (see :mod:`detente.extract`)."""

    name: str
    model: str
    components: dict[str, str]

    def extract(self, report: Report) -> Extraction: ...

    def pipe(self, reports: Iterable[Report], batch_size: int = ...) -> Iterator[Extraction]: ...


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What :meth:`Store.ingest` did with one report."""

    status: IngestStatus
    report_id: int
    sha256: str
    claims: int = 0
    facts: int = 0
    events: int = 0


class Store(QueriesMixin, CorrectionsMixin):
    """A detente database.  Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._runs: dict[str, int] = {}

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, db: str | Path, *, create: bool = True) -> Store:
        """Open the database at *db*; by default create or migrate its schema.

        *db* is a file path (SQLite) or a SQLAlchemy URL.  With ``create=False``
        (read-only commands) nothing is ever written: a file that is not a
        detente database, or one at another schema revision, is an error.
        Raises :class:`StoreError` with a one-line message when it cannot be used.
        """
        url = _url(db)
        label = str(db)
        sqlite = url.startswith("sqlite:///")
        if sqlite:
            path = Path(url.removeprefix("sqlite:///"))
            label = str(path)
            if not create and not path.exists():
                raise StoreError(f"no database at {path} (run 'detente ingest' first)")
            if path.is_dir():
                raise StoreError(f"cannot use database {path}: it is a directory")
        try:
            engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, ModuleNotFoundError) as exc:
            raise StoreError(f"cannot use database {db}: {exc}") from None
        if not sqlite:
            label = engine.url.render_as_string(hide_password=True)
        if engine.dialect.name == "sqlite":
            pragmas = sqlite_writer_pragmas if create else sqlite_reader_pragmas
            sa.event.listen(engine, "connect", pragmas)
        try:
            ensure_schema(engine, label, create=create)
        except SchemaError as exc:
            engine.dispose()
            raise StoreError(str(exc)) from None
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            if sqlite and "file is not a database" in reason:
                raise StoreError(f"{label} is not a detente database") from None
            raise StoreError(f"cannot use database {label}: {reason}") from None
        return cls(engine)

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (atomically, under a lock)."""
        try:
            label = self.engine.url.render_as_string(hide_password=True)
            ensure_schema(self.engine, label, create=True)
        except SchemaError as exc:
            raise StoreError(str(exc)) from None

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        """Close the finished extraction runs and release connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ------------------------------------------------------------------

    def find_report(self, sha256: str) -> dict[str, Any] | None:
        """The stored report with this identity, or ``None``."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(reports.c.id, reports.c.extractor).where(reports.c.sha256 == sha256)
            ).first()
        return dict(row._mapping) if row else None

    def needs_extraction(self, report: Report, extractor_name: str) -> bool:
        """True when *report* is new or was extracted by another extractor."""
        found = self.find_report(report.sha256)
        return found is None or found["extractor"] != extractor_name

    def ingest(
        self,
        report: Report,
        extractor: ExtractorLike,
        *,
        extraction: Extraction | None = None,
        force: bool = False,
    ) -> IngestResult:
        """Store *report* with what *extractor* finds in it, in one transaction.

        Returns ``present`` without writing when the same text was already
        extracted by the same extractor; replaces the derived rows when it was
        extracted by another (``reextracted``).  *extraction* may be passed when
        the caller already ran the extractor (batching).  Any failure rolls the
        whole report back.
        """
        sha = report.sha256
        found = self.find_report(sha)
        if found is not None and found["extractor"] == extractor.name and not force:
            if report.published is not None:
                self.fill_missing_date(found["id"], report)
            return IngestResult("present", found["id"], sha)
        if extraction is None:
            extraction = extractor.extract(report)
        from detente.store.batch import write_one

        try:
            with self.engine.begin() as conn:
                run_id = self._run_id(conn, extractor)
                self._upsert_labels(conn, extraction)
                result = write_one(self, conn, report, found, extractor.name, run_id, extraction)
                conn.execute(
                    extraction_runs.update()
                    .where(extraction_runs.c.id == run_id)
                    .values(finished_at=_now(), reports=extraction_runs.c.reports + 1)
                )
        except sa.exc.IntegrityError:
            # Another process stored the same text since find_report: already present.
            again = self.find_report(sha) if found is None else None
            if again is None:
                raise
            return IngestResult("present", again["id"], sha)
        return result

    def ingest_many(
        self, items: Iterable[Report], extractor: ExtractorLike, *, batch_size: int = 16
    ) -> Iterator[tuple[Report, IngestResult]]:
        """Ingest reports, batching the extraction of those that need it.

        Yields ``(report, result)`` in input order; each report is still its
        own transaction.
        """
        batch: list[Report] = []

        def flush() -> Iterator[tuple[Report, IngestResult]]:
            todo = [r for r in batch if self.needs_extraction(r, extractor.name)]
            extracted = dict(
                zip((id(r) for r in todo), extractor.pipe(todo, batch_size=batch_size), strict=True)
            )
            for r in batch:
                yield r, self.ingest(r, extractor, extraction=extracted.get(id(r)))
            batch.clear()

        for report in items:
            batch.append(report)
            if len(batch) >= batch_size:
                yield from flush()
        if batch:
            yield from flush()

    def lookup(self, shas: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Stored reports by content hash (``id`` and ``extractor``), one query per 500."""
        from detente.store.batch import lookup

        return lookup(self, shas)

    def ingest_batch(
        self,
        items: Sequence[tuple[Report, Extraction | None]],
        extractor: ExtractorLike,
    ) -> list[IngestResult | Exception]:
        """Store many extracted reports in one transaction, all-or-nothing per report.

        See :func:`detente.store.batch.ingest_batch`.
        """
        from detente.store.batch import ingest_batch

        return ingest_batch(self, items, extractor)

    def _run_id(self, conn: sa.Connection, extractor: ExtractorLike) -> int:
        run_id = self._runs.get(extractor.name)
        if run_id is None:
            started = _now()
            run_id = conn.execute(
                extraction_runs.insert().values(
                    name=f"{extractor.name} {started}",
                    extractor=extractor.name,
                    model=getattr(extractor, "model", None),
                    components=_dumps(getattr(extractor, "components", {})),
                    detente_version=__version__,
                    started_at=started,
                )
            ).inserted_primary_key[0]
            # Remembered only once the transaction that created it commits.
            conn.info.setdefault("detente_new_runs", []).append((extractor.name, run_id))
            sa.event.listen(conn, "commit", self._remember_runs, once=True)
        return run_id

    def _remember_runs(self, conn: sa.Connection) -> None:
        for name, run_id in conn.info.pop("detente_new_runs", []):
            self._runs[name] = run_id

    def _insert_report(
        self, conn: sa.Connection, report: Report, run_id: int, extractor_name: str
    ) -> int:
        dl = report.dateline
        return conn.execute(
            reports.insert(),
            {
                "sha256": report.sha256,
                "title": report.title,
                "source": report.source,
                "agency": report.agency,
                "url": report.url,
                "dateline_place": dl.place if dl else None,
                "dateline": dl.raw if dl else None,
                "published": report.published,
                "date_precision": report.date_precision,
                "date_note": report.date_note,
                "origin": report.origin,
                "words": len(report.text.split()),
                "text": report.text,
                "ingested_at": _now(),
                "run_id": run_id,
                "extractor": extractor_name,
            },
        ).inserted_primary_key[0]

    def _delete_derived(self, conn: sa.Connection, report_id: int) -> None:
        claim_ids = sa.select(claims.c.id).where(claims.c.report_id == report_id)
        conn.execute(claim_sources.delete().where(claim_sources.c.claim_id.in_(claim_ids)))
        conn.execute(claim_places.delete().where(claim_places.c.claim_id.in_(claim_ids)))
        for table in (claims, facts, events):
            conn.execute(table.delete().where(table.c.report_id == report_id))

    def _upsert_labels(
        self,
        conn: sa.Connection,
        extraction: Extraction,
        known: set[tuple[str, str]] | None = None,
    ) -> None:
        """Insert the actors and places *extraction* names that are not stored yet.

        *known* holds ``("actor", id)``/``("place", code)`` pairs already known to
        be stored in this transaction; they are not looked up again.
        """
        known = known or set()
        actor_ids = {a for a in _actor_ids(extraction) if ("actor", a) not in known}
        place_codes = {p for p in _place_codes(extraction) if ("place", p) not in known}
        if actor_ids:
            stored = {
                r[0] for r in conn.execute(sa.select(actors.c.id).where(actors.c.id.in_(actor_ids)))
            }
            new_actors = [
                {"id": a, "name": extraction.actor_names.get(a, a), "kind": _actor_kind(a)}
                for a in sorted(actor_ids - stored)
            ]
            if new_actors:
                insert_ignore(conn, actors, new_actors)
        if place_codes:
            stored = {
                r[0]
                for r in conn.execute(
                    sa.select(places.c.code).where(places.c.code.in_(place_codes))
                )
            }
            new_places = [
                {"code": p, "name": extraction.place_names.get(p, p)}
                for p in sorted(place_codes - stored)
            ]
            if new_places:
                insert_ignore(conn, places, new_places)

    def _insert_extraction(
        self,
        conn: sa.Connection,
        report_id: int,
        run_id: int,
        extraction: Extraction,
        *,
        labels: bool = True,
    ) -> None:
        if labels:
            self._upsert_labels(conn, extraction)
        from detente.store.batch import insert_rows

        insert_rows(self, conn, run_id, [(report_id, extraction)])

    @staticmethod
    def _claim_row(c: Claim, report_id: int, run_id: int) -> dict[str, Any]:
        return {
            "report_id": report_id,
            "run_id": run_id,
            "ordinal": c.ordinal,
            "name": f"{c.actor} {'not ' if c.negated else ''}{c.kind} {c.issue}",
            "actor_id": c.actor,
            "speaker": c.speaker,
            "kind": c.kind,
            "issue": c.issue,
            "target": c.target,
            "places": _dumps(c.places),
            "quantities": _dumps(c.quantities),
            "conditional": c.conditional,
            "conditions": _dumps(c.conditions),
            "exchange_for": "[]",
            "hedged": c.hedged,
            "negated": c.negated,
            "denied": c.denied,
            "confidence": c.confidence,
            "anonymous": c.anonymous,
            "date": c.date,
            "quote": c.quote,
            "start": c.start,
            "end": c.end,
        }

    @staticmethod
    def _fact_row(f: Fact, report_id: int, run_id: int) -> dict[str, Any]:
        share = "" if f.share is None else f" {f.share:.0%}{'~' if f.approximate else ''} of"
        return {
            "report_id": report_id,
            "run_id": run_id,
            "name": f"{f.actor} controls{share} {f.place}",
            "actor_id": f.actor,
            "place_code": f.place,
            "share": f.share,
            "approximate": f.approximate,
            "sources": _dumps(f.sources),
            "date": f.date,
            "quote": f.quote,
            "start": f.start,
            "end": f.end,
        }

    @staticmethod
    def _event_row(e: Event, report_id: int, run_id: int) -> dict[str, Any]:
        when = e.date.isoformat() if e.date else "undated"
        return {
            "report_id": report_id,
            "run_id": run_id,
            "name": f"{e.kind} {when} {', '.join(e.participants)}".strip(),
            "kind": e.kind,
            "date": e.date,
            "date_text": e.date_text,
            "participants": _dumps(e.participants),
            "place": e.place,
            "quote": e.quote,
            "start": e.start,
            "end": e.end,
        }


def _actor_ids(extraction: Extraction) -> set[str]:
    return {c.actor for c in extraction.claims} | {f.actor for f in extraction.facts}


def _place_codes(extraction: Extraction) -> set[str]:
    return {p for c in extraction.claims for p in c.places} | {f.place for f in extraction.facts}
