"""Place codes in a span: ISO 3166-2 for first-level regions, ISO 3166-1 alpha-3 for countries.

Places come from the gazetteer's entities (``ent_id_``, see :mod:`detente.extract.kb`).
A country named as a party ("Russia demands that Ukraine ...", "Ukraine's army") is an
actor, not a place; it counts as a place only where it is the location of something
("troops in Ukraine", "withdraw from Ukraine", "20 percent of Ukraine").  Regions always
count; capital cities never do (they stand for their government).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.extract import placeref
from detente.extract.doctext import sentences_before
from detente.extract.entindex import ents_in
from detente.extract.kb import demonym_state, knowledge, split_codes

_PLACE_LABELS = {"GPE", "LOC", "FAC"}

#: Prepositions whose object is a location.
_LOC_PREPS = {
    "in",
    "into",
    "from",
    "across",
    "throughout",
    "within",
    "inside",
    "over",
    "on",
    "out",
    "near",
    "along",
    "at",
    "around",
    "toward",
    "towards",
}
#: Nouns after which "of <country>" names a location ("20 percent of Ukraine").
_PART_NOUNS = {
    "territory",
    "part",
    "parts",
    "percent",
    "%",
    "rest",
    "region",
    "east",
    "south",
    "north",
    "west",
    "border",
    "land",
    "area",
    "control",
    "occupation",
    "annexation",
    "partition",
    "division",
    "integrity",
    "share",
    "portion",
    "swath",
    "chunk",
    "most",
    "half",
    "third",
    "quarter",
    "whole",
    "entirety",
}


def _country_is_location(tok: Token) -> bool:
    """Is the country whose head token is *tok* used as a location (not as a party)?"""
    if tok.dep_ == "poss":  # "Ukraine's east", "Congo's territory"
        return tok.head.lower_ in _PART_NOUNS or tok.head.lower_ in _LAND_NOUNS
    if tok.dep_ != "pobj":
        # "troops must leave Somalia", "forces that entered Lebanon"; right after such a verb
        # even when the parser attaches the name elsewhere ("until every soldier had left
        # Somalia and …")
        prev = tok.doc[tok.i - 1] if tok.i > 0 else tok
        return (
            tok.dep_ in {"npadvmod", "dobj"} and tok.head.lemma_ in placeref.ENTRY_EXIT_VERBS
        ) or (prev.pos_ == "VERB" and prev.lemma_ in placeref.ENTRY_EXIT_VERBS)
    prep = tok.head
    word = prep.lower_
    if word in _LOC_PREPS:
        return True
    if word in ("of", "for", "over") and prep.head.lower_ in placeref.place_words().status_nouns:
        return True  # "autonomy for Western Sahara", "the future status of Kosovo"
    if word == "of":
        if prep.head.lower_ in {"out", "outside"}:  # "troops out of Ukraine"
            return True
        return prep.head.lower_ in _PART_NOUNS or prep.head.lemma_ in _PART_NOUNS
    return False


_LAND_NOUNS = {"territory", "soil", "land", "lands", "airspace", "waters", "border", "borders"}
_LAND_WORDS = frozenset(_LAND_NOUNS | _PART_NOUNS | {"territories", "villages", "towns"})


def _is_land_adjective(ent: Span) -> bool:
    """A nationality adjective naming a country's land ("Ukrainian soil")."""
    root = ent.root
    return (
        root.dep_ == "amod"
        and root.head.lower_ in _LAND_NOUNS
        and len(ent.ent_id_) == 3
        and ent.ent_id_.isupper()
    )


_COMPASS = frozenset({"north", "south", "east", "west", "upper", "lower", "northern", "southern"})


def _elided_region(ent: Span) -> list[str]:
    """The first of two regions sharing a name: "North and South Kivu" names North Kivu too."""
    doc = ent.doc
    first = ent[0]
    i = ent.start
    if first.lower_ not in _COMPASS or i < 2 or doc[i - 1].lower_ not in ("and", "or", "&"):
        return []
    other = doc[i - 2]
    if other.lower_ not in _COMPASS:
        return []
    pattern = knowledge().patterns.get((f"{other.lower_} {ent[1:].text.lower()}", False))
    return split_codes(pattern.ent_id) if pattern is not None else []


