"""A place declared an inseparable part of a state: "Taiwan is an inalienable part of
China's territory", "the Sahara is an integral part of Morocco".

Sovereignty claims in official statements are rarely voiced with a stance verb; the attribute
carries the claim. Read as a copula stance, the speaker holds a territorial demand and the
place is its content. The subject must be a place ("dialogue is an integral part of any
process" claims nothing); denied ("is not an integral part") it is no claim of the speaker's.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.model import Trigger

_BOUND = ("integral", "inalienable", "inseparable", "indivisible", "indispensable")
_COPULAS = frozenset({"be", "remain", "stay"})
_PLACE_NOUNS = word_list("place_nouns")

#: Matcher patterns (label -> patterns) for the frame trigger of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|part": [[{"LOWER": {"IN": list(_BOUND)}}, {"LEMMA": "part", "POS": "NOUN"}]],
}


def part_trigger(adj: Token) -> Trigger | None:
    """The claim whose attribute "integral part" starts at *adj*, if it has that shape."""
    part = adj.head if adj.dep_ == "amod" and adj.head.lemma_ == "part" else None
    if part is None or not any(c.dep_ == "prep" and c.lower_ == "of" for c in part.children):
        return None
    verb = part.head.head if part.dep_ == "pobj" and part.head.lower_ == "as" else part.head
    if part.dep_ not in ("attr", "oprd", "pobj", "dobj", "xcomp", "ccomp"):
        return None
    if verb.lemma_.lower() not in _COPULAS or any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(
        t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACE_NOUNS
        for t in subj.subtree
    ):
        return None  # "dialogue is an integral part of any process" claims no land
    return Trigger(part, "demand", "copula")


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {"part": part_trigger}
