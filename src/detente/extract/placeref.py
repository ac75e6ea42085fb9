"""Places a stance refers to without naming them in its own words.

:func:`detente.extract.places.places_in` reads the places named inside a stance's content.
Reports often put them elsewhere, and this module finds them:

* **the clause**: the content the stance stage cut out may stop short of the place ("pulled
  back from the temple area | in Surin province", "protect the Druze community | in Sweida");
* **names the gazetteer does not phrase-match**: towns and the regions of further countries
  are looked up in ``knowledge/places_lookup.csv`` when the parser already treats the name as
  a place ("the siege of Bhamo", "weapons handed over in Lanao del Sur");
* **descriptions**: "the route", "the plant", "the besieged city", "there" refer back to a
  route, plant or town named with its place earlier in the report;
* **the report's territory**: a withdrawal, pullout or occupation that names no place is
  about the region the report is mostly about ("a full Israeli withdrawal" in a Gaza report).

Word lists are data (``knowledge/places_refs.yaml``).
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from collections import Counter, OrderedDict
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from detente.extract.entindex import ents_in

#: Labels of entities the parser treats as places.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions after which a name the recogniser mislabels (ORG, PERSON) is still a place.
_PLACE_PREPS = frozenset(
    {"in", "into", "from", "of", "near", "around", "outside", "toward", "towards", "across"}
)
#: Verbs whose object is a place the subject enters, holds, surrounds or leaves ("troops must
#: leave Bentiu", "forces that entered Lebanon", "warships circled Taiwan").
ENTRY_EXIT_VERBS = frozenset(
    {
        "leave",
        "enter",
        "quit",
        "vacate",
        "exit",
        "evacuate",
        "invade",
        "reoccupy",
        "occupy",
        "circle",
        "encircle",
        "surround",
        "blockade",
        "patrol",
    }
)


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """Word lists of ``knowledge/places_refs.yaml``."""

    #: noun -> group name ("route" and "corridor" are both "route")
    groups: dict[str, str]
    territorial: frozenset[str]
    definite: frozenset[str]
    status_nouns: frozenset[str]
    venue_heads: frozenset[str]
    venue_labels: frozenset[str]
    #: lower-cased adjective -> region codes
    region_adjectives: dict[str, tuple[str, ...]]
    #: nouns naming a kind of place ("river", "crossing", "district")
    feature_nouns: frozenset[str] = frozenset()
    #: country-level codes of disputed territories, treated as regions
    territories: frozenset[str] = frozenset()


@functools.cache
def place_words() -> PlaceWords:
    """The place reference word lists, loaded once per process."""
    text = resources.files("detente.knowledge").joinpath("places_refs.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    groups = {
        str(w).lower(): name for name, words in (data.get("groups") or {}).items() for w in words
    }
    return PlaceWords(
        groups=groups,
        territorial=frozenset(str(w).lower() for w in data.get("territorial") or []),
        definite=frozenset(str(w).lower() for w in data.get("definite") or []),
        status_nouns=frozenset(str(w).lower() for w in data.get("status_nouns") or []),
        venue_heads=frozenset(str(w).lower() for w in data.get("venue_heads") or []),
        venue_labels=frozenset(str(w).lower() for w in data.get("venue_labels") or []),
        region_adjectives={
            str(k).lower(): tuple(v) for k, v in (data.get("region_adjectives") or {}).items()
        },
        feature_nouns=frozenset(str(w).lower() for w in data.get("feature_nouns") or []),
        territories=frozenset(str(c) for c in data.get("territories") or []),
    )


def is_region(code: str) -> bool:
    """Is *code* a place a stance can be about in its own right: a region below a country
    ("UA-14") or a disputed territory ISO files as a country ("ESH"), not a state?"""
    return "-" in code or code in place_words().territories


def is_territory(code: str) -> bool:
    """Is *code* a disputed territory with a country-level code ("ESH", "FLK")?"""
    return code in place_words().territories


@functools.cache
def lookup_table() -> dict[str, tuple[str, ...]]:
    """Lower-cased town or region name -> ISO 3166-2 codes (several when countries share it)."""
    text = resources.files("detente.knowledge").joinpath("places_lookup.csv").read_text("utf-8")
    table = {
        row["name"].lower(): tuple(row["codes"].split())
        for row in csv.DictReader(io.StringIO(text))
    }
    # reports mostly drop diacritics ("Hokkaido", "Potosi", "Segou"): the folded spelling
    # finds the name too, unless it is another place's name
    for name, codes in list(table.items()):
        if not name.isascii():  # (folding an ASCII name gives it back unchanged)
            table.setdefault(_fold(name), codes)
    return table


def _fold(text: str) -> str:
    """*text* without diacritics ("hokkaidō" -> "hokkaido")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# -- per-document index -------------------------------------------------------------------

