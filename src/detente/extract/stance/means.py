"""Verdicts on the means of a settlement: "the conflict can only be solved through dialogue",
"the dispute must be settled by peaceful means", "the crisis cannot be resolved by force but
only through negotiations, the minister said".

Foreign-ministry and agency copy states a call for talks as a verdict on how a conflict can
end, with the conflict as subject and no stance verb. A passive settling verb with a modal
("can", "must", "should") and a peaceful means ("through dialogue", "by diplomatic means")
is a demand for the process, held by whoever voices it (the frame's reporter). Word lists are
data in ``knowledge/stances.yaml`` (``lists:`` settling_verbs, peaceful_means,
peaceful_modifiers).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.model import Trigger

_SETTLING = word_list("settling_verbs")
_PEACEFUL = word_list("peaceful_means")
#: "peaceful / diplomatic / political" make a neutral means noun a peaceful one.
_PEACEFUL_MODIFIERS = word_list("peaceful_modifiers")
_MODALS = frozenset({"can", "could", "must", "should", "will", "would", "ca"})
#: Prepositions that introduce the means of a settlement.
_MEANS_PREPS = frozenset({"through", "by", "via", "with", "at"})

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|means": [[{"LEMMA": {"IN": sorted(_SETTLING)}, "POS": "VERB"}]],
}


def _peaceful(prep: Token) -> bool:
    """Whether the phrase under *prep* names a peaceful means ("through dialogue", "by
    diplomatic means", "at the negotiating table")."""
    for t in prep.subtree:
        low = t.lemma_.lower()
        if low in _PEACEFUL:
            return True
        if any(c.dep_ == "amod" and c.lower_ in _PEACEFUL_MODIFIERS for c in t.children):
            return True
    return False


def _means(verb: Token) -> list[Token]:
    """The peaceful-means phrases of *verb*, also those the parser hung on a coordinated
    "but only through dialogue"."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return [
        c
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in _MEANS_PREPS and _peaceful(c)
    ]


def means_trigger(verb: Token) -> Trigger | None:
    """ "The conflict can only be solved through dialogue": a demand for the process."""
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return None
    content = _means(verb)
    if not content:
        return None
    return Trigger(verb, "demand", "verdict", content=content, fixed=True)


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {"means": means_trigger}
