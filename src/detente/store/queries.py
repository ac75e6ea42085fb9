"""Read queries of the store: claims, events, facts, reports and actors as listed by the CLI.

:class:`QueriesMixin` is mixed into :class:`detente.store.store.Store`; the ``*_FIELDS``
tuples are the stable field names of each listing (the CLI's json/jsonl/csv output).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from detente.store._util import _filter, _iso, _loads, _ranked
from detente.store.negotiations import NegotiationsMixin, claim_in_scope
from detente.store.negotiations import in_negotiation as _in_negotiation
from detente.store.schema import (
    actors,
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
    "extractor",
    "review",
    "review_version",
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
    "negotiation",
    "story_id",
)
ACTOR_FIELDS: tuple[str, ...] = ("id", "name", "kind", "claims", "reports", "kinds", "issues")


class QueriesMixin(NegotiationsMixin):
    """Listings over the stored rows; needs ``self.engine`` and the negotiation scopes."""

    engine: sa.Engine

    def claims(self, *, reviewed: bool | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The effective claims: machine claims with the human review applied.

        Rejected stances are left out, edits applied and added stances
        included; each claim's ``review`` is ``machine``, ``confirmed``,
        ``edited`` or ``added``.  *filters* are those of :meth:`machine_claims`
        and apply to the reviewed values; *reviewed* keeps only reviewed (True)
        or unreviewed (False) claims.  Every consumer reads claims through here.
        """
        from detente.review.overlay import effective_claims

        return effective_claims(self, reviewed=reviewed, **filters)

    def machine_claims(
        self,
        *,
        report_id: int | Sequence[int] | None = None,
        actor: str | Sequence[str] | None = None,
        issue: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        negotiation: str | None = None,
        ids: Sequence[int] | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """Claims as the extractor stored them (no review), oldest report first.

        *since*/*until* filter on the date the stance was voiced, falling back
        to the report's publication date; *negotiation* (a slug) keeps the
        claims of that negotiation's reports that belong to it; *ids* keeps
        those claim ids; *min_confidence* keeps claims the extractor trusts at
        least that much (claims without a confidence go).
        """
        when = sa.func.coalesce(claims.c.date, reports.c.published)
        q = (
            sa.select(
                claims,
                actors.c.name.label("actor_name"),
                reports.c.published.label("published"),
                extraction_runs.c.extractor.label("run_extractor"),
            )
            .join(actors, actors.c.id == claims.c.actor_id)
            .join(reports, reports.c.id == claims.c.report_id)
            .outerjoin(extraction_runs, extraction_runs.c.id == claims.c.run_id)
            .order_by(claims.c.report_id, claims.c.ordinal)
        )
        shared: dict[int, list[tuple]] = {}
        if negotiation is not None:
            in_scope, shared = self.negotiation_scope(negotiation)
            q = q.where(claims.c.report_id.in_(in_scope))
        q = _filter(q, claims.c.report_id, report_id)
        q = _filter(q, claims.c.id, ids)
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
                "extractor": r["run_extractor"],
            }
            for r in rows
            if r["report_id"] not in shared
            or claim_in_scope(
                {"actor": r["actor_id"], "places": _loads(r["places"])},
                str(negotiation),
                shared[r["report_id"]],
            )
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
        negotiation: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events with the stable :data:`EVENT_FIELDS`, by date."""
        q = sa.select(events).order_by(events.c.date.is_(None), events.c.date, events.c.id)
        q = _in_negotiation(q, events.c.report_id, negotiation)
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
        negotiation: str | None = None,
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
        q = _in_negotiation(q, facts.c.report_id, negotiation)
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

    def reports(
        self, *, since: date | None = None, negotiation: str | None = None
    ) -> list[dict[str, Any]]:
        """Stored reports (without their text) with :data:`REPORT_FIELDS`.

        ``negotiation`` is the report's main negotiation (a hand assignment, else
        the best match) and ``negotiations`` all of them.
        """
        n_claims = (
            sa.select(sa.func.count())
            .where(claims.c.report_id == reports.c.id)
            .scalar_subquery()
            .label("claims")
        )
        cols = [c for c in reports.c if c.name != "text"]
        q = sa.select(*cols, n_claims).order_by(reports.c.id)
        q = _in_negotiation(q, reports.c.id, negotiation)
        if since:
            q = q.where(reports.c.published >= since)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
        links = self.report_negotiations()
        for r in rows:
            r["published"] = _iso(r["published"])
            r["negotiations"] = links.get(r["id"], [])
            r["negotiation"] = r["negotiations"][0] if r["negotiations"] else None
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

    def actors(self, *, negotiation: str | None = None) -> list[dict[str, Any]]:
        """Actors with how often and how they appear (:data:`ACTOR_FIELDS`).

        With *negotiation* (a slug), only actors with claims in its reports.
        """
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
        q = _in_negotiation(q, claims.c.report_id, negotiation)
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