_CACHE: OrderedDict[int, tuple[Doc, DocPlaces]] = OrderedDict()


@dataclass(slots=True)
class DocPlaces:
    """Where the report names places: every mention in order, and its main region."""

    #: (token index, codes) of every place mention, in text order
    mentions: list[tuple[int, tuple[str, ...]]]
    #: (token index, codes) of capital cities and other places without a region code
    towns_without_region: list[int]
    dominant: tuple[str, ...]
    #: country (alpha-3) mentions, for choosing among lookup codes
    countries: Counter[str]
    #: countries the gazetteer's matches name (set once they are all known)
    named: frozenset[str] | None = None


def _entity_codes(ent: Span) -> tuple[str, ...]:
    from detente.extract.kb import split_codes

    if ent.label_ not in _PLACE_LABELS:
        return ()
    return tuple(split_codes(ent.ent_id_))


def doc_places(doc: Doc) -> DocPlaces:
    """The (cached) place index of *doc*."""
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    mentions: list[tuple[int, tuple[str, ...]]] = []
    capitals: list[int] = []
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    first: dict[str, int] = {}
    from detente.extract.kb import demonym_state

    for ent in ents_in(doc):
        codes = _entity_codes(ent)
        if codes and (state := demonym_state(ent)) is not None:
            countries[state] += 1  # "the Somali government": the state, not the region
            continue
        if not codes:
            if ent.ent_id_.startswith("city:") and _place_syntax(ent.root):
                capitals.append(ent.start)
            if len(ent.ent_id_) == 3 and ent.ent_id_.isupper():
                countries[ent.ent_id_] += 1
            continue
        if len(codes) == 1 and not is_region(codes[0]):
            countries[codes[0]] += 1
            continue
        mentions.append((ent.start, codes))
        for code in codes:
            regions[code] += 1
            first.setdefault(code, ent.start)
    idx = DocPlaces(mentions, capitals, (), countries)
    idx.named = frozenset(_countries_named(doc, idx))
    for ent in ents_in(doc):
        if not _entity_codes(ent) and not ent.ent_id_:
            codes = looked_up(ent.root, idx)
            if codes:
                mentions.append((ent.start, codes))
                for code in codes:
                    regions[code] += 1
                    first.setdefault(code, ent.start)
    mentions.sort()
    if regions:
        top = max(regions.values())
        if top >= 2:
            best = min((c for c, n in regions.items() if n == top), key=lambda c: first[c])
            idx.dominant = (best,)
    _CACHE[id(doc)] = (doc, idx)
    while len(_CACHE) > 8:
        _CACHE.popitem(last=False)
    return idx


# -- names the gazetteer does not match ------------------------------------------------------


