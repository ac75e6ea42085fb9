"""Negotiations: which reports belong together.

A report is assigned to the negotiations whose parties and places its claims,
facts and events touch (``knowledge/negotiations.yaml`` lists the known ones).
Reports that match nothing propose a new negotiation from their own
co-occurring parties and places.  A hand assignment (``assigned_by='manual'``)
replaces the automatic links and survives re-extraction and re-assignment.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from detente.knowledge.catalog import known, third_parties
from detente.records import Extraction
from detente.store._util import insert_ignore
from detente.store.schema import (
    actors,
    claims,
    events,
    facts,
    negotiations,
    report_negotiations,
    reports,
)

#: A negotiation whose score is below this share of the report's best match is dropped
#: (a Ukraine report that mentions Gaza in passing stays a Ukraine report).
RELATIVE_FLOOR = 0.34
#: Weight of one place touched, against one party that speaks or acts.
PLACE_WEIGHT = 0.5

NEGOTIATION_FIELDS: tuple[str, ...] = (
    "id",
    "slug",
    "name",
    "parties",
    "places",
    "origin",
    "first_seen",
    "last_seen",
    "reports",
)


class UnknownNegotiation(LookupError):
    """No negotiation with that slug (the message suggests the nearest)."""


def place_matches(code: str, patterns: Iterable[str]) -> bool:
    """True when place *code* is one of *patterns* or a region of a two-letter prefix."""
    return any(code == p or (len(p) == 2 and code.startswith(p + "-")) for p in patterns)


@dataclass(slots=True)
class Footprint:
    """Who acts and which places are touched in one report (counts of mentions)."""

    actors: Counter[str]
    places: Counter[str]


def score(
    fp: Footprint,
    parties: Iterable[str],
    places: Iterable[str],
    mediators: Iterable[str] = (),
) -> float:
    """How strongly a report's footprint points at a negotiation (0 = not at all).

    Two parties, or one party and one of its places, or a place alone make a
    match; one party alone matches only when it is party to no other known
    negotiation (Ukraine, M23), because Israel or DR Congo alone is ambiguous,
    and when no other principal speaks (Pakistan with Baloch rebels is not the
    India–Pakistan negotiation).
    """
    parties = set(parties)
    places = tuple(places)
    party_hits = {a: n for a, n in fp.actors.items() if a in parties}
    place_hits = {p: n for p, n in fp.places.items() if place_matches(p, places)}
    if not party_hits and not place_hits:
        return 0.0
    if len(party_hits) == 1 and not place_hits:
        (only,) = party_hits
        involved = parties | set(mediators) | third_parties()
        strangers = [a for a in fp.actors if a not in involved]
        if _ambiguous(only) or strangers:
            return 0.0
    return sum(party_hits.values()) + PLACE_WEIGHT * sum(place_hits.values())


@lru_cache(maxsize=512)
def _ambiguous(actor: str) -> bool:
    # Turkey is party to one known negotiation but mediates in many.
    return actor in third_parties() or sum(actor in k.parties for k in known().values()) != 1


def best_matches(
    fp: Footprint, candidates: dict[str, tuple[Iterable[str], ...]]
) -> list[tuple[str, float]]:
    """Slugs of *candidates* ((parties, places[, mediators]) by slug) that match, best first."""
    scored = [(slug, score(fp, *pp)) for slug, pp in candidates.items()]
    scored = [(s, v) for s, v in scored if v > 0]
    if not scored:
        return []
    top = max(v for _, v in scored)
    kept = [(s, v) for s, v in scored if v >= RELATIVE_FLOOR * top]
    return sorted(kept, key=lambda sv: (-sv[1], sv[0]))


def propose(fp: Footprint, names: dict[str, str]) -> tuple[str, str, list[str], list[str]] | None:
    """(slug, name, parties, places) of a new negotiation for an unmatched report.

    Needs two parties that are not third parties, or one such party and a place.
    """
    ranked = [a for a, _ in fp.actors.most_common() if a not in third_parties()]
    places = sorted(fp.places)
    if len(ranked) < 2 and not (ranked and places):
        return None
    parties = sorted(ranked[:2])
    label = [names.get(a, a) for a in parties]
    if len(parties) == 1:
        label.append(names.get(places[0], places[0]))
    slug = "-".join(_slug(x) for x in label)[:64].strip("-") or "negotiation"
    return slug, "–".join(label), parties, places


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def suggestion(slug: str, slugs: Iterable[str]) -> str:
    """`` (did you mean X?)`` for the nearest of *slugs*, or an empty string."""
    near = difflib.get_close_matches(slug.lower(), list(slugs), n=1, cutoff=0.5)
    return f" (did you mean {near[0]}?)" if near else ""


def _row(r: Any, n_reports: int | None = None) -> dict[str, Any]:
    out = {
        "id": r.id,
        "slug": r.slug,
        "name": r.name,
        "parties": json.loads(r.parties or "[]"),
        "places": json.loads(r.places or "[]"),
        "origin": r.origin,
        "first_seen": _iso(r.first_seen),
        "last_seen": _iso(r.last_seen),
    }
    if n_reports is not None:
        out["reports"] = n_reports
    return out


def _iso(value: Any) -> str | None:
    return None if value is None else getattr(value, "isoformat", lambda: str(value))()


class NegotiationsMixin:
    """Negotiation queries and assignment; mixed into :class:`detente.store.Store`."""

    engine: sa.Engine

    # -- queries -------------------------------------------------------------------

    def negotiations(self) -> list[dict[str, Any]]:
        """Negotiations with reports (:data:`NEGOTIATION_FIELDS`), most reports first."""
        n = (
            sa.select(sa.func.count())
            .where(report_negotiations.c.negotiation_id == negotiations.c.id)
            .scalar_subquery()
        )
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(negotiations, n.label("n")))
            out = [_row(r, r.n) for r in rows]
        out.sort(key=lambda r: (-r["reports"], r["slug"]))
        return out

    def negotiation(self, slug: str) -> dict[str, Any] | None:
        """One stored negotiation by slug (with its report count), or ``None``."""
        for n in self.negotiations():
            if n["slug"] == slug:
                return n
        return None

    def require_negotiation(self, slug: str) -> dict[str, Any]:
        """Like :meth:`negotiation` but raises :class:`UnknownNegotiation` with a suggestion."""
        found = self.negotiation(slug)
        if found is None:
            stored = [n["slug"] for n in self.negotiations()]
            hint = suggestion(slug, stored or known())
            raise UnknownNegotiation(f"unknown negotiation {slug!r}{hint}")
        return found

    def report_negotiations(self) -> dict[int, list[str]]:
        """Slugs of each report's negotiations, manual and best-scored first."""
        q = _ranked_links(negotiations.c.slug)
        out: dict[int, list[str]] = {}
        with self.engine.connect() as conn:
            for rid, slug in conn.execute(q):
                out.setdefault(rid, []).append(slug)
        return out

    def negotiation_scope(self, slug: str) -> tuple[set[int], dict[int, list[tuple]]]:
        """Report ids in *slug*, and for reports in several negotiations their
        (slug, parties, places) so a claim can be placed in the right one."""
        q = _ranked_links(negotiations.c.slug, negotiations.c.parties, negotiations.c.places).where(
            report_negotiations.c.report_id.in_(
                sa.select(report_negotiations.c.report_id)
                .join(negotiations, negotiations.c.id == report_negotiations.c.negotiation_id)
                .where(negotiations.c.slug == slug)
            )
        )
        links: dict[int, list[tuple]] = {}
        with self.engine.connect() as conn:
            for rid, s, parties, places in conn.execute(q):
                links.setdefault(rid, []).append((s, json.loads(parties), json.loads(places)))
        return set(links), {r: v for r, v in links.items() if len(v) > 1}

    # -- assignment ------------------------------------------------------------------

    def assign_report(
        self, report_id: int, slug: str, *, by: str = "manual", name: str | None = None
    ) -> dict[str, Any]:
        """Move report *report_id* to negotiation *slug*, replacing its links.

        *slug* is a stored or known negotiation; an unknown one is created only
        when *name* is given.  A manual assignment survives re-extraction and
        :meth:`reassign`.  Returns the negotiation.
        """
        with self.engine.begin() as conn:
            if (
                conn.execute(sa.select(reports.c.id).where(reports.c.id == report_id)).first()
                is None
            ):
                raise LookupError(f"no report {report_id}")
            nid = _negotiation_id(conn, slug, name=name)
            conn.execute(
                report_negotiations.delete().where(report_negotiations.c.report_id == report_id)
            )
            conn.execute(
                report_negotiations.insert().values(
                    report_id=report_id, negotiation_id=nid, assigned_by=by, score=None
                )
            )
            _touch(conn)
        return self.require_negotiation(slug)

    def reassign(self, report_ids: Iterable[int] | None = None) -> int:
        """Recompute the automatic links of stored reports (hand assignments kept).

        Returns the number of reports that belong to at least one negotiation.
        """
        with self.engine.begin() as conn:
            if report_ids is None:
                # Proposals are made afresh (unless a report was moved to one by hand).
                kept = sa.select(report_negotiations.c.negotiation_id).where(
                    report_negotiations.c.assigned_by == "manual"
                )
                stale = sa.select(negotiations.c.id).where(
                    negotiations.c.origin == "proposed", ~negotiations.c.id.in_(kept)
                )
                conn.execute(
                    report_negotiations.delete().where(
                        report_negotiations.c.negotiation_id.in_(stale)
                    )
                )
                conn.execute(negotiations.delete().where(negotiations.c.id.in_(stale)))
            ids = (
                list(report_ids)
                if report_ids is not None
                else [r[0] for r in conn.execute(sa.select(reports.c.id).order_by(reports.c.id))]
            )
            n = sum(bool(_assign_auto(conn, rid)) for rid in ids)
            # A proposal no report supports any more is withdrawn.
            conn.execute(
                negotiations.delete().where(
                    negotiations.c.origin == "proposed",
                    ~negotiations.c.id.in_(sa.select(report_negotiations.c.negotiation_id)),
                )
            )
            _touch(conn)
        return n


