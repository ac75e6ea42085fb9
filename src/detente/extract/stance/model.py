"""What the stance stages pass between them: triggers, content units, actors."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass(slots=True)
class Trigger:
    """A stance word found in the text and how it behaves."""

    token: Token
    kind: str
    cls: str  # "verb" | "noun" | "adj" | "concession" | "retention" | "presence" | …
    content: list[Token] = field(default_factory=list)
    content_ids: set[int] = field(default_factory=set)
    #: The kind already accounts for the negation ("has no plans to ease …" rejects).
    fixed: bool = False
    #: Tokens of the content root that are not content (the relative clause of "an idea the
    #: ministry dismissed", whose content is the antecedent).
    skip: set[int] = field(default_factory=set)
    #: The content is a condition set on another step ("will not enter the zones without a
    #: guarantee": the guarantee), read as content although conditions are excluded elsewhere.
    lacking: bool = False


@dataclass(slots=True)
class _Unit:
    """One conjunct of a trigger's complement: its head and the tokens that belong to it."""

    head: Token
    tokens: list[Token]
    #: Issue evidence when a rule (not a cue) decided it: -1 for the report's dominant issue.
    weight: int | None = None


@dataclass(slots=True)
class _Actor:
    id: str
    name: str
    speaker: str | None
