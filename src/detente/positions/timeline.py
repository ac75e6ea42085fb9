"""A dated sequence of stances, events and control facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from detente.positions.merge import stance_of
from detente.positions.model import TimelineEntry


def timeline(
    claims: Iterable[Mapping[str, Any]],
    events: Iterable[Mapping[str, Any]] = (),
    facts: Iterable[Mapping[str, Any]] = (),
    reports: Mapping[int, Mapping[str, Any]] | None = None,
) -> list[TimelineEntry]:
    """Entries ordered by date (undated ones last, in report order).

    A stance without its own date takes its report's publication date; an
    event keeps only its resolved date (an undated event stays undated).
    """
    reports = reports or {}
    out: list[TimelineEntry] = []
    for c in claims:
        stance, negated = stance_of(c["kind"], bool(c.get("negated")))
        when = c.get("date") or (reports.get(int(c["report"])) or {}).get("published")
        places = f" ({', '.join(c['places'])})" if c.get("places") else ""
        # Not in square brackets: rich tables would read them as markup.
        flag = " · reported, then denied" if c.get("denied") else ""
        flag += " · conditional" if c.get("conditional") else ""
        flag += " · hedged" if c.get("hedged") else ""
        out.append(
            TimelineEntry(
                when,
                "stance",
                (c["actor"],),
                f"{c['actor']} {'not ' if negated else ''}{stance} {c['issue']}{places}{flag}",
                int(c["report"]),
                int(c["id"]),
                c.get("quote") or "",
                c["issue"],
                stance,
                int(c.get("start") or 0),
                int(c.get("end") or 0),
            )
        )
    for e in events:
        who = ", ".join(e.get("participants") or [])
        where = f" in {e['place']}" if e.get("place") else ""
        out.append(
            TimelineEntry(
                e.get("date"),
                "event",
                tuple(e.get("participants") or ()),
                f"{e['kind']}{where}{': ' + who if who else ''}",
                int(e["report"]),
                int(e["id"]),
                e.get("quote") or "",
                None,
                e["kind"],
                int(e.get("start") or 0),
                int(e.get("end") or 0),
            )
        )
    for f in facts:
        share = (
            ""
            if f.get("share") is None
            else f" {f['share']:.0%}{'~' if f.get('approximate') else ''} of"
        )
        out.append(
            TimelineEntry(
                f.get("date"),
                "fact",
                (f["actor"],),
                f"{f['actor']} controls{share} {f.get('place_name') or f['place']}",
                int(f["report"]),
                int(f["id"]),
                f.get("quote") or "",
                "territory",
                "control",
                int(f.get("start") or 0),
                int(f.get("end") or 0),
            )
        )
    # Label each entry with its report's negotiation, so one axis never hides several.
    out = [replace(t, negotiation=(reports.get(t.report) or {}).get("negotiation")) for t in out]
    type_order = {"event": 0, "fact": 1, "stance": 2}
    out.sort(key=lambda t: (t.date is None, t.date or "", type_order[t.type], t.report, t.record))
    return out
