"""Nouns of something said, told apart from claims of title.

"Denied the report", "dismissed the claim that …" answer words, which is no stance; "rejected
Guyana's claim to the Essequibo", "rejected the Iranian claims" refuse a title, which is one.
Words are data in ``knowledge/stances.yaml`` (``lists:`` title_claim_preps,
title_claim_modifiers).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list

_TITLE_PREPS = word_list("title_claim_preps")
_TITLE_MODIFIERS = word_list("title_claim_modifiers")


def speech_noun(tok: Token, report_nouns: frozenset[str] | set[str]) -> bool:
    """*tok* is a noun for something said ("denied the report", "dismissed the claim that …"),
    not a claim of title ("rejected Guyana's claim to the Essequibo", "territorial claims")."""
    lemma = tok.lemma_.lower()
    if lemma not in report_nouns:
        return False
    if lemma != "claim":
        return True
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.lower_ in _TITLE_PREPS:
        return False  # the parser often hangs "to Kashmir" on the verb
    kids = list(tok.children)
    if any(
        (c.dep_ == "prep" and c.lower_ in _TITLE_PREPS)
        or (c.dep_ in ("amod", "compound") and c.lemma_.lower() in _TITLE_MODIFIERS)
        for c in kids
    ):
        return False
    # "rejected the Iranian claims", "any claims by a third party": a party's claims with
    # nothing said in them are its title ("claims by Iran that it …" are words)
    owned = any(
        (c.dep_ in ("poss", "amod") and c.ent_type_ in ("NORP", "GPE"))
        or (
            c.dep_ == "prep"
            and c.lower_ == "by"
            and any(p.ent_type_ in ("NORP", "GPE") or p.lower_ == "party" for p in c.children)
        )
        for c in kids
    )
    said = any(
        c.dep_ in ("acl", "relcl", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("about", "of"))
        for c in kids
    ) or (after is not None and after.lower_ == "that")
    return not owned or said
