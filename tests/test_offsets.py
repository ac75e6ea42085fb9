"""Every claim, fact and event points at its exact evidence in the stored report text."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from detente.extract import get_extractor
from detente.reading import DateWarning, ReadError, read_paths
from detente.records import ISSUES, KINDS, Report

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "reports", ROOT / "gold" / "dev"]


def _reports() -> list[Report]:
    paths = [str(p) for p in SOURCES if p.exists()]
    if not paths:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DateWarning)  # undated examples are fine here
        return [r for r in read_paths(paths) if not isinstance(r, ReadError)]


REPORTS = _reports()


def test_there_are_reports_to_check() -> None:
    assert len(REPORTS) >= 8


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: Path(r.origin or "?").name)
def test_offsets_hold(report: Report) -> None:
    extraction = get_extractor().extract(report)
    text = report.text
    for c in extraction.claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.quote
        assert c.quote == c.quote.strip()
        assert c.kind in KINDS and c.issue in ISSUES
        assert all(0 <= i < len(extraction.claims) for i in c.exchange_for)
    for f in extraction.facts:
        assert text[f.start : f.end] == f.quote
    for e in extraction.events:
        assert text[e.start : e.end] == e.quote
