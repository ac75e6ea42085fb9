"""Plain records for positions, changes and the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: How firmly a stance was voiced, weakest hedging first.
HEDGING_LEVELS: tuple[str, ...] = ("firm", "conditional", "hedged", "hedged, conditional")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stored claim as evidence for a position."""

    claim: int
    report: int
    kind: str
    date: str | None
    quote: str
    start: int
    end: int
    sources: tuple[str, ...] = ()
    anonymous: bool = False
    hedged: bool = False
    conditional: bool = False
    conditions: tuple[str, ...] = ()
    negated: bool = False
    denied: bool = False
    #: Who denied the reported stance (when ``denied``).
    denied_by: str | None = None
    speaker: str | None = None
    agency: str | None = None
    #: The source the claim ultimately rests on (see :func:`detente.positions.merge.origin`).
    origin: str = ""

    @property
    def hedging(self) -> str:
        """``firm``, ``conditional``, ``hedged`` or ``hedged, conditional``."""
        return HEDGING_LEVELS[int(self.conditional) + 2 * int(self.hedged)]


@dataclass(slots=True)
class Position:
    """Claims of one actor merged on (issue, stance, object).

    ``stance`` is the claim kind after folding negation (a negated ``accept``
    is a ``reject``); ``negated`` marks the remaining negated kinds ("does not
    demand").  The object is the set of places, the quantities and the
    normalised target wording.
    """

    key: str
    actor: str
    actor_name: str
    issue: str
    stance: str
    negated: bool
    places: tuple[str, ...]
    quantities: tuple[tuple[float, str], ...]
    target: str
    evidence: list[Evidence] = field(default_factory=list)
    #: The target as first worded in a claim (``target`` is its normalised form).
    target_text: str = ""
    #: The negotiation (slug) the position was merged within, if any.
    negotiation: str | None = None
    #: For ``process`` stances: talks format, venue, mediation, timing or framework.
    aspect: str = ""

    @property
    def claims(self) -> list[int]:
        """Ids of the claims behind this position."""
        return [e.claim for e in self.evidence]

    @property
    def distinct_evidence(self) -> list[Evidence]:
        """Evidence with repeats of the same wording in one report dropped (headline + lead)."""
        seen: set[tuple[int, str]] = set()
        out = []
        for e in self.evidence:
            if (e.report, e.quote) not in seen:
                seen.add((e.report, e.quote))
                out.append(e)
        return out

    @property
    def reports(self) -> list[int]:
        """Distinct reports, in first-seen order."""
        return list(dict.fromkeys(e.report for e in self.evidence))

    @property
    def first_seen(self) -> str | None:
        """Earliest date the stance was voiced (ISO), if any is known."""
        dates = [e.date for e in self.evidence if e.date]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        """Latest date the stance was voiced (ISO), if any is known."""
        dates = [e.date for e in self.evidence if e.date]
        return max(dates) if dates else None

    @property
    def sources(self) -> list[str]:
        """Every distinct name in the attribution chains, first-seen order."""
        return list(dict.fromkeys(s for e in self.evidence for s in e.sources))

    @property
    def agencies(self) -> list[str]:
        """Distinct agencies or outlets whose reports carry the evidence."""
        return list(dict.fromkeys(e.agency for e in self.evidence if e.agency))

    @property
    def origins(self) -> list[str]:
        """Distinct independent sources: what the evidence ultimately rests on."""
        return list(dict.fromkeys(e.origin for e in self.evidence))

    @property
    def independent_sources(self) -> int:
        """Corroboration: the number of distinct origins."""
        return len(self.origins)

    @property
    def corroboration(self) -> str:
        """One line saying how many independent sources back the position, and why."""
        n_out = len(set(self.agencies) | {s for e in self.evidence for s in e.sources[:-1]})
        n = self.independent_sources
        text = f"{n} independent source{'s' if n != 1 else ''}"
        if n_out > n and n == 1:
            text += f" ({n_out} outlets relay the same source: {self.origins[0]})"
        elif n_out > n:
            text += f" relayed by {n_out} outlets"
        return text

    @property
    def hedging_strongest(self) -> str:
        """The most hedged wording among the evidence."""
        return max((e.hedging for e in self.evidence), key=HEDGING_LEVELS.index)

    @property
    def hedging_weakest(self) -> str:
        """The firmest wording among the evidence."""
        return min((e.hedging for e in self.evidence), key=HEDGING_LEVELS.index)

    @property
    def denied(self) -> bool:
        """True when the stance was reported, then denied (it is no stance of the actor)."""
        return any(e.denied for e in self.evidence)

    @property
    def hedged(self) -> bool:
        """True when even the firmest wording of the stance is hedged."""
        return "hedged" in self.hedging_weakest

    @property
    def conditional(self) -> bool:
        """True when even the firmest wording of the stance is conditional."""
        return "conditional" in self.hedging_weakest

    @property
    def denied_by(self) -> list[str]:
        """Who denied the stance."""
        return list(dict.fromkeys(e.denied_by for e in self.evidence if e.denied_by))

    @property
    def counts(self) -> bool:
        """Whether the position counts as the actor's stance (a denied one does not)."""
        return not self.denied

    @property
    def status(self) -> str:
        """``firm``, ``conditional``, ``hedged``… or ``reported, then denied by …``."""
        if self.denied:
            return "reported, then denied by " + (", ".join(self.denied_by) or self.actor_name)
        return self.hedging_weakest

    @property
    def label(self) -> str:
        """Short human wording: ``RUS demand territory (UA-14, UA-09)``."""
        what = [*self.places, *(f"{v:g} {u}" for v, u in self.quantities)]
        if self.target:
            what.append(self.target)
        obj = f" ({', '.join(what)})" if what else ""
        issue = self.issue + (f"/{self.aspect}" if self.aspect else "")
        return f"{self.actor} {'not ' if self.negated else ''}{self.stance} {issue}{obj}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view with the stable position fields."""
        return {
            "key": self.key,
            "negotiation": self.negotiation,
            "actor": self.actor,
            "actor_name": self.actor_name,
            "issue": self.issue,
            "aspect": self.aspect or None,
            "stance": self.stance,
            "negated": self.negated,
            "places": list(self.places),
            "quantities": [{"value": v, "unit": u} for v, u in self.quantities],
            "target": self.target or None,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "claims": self.claims,
            "reports": self.reports,
            "sources": self.sources,
            "agencies": self.agencies,
            "independent_sources": self.independent_sources,
            "corroboration": self.corroboration,
            "hedging_strongest": self.hedging_strongest,
            "hedging_weakest": self.hedging_weakest,
            "denied": self.denied,
            "denied_by": self.denied_by,
            "hedged": self.hedged,
            "conditional": self.conditional,
            "status": self.status,
        }


