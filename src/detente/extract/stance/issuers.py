"""Who speaks: through a statement named just before, or as a person named beside a role.

"The envoys of the United States, Saudi Arabia and Egypt ended their meeting with a joint
statement. It calls on both sides to observe a truce …": the sentence-initial "it" is the
statement, and those who issued it hold what it says, not the party the report is mostly
about. Only a statement, communiqué, declaration, letter or resolution that is the object of
the previous sentence's verb (or of a preposition under it) counts.

"The spokeswoman, Maria Zakharova, said …": the person in apposition speaks for the role,
unless the role names its body ("the AU envoy, Olusegun Obasanjo" speaks for the AU).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract import attribution as attr
from detente.extract.stance.syntax import _ISSUED, _members


def apposed_speaker(head: Token, sources: Any) -> Token | None:
    """The person named in apposition to a bare role noun (*head*), or ``None``."""
    if head.ent_type_ or attr.is_media(head, sources):
        return None
    if any(c.ent_type_ for c in head.children if c.dep_ in ("compound", "poss", "amod")):
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def statement_issuers(pron: Token) -> list[Token]:
    """The tokens naming the issuers of the statement a sentence-initial subject "it" stands
    for (the "of" list of "the envoys of A, B and C", else the subject itself); [] when "it"
    is something else."""
    if pron.lower_ != "it" or pron.dep_ != "nsubj" or pron.i != pron.sent.start:
        return []
    doc = pron.doc
    if pron.sent.start == 0:
        return []
    for t in doc[pron.sent.start - 1].sent:
        if t.lemma_.lower() not in _ISSUED or t.dep_ not in ("dobj", "pobj"):
            continue
        verb = t.head.head if t.dep_ == "pobj" else t.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        listed = [
            m
            for c in subj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for m in _members(p)
        ]
        return listed or _members(subj)
    return []


def issued_by(head: Token) -> Token | None:
    """Who issued the statement *head* names, when it is the subject of a stance: "a
    statement from the Pakistani foreign office demanded …", "a joint statement by Egypt and
    Qatar called for …", "the communique, issued by the two ministers, said …"."""
    return attr.issuer_of(head) if head.lemma_.lower() in _ISSUED else None
