"""A place declared an inseparable part of a state: "Taiwan is an inalienable part of
China's territory", "the Sahara is an integral part of Morocco", "the shoal is Chinese
territory", "Karabakh is Azerbaijani land".

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
#: What a nationality adjective makes a place ("is Chinese territory", "is Moroccan soil").
_LAND_NOUNS = ("territory", "land", "soil")

#: Matcher patterns (label -> patterns) for the frame trigger of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|part": [[{"LOWER": {"IN": list(_BOUND)}}, {"LEMMA": "part", "POS": "NOUN"}]],
    "FRAME|national": [[{"ENT_TYPE": "NORP"}, {"LEMMA": {"IN": list(_LAND_NOUNS)}, "DEP": "attr"}]],
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


def national_trigger(adj: Token) -> Trigger | None:
    """ "Huangyan Dao is Chinese territory": the claim whose attribute starts at the nationality
    *adj*, when the subject of the copula is a place and the copula is not negated."""
    noun = adj.head
    if noun.lemma_.lower() not in _LAND_NOUNS or noun.dep_ != "attr":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in _COPULAS or any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # a named subject is a place whatever the small model tags it ("Huangyan Dao" as a person);
    # a body is not ("Hamas is …")
    if subj is None or not any(
        t.ent_type_ in ("GPE", "LOC", "FAC")
        or t.lemma_.lower() in _PLACE_NOUNS
        or (t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "NORP"))
        for t in subj.subtree
    ):
        return None
    return Trigger(noun, "demand", "copula")


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {"part": part_trigger, "national": national_trigger}
