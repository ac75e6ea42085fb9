"""Meetings a side hopes or wishes to hold: a proposal of talks.

"The minister said he hoped to hold a three-way meeting in the spring", "Putin
hopes to meet Trump soon", "Seoul wishes to resume the talks": the holder puts forward talks of
its own, voiced as a hope rather than with "propose". Only the holder's own act of meeting
counts (no subject of its own); a hope about another's conduct ("hopes the North will return
to dialogue") is left to the verbs that read appeals. Word lists are data in
``knowledge/stances.yaml`` (``lists:`` meeting_acts, holding_acts, held_meetings).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.model import Trigger
from detente.extract.stance.syntax import _is_talks

#: The forms of the hoping verbs (matched by form: the tagger lemmatises "hopes" as "hop").
_HOPING = frozenset(
    [
        "hope",
        "hopes",
        "hoped",
        "hoping",
        "wish",
        "wishes",
        "wished",
        "wishing",
        "look",
        "looks",
        "looked",
        "looking",
    ]
)
#: Acts of meeting (no object needed), acts that meet with a meeting as object, the meetings.
_MEETING = word_list("meeting_acts")
_HOLDING = word_list("holding_acts")
_MEETINGS = word_list("held_meetings")

PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|hope": [[{"LOWER": {"IN": sorted(_HOPING)}, "POS": "VERB"}]],
}


def _meeting_act(verb: Token) -> Token | None:
    """The holder's own act of meeting under *verb* ("to meet", "to hold talks", "looks
    forward to meeting"), if any."""
    looks = verb.lower_.startswith("look")
    if looks and not any(c.lower_ == "forward" for c in verb.children):
        return None
    for c in verb.children:
        if looks and c.dep_ == "prep" and c.lower_ == "to":
            act = next((p for p in c.children if p.dep_ == "pcomp"), None)
        elif not looks and c.dep_ == "xcomp":
            act = c
        else:
            continue
        if act is None or act.pos_ != "VERB":
            return None
        if any(d.dep_ in ("nsubj", "nsubjpass", "neg") for d in act.children):
            return None
        lemma = act.lemma_.lower()
        if lemma in _MEETING:
            return act
        if lemma in _HOLDING:
            return next(
                (
                    d
                    for d in act.children
                    if d.dep_ == "dobj" and (_is_talks(d) or d.lemma_.lower() in _MEETINGS)
                ),
                None,
            )
    return None


def hope_trigger(verb: Token) -> Trigger | None:
    """ "hoped to hold a three-way meeting", "looks forward to meeting the president": the
    subject proposes the talks."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    act = _meeting_act(verb)
    if act is None:
        return None
    return Trigger(verb, "propose", "frame", content=[act], fixed=True)


FRAME_TRIGGERS = {"hope": hope_trigger}