def assign_auto(conn: sa.Connection, report_id: int) -> list[str]:
    """Link *report_id* to the negotiations its records match, inside *conn*'s transaction.

    Reports assigned by hand are left alone.  Returns the slugs linked.
    """
    slugs = _assign_auto(conn, report_id)
    _touch(conn)
    return slugs


def _assign_auto(
    conn: sa.Connection, report_id: int, *, footprint: Footprint | None = None, new: bool = False
) -> list[str]:
    """Link *report_id* to the negotiations it matches (or a proposed one).

    *footprint* may be passed when the caller holds the rows just written (saves reading
    them back); *new* says the report was inserted in this transaction, so it has no links.
    """
    links = report_negotiations.c
    if not new:
        manual = conn.execute(
            sa.select(negotiations.c.slug)
            .join(report_negotiations, links.negotiation_id == negotiations.c.id)
            .where(links.report_id == report_id, links.assigned_by == "manual")
        ).all()
        if manual:
            return [m[0] for m in manual]
        conn.execute(report_negotiations.delete().where(links.report_id == report_id))
    fp = footprint if footprint is not None else _footprint(conn, report_id)
    rows = conn.execute(sa.select(negotiations)).all()
    stored = {r.slug: (json.loads(r.parties), json.loads(r.places)) for r in rows}
    ids = {r.slug: r.id for r in rows}
    candidates: dict[str, tuple[Iterable[str], ...]] = {
        k.slug: (k.parties, k.places, k.mediators) for k in known().values()
    } | {s: pp for s, pp in stored.items() if s not in known()}
    matches = best_matches(fp, candidates)
    if not matches:
        names = dict(conn.execute(sa.select(actors.c.id, actors.c.name)).all())
        proposal = propose(fp, names)
        if proposal is None:
            return []
        slug, name, parties, places = proposal
        if slug not in stored:
            insert_ignore(
                conn,
                negotiations,
                [
                    {
                        "slug": slug,
                        "name": name,
                        "parties": json.dumps(parties),
                        "places": json.dumps(places),
                        "origin": "proposed",
                    }
                ],
            )
        matches = [(slug, score(fp, parties, places) or 1.0)]
    for slug, value in matches:
        # Parameters, not .values(): one cached statement instead of one built per row.
        conn.execute(
            report_negotiations.insert(),
            {
                "report_id": report_id,
                "negotiation_id": ids.get(slug) or _negotiation_id(conn, slug),
                "assigned_by": "auto",
                "score": round(value, 3),
            },
        )
    return [s for s, _ in matches]


