"""What the brief says per negotiation: where each side stands now, and how sure to be.

Kept apart from :mod:`detente.report.brief` (layout) because the CLI and the
index page use it too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from detente.positions import Picture, Position


@dataclass(slots=True)
class Standing:
    """One party's current stance on one issue, with its flags and the denials around it."""

    actor: str
    actor_name: str
    issue: str
    positions: list[Position]
    denied: list[Position] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        """When the current stance was last voiced."""
        return max((p.last_seen or "" for p in self.positions), default="") or None

    @property
    def flags(self) -> list[str]:
        """``conditional``/``hedged`` when a current stance is only worded so."""
        out = []
        if any(p.conditional for p in self.positions):
            out.append("conditional")
        if any(p.hedged for p in self.positions):
            out.append("hedged")
        return out

    @property
    def claims(self) -> list[int]:
        """Ids of the claims behind the current stance."""
        return [c for p in self.positions for c in p.claims]


def standing(picture: Picture) -> list[Standing]:
    """Per party and issue, the latest stance that counts (denied ones never do).

    The current stance is every position last voiced on the latest date the
    party spoke on the issue; positions reported, then denied, are listed
    beside it ("reported, then denied by …") and never as the stance.
    """
    counted: dict[tuple[str, str], list[Position]] = defaultdict(list)
    denied: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in picture.positions:
        (counted if p.counts else denied)[(p.actor, p.issue)].append(p)
    out = []
    for key in sorted(set(counted) | set(denied)):
        ps = counted.get(key, [])
        last = max((p.last_seen or "" for p in ps), default="")
        now = [p for p in ps if (p.last_seen or "") == last]
        actor, issue = key
        name = picture.actor_names.get(actor, actor)
        out.append(Standing(actor, name, issue, now, denied.get(key, [])))
    order = {a: i for i, a in enumerate(picture.actors)}
    out.sort(key=lambda s: (order.get(s.actor, len(order)), s.actor, s.issue))
    return out


@lru_cache(maxsize=1)
def evaluation() -> dict[str, Any]:
    """Measured accuracy of the extractor (``knowledge/evaluation.yaml``)."""
    try:
        text = resources.files("detente.knowledge").joinpath("evaluation.yaml").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return yaml.safe_load(text) or {}
