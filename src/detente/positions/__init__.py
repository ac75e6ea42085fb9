"""From stored claims to positions: merge, corroboration, changes and timeline.

``build(store)`` reads everything once and returns a :class:`Picture` of plain
dataclasses; ``Picture.to_frame()`` gives a pandas view of the positions.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from detente.positions.changes import detect
from detente.positions.merge import (
    govern,
    merge,
    normalise_wording,
    origin,
    position_key,
    stance_of,
)
from detente.positions.model import Change, Evidence, Position, TimelineEntry
from detente.positions.timeline import timeline

if TYPE_CHECKING:
    import pandas as pd

    from detente.store import Store

__all__ = [
    "Change",
    "Evidence",
    "Picture",
    "Position",
    "TimelineEntry",
    "build",
    "detect",
    "govern",
    "merge",
    "normalise_wording",
    "origin",
    "place_names",
    "position_key",
    "stance_of",
    "timeline",
]


@dataclass(slots=True)
class Picture:
    """Everything known about the negotiations in a store, merged."""

    reports: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    positions: list[Position]
    changes: list[Change]
    timeline: list[TimelineEntry]
    actor_names: dict[str, str] = field(default_factory=dict)
    #: The negotiation this picture is scoped to (a slug), or ``None`` for all.
    negotiation: str | None = None

    @property
    def actors(self) -> list[str]:
        """Actors with at least one position, most evidence first."""
        counts: dict[str, int] = {}
        for p in self.positions:
            counts[p.actor] = counts.get(p.actor, 0) + len(p.evidence)
        return sorted(counts, key=lambda a: (-counts[a], a))

    @property
    def issues(self) -> list[str]:
        """Issues with at least one position, most evidence first."""
        counts: dict[str, int] = {}
        for p in self.positions:
            counts[p.issue] = counts.get(p.issue, 0) + len(p.evidence)
        return sorted(counts, key=lambda i: (-counts[i], i))

    @property
    def date_range(self) -> tuple[str | None, str | None]:
        """Earliest and latest publication date of the reports covered."""
        dates = sorted(r["published"] for r in self.reports if r.get("published"))
        return (dates[0], dates[-1]) if dates else (None, None)

    def to_frame(self) -> pd.DataFrame:
        """Positions as a pandas DataFrame, one row per position."""
        import pandas as pd

        return pd.DataFrame([p.to_dict() for p in self.positions])

    def changes_frame(self) -> pd.DataFrame:
        """Contradictions and changes as a DataFrame."""
        import pandas as pd

        return pd.DataFrame([c.to_dict() for c in self.changes])

    def timeline_frame(self) -> pd.DataFrame:
        """The timeline as a DataFrame."""
        import pandas as pd

        return pd.DataFrame([t.to_dict() for t in self.timeline])


def build(
    store: Store,
    *,
    actor: str | list[str] | None = None,
    issue: str | list[str] | None = None,
    since: date | None = None,
    negotiation: str | None = None,
) -> Picture:
    """Merge what *store* holds into positions, changes and a timeline.

    *actor*/*issue*/*since* narrow the claims considered; events and facts
    are narrowed by *actor* and *since* only.  *negotiation* (a slug) keeps
    one negotiation; without it, changes are still only looked for within
    each negotiation.
    """
    reports = store.reports(negotiation=negotiation)
    by_id = {int(r["id"]): r for r in reports}
    claims = govern(store.claims(actor=actor, issue=issue, since=since, negotiation=negotiation))
    events = store.events(actor=actor, since=since, negotiation=negotiation)
    facts = store.facts(actor=actor, since=since, negotiation=negotiation)
    positions: list[Position] = []
    changes: list[Change] = []
    for slug, group in _by_negotiation(store, claims, negotiation, actor, issue, since):
        merged = merge(group, by_id, negotiation=slug)
        positions.extend(merged)
        changes.extend(detect(merged))
    changes.sort(key=lambda c: (c.date or "9999", c.negotiation or "", c.actor, c.issue, c.type))
    names = {c["actor"]: c.get("actor_name") or c["actor"] for c in claims}
    names.update({f["actor"]: f.get("actor_name") or f["actor"] for f in facts})
    return Picture(
        reports=reports,
        claims=claims,
        events=events,
        facts=facts,
        positions=positions,
        changes=changes,
        timeline=timeline(claims, events, facts, by_id),
        actor_names=names,
        negotiation=negotiation,
    )


def _by_negotiation(
    store: Store,
    claims: list[dict[str, Any]],
    negotiation: str | None,
    actor: str | list[str] | None,
    issue: str | list[str] | None,
    since: date | None,
) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """Claims grouped so that nothing merges or is compared across negotiations.

    A report in no negotiation is a group of its own.
    """
    if negotiation is not None:
        return [(negotiation, claims)]
    groups: list[tuple[str | None, list[dict[str, Any]]]] = []
    linked = store.report_negotiations()
    for n in store.negotiations():
        if n["reports"]:
            scoped = store.claims(actor=actor, issue=issue, since=since, negotiation=n["slug"])
            groups.append((n["slug"], govern(scoped)))
    loose: dict[int, list[dict[str, Any]]] = {}
    for c in claims:
        if not linked.get(int(c["report"])):
            loose.setdefault(int(c["report"]), []).append(c)
    groups.extend((None, rows) for _, rows in sorted(loose.items()))
    return groups


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Display names for place codes from the gazetteer data (curated names win)."""
    base = resources.files("detente.knowledge")
    out: dict[str, str] = {}
    try:
        text = base.joinpath("places_generated.csv").read_text(encoding="utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            out[row["code"]] = row["name"]
    except FileNotFoundError:
        pass
    try:
        curated = yaml.safe_load(base.joinpath("places.yaml").read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        curated = {}
    for section in curated.values():
        if isinstance(section, dict):
            for code, entry in section.items():
                if isinstance(entry, dict) and entry.get("name"):
                    out[str(code)] = str(entry["name"])
    return out
