"""Time expressions: find them in a parsed text and resolve them against a publication date.

Wire reports date statements relative to their dateline: "on Friday" in a report
published on a Friday is that day, "last Friday" the Friday before, "on Monday" the coming
Monday when it is about a meeting still to happen (pass ``future=True``) and the past one
otherwise.  Weekday and day-word arithmetic is done here; explicit dates ("21 August",
"Aug. 15, 2025") go through ``dateparser`` with the publication date as relative base.
Only day-precise expressions resolve: "last week" or "in August" give ``None``.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from detente.extract.doctext import doc_text, headline_end
from detente.extract.entindex import ents_in
from detente.extract.lexicon import word_list
from detente.extract.quantities import NUMBER_WORDS

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
_NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1}
_LEADING = re.compile(
    r"^(?:on|since|by|until|till|from|as of|as early as|as late as|before|after|starting|"
    r"beginning|the|late|early|earlier|later)\s+",
    re.I,
)
_PART_OF_DAY = re.compile(
    r"\s+(?:morning|afternoon|evening|night|midday|noon|at\s+.*)$|,\s*$|\s+local time$", re.I
)
_WEEKDAY_RE = re.compile(
    r"^(?P<mod>last|next|this|this coming|coming|past|previous)?\s*"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?P<post>last week|next week|this week))?$",
    re.I,
)
_WEEK_RE = re.compile(r"^(?P<mod>next|coming|last|past|previous|this)\s+week$", re.I)
_AGO_RE = re.compile(r"^(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week)s?\s+ago$", re.I)
_IN_RE = re.compile(r"^in\s+(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week)s?(?:'|’)?\s*(?:time)?$", re.I)
_HAS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b\d{4}-\d{2}-\d{2}\b")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# Longest names first so that the alternation prefers "september" to "sep".
_MONTHS = "|".join(
    sorted(word_list("months") | word_list("month_abbreviations"), key=lambda m: (-len(m), m))
)
_HAS_MONTH = re.compile(rf"\b(?:{_MONTHS})\b\.?", re.I)
_DURATION = re.compile(
    r"^(?:the )?(?:last |past |next |first |coming |about |some |up to |at least |more than |"
    r"nearly |almost |over |around )?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|several|few|a few|"
    r"many|\w+-)\s*(?:-|\s)?(?:day|week|month|year|decade|hour)s?(?:-long| long)?$",
    re.I,
)


_RANGE = re.compile(r"(?<![\d-])\b(\d{1,2})\s*(?:-|–|to)\s*\d{1,2}\b(?!:)")


def _clean(expression: str) -> str:
    text = " ".join(expression.replace("’", "'").split()).strip(" ,.;:-\u2013\u2014")
    text = re.sub(r"'s$", "", text)
    text = _RANGE.sub(r"\1", text)  # "21-22 August": the first day
    for _ in range(3):
        new = _PART_OF_DAY.sub("", _LEADING.sub("", text))
        if new == text:
            break
        text = new
    return text


def _weekday(mod: str | None, post: str | None, target: int, base: date, future: bool) -> date:
    delta_back = (base.weekday() - target) % 7  # days since the last such weekday (0 = today)
    delta_fwd = (target - base.weekday()) % 7
    mod = (mod or "").lower()
    post = (post or "").lower()
    if mod in {"last", "past", "previous"} or post == "last week":
        return base - timedelta(days=delta_back or 7)
    if mod in {"next", "coming", "this coming"} or post == "next week":
        return base + timedelta(days=delta_fwd or 7)
    if mod == "this" or post == "this week":
        # within the week of publication (Monday-based)
        return base + timedelta(days=target - base.weekday())
    if delta_back == 0:
        return base
    return base + timedelta(days=delta_fwd) if future else base - timedelta(days=delta_back)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


@functools.lru_cache(maxsize=4096)
def resolve_date(
    expression: str, published: date | None, future: bool = False, weeks: bool = False
) -> date | None:
    """Resolve a time expression to a calendar day, or ``None`` if it is not day-precise.

    *published* is the report's date (relative expressions need it); *future* says the
    expression refers to something still to come ("talks will resume on Monday").  With
    *weeks*, "next week", "last week" and "this week" resolve to the Monday of that week
    (used to date events announced for a week rather than a day).
    """
    text = _clean(expression)
    low = text.lower()
    if not low:
        return None
    if published is not None and weeks:
        m = _WEEK_RE.match(low)
        if m:
            monday = published - timedelta(days=published.weekday())
            shift = {"next": 7, "coming": 7, "last": -7, "past": -7, "previous": -7}
            return monday + timedelta(days=shift.get(m["mod"].lower(), 0))
    if published is not None:
        if low in _RELATIVE_DAYS:
            return published + timedelta(days=_RELATIVE_DAYS[low])
        m = _WEEKDAY_RE.match(low)
        if m:
            return _weekday(m["mod"], m["post"], WEEKDAYS[m["day"].lower()], published, future)
        m = _AGO_RE.match(low)
        if m and (n := _count(m["n"])) is not None:
            return published - timedelta(days=n * (7 if m["unit"].lower() == "week" else 1))
        m = _IN_RE.match(low)
        if m and (n := _count(m["n"])) is not None:
            return published + timedelta(days=n * (7 if m["unit"].lower() == "week" else 1))
        m = _ORDINAL_DAY.match(low)
        if m:
            return _day_of_month(int(m[1]), published, future)
    # a weekday with a date ("Friday, Aug. 15") resolves by the date part
    stripped = re.sub(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", "", low)
    day_precise = bool(
        _HAS_MONTH.search(stripped) and _HAS_DAY.search(_HAS_MONTH.sub(" ", stripped))
    )
    if not day_precise and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped):
        return None
    has_year = bool(_HAS_YEAR.search(stripped))
    if published is None and not has_year:
        return None
    parsed = None if has_year or published is None else _month_day(stripped)
    if parsed is None:
        parsed = _dateparse(stripped, published, future)
    if parsed is None:
        return None
    if has_year or published is None:
        return parsed
    # no year given: the reading nearest to the publication date, leaning to the hint
    candidates = [
        c for k in (-1, 0, 1) if (c := _with_year(parsed, published.year + k)) is not None
    ]
    ahead = [c for c in candidates if c >= published and (c - published).days <= 183]
    if future and ahead:
        return min(ahead)
    nearest = min(candidates, key=lambda c: (abs((c - published).days), c > published))
    if future and (published - nearest).days > 31:
        # something still to come did not happen months ago ("would convene on August 4" in
        # November): next year's date, unless the slip is small enough to be a stale date
        later = [c for c in candidates if c >= published]
        if later:
            return min(later)
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


#: A day of the month named alone, as agency copy does ("on the 27th", "the 27th and 28th").
_ORDINAL_DAY = re.compile(r"^(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b")


def _day_of_month(day: int, published: date, future: bool) -> date | None:
    """Day *day* of the publication month, or of the month before (after, when *future*) when
    that day has not come yet (has passed) at publication."""
    month = published.replace(day=1)
    if future and day < published.day:
        month = (month + timedelta(days=32)).replace(day=1)
    elif not future and day > published.day:
        month = (month - timedelta(days=1)).replace(day=1)
    try:
        return month.replace(day=day)
    except ValueError:
        return None


def _with_year(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return None


_FULL_MONTHS = {
    m: k
    for k, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTH_DAY = re.compile(r"^(?:(?P<m1>[a-z]+) (?P<d1>\d{1,2})|(?P<d2>\d{1,2}) (?P<m2>[a-z]+))$")


def _month_day(text: str) -> date | None:
    """A bare day of a month ("april 30", "30 april") in a common year (the caller sets the
    year), read without dateparser; None for anything else, 29 February included."""
    m = _MONTH_DAY.match(text)
    if m is None:
        return None
    month = _FULL_MONTHS.get(m["m1"] or m["m2"])
    if month is None:
        return None
    try:
        return date(2001, month, int(m["d1"] or m["d2"]))
    except ValueError:
        return None


def _dateparse(text: str, published: date | None, future: bool) -> date | None:
    import dateparser  # imported lazily: it is slow to import and rarely needed

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def is_duration(text: str) -> bool:
    """Is this DATE-like text a length of time ("30 days", "three years") rather than a point?"""
    return bool(_DURATION.match(" ".join(text.split())))


def find_time_expressions(doc_or_span: Doc | Span) -> list[Span]:
    """Point-in-time expressions in text order: spaCy ``DATE``/``TIME`` entities that are not
    durations, plus weekday and day words ("Friday", "yesterday") the model left untagged."""
    if isinstance(doc_or_span, Doc):
        doc, start, end = doc_or_span, 0, len(doc_or_span)
    else:
        doc, start, end = doc_or_span.doc, doc_or_span.start, doc_or_span.end
    found: list[Span] = []
    covered: set[int] = set()
    for ent in ents_in(doc_or_span):
        if ent.label_ in {"DATE", "TIME"} and not is_duration(ent.text):
            found.append(ent)
            covered.update(range(ent.start, ent.end))
    for i in range(start, end):
        tok = doc[i]
        low = tok.lower_
        if i in covered or not (low in WEEKDAYS or low in _RELATIVE_DAYS):
            continue
        s = i - 1 if i > start and doc[i - 1].lower_ in {"last", "next", "this"} else i
        found.append(doc[s : i + 1])
    found.sort(key=lambda s: s.start)
    return found


def future_hint(span: Span) -> bool:
    """Does the clause speak of something to come ("will meet", "are due to", "planned")?"""
    for tok in span:
        low = tok.lower_
        if low in {"will", "'ll", "shall", "upcoming", "planned", "scheduled", "expected"}:
            return True
        if low in {"due", "set"} and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return True
    return False


_FUTURE_AUX = {"will", "'ll", "shall", "would", "'d", "wo"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_FUTURE_LEMMAS = {"plan", "schedule", "expect", "due", "set", "intend", "hope", "prepare", "aim"}
#: Verbs of a scheduled event: in the simple present they speak of what is to come ("the next
#: round opens in Manila on Thursday", "talks resume on Monday").
_SCHEDULED = {"open", "begin", "start", "resume", "convene", "reconvene", "meet", "close", "end"}
#: Verbs whose event lies after them whatever their tense ("invited the factions to talks on
#: Thursday": the talks are still to come when the invitation is reported).
_PROSPECTIVE = {"invite", "summon"}


def governing_verb(expr: Span) -> Token | None:
    """The verb a time expression modifies ("met on Friday" -> "met").

    In "X said on Tuesday it would resume talks" the parser often hangs "on Tuesday" on
    "resume"; an expression standing before the subject of a reported clause belongs to
    the reporting verb.
    """
    tok = expr.root
    verb: Token | None = None
    for _ in range(6):
        if tok.head.i == tok.i:
            verb = tok if tok.pos_ in {"VERB", "AUX"} else None
            break
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            verb = tok
            break
    if verb is not None and verb.dep_ == "ccomp" and verb.head.i < expr.start:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.i >= expr.end:
            return verb.head
    return verb


def verb_is_future(verb: Token) -> bool:
    """Does *verb* speak of something to come ("will meet", "would travel" in reported
    speech, "is due to meet", "plans to visit", "scheduled for")?"""
    # on the headline line, even one the parser split at a label ("LIVE: Envoys meet in Doha")
    headline = verb.idx < headline_end(doc_text(verb.doc))
    if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ in _SCHEDULED and not headline:
        return True  # (a headline's present tells what happened: "Envoys meet in Doha")
    cur = verb
    for _ in range(3):
        for child in cur.children:
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ in {"aux", "auxpass"} and child.lower_ == "going":
                return True
        if (cur.lemma_ in _FUTURE_LEMMAS and cur.tag_ != "VBD") or cur.lemma_ in _PROSPECTIVE:
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and not any(
            t.tag_ in _FINITE for t in cur.sent
        ):
            return True  # headline future, no finite verb: "Modi, Xi to meet on Wednesday"
        if cur.dep_ in {"xcomp", "advcl", "conj", "pcomp"} and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_ in _FUTURE_LEMMAS or cur.lower_ in {"due", "set"}:
                return True
            continue
        break
    return False


def expression_is_future(expr: Span) -> bool:
    """Is this time expression about the future, judged by the verb it modifies?"""
    if any(t.lower_ in {"next", "coming", "upcoming"} for t in expr):
        return True
    verb = governing_verb(expr)
    return verb is not None and verb_is_future(verb)


def date_of(span: Span, published: date | None, future: bool | None = None) -> date | None:
    """The first resolvable time expression in *span*, resolved (tense from the verb each
    expression modifies if *future* is not given)."""
    for expr in find_time_expressions(span):
        fut = expression_is_future(expr) if future is None else future
        resolved = resolve_date(expr.text, published, fut)
        if resolved is not None:
            return resolved
    return None