@dataclass(slots=True)
class Change:
    """A contradiction or a change of position, with both evidence sides.

    ``type`` is one of ``contradiction`` (accepts and rejects the same thing
    with no dated order), ``reversal`` (the stance flipped over time),
    ``denial`` (the actor denied a reported stance), ``narrowed`` or
    ``widened`` (a demand or offer changed scope over time).
    """

    type: str
    actor: str
    actor_name: str
    issue: str
    summary: str
    before: list[Evidence]
    after: list[Evidence]
    before_label: str = ""
    after_label: str = ""
    #: The negotiation (slug) both sides belong to, if any.
    negotiation: str | None = None

    @property
    def date(self) -> str | None:
        """When the later side was voiced."""
        dates = [e.date for e in self.after if e.date]
        return max(dates) if dates else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {
            "type": self.type,
            "negotiation": self.negotiation,
            "actor": self.actor,
            "actor_name": self.actor_name,
            "issue": self.issue,
            "summary": self.summary,
            "date": self.date,
            "before": self.before_label,
            "before_claims": [e.claim for e in self.before],
            "after": self.after_label,
            "after_claims": [e.claim for e in self.after],
        }


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated stance, event or control fact."""

    date: str | None
    type: str  # "stance" | "event" | "fact"
    actors: tuple[str, ...]
    label: str
    report: int
    record: int
    quote: str
    issue: str | None = None
    kind: str | None = None
    start: int = 0
    end: int = 0
    negotiation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {
            "date": self.date,
            "negotiation": self.negotiation,
            "type": self.type,
            "actors": list(self.actors),
            "issue": self.issue,
            "kind": self.kind,
            "label": self.label,
            "report": self.report,
            "record": self.record,
            "quote": self.quote,
        }
