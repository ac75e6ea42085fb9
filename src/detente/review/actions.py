"""Review actions: confirm, reject, edit, add, re-date, move — each audited.

Every action writes one row to the append-only ``reviews`` table (before and
after as JSON, reviewer, time) in the same transaction as its effect.  Writes
on a stance name the ``review_version`` they saw; a stale version raises
:class:`ConflictError` and changes nothing (optimistic concurrency).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from detente.records import ISSUES, KINDS
from detente.review.overlay import (
    EDITABLE,
    FLAG_FIELDS,
    LIST_FIELDS,
    Item,
    attach,
    load_items,
    overlay,
)
from detente.store.schema import actors, claims, reports, review_items, reviews

if TYPE_CHECKING:
    from detente.store import Store

ACTIONS: tuple[str, ...] = ("confirm", "reject", "edit", "add", "redate", "move")


class ReviewError(ValueError):
    """A review action that cannot be applied (message says why)."""


class NotFoundError(ReviewError):
    """The claim or report does not exist."""


class ConflictError(ReviewError):
    """Someone else changed the same evidence since it was read."""


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Validated, normalised stance fields (raises :class:`ReviewError`)."""
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in EDITABLE:
            raise ReviewError(f"cannot edit {key!r} (editable: {', '.join(EDITABLE)})")
        if key in LIST_FIELDS:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",")]
            if not isinstance(value, list):
                raise ReviewError(f"{key} must be a list")
            value = [str(v).strip() for v in value if str(v).strip()]
        elif key in FLAG_FIELDS:
            if not isinstance(value, bool):
                raise ReviewError(f"{key} must be true or false")
        elif key == "kind":
            if value not in KINDS:
                raise ReviewError(f"unknown kind {value!r} (one of {', '.join(KINDS)})")
        elif key == "issue":
            if value not in ISSUES:
                raise ReviewError(f"unknown issue {value!r}")
        elif key == "actor":
            value = str(value or "").strip()
            if not value or len(value) > 64:
                raise ReviewError("actor must be an id such as RUS or nato")
        elif key == "date":
            if value in (None, ""):
                value = None
            else:
                try:
                    value = date.fromisoformat(str(value)).isoformat()
                except ValueError:
                    raise ReviewError(f"date must be YYYY-MM-DD, not {value!r}") from None
        else:  # speaker, target: free text or nothing
            value = None if value in (None, "") else str(value)
        out[key] = value
    return out


def _ensure_actor(conn: sa.Connection, actor_id: str | None) -> None:
    if not actor_id:
        return
    if conn.execute(sa.select(actors.c.id).where(actors.c.id == actor_id)).first() is None:
        kind = "state" if len(actor_id) == 3 and actor_id.isupper() else "body"
        conn.execute(actors.insert().values(id=actor_id, name=actor_id, kind=kind))


def _audit(
    conn: sa.Connection,
    *,
    action: str,
    report_id: int,
    reviewer: str,
    before: Any,
    after: Any,
    item: Item | None = None,
    span: tuple[int, int, str] | None = None,
) -> None:
    start, end, kind = span or ((item.start, item.end, item.kind) if item else (None, None, None))
    where = f"report {report_id}" + (f" [{start}:{end}] {kind}" if start is not None else "")
    conn.execute(
        reviews.insert().values(
            name=f"{action} {where}",
            item_id=item.id if item else None,
            report_id=report_id,
            start=start,
            end=end,
            kind=kind,
            action=action,
            before=_dumps(before),
            after=_dumps(after),
            reviewer=reviewer,
            created_at=_now(),
        )
    )


def _reviewer(reviewer: str) -> str:
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("a reviewer name is needed")
    return reviewer[:80]


def _locate(
    store: Store, conn: sa.Connection, claim_id: int
) -> tuple[int, dict[str, Any] | None, Item | None]:
    """(report, machine claim, attached item) for an effective claim id."""
    if claim_id < 0:
        row = conn.execute(sa.select(review_items).where(review_items.c.id == -claim_id)).first()
        if row is None or not Item.from_row(row).added:
            raise NotFoundError(f"no claim {claim_id}")
        return row.report_id, None, Item.from_row(row)
    rid = conn.execute(sa.select(claims.c.report_id).where(claims.c.id == claim_id)).scalar()
    if rid is None:
        raise NotFoundError(f"no claim {claim_id}")
    machine = store.machine_claims(report_id=rid)
    items = load_items(conn, [rid])
    attached = {int(c["id"]): item_id for item_id, c in attach(items, machine).items()}
    claim = next(c for c in machine if int(c["id"]) == claim_id)
    item = next((it for it in items if it.id == attached.get(claim_id)), None)
    return rid, claim, item


