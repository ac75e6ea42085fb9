"""Quantities: numbers with their unit and what they measure.

"600,000 troops" -> ``Quantity(600000, "troops", "personnel")``, "30 days" ->
``Quantity(30, "days", "duration")``, "70 percent" -> ``Quantity(70, "percent", "share")``,
"$50 billion" -> ``Quantity(5e10, "USD", "money")``.  Numbers are found from spaCy's
numeric entities (``CARDINAL``, ``PERCENT``, ``MONEY``, ``QUANTITY`` and duration ``DATE``s)
and from number tokens the model left untagged; the unit is the counted noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from detente.extract.entindex import ents_in
from detente.records import Quantity

_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
#: Number words up to twenty, shared with the time expressions.
NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "dozen": 12,
    "half": 0.5,
}
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "yuan": "CNY",
}
#: Counted nouns -> what they measure.
_MEASURES = {
    "personnel": {
        "troops",
        "troop",
        "soldiers",
        "soldier",
        "servicemen",
        "personnel",
        "fighters",
        "peacekeepers",
        "men",
        "reservists",
        "officers",
    },
    "people": {
        "people",
        "civilians",
        "children",
        "prisoners",
        "hostages",
        "detainees",
        "captives",
        "refugees",
        "residents",
        "deaths",
        "dead",
        "casualties",
        "bodies",
        "pows",
        "migrants",
        "displaced",
        "persons",
    },
    "duration": {
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "hours",
        "hour",
        "decades",
    },
    "distance": {"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile"},
    "weight": {"tonnes", "tons", "tonne", "ton", "kg", "kilograms", "kilogrammes"},
    "area": {"square", "sq", "km2", "hectares", "acres"},
    "share": {"percent", "per", "%", "pct", "percentage"},
    "equipment": {
        "tanks",
        "missiles",
        "drones",
        "warheads",
        "aircraft",
        "jets",
        "weapons",
        "shells",
        "vehicles",
    },
    "places": {
        "villages",
        "towns",
        "settlements",
        "cities",
        "regions",
        "provinces",
        "points",
        "crossings",
        "trucks",
    },
}
_MEASURE_OF = {w: m for m, words in _MEASURES.items() for w in words}
_NUMERIC_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "DATE", "TIME"}
_NUM_RE = re.compile(r"^[\d.,]+$")


def _parse_number(tokens: list[Token]) -> float | None:
    """Value of a run of number tokens ("600,000", "1.5 million", "three", "twenty-five")."""
    value: float | None = None
    for tok in tokens:
        text = tok.lower_.replace(",", "")
        if _NUM_RE.match(text) and any(c.isdigit() for c in text):
            try:
                num = float(text)
            except ValueError:
                continue
            value = num if value is None else value + num
        elif text in _SCALES and value is not None:
            value *= _SCALES[text]
        elif text in NUMBER_WORDS:
            num = float(NUMBER_WORDS[text])
            value = num if value is None else value + num
        elif "-" in text and all(p in NUMBER_WORDS for p in text.split("-")):
            num = float(sum(NUMBER_WORDS[p] for p in text.split("-")))
            value = num if value is None else value + num
        else:
            m = _SUFFIXED.match(text)
            if m:
                value = float(m[1]) * _SCALES[m[2]]
    return value


_SUFFIXED = re.compile(r"^([\d.]+)(k|m|bn|b|tn)$")


def _is_number(tok: Token) -> bool:
    low = tok.lower_.replace(",", "")
    return (
        tok.like_num
        or _SUFFIXED.match(low) is not None
        or (_NUM_RE.match(low) is not None and any(c.isdigit() for c in low))
        or low in _SCALES
        and tok.i > 0
        and tok.doc[tok.i - 1].like_num
    )


def _quantity(span: Span) -> Quantity | None:
    doc = span.doc
    nums = [t for t in span if _is_number(t) and t.lower_ not in {"a", "an", "one"} or t.is_digit]
    if not nums:
        nums = [t for t in span if _is_number(t)]
    if not nums:
        return None
    first, last = nums[0].i, nums[-1].i
    run = [t for t in doc[first : last + 1] if _is_number(t) or t.lower_ in _SCALES]
    value = _parse_number(run)
    if value is None:
        return None
    # currency right before the number, or a currency word right after it
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and before.lower_ in _CURRENCIES:
        return Quantity(value, _CURRENCIES[before.lower_], "money", doc[first - 1 : last + 1].text)
    if after is not None and after.lower_ in _CURRENCIES:
        return Quantity(value, _CURRENCIES[after.lower_], "money", doc[first : last + 2].text)
    # unit: a token inside the span after the number, else the noun the number counts
    unit_tok: Token | None = None
    for tok in doc[last + 1 : span.end]:
        if tok.is_alpha or tok.text == "%":
            unit_tok = tok
            break
    if unit_tok is None:
        head = nums[-1].head
        if head.i > last and head.pos_ in {"NOUN", "PROPN"} and head.i - last <= 4:
            unit_tok = head
        elif last + 1 < len(doc) and doc[last + 1].pos_ == "NOUN":
            unit_tok = doc[last + 1]
    if unit_tok is None:
        return Quantity(value, "", None, span.text)
    unit = unit_tok.lower_
    if unit in {"%", "per", "pct", "percentage"}:
        unit = "percent"
    if unit in _CURRENCIES:
        return Quantity(value, _CURRENCIES[unit], "money", span.text)
    measure = _MEASURE_OF.get(unit, "count")
    if measure == "duration" and not unit.endswith("s"):
        unit += "s"  # "30-day" and "30 days" measure the same thing
    if unit in {"square", "sq"} and unit_tok.i + 1 < len(doc):
        unit = f"square {doc[unit_tok.i + 1].lower_}"
    return Quantity(value, unit, measure, span.text)


def quantities_in(span: Span | Doc) -> list[Quantity]:
    """Numbers with units in *span*, in text order (years, dates and ordinals excluded)."""
    from detente.extract.timex import is_duration

    doc = span if isinstance(span, Doc) else span.doc
    out: list[Quantity] = []
    covered: set[int] = set()
    for ent in ents_in(span):
        if ent.label_ not in _NUMERIC_LABELS:
            continue
        if ent.label_ in {"DATE", "TIME"} and not is_duration(ent.text):
            continue
        covered.update(range(ent.start, ent.end))
        q = _quantity(ent)
        if q is None:
            continue
        # extend the text to the counted noun outside the entity ("600,000" + "troops")
        if q.unit and q.unit.split()[0] not in ent.text.lower() and q.measure != "money":
            nxt = [t for t in doc[ent.end : ent.end + 5] if t.lower_ == q.unit.split()[0]]
            if nxt:
                q = Quantity(q.value, q.unit, q.measure, doc[ent.start : nxt[0].i + 1].text)
        out.append(q)
    start = 0 if isinstance(span, Doc) else span.start
    end = len(doc) if isinstance(span, Doc) else span.end
    for i in range(start, end):
        tok = doc[i]
        if i in covered or not tok.like_num or tok.ent_type_ in {"DATE", "TIME", "ORDINAL"}:
            continue
        if not any(c.isdigit() for c in tok.text) or tok.dep_ != "nummod":
            continue
        q = _quantity(doc[i : i + 1])
        if q is not None and q.unit:
            out.append(Quantity(q.value, q.unit, q.measure, doc[i : tok.head.i + 1].text))
            covered.add(i)
    return out
