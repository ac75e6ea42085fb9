"""What the pages and the API show, computed from the store (no HTTP here).

Everything reads claims through the one effective read path
(``Store.claims`` / :func:`detente.review.effective_claims`), so a review is
visible everywhere as soon as it is saved.
"""

from __future__ import annotations

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
from detente.store.schema import reports, review_items

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
    """Effective claims matching *f* (full-text search on quotes and on report text)."""
    scope: set[int] | None = None
    if f.report is not None:
        scope = {f.report}
    hit_claims: set[int] = set()
    words = terms(f.q) if f.q else []
    if words:
        hit_claims = fulltext(store.engine, f.q).claims
        owners: set[int] = set()
        with store.engine.connect() as conn:
            ids = sorted(hit_claims)
            for i in range(0, len(ids), 5000):
                q = sa.select(claims_table.c.report_id).where(
                    claims_table.c.id.in_(ids[i : i + 5000])
                )
                owners.update(conn.execute(q).scalars())
            # Stances added by reviewers are not in the index: match their quotes directly.
            owners.update(
                conn.execute(
                    sa.select(review_items.c.report_id).where(review_items.c.status == "added")
                ).scalars()
            )
        scope = owners if scope is None else scope & owners
    if f.text.strip():
        in_text = fulltext(store.engine, f.text).reports
        scope = in_text if scope is None else scope & in_text
    if scope is not None and not scope:
        return []
    rows = effective_claims(
        store,
        report_id=sorted(scope) if scope is not None else None,
        actor=f.actor or None,
        kind=f.kind or None,
        issue=f.issue or None,
        since=f.since,
        until=f.until,
        reviewed=f.reviewed,
        negotiation=f.negotiation or None,
    )
    out = []
    for c in rows:
        if f.denied is not None and bool(c["denied"]) != f.denied:
            continue
        if f.min_confidence is not None:
            conf = c.get("confidence")
            if c["review"] == "machine" and (conf is None or conf < f.min_confidence):
                continue
        if words and not (
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
    """Where each party stands now: per issue its latest position, with flags."""
    latest: dict[tuple[str, str], Any] = {}
    for p in picture.positions:
        key = (p.actor, p.issue)
        if key not in latest or (p.last_seen or "") >= (latest[key].last_seen or ""):
            latest[key] = p
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (actor, issue), p in sorted(latest.items()):
        ev = p.evidence[-1] if p.evidence else None
        by_actor[actor].append(
            {
                "issue": issue,
                "stance": p.stance,
                "negated": p.negated,
                "label": p.label,
                "since": p.last_seen,
                "denied": p.denied,
                "hedged": any(e.hedged for e in p.evidence),
                "conditional": any(e.conditional for e in p.evidence),
                "claims": len(p.evidence),
                "quote": ev.quote if ev else "",
                "report": ev.report if ev else None,
                "claim": ev.claim if ev else None,
            }
        )
    return [
        {"actor": a, "name": picture.actor_names.get(a, a), "issues": by_actor[a]}
        for a in picture.actors
        if a in by_actor
    ]


def negotiation_view(store: Store, slug: str | None, *, runs: int = 100) -> dict[str, Any] | None:
    """The live negotiation page: standing, matrix, timeline, map and forecast."""
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
    fc, note = (
        forecast_section(picture, None, runs) if picture.claims else (None, "No stances yet.")
    )
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
