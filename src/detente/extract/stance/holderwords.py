"""Words that tell what kind of holder a noun is: an unlisted body, a person of an armed
group, or a thing that names no party."""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract import attribution as attr
from detente.extract.lexicon import word_list
from detente.extract.stance.lexis import _AGENT_NOUNS, _GROUP_NOUNS, _INSTITUTIONS, _PEOPLE

_STATE_BODIES = word_list("state_bodies")
#: Modifiers that make a speaker one of an armed group's ("the rebel commander").
_GROUP_MODIFIERS = word_list("group_modifiers")


def unlisted_body(head: Token) -> bool:
    """A committee, council or commission, or an organisation name the lists do not know."""
    if head.lemma_.lower() in _STATE_BODIES:
        return True
    ent = attr.entity_of(head)
    return ent is not None and ent.label_ == "ORG" and not ent.ent_id_


def group_person(head: Token) -> bool:
    """ "The rebel commander", "a guerrilla spokesman": a person speaking for an armed group."""
    return head.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _GROUP_MODIFIERS
        for c in head.children
    )


def thing_noun(head: Token) -> bool:
    """A common noun that names no party ("any resumption", "the door", the "crossing" of
    "the Rafah crossing": a place's common head is no party either)."""
    lemma = head.lemma_.lower()
    return (
        head.pos_ == "NOUN"
        and head.ent_type_ in ("", "GPE", "LOC", "FAC")
        and lemma not in _AGENT_NOUNS
        and lemma not in _INSTITUTIONS
        and lemma not in _GROUP_NOUNS
        and lemma not in _PEOPLE
    )


#: Prepositions by which a person is tied to the body it speaks for ("a spokesman for …").
_FOR_BODY = frozenset({"for", "with", "of", "from", "at", "to"})
#: People whose "for X" is their mandate, not their employer ("the UN envoy for Libya").
_MANDATES = word_list("mandate_roles")


def body_spoken_for(head: Token, people: frozenset[str]) -> Token | None:
    """The named body a spokesperson or official belongs to: "a spokeswoman for Hamas", "an
    official with the Philippine foreign ministry", "a member of the Houthi politburo"."""
    if head.lemma_.lower() not in people or head.lemma_.lower() in _MANDATES or head.ent_type_:
        return None
    if any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ for c in head.children):
        return None  # "the EU envoy for the dialogue": the body named before it
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _FOR_BODY:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    obj.ent_type_ in ("ORG", "GPE", "NORP")
                    or any(c.ent_type_ in ("GPE", "NORP") for c in obj.children)
                ):
                    return obj
    return None
