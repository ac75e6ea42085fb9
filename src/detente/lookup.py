"""Resolving what people type into canonical ids: actors, issues, negotiations.

``--actor rus``, ``--actor Russia`` and ``--actor Kremlin`` all mean ``RUS``:
ids match in any case, then names, aliases, capitals, institutions and known
leaders from the knowledge base.  Something that matches nothing is an error
that suggests the nearest known value, never an empty success.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from detente.records import ISSUES


class UnknownValue(LookupError):
    """A value that names nothing known (the message suggests the nearest)."""


def _suggest(value: str, candidates: Iterable[str]) -> str:
    near = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {near[0]}?)" if near else ""


def resolve_actor(value: str, stored: Sequence[str] = ()) -> str:
    """The actor id *value* names: an id in any case, a name, alias or leader.

    *stored* are the actor ids in the database (checked first, so that no
    knowledge needs loading for a plain id).
    """
    text = " ".join(value.split())
    folded = text.casefold()
    for actor_id in stored:
        if actor_id.casefold() == folded:
            return actor_id
    from detente.extract.kb import knowledge

    kb = knowledge()
    ids = set(kb.actor_names) | set(kb.actor_forms.values()) | set(stored)
    for actor_id in ids:
        if actor_id.casefold() == folded:
            return actor_id
    bare = folded.removeprefix("the ")
    for form in (folded, bare):
        if form in kb.actor_forms:
            return kb.actor_forms[form]
        if form in kb.leaders:
            return kb.leaders[form].actor
    names = {n.casefold(): a for a, n in kb.actor_names.items()}
    if bare in names:
        return names[bare]
    hint = _suggest(folded, [*kb.actor_forms, *(i.casefold() for i in ids)])
    if hint:
        word = hint[len(" (did you mean ") : -2]
        target = kb.actor_forms.get(word) or next((i for i in ids if i.casefold() == word), word)
        hint = f" (did you mean {target}?)"
    raise UnknownValue(f"unknown actor {value!r}{hint}")


def resolve_actors(values: Iterable[str], stored: Sequence[str] = ()) -> list[str]:
    """:func:`resolve_actor` for each of *values*, order kept, duplicates dropped."""
    return list(dict.fromkeys(resolve_actor(v, stored) for v in values))


def resolve_issue(value: str) -> str:
    """The issue *value* names (any case; spaces or hyphens for underscores)."""
    key = value.strip().casefold().replace(" ", "_").replace("-", "_")
    if key in ISSUES:
        return key
    raise UnknownValue(
        f"unknown issue {value!r}{_suggest(key, ISSUES)}; known: {', '.join(ISSUES)}"
    )


def resolve_issues(values: Iterable[str]) -> list[str]:
    """:func:`resolve_issue` for each of *values*."""
    return list(dict.fromkeys(resolve_issue(v) for v in values))
