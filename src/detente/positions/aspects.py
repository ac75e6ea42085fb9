"""Finer readings of a stance made in the positions layer (``knowledge/positions.yaml``).

* the **aspect** of a ``process`` stance (talks format, venue, mediation,
  timing, framework), so that "agreed to set out visions of a ceasefire" and
  "did not accept the truce talks in Jeddah" are not compared;
* the **similarity** of two target wordings;
* whether a stance is **emphasised** ("insisted", "a red line").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "with",
        "from",
        "by",
        "at",
        "as",
        "its",
        "their",
        "his",
        "her",
        "any",
        "all",
        "that",
        "this",
        "be",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "should",
        "must",
        "not",
        "no",
    ]
)


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The contents of ``knowledge/positions.yaml``."""
    text = resources.files("detente.knowledge").joinpath("positions.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


def _pattern(words: list[str]) -> re.Pattern[str]:
    alts = []
    for w in words:
        w = str(w)
        stem = re.escape(w.rstrip("*")).replace(r"\ ", r"\s+")
        alts.append(stem + (r"\w*" if w.endswith("*") else ""))
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I)


@lru_cache(maxsize=1)
def _aspects() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, _pattern(words)) for name, words in settings()["process_aspects"].items()]


@lru_cache(maxsize=1)
def _emphasis() -> re.Pattern[str]:
    return _pattern(settings()["emphasis"])


def aspect(claim: Mapping[str, Any]) -> str:
    """The aspect of a ``process`` claim (``''`` for other issues or when none fits)."""
    if claim.get("issue") != "process":
        return ""
    text = " ".join(str(claim.get(k) or "") for k in ("target", "quote"))
    for name, pattern in _aspects():
        if pattern.search(text):
            return name
    return ""


def words(text: str | None) -> frozenset[str]:
    """Content words of *text*, lower-cased."""
    return frozenset(w for w in re.findall(r"\w+", (text or "").lower()) if w not in _STOP)


def similarity(a: str | None, b: str | None) -> float:
    """Jaccard overlap of the content words of two wordings (0–1)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def emphasised(quote: str | None) -> bool:
    """True when the stance is worded with emphasis ("insisted", "a red line")."""
    return bool(_emphasis().search(quote or ""))
