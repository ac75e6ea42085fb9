"""Persisting reports and what was extracted from them.

:class:`Store` wraps an SQLAlchemy engine (SQLite by default, PostgreSQL for
teams).  Ingest is one transaction per report and idempotent: a report is
identified by the SHA-256 of its normalised text, so the same text twice adds
nothing, while a report extracted by another extractor version has its derived
rows replaced atomically.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from detente import __version__
from detente.records import Claim, Event, Extraction, Fact, Report, to_jsonable
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

#: Field names of a claim as listed by ``detente claims`` (stable API).
CLAIM_FIELDS: tuple[str, ...] = (
    "id",
    "report",
    "actor",
    "actor_name",
    "speaker",
    "kind",
    "issue",
    "target",
    "places",
    "quantities",
    "conditional",
    "conditions",
    "exchange_for",
    "hedged",
    "negated",
    "denied",
    "confidence",
    "sources",
    "anonymous",
    "date",
    "quote",
    "start",
    "end",
)
EVENT_FIELDS: tuple[str, ...] = (
    "id",
    "report",
    "kind",
    "date",
    "date_text",
    "participants",
    "place",
    "quote",
    "start",
    "end",
)
FACT_FIELDS: tuple[str, ...] = (
    "id",
    "report",
    "actor",
    "actor_name",
    "place",
    "place_name",
    "share",
    "approximate",
    "sources",
    "date",
    "quote",
    "start",
    "end",
)
REPORT_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "agency",
    "source",
    "dateline_place",
    "published",
    "date_precision",
    "date_note",
    "words",
    "claims",
    "url",
    "origin",
    "sha256",
    "extractor",
    "ingested_at",
)
ACTOR_FIELDS: tuple[str, ...] = ("id", "name", "kind", "claims", "reports", "kinds", "issues")

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


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL."""
    s = str(db)
    if re.match(r"^[a-z][a-z0-9+]*://", s):
        return s
    return f"sqlite:///{Path(s).expanduser()}"


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("detente.store").joinpath("migrations"))
    )
    return cfg


def _actor_kind(actor_id: str) -> str:
    # ISO 3166-1 alpha-3 codes are upper case; every other body is a lowercase slug.
    return "state" if re.fullmatch(r"[A-Z]{3}", actor_id) else "body"


def _loads(value: str | None) -> Any:
    return json.loads(value) if value else []


def _dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False)


