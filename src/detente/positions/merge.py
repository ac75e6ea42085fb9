"""Merging stored claims into positions, and counting independent sources.

Merge rule: two claims belong to the same position when they have the same
actor, issue, stance and object.

* **stance** — the claim kind with negation folded in: a negated ``accept``
  ("will not accept") is a ``reject`` and a negated ``reject`` ("does not rule
  out") an ``accept``; other negated kinds keep their kind and the ``negated``
  flag ("does not demand") so that they never merge with the plain kind.
* **object** — the sorted set of places, the quantities as (value, unit) and
  the target wording normalised (case, punctuation, leading articles).  A
  demand for Donetsk and Luhansk and a demand for Donetsk alone are two
  positions; that difference is what change detection looks at.

Corroboration: each claim rests on one **origin** — the unnamed source(s) it
cites when it is anonymous ("a Ukrainian official"), else the innermost named
source of its attribution chain, else the speaker (on the record), else the
outlet's own reporting (each report counts once).  Outlets
relaying the same origin add no independent source: three papers citing "a
Ukrainian official" count once.  Two different unnamed officials described in
the same words cannot be told apart and also count once (a conservative
choice).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from detente.positions.aspects import aspect
from detente.positions.model import Evidence, Position
from detente.positions.stories import own_reporting

_FOLD = {"accept": "reject", "reject": "accept"}
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)


def normalise_wording(text: str | None) -> str:
    """Lower-case *text*, drop punctuation and a leading article, squeeze spaces."""
    if not text:
        return ""
    s = re.sub(r"[^\w\s-]", " ", text.lower())
    s = _ARTICLE.sub("", " ".join(s.split()))
    return s.strip()


def stance_of(kind: str, negated: bool) -> tuple[str, bool]:
    """The (stance, negated) pair after folding negation into accept/reject."""
    if negated and kind in _FOLD:
        return _FOLD[kind], False
    return kind, negated


_UNNAMED_START = {
    "a",
    "an",
    "one",
    "two",
    "three",
    "several",
    "some",
    "sources",
    "source",
    "officials",
    "people",
    "diplomats",
    "senior",
    "western",
    "unnamed",
    "anonymous",
}


def _is_description(name: str) -> bool:
    # "a senior official", "Sources close to …", "people familiar with …": unnamed.
    if not name:
        return False
    first = name.split()[0].lower()
    return name[0].islower() or first in _UNNAMED_START


def origin(claim: Mapping[str, Any]) -> str:
    """The source a claim ultimately rests on (see module docs)."""
    sources = [s for s in claim.get("sources") or [] if s]
    unnamed = [normalise_wording(s) for s in sources if _is_description(s)]
    if unnamed:
        return " / ".join(sorted(set(unnamed)))
    if sources:
        return sources[-1]
    if claim.get("speaker"):
        return f"{claim['speaker']} (on the record)"
    return ""


def _quantities(claim: Mapping[str, Any]) -> tuple[tuple[float, str], ...]:
    out = []
    for q in claim.get("quantities") or []:
        if isinstance(q, Mapping) and q.get("value") is not None:
            out.append((float(q["value"]), str(q.get("unit") or "")))
    return tuple(sorted(set(out)))


def position_key(claim: Mapping[str, Any]) -> tuple[Any, ...]:
    """The merge key of a stored claim.

    A denied claim never merges with the stance it denies: it stays a
    position of its own, flagged, that no stance count includes.  Process
    stances merge only within one aspect (venue, mediation, …).
    """
    stance, negated = stance_of(claim["kind"], bool(claim.get("negated")))
    return (
        claim["actor"],
        claim["issue"],
        stance,
        negated,
        tuple(sorted(set(claim.get("places") or []))),
        _quantities(claim),
        normalise_wording(claim.get("target")),
        aspect(claim),
        bool(claim.get("denied")),
    )


def _key_text(key: tuple[Any, ...]) -> str:
    actor, issue, stance, negated, places, quantities, target, facet, denied = key
    parts = [actor, issue + (f"/{facet}" if facet else ""), ("not-" if negated else "") + stance]
    parts.append("+".join(places) or "-")
    parts.append("+".join(f"{v:g}{u}" for v, u in quantities) or "-")
    parts.append(target.replace(" ", "_") or "-")
    if denied:
        parts.append("denied")
    return ":".join(parts)


def govern(claims: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Claims with a denial or hedge extended to every claim inside the governed span.

    The extractor flags the claims a denial or hedge governs; this is a
    safeguard downstream of it: a claim whose span lies within a denied (or
    hedged) claim's span in the same report is denied (or hedged) too, so
    that "Peskov denied a report that Putin would accept a freeze if Kyiv
    withdrew from Donetsk" leaves no firm demand for Donetsk behind.
    """
    rows = [dict(c) for c in claims]
    by_report: dict[int, list[dict[str, Any]]] = {}
    for c in rows:
        by_report.setdefault(int(c["report"]), []).append(c)
    for group in by_report.values():
        for flag in ("denied", "hedged"):
            governing = [g for g in group if g.get(flag)]
            for c in group:
                if c.get(flag):
                    continue
                for g in governing:
                    if int(g["start"]) <= int(c["start"]) and int(c["end"]) <= int(g["end"]):
                        c[flag] = True
                        c[f"{flag}_scope"] = int(g["id"])
                        break
    return rows


