"""Live-blog and wire-flash layout: structure marks, headline speakers and all-capitals lines.

Live pages and flash services wrap their sentences in structure that is not language:
entry timestamps ("14:05 GMT –", "Updated 9.12am", "3h ago", "0840 GMT"), bullets, urgency
slugs ("URGENT:", "BREAKING –", "UPDATE 1-", "GIBRALTAR-EU/ (URGENT)") and block labels
("KEY EVENTS", "What we know so far").  :func:`structure_marks` finds them so that the
sentence splitter starts a new sentence after each (the mark is never read as a subject).

Headline-ese attributes with a colon: "Minister: no talks until troops leave" means the
minister says so.  :func:`headline_speakers` returns such speaker prefixes per line.

All-capitals flashes parse badly; :func:`caseless_copy` returns a text of the *same length*
where those lines are case-normalised (names keep the casing the rest of the report or the
knowledge base gives them), so spaCy reads a normal sentence while every character offset
still points into the original text.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import Counter

__all__ = ["caseless_copy", "headline_speakers", "structure_marks", "trailing_attributions"]

_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|PST|PDT|ET|PT|IST|JST|HKT|local(?: time)?)"
_CLOCK = rf"(?:\d{{1,2}}[:.]\d{{2}}(?:\s?[ap]\.?m\.?)?|\d{{1,2}}\s?[ap]\.?m\.?|[0-2]\d[0-5]\d(?=\s?{_ZONE}))"
_AGO = r"(?:\d+|an?|one)\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago"
_TIMESTAMP = re.compile(
    rf"(?im)^[ \t]*(?:(?:updated|posted|published|last updated)[: \t]+)?"
    rf"(?:(?:{_CLOCK})(?:[ \t]*{_ZONE})?|{_AGO})"
    r"(?:[ \t]*(?:[,|]?[ \t]*\d{1,2}[ \t]+[A-Z][a-z]{2,8}(?:[ \t]+\d{4})?))?"
    r"[ \t]*(?:[\u2013\u2014:|-]+[ \t]*|(?=\n)|$)"
)
_BULLET = re.compile(r"(?m)^[ \t]*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023*]|-(?=[ \t]))[ \t]*")
_SLUG_WORDS = (
    r"URGENT|BREAKING(?: NEWS)?|FLASH|ALERT|NEWSALERT|JUST IN|DEVELOPING|EXCLUSIVE|"
    r"UPDATE(?:[ \t]*\d+)?|REFILE|CORRECTED|LIVE"
)
_SLUG = re.compile(rf"(?im)^[ \t]*(?:{_SLUG_WORDS})[ \t]*(?::|[\u2013\u2014-]{{1,2}})[ \t]*")
# A desk slug standing alone on its line: "INDIA-CHINA/BORDER (FLASH)", "GIBRALTAR-EU/".
_SLUG_LINE = re.compile(
    rf"(?m)^[ \t]*[A-Z0-9][A-Z0-9&.\-]*/[A-Z0-9&.\-/]*(?:[ \t]+\((?i:{_SLUG_WORDS})\))?[ \t]*$"
)
# A wire dateline opening a later paragraph of a flash file ("ERBIL, July 17 --", "TAIPEI,
# January 14 (CNA) --", "MOSCOW/TEHRAN -"), possibly after the item's own date and time
# ("-- Aug 9, 10:15 -- BAKU - "): where the item was filed, never the subject of its sentence.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DAY_MONTH = rf"(?:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})(?:,?[ \t]+\d{{4}})?"
_PLACE_CAPS = rf"(?!(?:{_SLUG_WORDS})\b)[A-Z][A-Z'.\-]{{2,}}(?:[ \t][A-Z][A-Z'.\-]+)?"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:[\u2013\u2014-]{{1,2}}[ \t]*)?"
    rf"(?:{_DAY_MONTH}(?:,[ \t]*{_CLOCK})?[ \t]*[\u2013\u2014-]{{1,2}}[ \t]*)?"
    rf"{_PLACE_CAPS}(?:/{_PLACE_CAPS})*(?:,[ \t]+{_DAY_MONTH})?(?:[ \t]*\([^)\n]{{1,30}}\))?"
    # an all-capitals headline ("TALKS OVER - SOURCES") is no dateline: prose follows one
    r"[ \t]*[\u2013\u2014-]{1,2}[ \t]+(?=\S)(?=[^\n]*[a-z])"
)
_LABELS = re.compile(
    r"(?im)^[ \t]*(?:key (?:events|points|developments)|what we know(?: so far)?|"
    r"summary|the latest|catch up|recap|what happened)[ \t]*:?[ \t]*$"
)
# "Minister: no talks until …", "US' Lammy: …": a short name before a colon opening a line.
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?P<who>[A-Z][\w'’.\-]*(?:[ \t]+[\w'’.\-]+){0,4})"
    # "RSF spokesman Al-Fateh Qurashi, on the convoy routes: …"
    r"(?:,[ \t]+(?:on|about|over|asked about)[ \t]+[^:,\n]{1,40})?"
    r"[ \t]*:[ \t]+(?=\S)"
)
_SPEAKER_AT = re.compile(_SPEAKER.pattern.replace(r"^[ \t]*", "", 1))
#: Genre labels of a heading ("ANALYSIS:", "INTERVIEW --"): a kind of piece, never a speaker
#: or a party, even where the parser tags one as an organisation.
GENRE_LABELS = frozenset(
    {
        "interview",
        "analysis",
        "explainer",
        "factbox",
        "opinion",
        "comment",
        "feature",
        "q&a",
        "transcript",
        "profile",
        "timeline",
        "insight",
        "wrapup",
    }
)
_NOT_SPEAKERS = GENRE_LABELS | frozenset(
    {"update", "updated", "urgent", "breaking", "flash", "alert", "summary", "note", "editor"}
)


# "Spain keeps claim to Rock - source", "… DISPUTED BORDER - FOREIGN SECRETARY": a flash
# headline's attribution after a spaced dash at the end of the line.
_TRAILING = re.compile(
    r"(?m)(?<=\S)[ \t]+(?:[\u2013\u2014]|-{1,2})[ \t]+(?P<who>[^\W\d_][\w'’.]*(?:[ \t]+[\w'’.]+){0,3})"
    r"[ \t]*$"
)


def trailing_attributions(text: str) -> list[tuple[int, int, int, int]]:
    """``(dash_start, who_start, who_end, line_start)`` of flash headlines ending in a spaced
    dash and a short attribution ("… - source", "… - UK official", "… - Sefcovic").

    Only lines without a full stop at the end and with at least three words before the dash
    count; a dateline ("MADRID, June 11 - …") or a live entry ("14:05 GMT – …") never ends
    its line this way.
    """
    out: list[tuple[int, int, int, int]] = []
    for m in _TRAILING.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = text[line_start : m.start()]
        if len(_WORD.findall(head)) < 3 or head.rstrip()[-1:] in ".!?:":
            continue
        if not _speaker_like(m.group("who")) and m.group("who").lower() not in _SOURCE_WORDS:
            continue
        out.append((m.start(), m.start("who"), m.end("who"), line_start))
    return out


_SOURCE_WORDS = frozenset({"source", "sources", "official", "officials", "diplomat", "diplomats"})


def structure_marks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of layout marks: ``timestamp``, ``bullet``, ``slug``, ``label``,
    ``dateline``.

    Marks may follow one another on a line ("• 14:05 GMT – …"); the text after the last one
    is where the line's sentence starts.
    """
    marks: list[tuple[int, int, str]] = []
    for kind, rx in (
        ("label", _LABELS),
        ("slug", _SLUG_LINE),
        ("timestamp", _TIMESTAMP),
        ("bullet", _BULLET),
        ("slug", _SLUG),
        ("dateline", _DATELINE),
    ):
        for m in rx.finditer(text):
            if m.end() > m.start() and m.group(0).strip():
                marks.append((m.start(), m.end(), kind))
    for dash, _w, who_end, _line in trailing_attributions(text):
        marks.append((dash, who_end, "attribution"))
    marks.sort()
    out: list[tuple[int, int, str]] = []
    for s, e, k in marks:
        if out and s < out[-1][1]:
            continue  # overlapping: the earlier mark wins
        out.append((s, e, k))
    # a bullet then a timestamp ("- 14:05 GMT – …"): find marks again after each one
    more: list[tuple[int, int, str]] = []
    for _s, e, _k in out:
        line_end = text.find("\n", e)
        rest = text[e : line_end if line_end != -1 else len(text)]
        for kind, rx in (("timestamp", _TIMESTAMP), ("slug", _SLUG), ("dateline", _DATELINE)):
            m = rx.match(rest)
            if m and m.end() > 0 and m.group(0).strip():
                more.append((e + m.start(), e + m.end(), kind))
                break
    return sorted(set(out) | set(more))


