"""Back-references: a stance on "the decision", "the offer", "the move" is about what it
points back to.

"Belgrade welcomed the decision", "Kinshasa dismissed the move as a ploy", "the proposal was
rejected by the rebels", "an idea Kyiv dismissed as a trap": the object names no issue of its
own, so the sentence stages leave such a stance without one. This report-level pass runs over
the claims already extracted: each such stance takes the issues of the nearest earlier stance
of another actor it can refer to (an offer for "the offer", a proposal for "the plan", any stance
for "the decision" or "the move"), within a short reach, and a stance on a proposal, plan or
offer is aimed at its proponent. The nouns are data in ``knowledge/stances.yaml`` (``lists:``
referring, placeholders, plan_nouns, act_references, anaphoric_dets).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.lexis import (
    _ANAPHOR_REACH,
    _ANAPHORIC_DETS,
    _PLACEHOLDERS,
    _PLAN_NOUNS,
    _PRONOUNS,
    _REFERRING,
)
from detente.extract.stance.model import Trigger
from detente.records import Claim

#: Nouns for an act of any kind ("the decision", "the move"): they refer to any stance.
_ACTS = word_list("act_references")
#: What such a noun can stand for: an act or a verdict, not a call ("the demand" says that).
_ACT_KINDS = ("offer", "propose", "accept", "reject", "threaten")
#: Referring nouns whose stance is aimed at the one who put the referred stance forward.
_PROPONENT_KINDS = frozenset({"offer", "propose"})
_VERDICT_KINDS = frozenset({"accept", "reject", "threaten"})
_OWNER_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
#: What a claim left pointing back records: where the noun is, the kinds it can stand for and
#: the actors whose stance it names (empty: anyone's but the holder's).
Pointer = tuple[int, tuple[str, ...], frozenset[str]]


def anaphor(trig: Trigger) -> tuple[Token, tuple[str, ...], list[Token]] | None:
    """The noun a stance's object points back with, the kinds it can point to ("the offer"
    -> offer; "the plan" -> propose; "the decision" -> any act or verdict) and the names of whose
    stance it is ("the RSF announcement", "Moscow's offer"); None when the object is no bare
    back-reference."""
    heads: list[Token] = []
    for root in trig.content:
        if root.pos_ == "ADP":
            heads.extend(c for c in root.children if c.dep_ in ("pobj", "pcomp"))
        else:
            heads.append(root)
    if not heads and trig.cls in ("verb", "verdict"):
        # "the proposal was rejected by Pyongyang", "the offer was unacceptable"
        tok = trig.token if trig.cls == "verb" else trig.token.head
        heads = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
    for head in heads:
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN":
            continue
        if lemma in _ACTS:
            kinds: tuple[str, ...] = _ACT_KINDS
        elif lemma in _REFERRING:
            kinds = tuple(_REFERRING[lemma])
        elif lemma in _PLAN_NOUNS:
            kinds = ("propose",)
        elif lemma in _PLACEHOLDERS:
            kinds = ("propose", "offer", "demand")
        else:
            continue
        definite = any(
            (c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS) or c.dep_ == "poss"
            for c in head.children
        )
        # "…, an idea Kyiv dismissed as a trap": the indefinite noun sums up the clause before
        summing = head.dep_ == "appos" or any(c.dep_ == "relcl" for c in head.children)
        if definite or summing:
            owners = [
                c
                for c in head.children
                if (c.dep_ == "poss" and c.lower_ not in _PRONOUNS)
                or (c.dep_ in ("amod", "compound") and c.ent_type_ in _OWNER_TYPES)
            ]
            return head, kinds, owners
    return None


def back_references(claims: list[Claim], pointers: dict[int, Pointer]) -> list[Claim]:
    """Give each stance that points back (*pointers* maps its ordinal to its
    :data:`Pointer`) the issues of the stance it points to: the nearest earlier stance (in
    the same sentence or up to ``_ANAPHOR_REACH`` characters before) of another actor, or of
    the actor named with the noun, of one of the kinds the noun can stand for. A stance that
    had an issue of its own ("process" for "the plan") keeps it; one that had none and points
    to nothing is dropped. The stances found follow their pointing one; ordinals and exchange
    links are renumbered."""
    if not pointers and all(c.issue for c in claims):
        return claims
    kept = [c for c in claims if c.ordinal not in pointers]
    have = {(c.actor, c.kind, c.issue, c.start) for c in kept}
    out: list[tuple[Claim, int]] = []
    for c in claims:
        if c.ordinal not in pointers:
            if c.issue:  # an issue copied from a stance that itself only pointed back: none
                out.append((c, c.ordinal))
            continue
        at, kinds, owners = pointers[c.ordinal]
        earlier = [
            e
            for e in kept
            if e.start < at
            # a named stance ("the RSF announcement") may lie anywhere before
            and (owners or e.start >= min(c.start, at) - _ANAPHOR_REACH)
            and _refers(c, e, owners)
            and e.kind in kinds
            and "derived=reference" not in e.signals
        ]
        if c.issue:
            # "welcomed the plan": the plan as a whole stays, with what it was found to hold
            out.append((c, c.ordinal))
        if not earlier:
            continue
        last = max(earlier, key=lambda e: e.start)
        issues = dict.fromkeys(
            e.issue
            for e in earlier
            if e.start == last.start and e.actor == last.actor and e.kind == last.kind
        )
        for issue in issues:
            if (c.actor, c.kind, issue, c.start) in have:
                continue
            have.add((c.actor, c.kind, issue, c.start))
            claim = replace(
                c,
                issue=issue,
                signals=[
                    *(g for g in c.signals if not g.startswith("derived=")),
                    "derived=reference",
                ],
                places=list(c.places) or list(last.places),
            )
            if last.kind in _PROPONENT_KINDS and claim.target is None:
                claim.target = last.actor  # "rejected the offer": aimed at who made it
            out.append((claim, c.ordinal))
    # stances that point back are never traded against, so only the kept ones are remapped
    remap = {old: i for i, (c, old) in enumerate(out) if "derived=reference" not in c.signals}
    return [
        replace(c, ordinal=i, exchange_for=[remap[o] for o in c.exchange_for if o in remap])
        for i, (c, _) in enumerate(out)
    ]


def bare_process(issues: list[tuple[str, Any]]) -> bool:
    """Whether the issues found for a stance are only "process", read off a deal or offer
    noun with nothing else in the object ("welcomed the offer", "the plan was a step
    forward"): the stance it points back to can say more."""
    return len(issues) == 1 and issues[0][0] == "process" and len(_content(issues[0][1])) == 1


def _content(unit: Any) -> list[Token]:
    """A unit's words, less determiners and possessors."""
    return [t for t in unit.tokens if t.dep_ not in ("det", "poss", "case", "predet")]


def _refers(claim: Claim, earlier: Claim, owners: frozenset[str]) -> bool:
    """Whether *claim* can point back to *earlier*: a verdict ("welcomed", "rejected",
    "warned against") is on another actor's stance, or on the one named with the noun; a
    stance of one's own kind ("repeated the demand", "laid out the position") restates the
    holder's own."""
    if claim.kind == "accept" and earlier.kind in ("reject", "threaten"):
        return False  # what one welcomes or backs is a step, not another's refusal
    if claim.kind in _VERDICT_KINDS:
        return earlier.actor in owners if owners else earlier.actor != claim.actor
    return earlier.actor == claim.actor and (not owners or claim.actor in owners)