def _footprint(conn: sa.Connection, report_id: int) -> Footprint:
    who: Counter[str] = Counter()
    where: Counter[str] = Counter()
    for actor, places in conn.execute(
        sa.select(claims.c.actor_id, claims.c.places).where(claims.c.report_id == report_id)
    ):
        who[actor] += 1
        where.update(json.loads(places or "[]"))
    for actor, place in conn.execute(
        sa.select(facts.c.actor_id, facts.c.place_code).where(facts.c.report_id == report_id)
    ):
        who[actor] += 1
        where[place] += 1
    for (participants,) in conn.execute(
        sa.select(events.c.participants).where(events.c.report_id == report_id)
    ):
        who.update(json.loads(participants or "[]"))
    return Footprint(who, where)


def footprint_of(extraction: Extraction) -> Footprint:
    """The footprint of an extraction, counted as :func:`_footprint` counts its stored rows."""
    who: Counter[str] = Counter()
    where: Counter[str] = Counter()
    for claim in extraction.claims:
        who[claim.actor] += 1
        where.update(claim.places)
    for fact in extraction.facts:
        who[fact.actor] += 1
        where[fact.place] += 1
    for event in extraction.events:
        who.update(event.participants)
    return Footprint(who, where)


def _negotiation_id(conn: sa.Connection, slug: str, *, name: str | None = None) -> int:
    """Id of *slug*, inserting it from the knowledge file (or as a manual one) if needed."""
    found = conn.execute(sa.select(negotiations.c.id).where(negotiations.c.slug == slug)).first()
    if found:
        return found[0]
    k = known().get(slug)
    if k is None and name is None:
        stored = [r[0] for r in conn.execute(sa.select(negotiations.c.slug))]
        hint = suggestion(slug, [*stored, *known()])
        raise UnknownNegotiation(f"unknown negotiation {slug!r}{hint}")
    values = (
        {"name": k.name, "parties": k.parties, "places": k.places, "origin": "knowledge"}
        if k
        else {"name": name, "parties": [], "places": [], "origin": "manual"}
    )
    row = {
        "slug": slug,
        "name": values["name"],
        "parties": json.dumps(list(values["parties"])),
        "places": json.dumps(list(values["places"])),
        "origin": values["origin"],
    }
    insert_ignore(conn, negotiations, [row])
    return conn.execute(
        sa.select(negotiations.c.id).where(negotiations.c.slug == slug)
    ).scalar_one()


