"""What the pages and the API show, computed from the store (no HTTP here).

Everything reads claims through the one effective read path
(``Store.claims`` / :func:`detente.review.effective_claims`), so a review is
visible everywhere as soon as it is saved.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from markupsafe import Markup

from detente.review import effective_claims, history, orphans
from detente.review.search import search as fulltext
from detente.review.search import terms
from detente.store.schema import claims as claims_table
from detente.store.schema import negotiations, report_negotiations, reports, review_items

if TYPE_CHECKING:
    from detente.store import Store


@dataclass(slots=True)
class ClaimFilter:
    """The filters of the claims list (all optional)."""

    negotiation: str | None = None
    actor: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    issue: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    denied: bool | None = None
    min_confidence: float | None = None
    reviewed: bool | None = None
    #: Words every matching quote contains (full-text search).
    q: str = ""
    #: Words the claim's report contains (full-text search).
    text: str = ""
    report: int | None = None


# -- negotiations -------------------------------------------------------------------


def negotiation_list(store: Store) -> list[dict[str, Any]]:
    """Negotiations with how many reports each holds, most reports first."""
    return store.negotiations()


def report_negotiation_slugs(store: Store, report_id: int) -> list[str]:
    """Slugs of the negotiations a report belongs to (a hand assignment first)."""
    return store.report_negotiations().get(report_id, [])


# -- claims list --------------------------------------------------------------------


def _words_in(text: str, words: Sequence[str]) -> bool:
    low = text.lower()
    return all(w.lower() in low for w in words)


def filtered_claims(store: Store, f: ClaimFilter) -> list[dict[str, Any]]:
    """All effective claims matching *f* (full-text search on quotes and report text)."""
    return claim_page(store, f)[0]


def claim_page(
    store: Store, f: ClaimFilter, *, offset: int = 0, limit: int | None = None
) -> tuple[list[dict[str, Any]], int]:
    """One page of the effective claims matching *f*, and how many match in all.

    Reports nobody reviewed are filtered in SQL on bare (id, report) keys and
    only the page's claims are loaded in full; reports with reviews go through
    the overlay (:func:`detente.review.effective_claims`).  The result is the
    same as filtering every effective claim, at a fraction of the cost.
    """
    scope: set[int] | None = None if f.report is None else {f.report}
    if f.text.strip():
        in_text = fulltext(store.engine, f.text, targets=("reports",)).reports
        scope = in_text if scope is None else scope & in_text
    words = terms(f.q) if f.q else []
    hit_claims: set[int] | None = None
    hit_reports: set[int] = set()
    if words:
        hits = fulltext(store.engine, f.q, targets=("claims",))
        hit_claims, hit_reports = hits.claims, hits.claim_reports
    shared: dict[int, list[tuple]] = {}
    if f.negotiation:
        if store.negotiation(f.negotiation) is None:
            return [], 0
        in_scope, shared = store.negotiation_scope(f.negotiation)
        scope = in_scope if scope is None else scope & in_scope
    if scope is not None and not scope:
        return [], 0
    with store.engine.connect() as conn:
        q = sa.select(review_items.c.report_id).distinct()
        touched = set(conn.execute(q).scalars())
        if scope is not None:
            touched &= scope
        if hit_claims is not None:
            # Only reports holding a matching quote, or a stance a reviewer added.
            q = sa.select(review_items.c.report_id).where(review_items.c.status == "added")
            touched &= hit_reports | set(conn.execute(q).scalars())
        keys: list[tuple[int, int, dict[str, Any] | None]] = []
        if f.reviewed is not True:
            keys = _plain_keys(conn, f, scope, hit_claims, shared)
    reviewed_rows = _reviewed_rows(store, f, touched, words, hit_claims, shared) if touched else []
    merged = keys + [(int(c["report"]), int(c["id"]), c) for c in reviewed_rows]
    merged.sort(key=lambda k: k[0])  # stable: claim order kept within a report
    total = len(merged)
    window = merged[offset : None if limit is None else offset + limit]
    wanted = [cid for _r, cid, row in window if row is None]
    full: dict[int, dict[str, Any]] = {}
    for i in range(0, len(wanted), 5000):
        chunk = wanted[i : i + 5000]
        for c in store.machine_claims(ids=chunk):
            full[int(c["id"])] = {**c, "review": "machine", "review_version": 0}
    return [
        row if row is not None else full[cid] for _r, cid, row in window if row or cid in full
    ], total


def _plain_keys(
    conn: sa.Connection,
    f: ClaimFilter,
    scope: set[int] | None,
    hit_claims: set[int] | None,
    shared: dict[int, list[tuple]],
) -> list[tuple[int, int, None]]:
    """(report, claim id) of unreviewed reports' claims matching *f*, in listing order.

    Sets are passed as subqueries or filtered here rather than as long lists of
    bound parameters, which cost more to compile than the query takes to run.
    """
    from detente.store.negotiations import claim_in_scope

    c = claims_table
    when = sa.func.coalesce(c.c.date, reports.c.published)
    q = (
        sa.select(c.c.id, c.c.report_id, c.c.actor_id, c.c.places)
        .join(reports, reports.c.id == c.c.report_id)
        .order_by(c.c.report_id, c.c.ordinal)
    )
    if f.negotiation:
        q = q.where(
            c.c.report_id.in_(
                sa.select(report_negotiations.c.report_id)
                .join(negotiations, negotiations.c.id == report_negotiations.c.negotiation_id)
                .where(negotiations.c.slug == f.negotiation)
            )
        )
    elif scope is not None and len(scope) <= 2000:
        q = q.where(c.c.report_id.in_(sorted(scope)))
    q = q.where(c.c.report_id.not_in(sa.select(review_items.c.report_id)))
    if f.actor:
        q = q.where(c.c.actor_id.in_(f.actor))
    if f.kind:
        q = q.where(c.c.kind.in_(f.kind))
    if f.issue:
        q = q.where(c.c.issue.in_(f.issue))
    if f.since:
        q = q.where(when >= f.since)
    if f.until:
        q = q.where(when <= f.until)
    if f.denied is not None:
        q = q.where(c.c.denied == f.denied)
    if f.min_confidence is not None:
        q = q.where(c.c.confidence >= f.min_confidence)
    if hit_claims is not None and len(hit_claims) <= 2000:
        q = q.where(c.c.id.in_(sorted(hit_claims)))
    out = []
    for cid, rid, actor, places in conn.execute(q):
        if hit_claims is not None and cid not in hit_claims:
            continue
        if scope is not None and rid not in scope:
            continue
        if rid in shared and not claim_in_scope(
            {"actor": actor, "places": json.loads(places or "[]")}, str(f.negotiation), shared[rid]
        ):
            continue
        out.append((rid, cid, None))
    return out


def _reviewed_rows(
    store: Store,
    f: ClaimFilter,
    touched: set[int],
    words: Sequence[str],
    hit_claims: set[int] | None,
    shared: dict[int, list[tuple]],
) -> list[dict[str, Any]]:
    """Effective claims of the reviewed reports in scope that match *f*.

    *touched* is already narrowed to the negotiation's reports; in a report
    shared by several negotiations a claim is placed by its reviewed actor
    and places.
    """
    from detente.store.negotiations import claim_in_scope

    rows = effective_claims(
        store,
        report_id=sorted(touched),
        actor=f.actor or None,
        kind=f.kind or None,
        issue=f.issue or None,
        since=f.since,
        until=f.until,
        reviewed=f.reviewed,
    )
    confidence: dict[int, float | None] = {}
    if f.min_confidence is not None:
        with store.engine.connect() as conn:
            q = sa.select(claims_table.c.id, claims_table.c.confidence).where(
                claims_table.c.report_id.in_(sorted(touched))
            )
            confidence = {r[0]: r[1] for r in conn.execute(q)}
    out = []
    for c in rows:
        if f.denied is not None and bool(c["denied"]) != f.denied:
            continue
        rid = int(c["report"])
        if rid in shared and not claim_in_scope(c, str(f.negotiation), shared[rid]):
            continue
        if f.min_confidence is not None and c["review"] == "machine":
            conf = confidence.get(int(c["id"]))
            if conf is None or conf < f.min_confidence:
                continue
        if hit_claims is not None and not (
            int(c["id"]) in hit_claims or (c["review"] == "added" and _words_in(c["quote"], words))
        ):
            continue
        out.append(c)
    return out


# -- report reader ------------------------------------------------------------------


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]]) -> Markup:
    """*text* escaped, each stretch covered by spans wrapped in one ``<mark>``.

    Spans are (start, end, css class, reference such as ``c12``); overlapping
    spans split the text at every boundary, so each stretch lists all the
    records covering it in ``data-refs`` (click cycles through them).
    """
    spans = [(max(0, s), min(len(text), e), cls, ref) for s, e, cls, ref in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        covering = [(cls, ref) for s, e, cls, ref in spans if s <= a and b <= e]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({cls for cls, _ in covering}))
        refs = " ".join(ref for _, ref in covering)
        out.append(f'<mark class="{escape(classes)}" data-refs="{escape(refs)}">{piece}</mark>')
    return Markup("".join(out))


def reader(store: Store, report_id: int) -> dict[str, Any] | None:
    """A report with its effective claims (rejected ones kept, flagged), facts and events."""
    report = store.report(report_id)
    if report is None:
        return None
    cl = effective_claims(store, report_id=report_id, keep_rejected=True)
    facts = store.facts(report_id=report_id)
    events = store.events(report_id=report_id)
    spans = [(c["start"], c["end"], f"claim review-{c['review']}", f"c{c['id']}") for c in cl]
    spans += [(x["start"], x["end"], "fact", f"f{x['id']}") for x in facts]
    spans += [(x["start"], x["end"], "event", f"e{x['id']}") for x in events]
    cl.sort(key=lambda c: (c["start"], c["id"]))
    return {
        "report": report,
        "claims": cl,
        "facts": facts,
        "events": events,
        "html": highlight(report["text"], spans),
        "orphans": orphans(store, report_id),
        "history": history(store, report_id=report_id, limit=50),
        "negotiations": report_negotiation_slugs(store, report_id),
    }


def report_rows(
    store: Store, *, negotiation: str | None = None, q: str = ""
) -> list[dict[str, Any]]:
    """Reports (without text), optionally in one negotiation or matching a search."""
    rows = store.reports(negotiation=negotiation or None)
    if q.strip():
        hits = fulltext(store.engine, q)
        rows = [r for r in rows if int(r["id"]) in hits.reports]
    return rows


# -- negotiation page ---------------------------------------------------------------


def _standing(picture: Any) -> list[dict[str, Any]]:
    """Where each party stands now (the brief's :func:`detente.report.standing.standing`)."""
    from detente.report.standing import standing

    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, str] = {}
    for st in standing(picture):
        names[st.actor] = st.actor_name
        latest = max(
            (e for p in (st.positions or st.denied) for e in p.evidence),
            key=lambda e: (e.date or "", e.claim),
            default=None,
        )
        by_actor[st.actor].append(
            {
                "issue": st.issue,
                "stance": st.positions[0].stance if st.positions else "mixed",
                "label": "; ".join(p.label for p in st.positions) or "nothing that counts",
                "since": st.date,
                "denied": bool(st.denied),
                "denied_label": "; ".join(p.label for p in st.denied),
                "hedged": "hedged" in st.flags,
                "conditional": "conditional" in st.flags,
                "claims": len(st.claims) + sum(len(p.evidence) for p in st.denied),
                "quote": latest.quote if latest else "",
                "report": latest.report if latest else None,
                "claim": latest.claim if latest else None,
            }
        )
    return [{"actor": a, "name": names[a], "issues": rows} for a, rows in by_actor.items()]


