"""Collective subjects that stand for the pair of parties a report is about.

"Both sides agreed …", "the two leaders said …", "the parties exchanged views" give one stance
per party: the two named together before, else the two the report is about. The same holds
when the pair is only the reporting subject of a pronoun ("Both leaders said they were willing
to discuss the crossings"): "they" is the pair, not the last side to speak.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract import attribution as attr
from detente.extract.stance.lexis import _PAIR_ADJECTIVES, _PAIR_NOUNS
from detente.extract.stance.syntax import _ISSUED

#: Heads of "both sides", "the two countries": the pair the report is about.
PAIR_HEADS = frozenset({"side", "party", "leader", "country", "government", "president"})


def participants(head: Token) -> bool:
    """ "The sides exchanged views", "the parties agreed", "the ministers agreed" in a readout:
    the participants named before, not a group of their own ("the sides in Sudan's war",
    "the Arab ministers" name others)."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in _PAIR_NOUNS:
        return False
    kids = list(head.children)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "both") for c in kids):
        return False
    return not any(
        c.dep_ in ("prep", "amod", "compound", "nummod", "poss", "relcl", "acl")
        and not (c.dep_ == "nummod" and c.lower_ in ("two", "2"))
        and not (c.dep_ == "amod" and c.lower_ in _PAIR_ADJECTIVES)
        for c in kids
    )


def _both(head: Token) -> bool:
    return head.lemma_.lower() in PAIR_HEADS and any(
        c.lower_ in ("both", "two") for c in head.children
    )


#: Texts two sides put out together ("the joint statement", "a joint communique").
_JOINT_TEXTS = _ISSUED | {"readout"}


def joint_text(head: Token) -> bool:
    """ "The joint statement calls for …" with no issuer named: the text of the two sides
    that met, as "both sides" is ("a joint statement by Egypt and Qatar" names its own)."""
    return (
        head.lemma_.lower() in _JOINT_TEXTS
        and any(c.dep_ == "amod" and c.lower_ == "joint" for c in head.children)
        and attr.issuer_of(head) is None
    )


def pair_subject(head: Token) -> bool:
    """ "both sides", "the two leaders", "the parties": a subject that is the report's pair;
    also the people of both ("the military leaders of both countries", "the foreign ministers
    of the two sides"), who speak for each."""
    if _both(head) or participants(head) or joint_text(head):
        return True
    return head.tag_ == "NNS" and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.dep_ == "pobj" and _both(p) for p in c.children)
        for c in head.children
    )