def place_codes(ent: Span) -> list[str]:
    """Place codes carried by one entity (empty for non-places and capitals)."""
    if ent.label_ not in _PLACE_LABELS or demonym_state(ent) is not None:
        return []  # "the Somali government": a state's word, not the region of that name
    return split_codes(ent.ent_id_)


#: Nouns that refer back to a region named earlier ("the strip", "both regions").
_ANAPHORIC = {
    "region",
    "regions",
    "province",
    "provinces",
    "strip",
    "enclave",
    "peninsula",
    "oblast",
    "oblasts",
    "governorate",
    "area",
    "areas",
    "territory",
    "islands",
    "island",
    "archipelago",
    "colony",
    "municipalities",
    "districts",
}
#: Of those, the nouns that may also refer back to a territory with a country code of its own
#: ("Gibraltar … the territory's airport", "Taiwan … the island's leaders").
_TERRITORY_NOUNS = frozenset(
    {"territory", "island", "islands", "enclave", "peninsula", "archipelago", "colony", "strip"}
)
_ANAPHORIC_DETS = {"the", "both", "these", "those", "this", "that", "two"}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4}


def _anaphoric_places(span: Span) -> list[str]:
    """Regions that "the region", "the strip" or "both regions" in *span* refer back to."""
    doc = span.doc
    for tok in span:
        if tok.lower_ not in _ANAPHORIC or tok.ent_type_:
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "nummod", "predet"}}
        if not dets & _ANAPHORIC_DETS:
            continue
        wanted = 2 if tok.tag_ == "NNS" else 1
        nums = [c.lower_ for c in tok.children if c.dep_ == "nummod"]
        if nums and nums[0] in _NUMBERS:
            wanted = _NUMBERS[nums[0]]  # "the four regions"
        found: list[str] = []
        sent = tok.sent
        # the region(s) named before; else one named later in the same sentence
        candidates = list(reversed(ents_in(doc[: span.start]))) + ents_in(doc[span.end : sent.end])
        # nothing named before: "the breakaway region" introduced ahead of its name
        candidates += ents_in(doc[sent.end : min(len(doc), sent.end + 60)])
        for ent in candidates:
            codes = [c for c in place_codes(ent) if placeref.is_region(c)]
            if not codes and tok.lower_ in _TERRITORY_NOUNS and _country_is_location(ent.root):
                codes = place_codes(ent)[:1]
            if codes and codes[0] not in found:
                found.extend(c for c in codes if c not in found)
                if len(found) >= wanted:
                    break
        return list(reversed(found)) if wanted > 1 else found
    return []


def places_in(
    span: Span | Doc, *, countries_as_places: bool = False, anaphora: bool = True
) -> list[str]:
    """ISO codes of the places named in *span*, de-duplicated, in text order.

    Regions and curated areas always count.  Countries count only where the syntax makes
    them a location (see module docstring) unless *countries_as_places* is true.  With
    *anaphora*, a span that names no place but says "the region", "the strip" or "both
    regions" gets the region(s) last named before it in the document.
    """
    seen: dict[str, None] = {}
    places = knowledge().places
    for ent in ents_in(span):
        codes = place_codes(ent)
        if not codes and ent.label_ == "NORP" and _is_land_adjective(ent):
            seen.setdefault(ent.ent_id_, None)  # "on Ukrainian soil", "Congolese territory"
            continue
        if not codes:
            continue
        place = places.get(codes[0]) if len(codes) == 1 else None
        if (
            place is not None
            and place.kind == "country"
            and not (countries_as_places or _country_is_location(ent.root))
        ):
            continue
        for code in _elided_region(ent):
            seen.setdefault(code, None)
        for code in codes:
            seen.setdefault(code, None)
    if isinstance(span, Span):
        toks = list(span)
        for code in placeref.unknown_places(toks):
            seen.setdefault(code, None)
        for code in placeref.land_adjective_places(toks, _LAND_WORDS):
            seen.setdefault(code, None)
    if not seen and anaphora and isinstance(span, Span):
        return _anaphoric_places(span) or _referred_places(span)
    return list(seen)


