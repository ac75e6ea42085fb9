"""Definite back-references to an unnamed speaker: "a senior UK official said …. Any attempt
… would be rejected, the official added." The second speaker is the first one again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Token

T = TypeVar("T")

#: How far back (in characters) the first mention may be.
_REACH = 800


def earlier_speaker(head: Token, resolve: Callable[[Token], T | None]) -> T | None:
    """The actor of the indefinite mention ("a senior UK official") that a bare definite one
    ("the official", "the diplomat") refers back to, or None."""
    if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ in ("amod", "compound", "poss", "prep") for c in head.children):
        return None  # "the Chinese official" names its own side
    lemma = head.lemma_.lower()
    doc = head.doc
    start = max(0, head.sent.start - 1)
    for tok in reversed(doc[:start]):
        if head.idx - tok.idx > _REACH:
            break
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
            continue
        if not any(c.lower_ in ("a", "an") for c in tok.children):
            continue
        return resolve(tok)
    return None


def coordinated_subject(pron: Token) -> Token | None:
    """The plural subject of the clause that a "they" clause is coordinated with ("Chilean
    officials want X, and they see Y as a precondition"): the same people."""
    if pron.lower_ != "they" or pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pron.head
    if verb.dep_ != "conj":
        return None
    first = verb.head
    subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS"):
        return None
    return subj


def possessor_antecedent(poss: Token) -> Token | None:
    """The subject a possessive "their"/"its" points back to when its clause is coordinated
    with an earlier one ("the islands are Japanese land, and their status must be resolved")."""
    if poss.lower_ not in ("their", "its") or poss.dep_ != "poss":
        return None
    verb = poss.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "conj":
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
