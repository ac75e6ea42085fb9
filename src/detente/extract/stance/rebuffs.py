"""Stances voiced by a step taken against a party or a process rather than by a stance verb.

Explainers, council summaries and agency copy report positions through what an actor does:

* a step on the other side's envoy over something: "expelled the Ethiopian ambassador over the
  port deal", "recalled its envoy over the visit" (a rejection of what it is over);
* relations broken off: "cut ties with Kyiv", "is ending diplomatic relations with Ukraine"
  (a rejection of the relationship);
* talks put on hold by order: "ordered the suspension of talks with the ELN", "announced a
  freeze of the negotiations" (a rejection of the process);

Words are data in ``knowledge/stances.yaml`` (``lists:`` envoy_steps, envoy_nouns,
hold_nouns, hold_verbs, talks, voiding_verbs, void_words, severing_verbs, relation_nouns).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.model import Trigger

_ENVOY_STEPS = word_list("envoy_steps")
_ENVOYS = word_list("envoy_nouns")
_HOLD_NOUNS = word_list("hold_nouns")
_HOLD_VERBS = word_list("hold_verbs")
_TALKS = word_list("talks")
_VOIDING = word_list("voiding_verbs")
_VOID = word_list("void_words")
_SEVERING = word_list("severing_verbs")
_RELATIONS = word_list("relation_nouns")
_LATER = frozenset({"will", "'ll", "would", "shall", "could", "might", "may"})

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|envoystep": [[{"LEMMA": {"IN": sorted(_ENVOY_STEPS)}, "POS": "VERB"}]],
    "FRAME|talkshold": [[{"LEMMA": {"IN": sorted(_HOLD_NOUNS)}, "POS": "NOUN"}]],
    "FRAME|voided": [[{"LEMMA": {"IN": sorted(_VOIDING)}, "POS": "VERB"}]],
    "FRAME|severed": [[{"LEMMA": {"IN": sorted(_SEVERING)}, "POS": "VERB"}]],
}


def envoy_step_trigger(verb: Token) -> Trigger | None:
    """ "expelled the Ethiopian ambassador over the port deal": a step against the other side's
    envoy rejects what it is over (a date or a cause of another kind is no content)."""
    envoys = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS]
    if not envoys:
        return None
    if any(c.dep_ in ("neg", "nsubjpass") for c in verb.children):
        return None
    objs = [
        p
        for c in [*verb.children, *envoys[0].children]
        if c.dep_ == "prep" and c.lower_ == "over"
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    return Trigger(verb, "reject", "frame", content=objs[:1], fixed=True) if objs else None


def talks_hold_trigger(noun: Token) -> Trigger | None:
    """ "ordered the suspension of talks with the ELN", "Kinshasa's freeze of the dialogue":
    talks put on hold by the actor who orders or announces it reject the process."""
    talks = [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "in")
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in _TALKS
    ]
    if not talks or any(c.dep_ == "neg" for c in noun.head.children):
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return Trigger(noun, "reject", "frame", content=talks, fixed=True)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _HOLD_VERBS:
        return Trigger(verb, "reject", "frame", content=talks, fixed=True)
    return None


def voided_trigger(verb: Token) -> Trigger | None:
    """ "would treat the cabinet's decision as if it did not exist", "regards the resolution as
    non-existent": the subject holds the thing to be void, a rejection of it."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not objs or any(c.dep_ in ("neg", "nsubjpass") for c in verb.children):
        return None
    as_if = any(
        c.dep_ == "advcl"
        and c.lemma_ == "exist"
        and {m.lower_ for m in c.children if m.dep_ == "mark"} >= {"as", "if"}
        and any(m.dep_ == "neg" for m in c.children)
        for c in verb.children
    )
    as_void = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(t.lower_ in _VOID for t in c.subtree)
        for c in verb.children
    )
    if not (as_if or as_void):
        return None
    return Trigger(verb, "reject", "frame", content=objs[:1], fixed=True)


def severed_trigger(verb: Token) -> Trigger | None:
    """ "cut ties with Kyiv", "was ending diplomatic relations with Ukraine": the subject
    breaks off its relations with the other side, a rejection of them.  A passive ("ties
    were cut") or negated verb names no one who acts."""
    if any(c.dep_ in ("neg", "nsubjpass") for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _RELATIONS]
    if not objs:
        return None
    # with whom: "ties with Kyiv" (or the verb's "with"), not "its relations deteriorated"
    if not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in [*objs[0].children, *verb.children]
    ):
        return None
    # "will break off relations with any government that recognises it": a rupture still to
    # come is held over the other side, a threat
    later = any(c.dep_ == "aux" and c.lower_ in _LATER for c in verb.children)
    return Trigger(verb, "threaten" if later else "reject", "frame", content=objs[:1], fixed=True)


#: Frame readers of this module, by the part of the label after "FRAME|".
FRAME_TRIGGERS = {
    "envoystep": envoy_step_trigger,
    "talkshold": talks_hold_trigger,
    "voided": voided_trigger,
    "severed": severed_trigger,
}