def negotiation_view(store: Store, slug: str | None, *, runs: int = 100) -> dict[str, Any] | None:
    """The live negotiation page: standing, matrix, timeline, map and forecast.

    *runs* Monte-Carlo runs per model behind the forecast; a negative number
    skips the forecast.
    """
    from detente.positions import build, place_names
    from detente.report.brief import (
        Cell,
        _cell_id,
        dominant_stance,
        forecast_section,
        maps,
        timeline_svg,
    )

    if slug is None:
        picture = build(store)
        meta: dict[str, Any] = {"slug": None, "name": "All reports", "parties": []}
    else:
        meta = store.negotiation(slug)
        if meta is None:
            return None
        picture = build(store, negotiation=slug)
    names = dict(place_names())
    names.update(picture.actor_names)
    grouped: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for p in picture.positions:
        grouped[(p.actor, p.issue)].append(p)
    cells = {
        key: Cell(key[0], key[1], dominant_stance(ps), ps, _cell_id(*key))
        for key, ps in grouped.items()
    }
    if runs < 0:
        fc, note = None, "Forecast not computed."
    elif picture.claims:
        fc, note = forecast_section(picture, None, runs)
    else:
        fc, note = None, "No stances yet."
    return {
        "meta": meta,
        "picture": picture,
        "standing": _standing(picture),
        "cells": cells,
        "timeline_svg": timeline_svg(picture),
        "maps": maps(picture, names),
        "forecast": fc,
        "forecast_note": note,
        "places": names,
    }


def counts(store: Store) -> dict[str, int]:
    """Reports and reviewed evidence, for the header."""
    from detente.store.schema import review_items

    with store.engine.connect() as conn:
        return {
            "reports": conn.execute(sa.select(sa.func.count()).select_from(reports)).scalar_one(),
            "reviewed": conn.execute(
                sa.select(sa.func.count()).select_from(review_items)
            ).scalar_one(),
        }