def looked_up(tok: Token, idx: DocPlaces | None = None) -> tuple[str, ...]:
    """Region codes of a town or region name at *tok* the gazetteer does not know.

    The name must be one the parser treats as a place: a GPE/LOC/FAC entity, or a proper name
    after a place preposition ("the siege of Bhamo", where the recogniser says ORG).
    """
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        span = doc[start:end]
        if span[0].ent_id_:
            return ()
        label = tok.ent_type_
    else:
        if tok.pos_ != "PROPN":
            return ()
        span = (
            doc[tok.left_edge.i : tok.i + 1]
            if tok.left_edge.pos_ == "PROPN"
            else doc[tok.i : tok.i + 1]
        )
        label = ""
    if label not in _PLACE_LABELS and not _feature_after(span) and not _place_object(span.root):
        return ()
    codes = _lookup_name(span)
    if not codes:
        return ()
    from detente.extract.kb import knowledge

    index = idx if idx is not None else doc_places(doc)
    places = knowledge().places
    if len(codes) == 1:
        # tens of thousands of town names share spellings with words and names ("Gulf" is a
        # province of Papua New Guinea): a name that only modifies another ("one Gulf
        # diplomat") counts only in a country the report names
        if span.root.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
            return codes
        country = places[codes[0]].country if codes[0] in places else ""
        named = index.named if index.named is not None else _countries_named(doc, index)
        return codes if country in named else ()
    # one name in several countries: the one the report talks about, else none
    scored = [(index.countries.get(places[c].country if c in places else "", 0), c) for c in codes]
    scored.sort(reverse=True)
    return (scored[0][1],) if scored[0][0] > 0 else ()


def _countries_named(doc: Doc, index: DocPlaces) -> frozenset[str]:
    """Countries the report names: by name or demonym, by capital, or through a region."""
    from detente.extract.kb import knowledge

    places = knowledge().places
    named = {c for c, n in index.countries.items() if n}
    named.update(places[c].country for _i, codes in index.mentions for c in codes if c in places)
    homes = _actor_homes()
    for e in ents_in(doc):
        if e.ent_id_.startswith("city:"):
            named.add(e.ent_id_[5:])
        elif e.ent_id_ in homes:
            named.update(homes[e.ent_id_])  # "the Kachin Independence Army": Myanmar
    return frozenset(named)


@functools.cache
def _actor_homes() -> dict[str, frozenset[str]]:
    """Non-state parties -> the countries of the negotiations they are party to."""
    from detente.extract.kb import knowledge
    from detente.knowledge.catalog import known

    places = knowledge().places
    homes: dict[str, set[str]] = {}
    for neg in known().values():
        countries = {p for p in neg.parties if len(p) == 3 and p.isupper()}
        for code in neg.places:
            if len(code) == 3 and code.isupper():
                countries.add(code)
            elif code in places:
                countries.add(places[code].country)
        for party in neg.parties:
            if not (len(party) == 3 and party.isupper()):
                homes.setdefault(party, set()).update(countries)
    return {k: frozenset(v) for k, v in homes.items()}


def _place_object(head: Token) -> bool:
    """Is *head* (or the first item of the list it ends) the object of a place preposition or
    of a verb of entering or leaving ("from Bentiu and Malakal", "leave Bentiu")?"""
    for _ in range(4):
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head
    return (head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS) or (
        head.dep_ == "dobj" and head.head.lemma_ in ENTRY_EXIT_VERBS
    )


def _feature_after(span: Span) -> bool:
    """Is the name *span* followed by a noun naming a kind of place ("Rafah | border
    crossing", "Qandil | mountains")?"""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.lower_ in place_words().feature_nouns and nxt.pos_ in ("NOUN", "PROPN")


def _lookup_name(span: Span) -> tuple[str, ...]:
    """Codes of the name *span* in the lookup table, also without a trailing kind-of-place
    noun ("Sarstoon River", "Sulu province")."""
    words = [t.lower_ for t in span]
    if words and words[0] == "the":
        words = words[1:]
    table = lookup_table()
    text = span.text.lower().removeprefix("the ")
    codes = table.get(text) or table.get(_fold(text))
    if codes:
        return codes
    feature = place_words().feature_nouns
    while len(words) > 1 and words[-1] in feature:
        words = words[:-1]
        codes = table.get(" ".join(words))
        if codes:
            return codes
    return ()


