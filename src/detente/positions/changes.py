"""Contradictions and changes between an actor's positions.

Rules (all within one negotiation, one actor and one issue; :func:`detect` is
given the positions of one negotiation at a time):

* **contradiction / reversal** — the actor accepts (or offers, proposes) a
  thing and rejects the same thing.  "The same thing" (an overlapping
  object): places in common, or a quantity in the same unit, or target
  wordings whose word overlap reaches ``target_similarity`` in
  ``knowledge/positions.yaml``, or no object on either side; ``process``
  stances only within one aspect (talks format, venue, mediation, timing,
  framework), never when the aspect is unknown; a proposal and a rejection
  only with similar target wordings (proposing one's own plan while
  rejecting another's is no contradiction); never two claims voiced in one
  sentence ("open to X, but not to Y" is one nuanced stance).  When every
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

from detente.positions.aspects import settings, similarity
from detente.positions.model import Change, Evidence, Position

_POSITIVE = ("accept", "offer", "propose")
_SCOPED = ("demand", "offer", "propose")


def _compatible(a: Position, b: Position) -> bool:
    """Whether two positions of one actor on one issue are about the same object."""
    if a.issue == "process" and (not a.aspect or a.aspect != b.aspect):
        return False
    if "propose" in (a.stance, b.stance) and "reject" in (a.stance, b.stance):
        # Proposing one's own plan while rejecting another's is the normal course of
        # bargaining: only the same wording of the object makes it a contradiction.
        return bool(a.target and b.target) and (
            a.target == b.target or similarity(a.target, b.target) >= _threshold()
        )
    if a.places and b.places:
        return bool(set(a.places) & set(b.places))
    units_a, units_b = {u for _, u in a.quantities}, {u for _, u in b.quantities}
    if units_a and units_b:
        return bool(units_a & units_b)
    if a.target and b.target:
        return a.target == b.target or similarity(a.target, b.target) >= _threshold()
    # Neither names anything more precise than the issue: the wording itself must overlap
    # ("did not accept the truce" is not about "set out visions of a ceasefire in writing").
    empty_a = not (a.places or a.quantities or a.target)
    empty_b = not (b.places or b.quantities or b.target)
    if not (empty_a and empty_b):
        return False
    if a.issue == "process":
        return True  # the same aspect is the object
    quote_a = " ".join(e.quote for e in a.evidence)
    quote_b = " ".join(e.quote for e in b.evidence)
    return similarity(quote_a, quote_b) >= float(settings().get("quote_similarity", 0.2))


def _apart(ea: list[Evidence], eb: list[Evidence]) -> bool:
    """True when some piece of *ea* and some of *eb* were not voiced in one breath.

    "Open to an association, but will not accept executive powers" is one
    nuanced stance, not a contradiction: its two claims share a sentence.
    """
    return any(x.report != y.report or x.end < y.start or y.end < x.start for x in ea for y in eb)


def _threshold() -> float:
    return float(settings().get("target_similarity", 0.5))


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
                if _compatible(a, b) and _apart(_unique(a.evidence), _unique(b.evidence)):
                    out.append(_flip(a, b))
        for p in group:
            denied = [e for e in p.evidence if e.denied]
            if not denied:
                continue
            asserted = [
                e
                for q in group
                if q.stance == p.stance and q.negated == p.negated and _compatible(q, p)
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
    for c in out:
        c.negotiation = next((p.negotiation for p in groups[(c.actor, c.issue)]), None)
    out.sort(key=lambda c: (c.date or "9999", c.actor, c.issue, c.type))
    return out
