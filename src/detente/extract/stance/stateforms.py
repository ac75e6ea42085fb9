"""Definite descriptions that name a form of state: "the kingdom", "the emirate", "the junta".

"The government" refers to the state that spoke last, but "the kingdom" only to a monarchy:
in a report where Washington answered Riyadh, "the kingdom said it would …" is Saudi Arabia's,
whoever held the latest stance. The actors each form can refer to are data
(``knowledge/state_forms.yaml``); this module picks, among them, the latest one that held a
stance in the report, else the latest one named before the description.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span, Token

from detente.extract.kb import _load_yaml


class _HasId(Protocol):
    id: str


A = TypeVar("A", bound=_HasId)


@functools.cache
def _forms() -> dict[str, frozenset[str]]:
    data = _load_yaml("state_forms.yaml")
    return {str(k).lower(): frozenset(map(str, v)) for k, v in (data.get("forms") or {}).items()}


def form_ids(word: str) -> frozenset[str] | None:
    """The actor ids a description headed by *word* ("kingdom") can name, or None when the
    word names no particular form of state ("government")."""
    return _forms().get(word.lower())


def form_of(head: Token) -> frozenset[str] | None:
    """:func:`form_ids` of the noun at *head*, by lemma or by its own form."""
    return form_ids(head.lemma_) or form_ids(head.lower_)


def formed_holder(
    head: Token,
    history: Sequence[A],
    resolve: Callable[[Span], A | None],
) -> A | None:
    """The actor "the kingdom" (headed by *head*) stands for: the latest actor of that form in
    *history* (stances held so far), else the latest of that form named earlier in the report
    (*resolve* maps an entity to its actor). None when the noun is no form of state or the
    report names no actor of its form."""
    ids = form_of(head)
    if not ids:
        return None
    for prev in reversed(history):
        if prev.id in ids:
            return prev
    for ent in reversed(head.doc.ents):
        if ent.start >= head.i or ent.label_ not in ("GPE", "NORP", "ORG"):
            continue
        actor = resolve(ent)
        if actor is not None and actor.id in ids:
            return actor
    return None