def is_venue(tok: Token) -> bool:
    """Is the place at *tok* where people met ("talks in Istanbul", "met in Jeddah", "held in
    Istanbul's palace"), or a town naming a text or process after where it was agreed ("the
    Jeddah declaration", "the Dayton accords")?"""
    if tok.dep_ == "compound" and (
        tok.head.lemma_.lower() in place_words().venue_labels
        or tok.head.lower_ in place_words().venue_labels
    ):
        return True
    for _ in range(3):
        if tok.dep_ not in ("poss", "compound", "nmod") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
        return False
    head = tok.head.head
    words = place_words()
    if head.lemma_.lower() == "hold" and head.pos_ == "VERB":
        # "talks held in Istanbul" is a venue, "sailors held in Hodeidah" is not
        held = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
        if head.dep_ == "acl":
            held.append(head.head)
        return any(
            h.lemma_.lower() in words.venue_heads or h.lower_ in words.venue_heads for h in held
        )
    return head.lemma_.lower() in words.venue_heads or head.lower_ in words.venue_heads


def unknown_places(tokens: list[Token]) -> list[str]:
    """Codes of looked-up names among *tokens* (entities without a gazetteer id)."""
    out: list[str] = []
    seen_ents: set[int] = set()
    # what each candidate token names depends on the token alone: kept per doc, since the
    # same clause tokens are looked at for every stance in them
    memo: dict[int, tuple[str, ...]] = (
        tokens[0].doc.user_data.setdefault(_UNKNOWN_KEY, {}) if tokens else {}
    )
    for tok in tokens:
        if tok.ent_type_ and tok.ent_iob_ == "B" and tok.i not in seen_ents:
            seen_ents.add(tok.i)
        elif not (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ in ("pobj", "conj")):
            continue
        codes = memo.get(tok.i)
        if codes is None:
            codes = memo[tok.i] = _unknown_at(tok)
        for code in codes:
            if code not in out:
                out.append(code)
    return out


_UNKNOWN_KEY = "detente_unknown_places"


def _unknown_at(cand: Token) -> tuple[str, ...]:
    """Looked-up codes of the name at candidate token *cand* (none for a venue)."""
    root = cand
    if cand.ent_type_:
        # the entity's root token carries the syntax
        end = cand.i + 1
        while end < len(cand.doc) and cand.doc[end].ent_iob_ == "I":
            end += 1
        root = cand.doc[cand.i : end].root
    if is_venue(root):
        return ()
    return tuple(looked_up(root))


# -- the clause around a stance's content ------------------------------------------------------

#: Clause-level dependents that start another statement, not part of this one.
_OTHER_CLAUSES = frozenset({"conj", "cc", "parataxis", "advcl", "relcl"})


def clause_tokens(span: Span) -> list[Token]:
    """Tokens of the clause *span* sits in: the nearest verb above its root, with everything
    it governs in the sentence except coordinated and adverbial clauses that do not hold
    *span*."""
    cur = span.root
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    sent = span.sent
    inside = set(range(span.start, span.end))
    skip: set[int] = set()
    for child in cur.children:
        if child.dep_ in _OTHER_CLAUSES:
            sub = range(child.left_edge.i, child.right_edge.i + 1)
            if not inside.intersection(sub):
                skip.update(sub)
    lo = max(cur.left_edge.i, sent.start)
    hi = min(cur.right_edge.i, sent.end - 1)
    doc = span.doc
    out = [t for t in doc[lo : hi + 1] if t.i not in skip]
    if hi == sent.end - 1 and sent.end < len(doc) and not _ends_sentence(doc[hi]):
        # the parser cut the sentence mid-phrase ("pulled back from the Ta Muen | Thom temple
        # area in Surin province, and …"): the fragment runs on to its first clause break
        for tok in doc[sent.end : doc[sent.end].sent.end]:
            if tok.is_punct or tok.dep_ == "cc" or tok.is_space:
                break
            out.append(tok)
    return out


def _ends_sentence(tok: Token) -> bool:
    return tok.text in {".", "!", "?", '"', "\u201d", ":", ";"} or "\n" in tok.whitespace_ + (
        tok.nbor(1).text if tok.i + 1 < len(tok.doc) else "\n"
    )


# -- descriptions and "there" ------------------------------------------------------------------


