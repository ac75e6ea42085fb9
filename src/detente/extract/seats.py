"""Holders named by their seat: "the government in Port Sudan", "officials in Sanaa".

A report often names a governing body by the city it sits in rather than by its country.
Where the city is its country's capital ("the authorities in Kabul") the gazetteer already
gives the state; where it is not, or where a rival authority holds the capital, the reader
knows the body from the city alone: the army-led government in Port Sudan, the Houthis in
Sanaa, the recognised government in Aden, the eastern parliament in Benghazi.  The city ->
actor table is data (``knowledge/seats.yaml``); this module only reads the two shapes a
seat is named in — "<body> in <city>" and "<city>'s <body>" — so that a city alone ("talks in
Aden", "Nyala was shelled") is never taken for a party.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from detente.extract.kb import _load_yaml

#: Prepositions that place a body in its seat ("in Aden", "based in Erbil").
_SEAT_PREPS = frozenset({"in"})


@functools.cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    data = _load_yaml("seats.yaml")
    seats = {
        str(name).lower(): actor
        for actor, names in (data.get("seats") or {}).items()
        for name in names
    }
    return seats, frozenset(str(b).lower() for b in data.get("bodies") or [])


def _place_text(tok: Token) -> str:
    """The city named at *tok* with its compounds ("Port Sudan"), without article or "'s"."""
    words = [t for t in tok.subtree if t.dep_ not in ("det", "case", "punct", "amod", "prep")]
    words = [t for t in words if t.i <= tok.i]  # "Aden, which ...": not the clause after it
    return " ".join(t.text for t in words).lower()


def _seated(tok: Token, bodies: frozenset[str]) -> bool:
    """Whether *tok* names where a body sits: "[officials] in Sanaa", "Aden['s envoy]"."""
    if tok.dep_ == "poss":
        return tok.head.lower_ in bodies
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in _SEAT_PREPS and prep.head.lower_ in bodies


def seat_actor(span: Span) -> str | None:
    """The actor whose seat names the body at the head of *span* ("the government in Port
    Sudan" -> ``saf``), or None when the head has no listed seat.  The head's own "in" or
    possessive is read even where *span* ends before it."""
    seats, bodies = _table()
    root = span.root
    if _seated(root, bodies):
        return seats.get(_place_text(root))  # the city itself, asked for on its own
    if root.lower_ not in bodies:
        return None
    # the seat may lie past the span: holder spans stop at the head ("the government")
    for child in root.children:
        if child.dep_ == "poss" and (actor := seats.get(_place_text(child))) is not None:
            return actor  # "Aden's envoy"
        if child.dep_ == "prep" and child.lower_ in _SEAT_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and (actor := seats.get(_place_text(obj))) is not None:
                    return actor  # "the administration in Benghazi"
    return None


def fronted_seat(head: Token) -> Span | None:
    """The place a sentence opens with, "In Kyiv, officials said …", "In Kuwait, the foreign
    ministry said …", when *head* is an unnamed body after it: the body sits there.  Only a
    place entity set off by a comma at the start of the sentence counts, so that "officials in
    talks in Doha" or "the ministry said in Geneva" place nobody."""
    _seats, bodies = _table()
    if head.lower_ not in bodies and head.lemma_.lower() not in bodies:
        return None
    sent = head.sent
    first = sent[0]
    while first.is_punct or first.is_space:  # an opening quote or a dash of a live blog
        if first.i + 1 >= sent.end:
            return None
        first = first.doc[first.i + 1]
    if first.lower_ != "in" or first.dep_ != "prep":
        return None
    place = next((c for c in first.children if c.dep_ == "pobj"), None)
    if place is None or place.ent_type_ != "GPE":
        return None
    ent = next((e for e in sent.ents if e.start <= place.i < e.end), None)
    if ent is None or ent.end >= sent.end or head.doc[ent.end].text != "," or head.i <= ent.end:
        return None
    return ent
