"""Effective claims: machine output with the human review laid over it.

The machine's claims are never changed by a review.  A review item attaches to
*evidence* — (report, character span, kind) — rather than to a claim row, so a
re-extraction that replaces the rows keeps every judgement: each item
re-attaches to the new claim whose span overlaps it best.  An item whose
evidence vanished is *orphaned*: it stays in the database and is listed by
:func:`orphans`, never silently dropped.

:func:`effective_claims` is the one read path (``Store.claims`` calls it):
rejected claims are removed, edits applied, added stances included, and each
claim says where it stands in ``review``: ``machine``, ``confirmed``,
``edited`` or ``added``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from detente.store.schema import actors, reports, review_items

if TYPE_CHECKING:
    from detente.store import Store

#: Fields a reviewer may change on a stance.
EDITABLE: tuple[str, ...] = (
    "actor",
    "speaker",
    "kind",
    "issue",
    "target",
    "places",
    "conditional",
    "conditions",
    "hedged",
    "negated",
    "denied",
    "sources",
    "anonymous",
    "date",
)
LIST_FIELDS = frozenset({"places", "conditions", "sources"})
FLAG_FIELDS = frozenset({"conditional", "hedged", "negated", "denied", "anonymous"})
REVIEW_STATES: tuple[str, ...] = ("machine", "confirmed", "edited", "added")


@dataclass(slots=True)
class Item:
    """One row of ``review_items``: the current judgement on one piece of evidence."""

    id: int
    report: int
    start: int
    end: int
    kind: str
    actor: str
    issue: str
    status: str
    changes: dict[str, Any]
    version: int
    reviewer: str
    updated_at: str

    @classmethod
    def from_row(cls, r: Any) -> Item:
        return cls(
            id=r.id,
            report=r.report_id,
            start=r.start,
            end=r.end,
            kind=r.kind,
            actor=r.actor_id,
            issue=r.issue,
            status=r.status,
            changes=json.loads(r.changes or "{}"),
            version=r.version,
            reviewer=r.reviewer,
            updated_at=r.updated_at,
        )

    @property
    def added(self) -> bool:
        """True for a stance a reviewer added (it carries its own quote)."""
        return "quote" in self.changes

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view (API, audit)."""
        return {
            "id": self.id,
            "report": self.report,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "actor": self.actor,
            "issue": self.issue,
            "status": self.status,
            "changes": self.changes,
            "version": self.version,
            "reviewer": self.reviewer,
            "updated_at": self.updated_at,
        }


def load_items(conn: sa.Connection, report_ids: Iterable[int] | None = None) -> list[Item]:
    """Review items, of the given reports or of all."""
    q = sa.select(review_items).order_by(review_items.c.report_id, review_items.c.id)
    if report_ids is not None:
        ids = sorted(set(report_ids))
        if not ids:
            return []
        q = q.where(review_items.c.report_id.in_(ids))
    return [Item.from_row(r) for r in conn.execute(q)]


