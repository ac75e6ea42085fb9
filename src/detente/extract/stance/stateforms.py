"""Definite descriptions that name a form of state: "the kingdom", "the emirate", "the junta".

"The government" refers to the state that spoke last, but "the kingdom" only to a monarchy:
in a report where Washington answered Riyadh, "the kingdom said it would …" is Saudi Arabia's,
whoever held the latest stance. The actors each form can refer to are data
(``knowledge/state_forms.yaml``); the actor tracker (``extract/actors.py``) picks among them
the one named last before the description.
"""

from __future__ import annotations

import functools

from detente.extract.kb import _load_yaml


@functools.cache
def _forms() -> dict[str, frozenset[str]]:
    data = _load_yaml("state_forms.yaml")
    return {str(k).lower(): frozenset(map(str, v)) for k, v in (data.get("forms") or {}).items()}


def form_ids(word: str) -> frozenset[str] | None:
    """The actor ids a description headed by *word* ("kingdom") can name, or None when the
    word names no particular form of state ("government")."""
    return _forms().get(word.lower())
