"""Report-level passes over the claims of one report, after the sentence stages: denials
retold elsewhere, headlines the body restates."""

from __future__ import annotations

from detente.records import Claim

#: How far (characters) a denied report reaches to the same report retold nearby.
_DENIAL_REACH = 700


def spread_denials(claims: list[Claim]) -> list[Claim]:
    """A denied report retold in another sentence ("X denied a report that …" / "The paper had
    reported that …") is still the denied report: a claim attributed to others' reporting, by
    the same actor with the issue or the kind of a denied one, nearby, is denied too."""
    denied = [c for c in claims if c.denied]
    for c in claims:
        if c.denied or not c.sources:
            continue
        if any(
            d.actor == c.actor
            and (d.issue == c.issue or d.kind == c.kind)
            and abs(d.start - c.start) <= _DENIAL_REACH
            for d in denied
        ):
            c.denied = True
            c.signals.append("denied")
    return claims


def body_over_headline(claims: list[Claim], end: int) -> list[Claim]:
    """Headlines compress the body ("Iran rejects E3 terms …"): a headline stance of an actor
    the body also gives stances to is a duplicate or a distortion, so it is dropped (*end*: where
    the headline ends, 0 for none)."""
    if not end:
        return claims
    body_actors = {c.actor for c in claims if c.start >= end}
    return renumbered([c for c in claims if c.start >= end or c.actor not in body_actors])


def renumbered(claims: list[Claim]) -> list[Claim]:
    """*claims* with ordinals 0, 1, 2 … in order and exchange links following them.

    Every pass that drops a claim ends with this: a gap left in the ordinals would give a
    stance added later (whose ordinal is the count of claims) the ordinal of another, and the
    store keeps one claim per ordinal.  The claims are renumbered in place: later stages look
    up what the rules decided for a claim by the claim object itself."""
    if all(c.ordinal == i for i, c in enumerate(claims)):
        return claims
    remap = {c.ordinal: i for i, c in enumerate(claims)}
    for i, c in enumerate(claims):
        c.ordinal = i
        c.exchange_for = [remap[o] for o in c.exchange_for if o in remap]
    return claims
