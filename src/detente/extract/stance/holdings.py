"""What a retention verb keeps decides the stance it voices.

"Would keep Donbas", "will retain control of the airport": the holder claims what it keeps (a
demand). But what one side keeps is often what the other side asks it to give up, and keeping
it then refuses that step (gold/README.md codes it ``reject``):

* its forces where they stand -- "will keep its positions inside Lebanon until …", "its
  fighters would hold their outposts", "will maintain its military presence in the corridor",
  "would keep its weapons until a state is established", "troops will stay in Ituri";
* a penalty on another party -- "will keep the group on its list of terrorist organisations",
  "will maintain its sanctions on Minsk".

"Maintain" joins the retention verbs only for these two kinds of object: "maintain peace" or
"maintains that …" is no retention. Words are data in ``knowledge/stances.yaml`` (``lists:``
held_forces, held_verbs, penalty_nouns, troops).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import stance_lexicon, word_list
from detente.extract.stance.lexis import _PENALTY_NOUNS, _TROOPS
from detente.extract.stance.model import Trigger
from detente.extract.stance.syntax import _is_talks

#: What a party keeps that others ask it to give up: armed presence and arms.
_FORCES = word_list("held_forces") | _TROOPS
#: Retention verbs that keep only forces or penalties ("maintain").
HELD_VERBS = word_list("held_verbs")
#: Lists a party is kept on ("on its list of terrorist organisations", "on the blacklist").
_LISTS = frozenset({"list", "blacklist", "register"})


def _kept_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _forces(tok: Token) -> bool:
    """ "troops", "positions", "its military presence", "arms": an armed presence or its arms
    ("position" only in the plural: "its position on territory" is a stance)."""
    low = tok.lower_
    if low == "position":
        return False
    return tok.lemma_.lower() in _FORCES or low in _FORCES


def _on_list(verb: Token) -> bool:
    """ "keep the Houthis on its list of …": the object is kept under a penalty."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "in")
        and any(p.lemma_.lower() in _LISTS for p in c.children if p.dep_ == "pobj")
        for c in verb.children
    )


def retention_trigger(verb: Token, hostile: bool) -> Trigger | None:
    """The stance of a retention verb voiced as intent (negation is read by the caller):
    keeping forces or a penalty refuses their removal; keeping anything else claims it; a
    hostile complement ("vowed to keep fighting") threatens, and another act kept up ("will
    keep funding the schools") is read as going on with it (:func:`continued_act`)."""
    lemma = verb.lemma_.lower()
    if hostile:
        return Trigger(verb, "threaten", "retention")
    if any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children):
        # "will keep funding the schools": going on with one's own act, not a claim
        return continued_act(verb, stance_lexicon().concessions)
    obj = _kept_object(verb)
    if obj is None:
        if lemma in HELD_VERBS:
            return None
        if any(_forces(t) for t in verb.subtree):
            # "its troops will stay in Somalia": refusing to withdraw a military presence
            return Trigger(verb, "reject", "presence")
        return Trigger(verb, "demand", "retention")
    if _forces(obj):
        return Trigger(verb, "reject", "presence")
    if _on_list(verb) or obj.lemma_.lower() in _PENALTY_NOUNS:
        return Trigger(verb, "reject", "penalty")
    if lemma in HELD_VERBS:
        return None
    return Trigger(verb, "demand", "retention")


#: What a side goes on doing that keeps the talks going ("will continue its mediation efforts").
_TALK_WORK = frozenset(
    {"mediation", "effort", "efforts", "work", "exchange", "exchanges", "dialogue", "contacts"}
)


def continued_act(verb: Token, concessions: frozenset[str]) -> Trigger | None:
    """ "Will continue to allow supplies through", "would continue their mediation efforts":
    going on with a concession or with the talks, voiced as intent, offers it ("continue" with
    an act of war threatens, and is read by the caller)."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.lemma_.lower() in concessions:
            return Trigger(verb, "offer", "concession")
        if c.dep_ == "dobj" and (_is_talks(c) or c.lemma_.lower() in _TALK_WORK):
            return Trigger(verb, "offer", "concession")
    return None
