"""Reading reports: text, Markdown, HTML and JSON/JSONL feeds into :class:`~detente.records.Report`.

>>> from detente.reading import read_text
>>> report = read_text("Talks resume\\n\\nKYIV, Nov 21, 2025 (AFP) - Delegations met.")
>>> report.title, report.published.isoformat(), report.source
('Talks resume', '2025-11-21', 'AFP')
"""

from __future__ import annotations

from detente.reading.dateline import parse_dateline
from detente.reading.readers import (
    DIRECTORY_SUFFIXES,
    DateWarning,
    ReadError,
    build_report,
    read_paths,
    read_text,
)

__all__ = [
    "DIRECTORY_SUFFIXES",
    "DateWarning",
    "ReadError",
    "build_report",
    "parse_dateline",
    "read_paths",
    "read_text",
]
