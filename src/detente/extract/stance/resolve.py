"""Resolve to act voiced without a stance verb: "will not hesitate to use force if Taipei
declares independence", "Ankara would resort to force unless the militia withdraws".

* **a negated hesitation** ("will not hesitate to …", "would never hesitate to …") is a
  commitment to what follows, read like a willingness: a hostile act is a threat, a stance
  verb keeps its kind ("would not hesitate to reject"), any other step of the holder's own is
  an offer ("will not hesitate to return to the table");
* **force announced by a side** ("would use force", "will resort to military force", "will
  use all necessary means"), in the side's own voice (a pronoun or first person in its own
  reported speech, or a subject its speaker stands for; a forecaster's "analysts say China
  would use force" is no threat). Peaceful or legal means ("all diplomatic means") are none.

Word lists are data in ``knowledge/stances.yaml`` (``lists:`` force_means,
peaceful_modifiers).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import StanceLexicon, stance_lexicon, word_list
from detente.extract.stance.consequences import (
    _IF_MARKS,
    _MODALS,
    _condition_of,
    _in_condition,
    _modal,
    _voiced_by_actor,
)
from detente.extract.stance.lexis import _WAR_WORDS
from detente.extract.stance.menace import _hostile, raised_pressure_verb
from detente.extract.stance.model import Trigger

#: Verbs of hesitation whose negation commits to the act that follows.
_HESITATING = frozenset({"hesitate", "waver"})
#: Verbs by which a side announces it will use force ("use", "resort to", "employ").
_USING = frozenset({"use", "resort", "employ"})
#: What a side uses that makes it force ("force", "weapons", "all necessary means").
_FORCE_MEANS = word_list("force_means")
_PEACEFUL_MODIFIERS = word_list("peaceful_modifiers")
#: Open-ended means a resolute side reserves ("what is necessary", "whatever it takes").
_WHATEVER_NEEDED = frozenset({"necessary", "needed", "whatever", "takes"})
_DEFENDING = frozenset({"protect", "defend", "safeguard", "sovereignty", "security", "integrity"})

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|unhesitating": [[{"LEMMA": {"IN": sorted(_HESITATING)}, "POS": "VERB"}]],
    "FRAME|force": [[{"LEMMA": {"IN": sorted(_USING)}, "POS": "VERB"}]],
}


def unhesitating_trigger(verb: Token) -> Trigger | None:
    """ "will not hesitate to use force": the act after a negated, modal hesitation."""
    kids = list(verb.children)
    if not any(c.dep_ == "neg" or c.lower_ == "never" for c in kids):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return None  # "did not hesitate to strike": a past act, not a stance
    act = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if act is None or _in_condition(verb):
        return None
    verbs = stance_lexicon().verbs
    said = [t for c in act.children if c.dep_ != "advcl" for t in c.subtree]
    if _hostile([act, *said]) or (
        # "to do what is necessary to protect its border", "to take all necessary measures"
        # (to defend something or if provoked; "whatever it takes to reunite families" offers)
        act.lemma_.lower() in ("do", "take")
        and any(t.lower_ in _WHATEVER_NEEDED for t in said)
        and any(t.lemma_.lower() in _DEFENDING or t.lower_ in _IF_MARKS for t in verb.subtree)
    ):
        kind = "threaten"
    else:
        kind = verbs.get(act.lemma_.lower(), "offer")
    return Trigger(verb, kind, "frame", content=[act], fixed=True)


def force_named(verb: Token) -> bool:
    """Whether *verb* uses force: "use force", "resort to military force", "use all
    necessary means", not "use all diplomatic means" or "use the port"."""
    if verb.lemma_.lower() not in _USING:
        return False
    for c in verb.children:
        objs = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ == "to":
            objs = [p for p in c.children if p.dep_ == "pobj"]
        for obj in objs:
            if obj.lemma_.lower() not in _FORCE_MEANS and obj.lower_ not in _FORCE_MEANS:
                continue
            if not any(m.lower_ in _PEACEFUL_MODIFIERS for m in obj.children):
                return True
    return False


def force_trigger(verb: Token) -> Trigger | None:
    """ "Ankara would resort to force unless …", "Beijing said it would use force": force a
    side announces, in its own voice, is its threat."""
    if not _modal(verb) or _in_condition(verb) or not force_named(verb):
        return None
    if verb.dep_ in ("relcl", "acl", "amod", "pcomp", "xcomp"):
        return None  # "the right to use force", "will not hesitate to use force" (above)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _voiced_by_actor(verb, subj):
        return None
    # the threat is about what would set it off, when the text says ("… should Guyana let
    # foreign troops in"); else about the force itself
    condition = _condition_of(verb)
    content = [condition] if condition is not None else []
    return Trigger(verb, "threaten", "verb", content=content, fixed=True)


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {"unhesitating": unhesitating_trigger, "force": force_trigger}


def hostile_act(verb: Token, lex: StanceLexicon) -> bool:
    """ "keep fighting", "resume strikes", "destroy", "act against": a hostile action."""
    lemma = verb.lemma_.lower()
    if lemma in lex.hostile or force_named(verb):  # "not to use / resort to force"
        return True
    if raised_pressure_verb(verb):
        return True  # "ready to increase pressure on Moscow"
    if lemma in ("act", "move") and any(
        c.dep_ == "prep" and c.lower_ == "against" for c in verb.children
    ):
        return True  # "will continue to act against any threat", "moved against the group"
    if lemma in ("resume", "continue", "keep", "go", "step", "expand"):
        if any(c.dep_ == "xcomp" and hostile_act(c, lex) for c in verb.children):
            return True  # "will continue to act against …"
        return any(
            t.lemma_.lower() in _WAR_WORDS
            or t.lower_ in _WAR_WORDS
            or t.lemma_.lower() in lex.hostile
            for c in verb.children
            if c.dep_ in ("dobj", "xcomp", "prep", "prt", "acomp", "ccomp")
            for t in c.subtree
        )
    return False
