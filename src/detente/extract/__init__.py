"""Extraction: attributed stances, facts on the ground and events from report text.

>>> from detente.extract import get_extractor
>>> ex = get_extractor()
>>> extraction = ex.extract(report)          # doctest: +SKIP
"""

from __future__ import annotations

from detente.extract.pipeline import (
    EXTRACTOR_NAME,
    Extractor,
    build_nlp,
    get_extractor,
    load_model,
)

__all__ = ["EXTRACTOR_NAME", "Extractor", "build_nlp", "get_extractor", "load_model"]
