"""Who answered a proposal reported in an agentless passive.

"Russia offered a thirty-day truce to Ukraine. The offer was rejected on Monday." names no
one who rejected it, but a reader knows: the party the offer was made to.  Likewise "Kinshasa
proposed a draft accord to the M23. The draft was accepted late on Sunday" is the M23's
acceptance, never Kinshasa's.  A passive answer ("was accepted / turned down / rejected") whose
subject is a proposal (an offer, a plan, a draft) takes as holder:

* the addressee of the latest proposal, offer or demand of the report before it, when that
  stance names one ("to Ukraine", "with the coalition", a direct object);
* else, for an acceptance, the party of the two the report is about that did not make the
  proposal.

Where neither settles it (no proposal before, or a refusal with no addressee) nothing is
returned and the usual rules apply: an agentless refusal is only coded where it is
unambiguous.  A "by" agent ("was turned down by Riyadh") is the holder before this is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.model import _Actor

if TYPE_CHECKING:
    from detente.extract.stance.state import _DocState

#: Subjects that are something proposed ("the offer", "the draft", "the plan").
_PROPOSALS = word_list("answered_proposals")
#: Prepositions that name whom a proposal is made to ("offered a truce to Kyiv").
_TO = frozenset({"to", "with"})
#: How far back (characters) the proposal may have been reported.
_REACH = 600


def _addressee(
    trig: Token, proponent: str, resolve: Callable[[Token], _Actor | None]
) -> _Actor | None:
    """Whom the proposal at *trig* was made to: an object or a "to"/"with" phrase of the
    verb or of its object ("proposed a draft accord to the M23") that is not the proponent."""
    spots = [trig, *(c for c in trig.children if c.dep_ == "dobj")]
    for spot in spots:
        for c in spot.children:
            cands = [c] if c.dep_ == "dative" and c.pos_ != "ADP" else []
            if c.dep_ in ("prep", "dative") and c.lower_ in _TO:
                cands = [p for p in c.children if p.dep_ == "pobj"]
            for cand in cands:
                found = resolve(cand)
                if found is not None and found.id != proponent:
                    return found
    return None


def answered_proposal(
    verb: Token, kind: str, state: _DocState, resolve: Callable[[Token, _DocState], _Actor | None]
) -> list[_Actor] | None:
    """Holders of the agentless passive answer at *verb* ("the offer was rejected"), or
    None when its subject is no proposal or no earlier proposal settles who answered;
    *resolve* resolves a token to an actor."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() not in _PROPOSALS:
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    start = verb.sent.start_char
    for claim in reversed(state.claims):
        if claim.start >= start or claim.start < start - _REACH:
            continue
        if claim.kind not in ("propose", "offer", "demand"):
            continue
        origin = state.origins.get(id(claim))
        trig = getattr(origin[1], "token", None) if origin is not None else None
        to = (
            _addressee(trig, claim.actor, lambda t: resolve(t, state)) if trig is not None else None
        )
        if to is not None:
            return [to]
        if kind != "accept":
            return None
        others = [a for a in state.principal_pair() if a.id != claim.actor]
        return others[:1] if len(others) == 1 else None
    return None
