"""Claim confidence: a logistic score over the signals the stages leave on each claim.

Every claim carries ``signals``, short ``name=value`` strings saying how each stage decided
(trigger class, how the holder was found, how strong the issue cue was, whether the claim was
derived from a condition or an exchange, its modifiers).  The weights in
``knowledge/confidence.yaml`` are fitted on gold/dev (``scripts/fit_confidence.py``): a claim's
confidence estimates the chance that its (actor, kind, issue) is one a careful analyst codes.
With the claim check on (:mod:`detente.extract.stance.correctness`, the default) this score is
replaced, once the claims are final, by the check's confidence calibrated out of fold.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from detente.extract.stance.lexis import _PRONOUNS

#: Score used when no weights ship (never expected in an installed package).
_DEFAULT = 0.5


@cache
def weights() -> tuple[float, dict[str, float]]:
    """(bias, feature weights) from ``knowledge/confidence.yaml``."""
    path = resources.files("detente.knowledge").joinpath("confidence.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return math.log(_DEFAULT / (1 - _DEFAULT)), {}
    return float(data.get("bias", 0.0)), {
        str(k): float(v) for k, v in (data.get("weights") or {}).items()
    }


def score(signals: Iterable[str]) -> float:
    """Confidence in [0, 1] for a claim with these *signals* (rounded to 3 places)."""
    bias, w = weights()
    z = bias + sum(w.get(s, 0.0) for s in signals)
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def holder_signal(tok: Token | None, from_plan: bool, n_actors: int) -> list[str]:
    """How the holder was found: named in the clause, a pronoun, a description ("the
    government"), a plan's proponent, or nothing explicit (reporter, earlier stance)."""
    if from_plan:
        how = "plan"
    elif tok is None:
        how = "implicit"
    elif tok.lower_ in _PRONOUNS or tok.tag_ in ("PRP", "PRP$"):
        how = "pronoun"
    elif tok.ent_type_ or tok.pos_ == "PROPN":
        how = "named"
    else:
        how = "description"
    out = [f"holder={how}"]
    if n_actors > 1:
        out.append("holder=shared")
    return out


def cue_signal(weight: int) -> str:
    """Issue evidence: the strongest cue of the chosen issue in the content (0: decided by a
    rule or an earlier stance; -1: no cue at all, the report's dominant issue)."""
    if weight < 0:
        return "issue=dominant"
    return f"issue=cue{min(weight, 3)}"
