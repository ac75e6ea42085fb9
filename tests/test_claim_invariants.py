"""Invariants every extraction keeps (a known kind and issue, ordinals in order, exchange links
both ways, exact spans, a confidence in [0, 1]), checked over the bundled examples and a spread of the
annotated development reports (every tenth): the store keeps one claim per ordinal and the
review app follows exchange links, so a claim list must never break them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.extract import Extractor
from detente.extract.lexicon import taxonomy
from detente.extract.stance.learned import KINDS
from detente.reading import read_text

ROOT = Path(__file__).resolve().parent.parent
ISSUES = frozenset(taxonomy().definitions)
TEXTS = (
    sorted((ROOT / "examples" / "reports").glob("*.txt"))
    + sorted((ROOT / "gold" / "dev").glob("*.txt"))[::10]
)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem[:40])
def test_claims_keep_ordinals_links_spans_and_confidence(ex: Extractor, path: Path) -> None:
    report = read_text(
        path.read_text(encoding="utf-8"), origin=str(path), published=date(2025, 6, 1)
    )
    found = ex.extract(report).claims
    assert [c.ordinal for c in found] == list(range(len(found)))
    for c in found:
        assert c.issue in ISSUES and c.kind in KINDS, (c.actor, c.kind, c.issue)
        assert report.text[c.start : c.end] == c.quote
        assert c.confidence is None or 0.0 <= c.confidence <= 1.0
        for o in c.exchange_for:
            assert 0 <= o < len(found) and o != c.ordinal
            assert c.ordinal in found[o].exchange_for  # both sides of a trade point at each other
            assert found[o].actor == c.actor