def _referred_places(span: Span) -> list[str]:
    """Places of a content span that names none itself: those of its clause (named, or
    referred to by "the region", "the route", "there"), else, for a withdrawal or an
    occupation, the region the report is mostly about."""
    if not len(span):
        return []
    clause = placeref.clause_tokens(span)
    if clause:
        lo, hi = clause[0].i, clause[-1].i + 1
        keep = {t.i for t in clause}
        wide = span.doc[lo:hi]
        found = [
            c
            for c in places_in(wide, anaphora=False)
            if any(t.i in keep and not placeref.is_venue(t) for t in _mentions(wide, c))
        ]
        if found:
            return found
        found = _anaphoric_places(wide) or placeref.described_places(clause)
        if found:
            return found
    if placeref.territorial(list(span)):
        return placeref.report_region(span.doc)
    return []


#: Issues whose stances are about a place even when their words name none ("rejected any
#: territorial concession", "demanded the pullout"): with none in the sentence, the region
#: named just before stands for it.
_PLACE_ISSUES = frozenset(
    {"territory", "military_limits", "ceasefire", "humanitarian", "governance"}
)
#: Of those, the issues whose place defaults to the report's main region.
_LAND_ISSUES = _PLACE_ISSUES
#: Issues that are about a place only when the report's main region is a disputed territory:
#: the process and recognition of its status.
_TERRITORY_ISSUES = frozenset({"process", "recognition"})


def claim_places(span: Span, issue: str | None = None) -> list[str]:
    """Places of a claim whose content is *span*: those :func:`places_in` finds, else the
    regions named in the claim's sentence (not as a venue), else, for an issue about a place,
    the region named last in the sentences before it, else, for territory, the report's
    dominant region; talks and recognition take the report's region only when it is a
    disputed territory ("ESH")."""
    found = places_in(span)
    if found or not len(span):
        return found
    sent = span.doc[span[0].sent.start : span[-1].sent.end]
    found = _sentence_regions(sent)
    if found:
        return found
    if issue in _TERRITORY_ISSUES:
        # talks on a disputed territory's status are about it: "rejected any process which
        # departs from the referendum" in a Western Sahara report
        return [c for c in placeref.report_region(span.doc) if placeref.is_territory(c)]
    if issue not in _PLACE_ISSUES:
        return found
    found = _recent_region(sent)
    if found or issue not in _LAND_ISSUES:
        return found
    return placeref.report_region(span.doc)


def _sentence_regions(sent: Span) -> list[str]:
    """Regions *sent* names other than as a meeting venue (memoised per doc and sentence)."""
    memo = sent.doc.user_data.setdefault("detente_sentence_regions", {})
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = [
            c
            for c in places_in(sent, anaphora=False)
            if placeref.is_region(c) and any(not placeref.is_venue(t) for t in _mentions(sent, c))
        ]
    return list(memo[key])


#: How many sentences back a claim about land may take the region last named.
_LOOKBACK_SENTS = 2


def _recent_region(sent: Span) -> list[str]:
    """The region named last (not as a venue) in the sentences just before *sent*, within its
    paragraph."""
    start = min((p.start for p in sentences_before(sent, _LOOKBACK_SENTS)), default=sent.start)
    before = sent.doc[start : sent.start]
    for ent in reversed(ents_in(before)):
        codes = [c for c in place_codes(ent) if placeref.is_region(c)]
        if codes and not placeref.is_venue(ent.root):
            return codes
    return []


def _mentions(span: Span, code: str) -> list[Token]:
    """Tokens of *span* naming *code* (entity roots and looked-up names)."""
    out = [e.root for e in ents_in(span) if code in split_codes(e.ent_id_)]
    if not out:
        out = [t for t in span if code in placeref.looked_up(t)]
    return out


def place_name(code: str) -> str:
    """Display name of a place code (``"UA-23"`` -> ``"Zaporizhzhia"``); codes joined by ``+``
    give the names joined by ``" and "``; unknown codes are returned unchanged."""
    places = knowledge().places
    names = []
    for part in code.split("+"):
        place = places.get(part)
        names.append(place.name if place else part)
    return " and ".join(names)


def place_country(code: str) -> str | None:
    """Alpha-3 code of the country a place code belongs to (itself for a country)."""
    place = knowledge().places.get(code)
    return place.country if place and place.country else None
