"""Parties that echo a stance by ellipsis: "Turkey supports the meeting, as do Greece and the
United Kingdom", "Russia rejects the plan, as does China".

The echoing clause repeats no verb ("as do", "as does", "as did"), so no trigger of its own is
found; its subjects hold the same stance as the trigger's holder, on the same content.
"""

from __future__ import annotations

from spacy.tokens import Token


def echo_subjects(verb: Token) -> list[Token]:
    """The subjects of an "as do X (and Y)" clause hung on stance verb *verb*."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "advcl" or c.lemma_ != "do":
            continue
        kids = list(c.children)
        if not any(m.dep_ == "mark" and m.lower_ == "as" for m in kids):
            continue
        if any(m.dep_ in ("neg", "dobj", "xcomp", "ccomp") for m in kids):
            continue  # "as does not …", "as do the talks it hosts": not an echo
        subj = next((s for s in kids if s.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
            out.extend([subj, *subj.conjuncts])
    return out
