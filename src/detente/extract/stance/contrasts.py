"""Contents excepted from a stance: "accepts a freeze along the line but not a withdrawal",
"ready to grant cultural rights but not autonomy".

The content stage splits a coordinated complement into one unit per conjunct, and every unit
takes the trigger's kind. A conjunct that is negated after "but" ("but not", "yet not") is
excepted from what is granted or asked: an acceptance, offer, proposal or demand of the first
conjunct is a refusal of the excepted one. What a refusal excepts ("rejects X but not Y") says
only that Y is not refused, so that unit is no stance at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.extract.stance.report import renumbered
from detente.records import Claim

if TYPE_CHECKING:
    from detente.extract.stance.state import _DocState

#: Kinds that grant or ask for something, turned into a refusal of what they except.
_GRANTING = frozenset({"accept", "offer", "propose", "demand"})


def excepted(head: Token) -> bool:
    """Is *head* a conjunct set against the one before it by "but not" ("X but not Y")?"""
    if head.dep_ != "conj":
        return False
    negated = any(c.dep_ == "neg" or c.lower_ == "not" for c in head.children)
    contrast = any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in (*head.head.children, *head.children)
    )
    return negated and contrast


def except_contents(claims: list[Claim], state: _DocState) -> list[Claim]:
    """*claims* with each excepted content's claim refused (or dropped after a refusal)."""
    out: list[Claim] = []
    for claim in claims:
        origin = state.origins.get(id(claim))
        if origin is None or not excepted(origin[2].head) or claim.kind == "threaten":
            out.append(claim)
            continue
        if claim.kind not in _GRANTING:
            continue  # "rejects X but not Y": Y is not refused, nor granted
        claim.kind = "reject"
        claim.signals = [s if not s.startswith("kind=") else "kind=reject" for s in claim.signals]
        claim.signals.append("excepted")
        out.append(claim)
    return renumbered(out)
