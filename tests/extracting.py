"""Shared helper for the extraction tests: claims of one text, spans checked."""

from __future__ import annotations

from datetime import date
from typing import Any

from detente.extract import Extractor
from detente.records import Claim, Report, normalize_text


def claims(ex: Extractor, text: str, published: date | None = None) -> list[Claim]:
    """The claims *ex* extracts from *text* (published on *published*, if given), each checked
    to quote its exact span."""
    report = Report(text=normalize_text(text), published=published)
    out = ex.extract(report).claims
    for c in out:
        assert report.text[c.start : c.end] == c.quote
    return out


def claims_keeping_uncued(ex: Extractor, comp: Any, text: str) -> list[Claim]:
    """Like :func:`claims`, with the stance component *comp* keeping the stances no issue cue
    classifies (``keep_uncued``) for this one text."""
    comp.keep_uncued = True
    try:
        return claims(ex, text)
    finally:
        comp.keep_uncued = False


#: A first sentence with a stance of its own, so that a one-sentence text is read as a report
#: would be (the sentence under test is not the report's opening).
LEAD = "Oman urged both sides to show restraint. "


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    """The (actor, kind, issue) of *found*, for assertion messages and set checks."""
    return {(c.actor, c.kind, c.issue) for c in found}