def headline_speakers(text: str) -> list[tuple[int, int, int]]:
    """``(speaker_start, speaker_end, line_end)`` for lines opened by "Speaker: …".

    Only headline-like lines count: the line does not end a sentence with a full stop (a
    body sentence such as "He said: …" is not attributed this way) and the speaker is a few
    capitalised words.
    """
    out: list[tuple[int, int, int]] = []
    marks = {s: e for s, e, _k in structure_marks(text)}
    for m in _SPEAKER.finditer(text):
        start = m.start("who")
        # the speaker may follow a timestamp or bullet on the same line
        line_start = text.rfind("\n", 0, start) + 1
        prefix = text[line_start:start]
        if prefix.strip() and not any(s >= line_start and e == start for s, e in marks.items()):
            continue
        who = m.group("who").rstrip()
        if not _speaker_like(who):
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        line = text[m.end() : line_end].rstrip()
        # a live-blog entry ("14:05 GMT - Minister: talks must resume.") may end a sentence
        if not line or (line[-1] == "." and not prefix.strip()) or len(line) > 160:
            continue
        out.append((start, start + len(who), line_end))
    # "Speaker:" after a mark on the same line is found by rescanning after the marks
    for s, e in marks.items():
        line_end = text.find("\n", e)
        line_end = len(text) if line_end == -1 else line_end
        m = _SPEAKER_AT.match(text, e, line_end)
        if m is None or s == e:
            continue
        who = m.group("who").rstrip()
        # a live-blog entry may go on after the speaker's sentence ("… for what follows. He
        # also says …"): the speaker holds that first sentence
        stop = text.find(". ", m.end(), line_end)
        line_end = stop + 1 if stop != -1 else line_end
        line = text[m.end() : line_end].rstrip()
        if not _speaker_like(who) or not line or len(line) > 160:
            continue
        start = m.start("who")
        if all(o[0] != start for o in out):
            out.append((start, start + len(who), line_end))
    return sorted(out)


