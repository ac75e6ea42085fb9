"""The negotiations ``negotiations.yaml`` lists: parties, places and mediators, loaded once.

Read by the store (assigning reports to negotiations) and by the extractor (the countries an
armed group's negotiation is about), so it depends on neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Known:
    """A negotiation listed in the knowledge file."""

    slug: str
    name: str
    parties: tuple[str, ...]
    places: tuple[str, ...]
    mediators: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _knowledge() -> dict[str, Any]:
    path = resources.files("detente.knowledge").joinpath("negotiations.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def known() -> dict[str, Known]:
    """The known negotiations by slug, in file order."""
    out = {}
    for slug, entry in (_knowledge().get("negotiations") or {}).items():
        out[slug] = Known(
            slug=slug,
            name=entry["name"],
            parties=tuple(entry.get("parties") or ()),
            places=tuple(entry.get("places") or ()),
            mediators=tuple(entry.get("mediators") or ()),
        )
    return out


@lru_cache(maxsize=1)
def third_parties() -> frozenset[str]:
    """Actors that speak in many negotiations and are never proposed as a party."""
    return frozenset(_knowledge().get("third_parties") or ())