_DENIER = re.compile(
    r"((?:[A-Z][\w'.-]+ ){0,3}[A-Z][\w'.-]+)(?:,[^,]{1,60},)? (?:\w+ly )?(?:denied|dismissed|rejected "
    r"(?:a|the) (?:newspaper |media )?reports?)\b"
)


def denier(quote: str | None) -> str | None:
    """Who denied, when the quote names them right before the verb ("Dmitry Peskov denied")."""
    m = _DENIER.search(quote or "")
    if not m:
        return None
    who = m.group(1)
    return "the " + who[4:] if who.startswith("The ") else who


def evidence_of(claim: Mapping[str, Any], report: Mapping[str, Any] | None = None) -> Evidence:
    """Wrap a stored claim (and its report row) as :class:`Evidence`."""
    report = report or {}
    return Evidence(
        claim=int(claim["id"]),
        report=int(claim["report"]),
        kind=claim["kind"],
        date=claim.get("date") or report.get("published"),
        quote=claim.get("quote") or "",
        start=int(claim.get("start") or 0),
        end=int(claim.get("end") or 0),
        sources=tuple(claim.get("sources") or ()),
        anonymous=bool(claim.get("anonymous")),
        hedged=bool(claim.get("hedged")),
        conditional=bool(claim.get("conditional")),
        conditions=tuple(claim.get("conditions") or ()),
        negated=bool(claim.get("negated")),
        denied=bool(claim.get("denied")),
        denied_by=(claim.get("denied_by") or denier(claim.get("quote")) or claim.get("actor_name"))
        if claim.get("denied")
        else None,
        speaker=claim.get("speaker"),
        agency=report.get("agency") or report.get("source"),
        # An unattributed stance rests on the outlet's own reporting: its story, copies included.
        origin=origin(claim) or own_reporting(claim, report),
    )


def merge(
    claims: Iterable[Mapping[str, Any]],
    reports: Mapping[int, Mapping[str, Any]] | None = None,
    *,
    negotiation: str | None = None,
) -> list[Position]:
    """Merge stored claims (``Store.claims()`` rows) into positions.

    *reports* maps report ids to report rows (for agencies and publication
    dates); *negotiation* labels the positions.  Positions come out ordered by
    actor, issue and first date.
    """
    reports = reports or {}
    claims = list(claims)
    # A denial governs every claim in the content it denies: name its author on all of them.
    deniers: dict[int, str] = {}
    for c in claims:
        if c.get("denied") and int(c["report"]) not in deniers:
            who = c.get("denied_by") or denier(c.get("quote"))
            if who:
                deniers[int(c["report"])] = who
    out: dict[tuple[Any, ...], Position] = {}
    for c in claims:
        if c.get("denied") and not c.get("denied_by") and int(c["report"]) in deniers:
            c = {**c, "denied_by": denier(c.get("quote")) or deniers[int(c["report"])]}
        key = position_key(c)
        pos = out.get(key)
        if pos is None:
            actor, issue, stance, negated, places, quantities, target, facet, _ = key
            pos = out[key] = Position(
                key=_key_text(key),
                actor=actor,
                actor_name=c.get("actor_name") or actor,
                issue=issue,
                stance=stance,
                negated=negated,
                places=places,
                quantities=quantities,
                target=target,
                target_text=str(c.get("target") or ""),
                negotiation=negotiation,
                aspect=facet,
            )
        pos.evidence.append(evidence_of(c, reports.get(int(c["report"]))))
    for pos in out.values():
        pos.evidence.sort(key=lambda e: (e.date or "9999", e.report, e.claim))
    return sorted(out.values(), key=lambda p: (p.actor, p.issue, p.first_seen or "9999", p.key))