def described_places(tokens: list[Token]) -> list[str]:
    """Regions that a description among *tokens* refers back to: "the route" → the route
    named with its region earlier, "the besieged city" → the last town, "there" → the last
    place named."""
    if not tokens:
        return []
    words = place_words()
    doc = tokens[0].doc
    for tok in tokens:
        if tok.lower_ == "there" and tok.dep_ == "advmod":
            return _last_region(doc, tokens[0].sent.start)
        group = words.groups.get(tok.lower_) or words.groups.get(tok.lemma_.lower())
        if group is None or tok.pos_ != "NOUN" or tok.ent_type_:
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "predet")}
        if not dets & words.definite:
            continue
        if group == "town":
            return _last_region(doc, tok.i, towns=True)
        found = _antecedent_places(tok, group)
        if found:
            return found
    return []


def _place_syntax(tok: Token) -> bool:
    """Is *tok* used as a location ("in Jeddah", "the siege of El Fasher"), not as a
    modifier or a stand-in for a government ("the Jeddah talks", "Washington said")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


def _last_region(doc: Doc, before: int, *, towns: bool = False) -> list[str]:
    idx = doc_places(doc)
    last_capital = max((i for i in idx.towns_without_region if i < before), default=-1)
    for i, codes in reversed(idx.mentions):
        if i >= before:
            continue
        if towns and not _is_town(doc, i):
            continue
        if towns and last_capital > i:
            return []  # "the city" after a capital: the capital, which is no region
        return [c for c in codes if is_region(c)]
    return []


def _is_town(doc: Doc, start: int) -> bool:
    """Does the place mention starting at *start* name a town (not a region)?"""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    span = doc[start:end]
    return span.text.lower() in town_names() and _place_syntax(span.root)


@functools.cache
def town_names() -> frozenset[str]:
    """Lower-cased names of towns: the curated ones of ``places.yaml`` and the looked-up ones."""
    text = resources.files("detente.knowledge").joinpath("places.yaml").read_text("utf-8")
    cities = (yaml.safe_load(text) or {}).get("cities") or {}
    names = {str(n).lower() for ns in cities.values() for n in ns}
    return frozenset(names | set(lookup_table()))


def _antecedent_places(tok: Token, group: str) -> list[str]:
    """Places named in the phrase of an earlier noun of the same group ("a transit corridor
    through Syunik" for "the route")."""
    words = place_words()
    doc = tok.doc
    idx = doc_places(doc)
    for prev in reversed(doc[max(0, tok.i - 600) : tok.i]):
        if prev.pos_ != "NOUN" or words.groups.get(prev.lemma_.lower()) != group:
            continue
        lo, hi = prev.left_edge.i, prev.right_edge.i
        codes = [c for i, cs in idx.mentions if lo <= i <= hi for c in cs if is_region(c)]
        if codes:
            return list(dict.fromkeys(codes))
    return []


def land_adjective_places(tokens: list[Token], land_nouns: frozenset[str]) -> list[str]:
    """Regions named by an adjective on a land noun: "Tigrayan territory", "Crimean soil"."""
    table = place_words().region_adjectives
    out: list[str] = []
    for tok in tokens:
        if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.lower_ not in land_nouns:
            continue
        codes = table.get(tok.lower_)
        if codes is None and tok.i > 0:
            codes = table.get(f"{tok.doc[tok.i - 1].lower_} {tok.lower_}")
        for code in codes or ():
            if code not in out:
                out.append(code)
    return out


def territorial(tokens: list[Token]) -> bool:
    """Does the content speak of withdrawal, occupation or territory without naming a place?"""
    words = place_words().territorial
    return any(t.lemma_.lower() in words or t.lower_ in words for t in tokens)


def report_region(doc: Doc) -> list[str]:
    """The region the report names most (at least twice), else the one its headline names (a
    flash or a live blog names its region once, up top), else nothing."""
    idx = doc_places(doc)
    if idx.dominant or not idx.mentions:
        return list(idx.dominant)
    i, codes = idx.mentions[0]
    if i >= _headline_end(doc) or is_venue(doc[i]):
        return []
    return [c for c in codes if is_region(c)]


def _headline_end(doc: Doc) -> int:
    """End of the report's headline: a first line that ends without a full stop (0 when the
    report opens with a sentence)."""
    for tok in doc[:80]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            last = tok if not tok.is_space else doc[max(tok.i - 1, 0)]
            return 0 if last.text in (".", "!", "?") else tok.i + 1
    return 0
