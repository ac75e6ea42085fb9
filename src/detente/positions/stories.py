"""Outlets and stories behind a position: copies of one wire story are one piece of evidence.

Reports carry a ``story_id`` (see :mod:`detente.stories`): reports of the same story
republished or rewritten by several outlets share it.  A stance an outlet reports without
naming a source rests on that story, not on each copy, and coverage is told as outlets and
distinct stories: "reported by 7 outlets (1 story)".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from detente.positions.model import Position


def own_reporting(claim: Mapping[str, Any], report: Mapping[str, Any]) -> str:
    """The origin of an unattributed stance: its story when known, else the one report."""
    outlet = report.get("agency") or report.get("source") or "unattributed"
    story = report.get("story_id")
    if story is not None:  # not the outlet: copies by different outlets are one origin
        return f"story {story} (own reporting)"
    return f"{outlet} (own reporting, report {claim['report']})"


def coverage(position: Position, reports: Mapping[int, Mapping[str, Any]]) -> str:
    """``reported by 7 outlets (1 story)``: distinct outlets and stories behind *position*.

    A report without a story counts as a story of its own; a report without an
    outlet counts as an outlet of its own.
    """
    outlets: set[str] = set()
    stories: set[str] = set()
    for rid in position.reports:
        r = reports.get(rid) or {}
        outlets.add(str(r.get("agency") or r.get("source") or f"report {rid}"))
        story = r.get("story_id")
        stories.add(f"s{story}" if story is not None else f"r{rid}")
    n, k = len(outlets), len(stories)
    return f"reported by {n} outlet{'s' if n != 1 else ''} ({k} stor{'ies' if k != 1 else 'y'})"