_ROLE_HEADS = frozenset(
    [
        "army",
        "chief",
        "governor",
        "minister",
        "ministry",
        "government",
        "official",
        "officials",
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "president",
        "pm",
        "premier",
        "leader",
        "commander",
        "military",
        "rebels",
        "presidency",
        "office",
        "negotiator",
        "negotiators",
        "mediator",
        "diplomat",
        "diplomats",
        "secretary",
        "chancellor",
        "king",
        "sheikh",
        "emir",
        "general",
    ]
)


def _speaker_like(who: str) -> bool:
    """A name ("Lavrov", "UK'S LAMMY") or a role ("Sakhalin governor"), not a topic label
    ("Oil exports", "South China Sea standoff")."""
    if who.lower() in _NOT_SPEAKERS:
        return False
    last = who.split()[-1]
    if last.lower().rstrip(".") in _ROLE_HEADS:
        return True
    if not last[:1].isupper():
        return False
    # "RSF spokesman Al-Fateh Qurashi": a role and the name of its holder
    return len(who.split()) <= 3 or any(w.lower() in _ROLE_HEADS for w in who.split()[:-1])


# -- all-capitals lines ---------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_MID_NAME = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’\-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "with",
        "vs",
        "via",
        "per",
    ]
)


def _caps_line(line: str) -> bool:
    if _SLUG_LINE.match(line):
        return False  # a desk slug keeps its capitals
    # counted with C-level maps: this runs on every line of every report
    upper = sum(map(str.isupper, line))
    if upper < 0.85 * sum(map(str.isalpha, line)) or upper < 3:
        return False
    return len(_WORD.findall(line)) >= 3


@functools.cache
def _known_casing() -> dict[str, str]:
    """Lower-cased word -> its written form in the knowledge base's names ("nato" -> "NATO")."""
    from detente.extract.kb import knowledge

    kb = knowledge()
    forms: dict[str, str] = {}
    names = [p.text for p in kb.patterns.values()]
    names += list(kb.actor_names.values())
    names += [place.name for place in kb.places.values()]
    names += [calendar.day_name[i] for i in range(7)]
    names += [calendar.month_name[i] for i in range(1, 13)]
    for name in names:
        for w in _WORD.findall(name):
            if w[:1].isupper() and w.lower() not in _SMALL:
                forms.setdefault(w.lower(), w)
    return forms


def caseless_copy(text: str) -> str:
    """*text* with all-capitals lines case-normalised; same length, other lines untouched.

    A word takes the casing it has mid-sentence elsewhere in the report, else the casing of
    a known name, else lower case (the line's first word capitalised).
    """
    if not any(c.isupper() for c in text):
        return text
    lines = text.split("\n")
    caps = [i for i, line in enumerate(lines) if _caps_line(line)]
    if not caps:
        return text
    seen: Counter[str] = Counter()
    cased: dict[str, str] = {}
    for i, line in enumerate(lines):
        if i in caps:
            continue
        for w in _MID_NAME.findall(line):
            seen[w] += 1
    for w, _n in seen.most_common():
        cased.setdefault(w.lower(), w)
    known = _known_casing()
    for i in caps:
        lines[i] = _recase(lines[i], cased, known)
    out = "\n".join(lines)
    return out if len(out) == len(text) else text


def _recase(line: str, cased: dict[str, str], known: dict[str, str]) -> str:
    parts: list[str] = []
    pos = 0
    first = True
    for m in _WORD.finditer(line):
        w = m.group(0)
        parts.append(line[pos : m.start()])
        base, tail = w, ""
        for suffix in ("'S", "’S"):
            if w.endswith(suffix):
                base, tail = w[: -len(suffix)], suffix.lower()
        low = base.lower()
        form = cased.get(low) or known.get(low)
        if form is None:
            form = low.capitalize() if first else low
        new = form + tail
        parts.append(new if len(new) == len(w) else w)
        pos = m.end()
        between = line[m.end() : m.end() + 3]
        first = bool(re.match(r"\s*[:\u2013\u2014]|\s+-\s", between))
    parts.append(line[pos:])
    return "".join(parts)
