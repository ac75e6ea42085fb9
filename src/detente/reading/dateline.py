"""Wire-style dateline parsing.

A dateline opens the body of a wire report and says where (and often when and
by whom) it was filed::

    KYIV, Nov 21 (AFP) -
    MADRID, 16 (EUROPA PRESS)
    WASHINGTON (Reuters) —
    Moscow, 21 August 2025 –
    GOMA, Democratic Republic of Congo, March 3 (Reuters) -

:func:`parse_dateline` looks for one at the start of the first few non-blank
lines (so a title line, a byline or a Markdown heading may come first) and
returns a :class:`~detente.records.Dateline` whose ``start``/``end`` index into
the text it was given.
"""

from __future__ import annotations

import calendar
import re

from detente.records import Dateline

__all__ = ["MONTHS", "parse_dateline"]

#: Month names and abbreviations (English, plus the Spanish forms Spanish
#: agencies put in datelines), lower case, without a trailing dot.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "enero": 1, "ene": 1,
    "february": 2, "feb": 2, "febrero": 2,
    "march": 3, "mar": 3, "marzo": 3,
    "april": 4, "apr": 4, "abril": 4, "abr": 4,
    "may": 5, "mayo": 5,
    "june": 6, "jun": 6, "junio": 6,
    "july": 7, "jul": 7, "julio": 7,
    "august": 8, "aug": 8, "agosto": 8, "ago": 8,
    "september": 9, "sept": 9, "sep": 9, "septiembre": 9, "setiembre": 9,
    "october": 10, "oct": 10, "octubre": 10,
    "november": 11, "nov": 11, "noviembre": 11,
    "december": 12, "dec": 12, "diciembre": 12, "dic": 12,
}  # fmt: skip

# Python's re has no \p{Lu}; build the upper-case class once (Latin, Greek, Cyrillic).
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_U = f"[{re.escape(_UPPER)}]"
_S = r"[ \t\u00a0]"  # a dateline never spans lines
_WORD = rf"{_U}[\w'’.\-]*"
_CONNECTOR = r"(?:of|the|de|del|la|le|el|al|da|du|do|des|di|and|upon|am|an)"
_SEGMENT = rf"{_WORD}(?:(?:{_S}+|/)(?:{_WORD}|{_CONNECTOR}(?:-{_WORD})?(?![\w'’.\-])))*"
_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?![\w])"
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day),?" + _S + "+"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:"
    rf"(?P<m1>{_MONTH}){_S}*(?P<d1>{_DAY})(?:(?:,{_S}*|{_S}+)(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})(?:{_S}+|\.{_S}*)(?P<m2>{_MONTH})(?:,?{_S}*(?P<y2>{_YEAR}))?"
    rf"|(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?!\d)"
    rf"|(?P<d4>{_DAY})"
    r")"
)
_AGENCY = r"\((?P<agency>[^()\n]{1,40})\)"
_DASH = r"(?:--?|[\u2010-\u2015\u2212\ufe58\ufe63\uff0d])"
_LONG_DASH = r"(?:--|[\u2013-\u2015\u2212])"
_EOL = rf"(?={_S}*$)"

_DATELINE = re.compile(
    rf"(?P<place>{_SEGMENT})(?P<region>(?:,{_S}*{_SEGMENT}){{0,2}}?)"
    r"(?:"
    # A: a date, then an agency and/or a dash, or the end of the line.
    rf",{_S}*{_DATE}(?:{_S}*{_AGENCY}(?:{_S}*(?P<dash_a>{_DASH}))?"
    rf"|{_S}*(?P<dash_b>{_DASH})|{_EOL})"
    # B: no date, an agency followed by a dash or the end of the line.
    rf"|{_S}*{_AGENCY.replace('agency', 'agency_b')}(?:{_S}*(?P<dash_c>{_DASH})|{_EOL})"
    # C: no date, no agency: an all-capitals place and a long dash ("WASHINGTON —");
    # a plain hyphen here is too often an acronym in a sentence ("NATO - ...").
    rf"|{_S}*(?P<dash_d>{_LONG_DASH})(?={_S})"
    r")",
)

