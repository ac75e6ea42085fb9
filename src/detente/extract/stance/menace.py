"""Warnings voiced as what the other side's conduct will meet, with no threat verb.

Statements answer a feared act with its consequence rather than with "threaten" or "warn":
"any attack on our territory will get a response at a time of our choosing", "any provocation
will meet a response more powerful than the last", "the seizure of the tanker will not remain
without a response", "would regard any attempt to seize its ships as an act of war", "any ship
bound for Israeli ports would again be a target", "those who attack civilians will be dealt
with". Each is the speaker's threat about the conduct it answers (the subject, or what is
regarded), voiced with a modal; a forecast by someone else ("analysts say X would meet a
response") is none. Word lists are data in ``knowledge/stances.yaml`` (``lists:``
response_nouns, drawing_verbs, regarding_verbs, menace_verdicts).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.consequences import _MODALS, forecast
from detente.extract.stance.kinds import _REGARDING
from detente.extract.stance.model import Trigger

_RESPONSES = word_list("response_nouns")
#: Verbs by which conduct draws its answer ("will get / meet / face a response").
_DRAWING = word_list("drawing_verbs")
_MENACE = word_list("menace_verdicts") | {"war"}

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|menace": [
        [{"LEMMA": {"IN": sorted(_DRAWING | _REGARDING | {"remain", "go", "be", "deal"})}}]
    ],
}


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _drawn_response(verb: Token) -> bool:
    """ "Any attack will get / meet a response": conduct as subject, an answer as object."""
    return (
        verb.lemma_.lower() in _DRAWING
        and not _negated(verb)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _RESPONSES for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _unanswered(verb: Token) -> bool:
    """ "Will not remain / go without a response", "will not go unanswered"."""
    if verb.lemma_.lower() not in ("remain", "go") or not _negated(verb):
        return False
    for c in verb.children:
        if (
            c.dep_ == "prep"
            and c.lower_ == "without"
            and any(p.lemma_.lower() in _RESPONSES for p in c.children)
        ):
            return True
        if c.dep_ in ("acomp", "oprd") and c.lower_ in ("unanswered", "unpunished"):
            return True
    return False


def _targeted(verb: Token) -> bool:
    """ "Any ship bound for Israeli ports would again be a target"."""
    return (
        verb.lemma_.lower() == "be"
        and not _negated(verb)
        and any(c.dep_ == "attr" and c.lemma_.lower() == "target" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in verb.children)
    )


def _dealt_with(verb: Token) -> bool:
    """ "Anyone who attacks civilians will be dealt with": a passive "deal with" on conduct."""
    return (
        verb.lemma_.lower() == "deal"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    )


def _regarded_as_war(verb: Token) -> bool:
    """ "Iran would regard any attempt to seize its ships as an act of war" (active voice; the
    passive is read by kinds.menacing_verdict)."""
    if verb.lemma_.lower() not in _REGARDING or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    # (the parser often hangs "as …" inside the object: "any attempt to seize [its ships as
    # an act of war]")
    said = [t for a in verb.subtree if a.dep_ == "prep" and a.lower_ == "as" for t in a.subtree]
    return any(t.lemma_.lower() in _MENACE for t in said)


def menace_trigger(verb: Token) -> Trigger | None:
    """The warning at *verb*, if it is one of the shapes above, voiced with a modal by the
    side that would act rather than forecast by someone else."""
    if verb.pos_ not in ("VERB", "AUX") or not _modal(verb):
        return None
    if _regarded_as_war(verb):
        # the subject regards: its own threat, about what it regards
        cls = "verb"
    elif _drawn_response(verb) or _unanswered(verb) or _targeted(verb) or _dealt_with(verb):
        # the conduct answered is the subject; the speaker who announces it holds the threat
        cls = "consequence"
    else:
        return None
    # (the reporting chain is walked only for a sentence of one of these shapes)
    return None if forecast(verb) else Trigger(verb, "threaten", cls, fixed=True)


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {"menace": menace_trigger}