class Store:
    """A detente database.  Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._runs: dict[str, int] = {}

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, db: str | Path, *, create: bool = True) -> Store:
        """Open (and by default create or migrate) the database at *db*.

        *db* is a file path (SQLite) or a SQLAlchemy URL.  Raises
        :class:`StoreError` with a one-line message when it cannot be used.
        """
        url = _url(db)
        if url.startswith("sqlite:///") and not create:
            path = Path(url.removeprefix("sqlite:///"))
            if not path.exists():
                raise StoreError(f"no database at {path} (run 'detente ingest' first)")
        try:
            engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, ModuleNotFoundError) as exc:
            raise StoreError(f"cannot use database {db}: {exc}") from None
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        try:
            store.migrate()
        except sa.exc.DatabaseError as exc:
            engine.dispose()
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"cannot use database {db}: {reason}") from None
        return store

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        cfg = _alembic_config()
        head = ScriptDirectory.from_config(cfg).get_current_head()
        with self.engine.begin() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

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
        if found is not None and found["extractor"] == extractor.name:
            return IngestResult("present", found["id"], sha)
        if extraction is None:
            extraction = extractor.extract(report)
        with self.engine.begin() as conn:
            run_id = self._run_id(conn, extractor)
            if found is None:
                report_id = self._insert_report(conn, report, run_id, extractor.name)
                status: IngestStatus = "ingested"
            else:
                report_id = found["id"]
                self._delete_derived(conn, report_id)
                conn.execute(
                    reports.update()
                    .where(reports.c.id == report_id)
                    .values(run_id=run_id, extractor=extractor.name, ingested_at=_now())
                )
                status = "reextracted"
            self._insert_extraction(conn, report_id, run_id, extraction)
            conn.execute(
                extraction_runs.update()
                .where(extraction_runs.c.id == run_id)
                .values(finished_at=_now(), reports=extraction_runs.c.reports + 1)
            )
        return IngestResult(
            status,
            report_id,
            sha,
            claims=len(extraction.claims),
            facts=len(extraction.facts),
            events=len(extraction.events),
        )

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
            reports.insert().values(
                sha256=report.sha256,
                title=report.title,
                source=report.source,
                agency=report.agency,
                url=report.url,
                dateline_place=dl.place if dl else None,
                dateline=dl.raw if dl else None,
                published=report.published,
                date_precision=report.date_precision,
                date_note=report.date_note,
                origin=report.origin,
                words=len(report.text.split()),
                text=report.text,
                ingested_at=_now(),
                run_id=run_id,
                extractor=extractor_name,
            )
        ).inserted_primary_key[0]

    def _delete_derived(self, conn: sa.Connection, report_id: int) -> None:
        claim_ids = sa.select(claims.c.id).where(claims.c.report_id == report_id)
        conn.execute(claim_sources.delete().where(claim_sources.c.claim_id.in_(claim_ids)))
        conn.execute(claim_places.delete().where(claim_places.c.claim_id.in_(claim_ids)))
        for table in (claims, facts, events):
            conn.execute(table.delete().where(table.c.report_id == report_id))

    def _upsert_labels(self, conn: sa.Connection, extraction: Extraction) -> None:
        actor_ids = {c.actor for c in extraction.claims} | {f.actor for f in extraction.facts}
        place_codes = {p for c in extraction.claims for p in c.places} | {
            f.place for f in extraction.facts
        }
        known_actors = {
            r[0] for r in conn.execute(sa.select(actors.c.id).where(actors.c.id.in_(actor_ids)))
        }
        new_actors = [
            {"id": a, "name": extraction.actor_names.get(a, a), "kind": _actor_kind(a)}
            for a in sorted(actor_ids - known_actors)
        ]
        if new_actors:
            conn.execute(actors.insert(), new_actors)
        known_places = {
            r[0]
            for r in conn.execute(sa.select(places.c.code).where(places.c.code.in_(place_codes)))
        }
        new_places = [
            {"code": p, "name": extraction.place_names.get(p, p)}
            for p in sorted(place_codes - known_places)
        ]
        if new_places:
            conn.execute(places.insert(), new_places)

    def _insert_extraction(
        self, conn: sa.Connection, report_id: int, run_id: int, extraction: Extraction
    ) -> None:
        self._upsert_labels(conn, extraction)
        ids: dict[int, int] = {}
        for claim in extraction.claims:
            ids[claim.ordinal] = conn.execute(
                claims.insert().values(**self._claim_row(claim, report_id, run_id))
            ).inserted_primary_key[0]
        for claim in extraction.claims:
            cid = ids[claim.ordinal]
            if claim.exchange_for:
                try:
                    traded = [ids[o] for o in claim.exchange_for]
                except KeyError as exc:
                    raise ValueError(
                        f"claim {claim.ordinal} trades against unknown {exc}"
                    ) from None
                conn.execute(
                    claims.update().where(claims.c.id == cid).values(exchange_for=_dumps(traded))
                )
            if claim.sources:
                conn.execute(
                    claim_sources.insert(),
                    [
                        {"claim_id": cid, "position": i, "name": s}
                        for i, s in enumerate(claim.sources)
                    ],
                )
            if claim.places:
                conn.execute(
                    claim_places.insert(),
                    [
                        {"claim_id": cid, "position": i, "place_code": p}
                        for i, p in enumerate(claim.places)
                    ],
                )
        if extraction.facts:
            conn.execute(
                facts.insert(), [self._fact_row(f, report_id, run_id) for f in extraction.facts]
            )
        if extraction.events:
            conn.execute(
                events.insert(), [self._event_row(e, report_id, run_id) for e in extraction.events]
            )

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

    # -- queries -----------------------------------------------------------------

    def claims(
        self,
        *,
        report_id: int | None = None,
        actor: str | Sequence[str] | None = None,
        issue: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """Stored claims with the stable :data:`CLAIM_FIELDS`, oldest report first.

        *since*/*until* filter on the date the stance was voiced, falling back
        to the report's publication date; *min_confidence* keeps claims the
        extractor trusts at least that much (claims without a confidence go).
        """
        when = sa.func.coalesce(claims.c.date, reports.c.published)
        q = (
            sa.select(
                claims,
                actors.c.name.label("actor_name"),
                reports.c.published.label("published"),
            )
            .join(actors, actors.c.id == claims.c.actor_id)
            .join(reports, reports.c.id == claims.c.report_id)
            .order_by(claims.c.report_id, claims.c.ordinal)
        )
        q = _filter(q, claims.c.report_id, report_id)
        q = _filter(q, claims.c.actor_id, actor)
        q = _filter(q, claims.c.issue, issue)
        q = _filter(q, claims.c.kind, kind)
        if since:
            q = q.where(when >= since)
        if until:
            q = q.where(when <= until)
        if min_confidence is not None:
            q = q.where(claims.c.confidence >= min_confidence)
        with self.engine.connect() as conn:
            rows = [r._mapping for r in conn.execute(q)]
            sources = self._sources(conn, [r["id"] for r in rows])
        return [
            {
                "id": r["id"],
                "report": r["report_id"],
                "actor": r["actor_id"],
                "actor_name": r["actor_name"],
                "speaker": r["speaker"],
                "kind": r["kind"],
                "issue": r["issue"],
                "target": r["target"],
                "places": _loads(r["places"]),
                "quantities": _loads(r["quantities"]),
                "conditional": bool(r["conditional"]),
                "conditions": _loads(r["conditions"]),
                "exchange_for": _loads(r["exchange_for"]),
                "hedged": bool(r["hedged"]),
                "negated": bool(r["negated"]),
                "denied": bool(r["denied"]),
                "confidence": r["confidence"],
                "sources": sources.get(r["id"], []),
                "anonymous": bool(r["anonymous"]),
                "date": _iso(r["date"]),
                "quote": r["quote"],
                "start": r["start"],
                "end": r["end"],
            }
            for r in rows
        ]

    @staticmethod
    def _sources(conn: sa.Connection, claim_ids: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        # Chunked: SQLite limits the number of bound parameters.
        for i in range(0, len(claim_ids), 500):
            chunk = claim_ids[i : i + 500]
            q = (
                sa.select(claim_sources.c.claim_id, claim_sources.c.name)
                .where(claim_sources.c.claim_id.in_(chunk))
                .order_by(claim_sources.c.claim_id, claim_sources.c.position)
            )
            for cid, name in conn.execute(q):
                out.setdefault(cid, []).append(name)
        return out

    def events(
        self,
        *,
        report_id: int | None = None,
        kind: str | Sequence[str] | None = None,
        actor: str | Sequence[str] | None = None,
        since: date | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events with the stable :data:`EVENT_FIELDS`, by date."""
        q = sa.select(events).order_by(events.c.date.is_(None), events.c.date, events.c.id)
        q = _filter(q, events.c.report_id, report_id)
        q = _filter(q, events.c.kind, kind)
        if since:
            q = q.where(events.c.date >= since)
        with self.engine.connect() as conn:
            rows = [r._mapping for r in conn.execute(q)]
        wanted = {actor} if isinstance(actor, str) else set(actor or ())
        out = []
        for r in rows:
            participants = _loads(r["participants"])
            if wanted and not wanted & set(participants):
                continue
            out.append(
                {
                    "id": r["id"],
                    "report": r["report_id"],
                    "kind": r["kind"],
                    "date": _iso(r["date"]),
                    "date_text": r["date_text"],
                    "participants": participants,
                    "place": r["place"],
                    "quote": r["quote"],
                    "start": r["start"],
                    "end": r["end"],
                }
            )
        return out

    def facts(
        self,
        *,
        report_id: int | None = None,
        actor: str | Sequence[str] | None = None,
        place: str | Sequence[str] | None = None,
        since: date | None = None,
    ) -> list[dict[str, Any]]:
        """Stored control facts with the stable :data:`FACT_FIELDS`."""
        q = (
            sa.select(
                facts,
                actors.c.name.label("actor_name"),
                places.c.name.label("place_name"),
                reports.c.published,
            )
            .join(actors, actors.c.id == facts.c.actor_id)
            .join(places, places.c.code == facts.c.place_code)
            .join(reports, reports.c.id == facts.c.report_id)
            .order_by(facts.c.report_id, facts.c.id)
        )
        q = _filter(q, facts.c.report_id, report_id)
        q = _filter(q, facts.c.actor_id, actor)
        q = _filter(q, facts.c.place_code, place)
        if since:
            q = q.where(sa.func.coalesce(facts.c.date, reports.c.published) >= since)
        with self.engine.connect() as conn:
            rows = [r._mapping for r in conn.execute(q)]
        return [
            {
                "id": r["id"],
                "report": r["report_id"],
                "actor": r["actor_id"],
                "actor_name": r["actor_name"],
                "place": r["place_code"],
                "place_name": r["place_name"],
                "share": r["share"],
                "approximate": bool(r["approximate"]),
                "sources": _loads(r["sources"]),
                "date": _iso(r["date"] or r["published"]),
                "quote": r["quote"],
                "start": r["start"],
                "end": r["end"],
            }
            for r in rows
        ]

    def reports(self, *, since: date | None = None) -> list[dict[str, Any]]:
        """Stored reports (without their text) with :data:`REPORT_FIELDS`."""
        n_claims = (
            sa.select(sa.func.count())
            .where(claims.c.report_id == reports.c.id)
            .scalar_subquery()
            .label("claims")
        )
        cols = [c for c in reports.c if c.name != "text"]
        q = sa.select(*cols, n_claims).order_by(reports.c.id)
        if since:
            q = q.where(reports.c.published >= since)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
        for r in rows:
            r["published"] = _iso(r["published"])
        return rows

    def report(self, report_id: int) -> dict[str, Any] | None:
        """One stored report with its text, or ``None``."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(reports).where(reports.c.id == report_id)).first()
        if row is None:
            return None
        out = dict(row._mapping)
        out["published"] = _iso(out["published"])
        return out

    def actors(self) -> list[dict[str, Any]]:
        """Actors with how often and how they appear (:data:`ACTOR_FIELDS`)."""
        q = (
            sa.select(
                actors.c.id,
                actors.c.name,
                actors.c.kind,
                claims.c.report_id,
                claims.c.kind.label("stance"),
                claims.c.issue,
            )
            .select_from(actors.outerjoin(claims, claims.c.actor_id == actors.c.id))
            .order_by(actors.c.id)
        )
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                a = out.setdefault(
                    r.id,
                    {
                        "id": r.id,
                        "name": r.name,
                        "kind": r.kind,
                        "claims": 0,
                        "_r": set(),
                        "_k": {},
                        "_i": {},
                    },
                )
                if r.stance is None:
                    continue
                a["claims"] += 1
                a["_r"].add(r.report_id)
                a["_k"][r.stance] = a["_k"].get(r.stance, 0) + 1
                a["_i"][r.issue] = a["_i"].get(r.issue, 0) + 1
        result = []
        for a in out.values():
            result.append(
                {
                    "id": a["id"],
                    "name": a["name"],
                    "kind": a["kind"],
                    "claims": a["claims"],
                    "reports": len(a["_r"]),
                    "kinds": _ranked(a["_k"]),
                    "issues": _ranked(a["_i"]),
                }
            )
        result.sort(key=lambda a: (-a["claims"], a["id"]))
        return result

    def runs(self) -> list[dict[str, Any]]:
        """Extraction runs, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(extraction_runs).order_by(extraction_runs.c.id.desc()))
            return [dict(r._mapping) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (reports, claims, facts, events, actors)
            }


def _ranked(counts: dict[str, int]) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _filter(q: sa.Select, column: sa.ColumnElement, value: Any) -> sa.Select:
    if value is None or value == () or value == []:
        return q
    if isinstance(value, str | int):
        return q.where(column == value)
    return q.where(column.in_(list(value)))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()