def attach(items: Sequence[Item], machine: Sequence[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Item id → the machine claim (of the same report) it judges.

    A claim qualifies when its span overlaps the item's and its kind is the
    item's (or the kind the reviewer set).  Best first: exact span, same actor,
    same issue, longest overlap; each claim takes at most one item.
    """
    by_report: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for c in machine:
        by_report[int(c["report"])].append(c)
    pairs: list[tuple[tuple[int, int, int, int], int, int, Item, dict[str, Any]]] = []
    for it in items:
        if it.added:
            continue
        kinds = {it.kind, it.changes.get("kind", it.kind)}
        actors_ = {it.actor, it.changes.get("actor", it.actor)}
        issues = {it.issue, it.changes.get("issue", it.issue)}
        for c in by_report.get(it.report, ()):
            overlap = min(it.end, c["end"]) - max(it.start, c["start"])
            if overlap <= 0 or c["kind"] not in kinds:
                continue
            score = (
                int(c["start"] == it.start and c["end"] == it.end),
                int(c["actor"] in actors_),
                int(c["issue"] in issues),
                overlap,
            )
            pairs.append((score, -it.id, -int(c["id"]), it, c))
    pairs.sort(key=lambda p: p[:3], reverse=True)
    taken_items: set[int] = set()
    taken_claims: set[int] = set()
    out: dict[int, dict[str, Any]] = {}
    for _score, _i, _c, it, c in pairs:
        if it.id in taken_items or int(c["id"]) in taken_claims:
            continue
        taken_items.add(it.id)
        taken_claims.add(int(c["id"]))
        out[it.id] = c
    return out


def _apply(claim: dict[str, Any], changes: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    out = dict(claim)
    for key, value in changes.items():
        if key in EDITABLE:
            out[key] = value
    if "actor" in changes:
        out["actor_name"] = names.get(out["actor"], out["actor"])
    return out


def added_claim(it: Item, names: dict[str, str]) -> dict[str, Any]:
    """The stance a reviewer added, shaped like a stored claim (negative id)."""
    c = it.changes
    out = {
        "id": -it.id,
        "report": it.report,
        "actor": c["actor"],
        "actor_name": names.get(c["actor"], c["actor"]),
        "speaker": c.get("speaker"),
        "kind": c["kind"],
        "issue": c["issue"],
        "target": c.get("target"),
        "places": list(c.get("places") or []),
        "quantities": [],
        "conditional": bool(c.get("conditional")),
        "conditions": list(c.get("conditions") or []),
        "exchange_for": [],
        "hedged": bool(c.get("hedged")),
        "negated": bool(c.get("negated")),
        "denied": bool(c.get("denied")),
        "sources": list(c.get("sources") or []),
        "anonymous": bool(c.get("anonymous")),
        "date": c.get("date"),
        "quote": c.get("quote", ""),
        "start": it.start,
        "end": it.end,
    }
    # Fields the machine's claims carry beyond these (extractor, …) are empty here.
    from detente.store.queries import CLAIM_FIELDS

    return {k: out.get(k) for k in CLAIM_FIELDS if k not in ("review", "review_version")}


def overlay(
    conn: sa.Connection,
    machine: Sequence[dict[str, Any]],
    items: Sequence[Item],
    *,
    keep_rejected: bool = False,
) -> list[dict[str, Any]]:
    """*machine* claims with *items* laid over them, in report order.

    Every returned claim carries ``review`` and ``review_version`` (0 when
    unreviewed).  Rejected claims are left out unless *keep_rejected* (then
    flagged ``rejected``).
    """
    wanted = {it.changes.get("actor") for it in items} - {None}
    names: dict[str, str] = {}
    if wanted:
        q = sa.select(actors.c.id, actors.c.name).where(actors.c.id.in_(sorted(wanted)))
        names = {r[0]: r[1] for r in conn.execute(q)}
    by_id = {it.id: it for it in items}
    by_claim = {int(c["id"]): by_id[it_id] for it_id, c in attach(items, machine).items()}
    out: list[dict[str, Any]] = []
    for c in machine:
        it = by_claim.get(int(c["id"]))
        if it is None:
            out.append({**c, "review": "machine", "review_version": 0})
            continue
        if it.status == "rejected" and not keep_rejected:
            continue
        row = _apply(c, it.changes, names)
        out.append({**row, "review": it.status, "review_version": it.version})
    for it in items:
        if it.status == "added":
            out.append({**added_claim(it, names), "review": "added", "review_version": it.version})
    out.sort(key=lambda c: int(c["report"]))  # stable: machine order kept within a report
    return out


def orphans(store: Store, report_id: int | None = None) -> list[dict[str, Any]]:
    """Review items whose evidence is no longer among the machine's claims."""
    with store.engine.connect() as conn:
        items = load_items(conn, None if report_id is None else [report_id])
    items = [it for it in items if not it.added]
    if not items:
        return []
    machine = store.machine_claims(report_id=sorted({it.report for it in items}))
    attached = attach(items, machine)
    return [it.to_dict() for it in items if it.id not in attached]


def _as_list(value: Any) -> set[Any] | None:
    if value is None or value == () or value == []:
        return None
    return {value} if isinstance(value, str | int) else set(value)


def _matches(
    c: dict[str, Any],
    published: dict[int, str | None],
    *,
    actor: set[str] | None,
    issue: set[str] | None,
    kind: set[str] | None,
    since: date | None,
    until: date | None,
) -> bool:
    if actor is not None and c["actor"] not in actor:
        return False
    if issue is not None and c["issue"] not in issue:
        return False
    if kind is not None and c["kind"] not in kind:
        return False
    if since or until:
        when = c.get("date") or published.get(int(c["report"]))
        if when is None:
            return False
        when = str(when)[:10]
        if since and when < since.isoformat():
            return False
        if until and when > until.isoformat():
            return False
    return True


def effective_claims(
    store: Store,
    *,
    report_id: int | Sequence[int] | None = None,
    actor: str | Sequence[str] | None = None,
    issue: str | Sequence[str] | None = None,
    kind: str | Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    reviewed: bool | None = None,
    keep_rejected: bool = False,
    ids: Sequence[int] | None = None,
    min_confidence: float | None = None,
    **report_filters: Any,
) -> list[dict[str, Any]]:
    """The effective claims (machine ⊕ review) matching the filters.

    Claim-level filters (*actor*, *issue*, *kind*, *since*, *until*) apply to
    the reviewed values; *reviewed* keeps only reviewed (True) or only
    unreviewed (False) claims; *min_confidence* drops machine claims the
    extractor trusts less (a reviewed stance is kept whatever its score); *ids* keeps those claim ids (an added stance's id
    is negative).  Other keyword filters (report scope such as a
    negotiation) are passed to :meth:`Store.machine_claims` unchanged.
    """
    scope = _as_list(report_id)
    with store.engine.connect() as conn:
        q = sa.select(review_items.c.report_id).distinct()
        if scope is not None:
            q = q.where(review_items.c.report_id.in_(sorted(scope)))
        touched = {r[0] for r in conn.execute(q)}
    crit = {"actor": actor, "issue": issue, "kind": kind, "since": since, "until": until}
    plain: list[dict[str, Any]] = []
    if reviewed is not True and (scope is None or not scope <= touched):
        plain = [
            {**c, "review": "machine", "review_version": 0}
            for c in store.machine_claims(
                report_id=report_id,
                ids=ids,
                min_confidence=min_confidence,
                **crit,
                **report_filters,
            )
            if int(c["report"]) not in touched
        ]
    if not touched:
        return plain
    machine = store.machine_claims(report_id=sorted(touched), **report_filters)
    in_scope = _in_scope(store, touched, report_filters)
    with store.engine.connect() as conn:
        items = load_items(conn, in_scope)
        published = {
            r.id: (r.published.isoformat() if isinstance(r.published, date) else r.published)
            for r in conn.execute(
                sa.select(reports.c.id, reports.c.published).where(
                    reports.c.id.in_(sorted(touched))
                )
            )
        }
        laid = overlay(conn, machine, items, keep_rejected=keep_rejected)
    sets = {k: _as_list(v) for k, v in (("actor", actor), ("issue", issue), ("kind", kind))}
    wanted_ids = None if ids is None else {int(i) for i in ids}
    chosen = [
        c
        for c in laid
        if _matches(c, published, since=since, until=until, **sets)
        and (reviewed is None or (c["review"] != "machine") == reviewed)
        and (wanted_ids is None or int(c["id"]) in wanted_ids)
        and (
            min_confidence is None
            or c["review"] != "machine"
            or (c.get("confidence") or 0.0) >= min_confidence
        )
    ]
    merged = plain + chosen
    merged.sort(key=lambda c: int(c["report"]))
    return merged


def _in_scope(store: Store, touched: set[int], report_filters: dict[str, Any]) -> set[int]:
    # Report-scope filters (a negotiation, …) hold for added stances too, including
    # in reports where the machine found nothing.
    if not report_filters:
        return touched
    if set(report_filters) == {"negotiation"} and hasattr(store, "negotiation_scope"):
        slug = report_filters["negotiation"]
        return touched if slug is None else touched & store.negotiation_scope(slug)[0]
    return touched & {int(r["id"]) for r in store.reports(**report_filters)}