_TOUCH = negotiations.update().where(negotiations.c.id == sa.bindparam("nid"))


def _touch(conn: sa.Connection) -> None:
    """Refresh first/last seen of every negotiation from its reports' dates."""
    links = report_negotiations.c
    q = (
        sa.select(
            negotiations.c.id,
            negotiations.c.first_seen,
            negotiations.c.last_seen,
            sa.func.min(reports.c.published),
            sa.func.max(reports.c.published),
        )
        .select_from(negotiations)
        .outerjoin(report_negotiations, links.negotiation_id == negotiations.c.id)
        .outerjoin(reports, reports.c.id == links.report_id)
        .group_by(negotiations.c.id)
    )
    # Only the rows whose dates moved, in one statement: most batches change a few.
    changed = [
        {"nid": nid, "first_seen": first, "last_seen": last}
        for nid, was_first, was_last, first, last in conn.execute(q).all()
        if (was_first, was_last) != (first, last)
    ]
    if changed:
        conn.execute(_TOUCH, changed)


def claim_in_scope(claim: dict[str, Any], slug: str, links: list[tuple]) -> bool:
    """Whether *claim*, from a report in several negotiations, belongs to *slug*.

    *links* are the report's negotiations, best match first.  The claim fits
    a negotiation when its actor is a party or one of its places is a place
    of it; it belongs to the best one it fits, or to all when it fits none.
    """

    def fits(parties: list[str], places: list[str]) -> bool:
        return claim["actor"] in parties or any(place_matches(p, places) for p in claim["places"])

    fitting = [s for s, parties, places in links if fits(parties, places)]
    # A claim that fits several (DR Congo speaks in both Congo talks) goes to the report's
    # best match; one that fits none (a mediator's) to all of them.
    return fitting[0] == slug if fitting else True


def in_negotiation(q: sa.Select, report_col: sa.ColumnElement, slug: str | None) -> sa.Select:
    """*q* narrowed to rows whose report is in negotiation *slug* (unchanged for ``None``)."""
    if slug is None:
        return q
    linked = (
        sa.select(report_negotiations.c.report_id)
        .join(negotiations, negotiations.c.id == report_negotiations.c.negotiation_id)
        .where(negotiations.c.slug == slug)
    )
    return q.where(report_col.in_(linked))


def _ranked_links(*columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """Each report's negotiation links with *columns*, per report manual first, then by score."""
    return (
        sa.select(report_negotiations.c.report_id, *columns)
        .join(negotiations, negotiations.c.id == report_negotiations.c.negotiation_id)
        .order_by(
            report_negotiations.c.report_id,
            (report_negotiations.c.assigned_by == "manual").desc(),
            report_negotiations.c.score.desc(),
            negotiations.c.slug,
        )
    )
