"""Contradictions and changes between an actor's positions.

Rules (all within one actor and one issue):

* **contradiction / reversal** — the actor accepts (or offers, proposes) a
  thing and rejects the same thing.  "The same thing": equal places, or one
  side names no place; the same target wording (or none on either side);
  equal quantities when both sides give one.  When every
  dated piece of one side precedes the other it is a ``reversal`` (before →
  after), otherwise a ``contradiction`` (voiced in parallel or undated).
* **denial** — a claim marked ``denied`` (the actor denied the reported
  stance).  Before: the reports asserting that stance (same actor, issue and
  stance, not denied); when none exists, the denied claim itself, whose
  report carries both the stance and the denial.
* **narrowed / widened** — two dated demands (or offers, proposals) of the
  same stance whose objects differ: the later places a strict subset of the
  earlier ("four regions → Donbas only") is ``narrowed``, a strict superset
  ``widened``; for a quantity in the same unit a smaller value is
  ``narrowed`` and a larger one ``widened``.  A demand that disappears in
  favour of a rejection ("30-day truce → none") is caught as a reversal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from detente.positions.model import Change, Evidence, Position

_POSITIVE = ("accept", "offer", "propose")
_SCOPED = ("demand", "offer", "propose")


def _compatible(a: Position, b: Position) -> bool:
    places = not a.places or not b.places or a.places == b.places
    quantities = not a.quantities or not b.quantities or a.quantities == b.quantities
    return places and quantities and a.target == b.target


def _dates(evidence: Iterable[Evidence]) -> list[str]:
    return [e.date for e in evidence if e.date]


def _unique(evidence: Iterable[Evidence]) -> list[Evidence]:
    """Evidence without denied claims and without repeats of the same span."""
    seen: set[tuple[int, str]] = set()
    out = []
    for e in evidence:
        span = (e.report, e.quote)
        if e.denied or span in seen:
            continue
        seen.add(span)
        out.append(e)
    return out


def _flip(a: Position, b: Position) -> Change:
    """*a* positive (accept/offer/propose), *b* reject: order them if dates allow."""
    ea, eb = _unique(a.evidence), _unique(b.evidence)
    da, db = _dates(ea), _dates(eb)
    name = a.actor_name
    if da and db and max(da) < min(db):
        return Change(
            "reversal",
            a.actor,
            name,
            a.issue,
            f"{name}: {a.stance} → reject on {a.issue}",
            a.evidence,
            b.evidence,
            a.label,
            b.label,
        )
    if da and db and max(db) < min(da):
        return Change(
            "reversal",
            a.actor,
            name,
            a.issue,
            f"{name}: reject → {a.stance} on {a.issue}",
            b.evidence,
            a.evidence,
            b.label,
            a.label,
        )
    return Change(
        "contradiction",
        a.actor,
        name,
        a.issue,
        f"{name} both {a.stance}s and rejects on {a.issue}",
        a.evidence,
        b.evidence,
        a.label,
        b.label,
    )


def _scope(a: Position, b: Position) -> str | None:
    """``narrowed``/``widened`` when *b* (later) changes the scope of *a*."""
    pa, pb = set(a.places), set(b.places)
    if pa and pb and pa != pb:
        if pb < pa:
            return "narrowed"
        if pb > pa:
            return "widened"
        return None
    qa, qb = dict((u, v) for v, u in a.quantities), dict((u, v) for v, u in b.quantities)
    for unit in sorted(set(qa) & set(qb)):
        if qb[unit] < qa[unit]:
            return "narrowed"
        if qb[unit] > qa[unit]:
            return "widened"
    return None


def _what(p: Position) -> str:
    parts = [*p.places, *(f"{v:g} {u}" for v, u in p.quantities)]
    return ", ".join(parts) or p.target or p.issue


def detect(positions: Iterable[Position]) -> list[Change]:
    """All contradictions and changes among *positions*, ordered by date."""
    groups: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in positions:
        groups[(p.actor, p.issue)].append(p)
    out: list[Change] = []
    for (_actor, _issue), group in sorted(groups.items()):
        plain = [p for p in group if not p.negated]
        positive = [p for p in plain if p.stance in _POSITIVE]
        rejects = [p for p in plain if p.stance == "reject"]
        for a in positive:
            for b in rejects:
                if _compatible(a, b) and _unique(a.evidence) and _unique(b.evidence):
                    out.append(_flip(a, b))
        for p in group:
            denied = [e for e in p.evidence if e.denied]
            if not denied:
                continue
            asserted = [
                e
                for q in group
                if q.stance == p.stance and q.negated == p.negated
                for e in q.evidence
                if not e.denied
            ]
            out.append(
                Change(
                    "denial",
                    p.actor,
                    p.actor_name,
                    p.issue,
                    f"{p.actor_name} denied a reported {p.stance} on {p.issue}",
                    asserted or denied,
                    denied,
                    p.label,
                    f"denied: {p.label}",
                )
            )
        for stance in _SCOPED:
            seq = [p for p in plain if p.stance == stance and p.first_seen and _unique(p.evidence)]
            seq.sort(key=lambda p: (p.first_seen, p.key))
            for a, b in zip(seq, seq[1:], strict=False):
                if not a.first_seen or not b.first_seen or a.first_seen >= b.first_seen:
                    continue
                kind = _scope(a, b)
                if kind:
                    out.append(
                        Change(
                            kind,
                            a.actor,
                            a.actor_name,
                            a.issue,
                            f"{a.actor_name} {kind} its {stance} on {a.issue}: "
                            f"{_what(a)} → {_what(b)}",
                            a.evidence,
                            b.evidence,
                            a.label,
                            b.label,
                        )
                    )
    out.sort(key=lambda c: (c.date or "9999", c.actor, c.issue, c.type))
    return out