def review_claim(
    store: Store,
    claim_id: int,
    action: str,
    *,
    reviewer: str,
    version: int,
    changes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Confirm, reject or edit the effective claim *claim_id*; returns it afterwards.

    *version* is the ``review_version`` the reviewer saw.  ``confirm`` on a
    rejected claim restores it.  Raises :class:`ConflictError` when the
    evidence was reviewed by someone else in between.
    """
    reviewer = _reviewer(reviewer)
    if action not in ("confirm", "reject", "edit"):
        raise ReviewError(f"unknown action {action!r} (confirm, reject or edit)")
    cleaned = clean_changes(changes or {}) if action == "edit" else {}
    if action == "edit" and not cleaned:
        raise ReviewError("nothing to change")
    with store.engine.begin() as conn:
        rid, claim, item = _locate(store, conn, claim_id)
        seen = item.version if item else 0
        if version != seen:
            raise ConflictError(_conflict(item))
        before = item.to_dict() if item else None
        if item is None:
            assert claim is not None
            status = {"confirm": "confirmed", "reject": "rejected", "edit": "edited"}[action]
            merged = _diff(claim, cleaned)
            if action == "edit" and not merged:
                status = "confirmed"
            _ensure_actor(conn, merged.get("actor"))
            values = {
                "name": f"report {rid} [{claim['start']}:{claim['end']}] "
                f"{claim['actor']} {claim['kind']} {claim['issue']}",
                "report_id": rid,
                "start": claim["start"],
                "end": claim["end"],
                "kind": claim["kind"],
                "actor_id": claim["actor"],
                "issue": claim["issue"],
                "status": status,
                "changes": _dumps(merged),
                "version": 1,
                "reviewer": reviewer,
                "updated_at": _now(),
            }
            try:
                with conn.begin_nested():
                    new_id = conn.execute(
                        review_items.insert().values(**values)
                    ).inserted_primary_key[0]
            except sa.exc.IntegrityError:
                raise ConflictError(_conflict(None)) from None
            row = conn.execute(sa.select(review_items).where(review_items.c.id == new_id)).one()
        else:
            if item.added:
                new_changes = {**item.changes, **cleaned}
                status = "rejected" if action == "reject" else "added"
            else:
                merged = {**item.changes, **cleaned}
                new_changes = {k: v for k, v in merged.items() if (claim or {}).get(k) != v}
                if action == "reject":
                    status = "rejected"
                else:
                    status = "edited" if new_changes else "confirmed"
            _ensure_actor(conn, new_changes.get("actor"))
            done = conn.execute(
                review_items.update()
                .where(review_items.c.id == item.id, review_items.c.version == version)
                .values(
                    status=status,
                    changes=_dumps(new_changes),
                    version=review_items.c.version + 1,
                    reviewer=reviewer,
                    updated_at=_now(),
                )
            )
            if done.rowcount != 1:
                raise ConflictError(_conflict(item))
            row = conn.execute(sa.select(review_items).where(review_items.c.id == item.id)).one()
        after = Item.from_row(row)
        _audit(
            conn,
            action=action,
            report_id=rid,
            reviewer=reviewer,
            before=before,
            after=after.to_dict(),
            item=after,
        )
        return _effective_one(store, conn, after, claim)


def _diff(claim: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Only the fields that really differ from the machine's claim."""
    return {k: v for k, v in changes.items() if claim.get(k) != v}


def _conflict(item: Item | None) -> str:
    if item is None:
        return "this stance was reviewed by someone else meanwhile; reload to see their change"
    return (
        f"this stance was changed by {item.reviewer} at {item.updated_at} "
        f"(now version {item.version}); reload to see their change, nothing was saved"
    )


def _effective_one(
    store: Store, conn: sa.Connection, item: Item, claim: dict[str, Any] | None
) -> dict[str, Any]:
    machine = [claim] if claim else []
    laid = overlay(conn, machine, [item], keep_rejected=True)
    out = laid[0] if laid else {}
    if item.status == "rejected":
        out["review"] = "rejected"
    return out


def add_claim(
    store: Store,
    report_id: int,
    start: int,
    end: int,
    fields: dict[str, Any],
    *,
    reviewer: str,
) -> dict[str, Any]:
    """Add a stance the extractor missed, at text[start:end] of *report_id*."""
    reviewer = _reviewer(reviewer)
    stance = clean_changes({k: v for k, v in fields.items() if k in EDITABLE})
    for need in ("actor", "kind", "issue"):
        if not stance.get(need):
            raise ReviewError(f"a new stance needs {need}")
    with store.engine.begin() as conn:
        text = conn.execute(sa.select(reports.c.text).where(reports.c.id == report_id)).scalar()
        if text is None:
            raise NotFoundError(f"no report {report_id}")
        if not (0 <= start < end <= len(text)):
            raise ReviewError(f"span {start}:{end} is outside the report (0:{len(text)})")
        quote = text[start:end].strip()
        if not quote:
            raise ReviewError("the selected span is empty")
        # Trim the span to the quote so that it matches the text exactly.
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        start, end = start + lead, start + lead + len(quote)
        stance["quote"] = quote
        if not stance.get("date"):
            # Like the extractor: an undated stance is dated by its report.
            published = conn.execute(
                sa.select(reports.c.published).where(reports.c.id == report_id)
            ).scalar()
            stance["date"] = _iso(published)
        _ensure_actor(conn, stance["actor"])
        values = {
            "name": f"report {report_id} [{start}:{end}] {stance['actor']} {stance['kind']} {stance['issue']}",
            "report_id": report_id,
            "start": start,
            "end": end,
            "kind": stance["kind"],
            "actor_id": stance["actor"],
            "issue": stance["issue"],
            "status": "added",
            "changes": _dumps(stance),
            "version": 1,
            "reviewer": reviewer,
            "updated_at": _now(),
        }
        try:
            with conn.begin_nested():
                new_id = conn.execute(review_items.insert().values(**values)).inserted_primary_key[
                    0
                ]
        except sa.exc.IntegrityError:
            raise ConflictError("this stance is already recorded at that span") from None
        row = conn.execute(sa.select(review_items).where(review_items.c.id == new_id)).one()
        item = Item.from_row(row)
        _audit(
            conn,
            action="add",
            report_id=report_id,
            reviewer=reviewer,
            before=None,
            after=item.to_dict(),
            item=item,
        )
        return _effective_one(store, conn, item, None)


def redate_report(
    store: Store, report_id: int, published: date | str, *, reviewer: str
) -> dict[str, Any]:
    """Set the publication date of a report (stances without their own date follow it)."""
    reviewer = _reviewer(reviewer)
    try:
        new = published if isinstance(published, date) else date.fromisoformat(str(published))
    except ValueError:
        raise ReviewError(f"date must be YYYY-MM-DD, not {published!r}") from None
    old = store.report(report_id)
    if old is None:
        raise NotFoundError(f"no report {report_id}")
    before = {k: old[k] for k in ("published", "date_precision", "date_note")}
    note = f"re-dated by {reviewer}"
    try:
        store.set_report_date(report_id, new, note=note)
    except ValueError as exc:
        raise ReviewError(str(exc)) from None
    after = {"published": new.isoformat(), "date_precision": "day", "date_note": note}
    with store.engine.begin() as conn:
        _audit(
            conn,
            action="redate",
            report_id=report_id,
            reviewer=reviewer,
            before=before,
            after=after,
        )
    return after


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def move_report(store: Store, report_id: int, slug: str, *, reviewer: str) -> dict[str, Any]:
    """Move a report to the negotiation *slug* (a manual link, kept on re-extraction)."""
    reviewer = _reviewer(reviewer)
    if store.report(report_id) is None:
        raise NotFoundError(f"no report {report_id}")
    before = store.report_negotiations().get(report_id, [])
    try:
        store.assign_report(report_id, slug, by="manual")
    except LookupError as exc:
        raise NotFoundError(str(exc.args[0] if exc.args else exc)) from None
    with store.engine.begin() as conn:
        _audit(
            conn, action="move", report_id=report_id, reviewer=reviewer, before=before, after=[slug]
        )
    return {"report": report_id, "negotiations": [slug]}


def history(
    store: Store, *, report_id: int | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """The audit trail, newest first."""
    q = sa.select(reviews).order_by(reviews.c.id.desc()).limit(limit)
    if report_id is not None:
        q = q.where(reviews.c.report_id == report_id)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    for r in rows:
        r["before"] = json.loads(r["before"])
        r["after"] = json.loads(r["after"])
    return rows