# Capitalised headline tags that look like a bare "PLACE —" dateline.
_NOT_PLACES = frozenset({
    "EXCLUSIVE", "UPDATE", "BREAKING", "ANALYSIS", "FACTBOX", "EXPLAINER", "INSIGHT", "WRAPUP",
    "FOCUS", "COMMENT", "OPINION", "CORRECTED", "REFILE", "URGENT", "FLASH", "ALERT", "LIVE",
    "VIDEO", "PHOTOS", "EDITORIAL", "INTERVIEW", "HEADLINES", "BRIEFING", "DIGEST",
    "ROUNDUP", "UPDATES", "NEWSALERT",
})  # fmt: skip

# Markup that may wrap a dateline without being part of it.
_LEAD = re.compile(r"[ \t\u00a0]*(?:[*_>]+[ \t\u00a0]*)?")

#: How far into a report a dateline may start.
_MAX_LINES = 6
_MAX_CHARS = 2000
#: Only this much of a line is matched, which bounds the regex's work.
_MAX_LINE = 300


def _valid_day(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    last = calendar.monthrange(year if year else 2024, month)[1]  # 2024: a leap year
    return 1 <= day <= last


def _from_match(m: re.Match[str], offset: int) -> Dateline | None:
    place = m.group("place")
    region = m.group("region")
    agency = m.group("agency") or m.group("agency_b")
    if agency is not None:
        agency = " ".join(agency.split())
        if not any(c.isalpha() for c in agency):
            return None
        if agency.upper() in _NOT_PLACES:
            return None  # a desk slug with its urgency: "INDIA-CHINA/BORDER (FLASH)"
    if m.group("dash_d") is not None:
        letters = [c for c in place if c.isalpha()]
        if region or len(letters) < 3 or not all(c.isupper() for c in letters):
            return None
        if place.upper() in _NOT_PLACES or any(
            w in _NOT_PLACES for w in re.split(r"[\s-]+", place.upper())
        ):
            return None  # "BREAKING —", "ASIA-PACIFIC HEADLINES –": a tag, not a city
    day = month = year = None
    if m.group("d1"):
        day, month = int(m.group("d1")), MONTHS[m.group("m1").lower().rstrip(".")]
        year = int(m.group("y1")) if m.group("y1") else None
    elif m.group("d2"):
        day, month = int(m.group("d2")), MONTHS[m.group("m2").lower().rstrip(".")]
        year = int(m.group("y2")) if m.group("y2") else None
    elif m.group("d3"):
        day, month, year = int(m.group("d3")), int(m.group("m3")), int(m.group("y3"))
    elif m.group("d4"):
        day = int(m.group("d4"))
    if month is not None and day is not None and not _valid_day(day, month, year):
        return None
    raw = m.group(0)
    return Dateline(
        place=(place + region).strip(),
        day=day,
        month=month,
        year=year,
        agency=agency,
        start=offset + m.start(),
        end=offset + m.end(),
        raw=raw,
    )


def parse_dateline(text: str) -> Dateline | None:
    """Find the wire dateline near the top of *text*, or return ``None``.

    The dateline must open one of the first few non-blank lines.  ``place``
    keeps any region written after the city (``"GOMA, Democratic Republic of
    Congo"``); ``day``, ``month``, ``year`` and ``agency`` are set when the
    dateline gives them.  ``text[start:end] == raw``.  Never raises.
    """
    pos = 0
    seen = 0
    weak: Dateline | None = None  # a bare "PLACE —", kept only if nothing better follows
    while pos < len(text) and pos < _MAX_CHARS and seen < _MAX_LINES:
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        line = text[pos:line_end]
        if line.strip():
            seen += 1
            lead = _LEAD.match(line)
            skip = lead.end() if lead else 0
            window = line[skip : skip + _MAX_LINE]
            m = _DATELINE.match(window)
            found = _from_match(m, pos + skip) if m else None
            if found is not None:
                if m is not None and m.group("dash_d") is None:
                    return found
                weak = weak or found
        pos = line_end + 1
    return weak
