"""Knowledge base: places, actors, leaders and titles loaded once from ``detente.knowledge``.

Everything the gazetteer, actor resolution and place lookup need is derived here from the
data files (``places_generated.csv`` + ``places.yaml``, ``actors.yaml``, ``leaders.yaml``,
``titles.yaml``) and cached per process by :func:`knowledge`.

Entity id conventions (``Span.ent_id_`` set by the gazetteer):

* ``RUS`` — a state (label ``GPE`` for its name, ``NORP`` for a demonym, ``ORG`` for an
  institution that stands for it such as "the Kremlin");
* ``UA-23`` — a first-level region (``GPE``); several regions joined by ``+``
  (``UA-14+UA-09`` for Donbas, label ``LOC``);
* ``city:RUS`` — a capital city (``GPE``): a place name that, used as a subject, stands
  for its state;
* ``nato`` — a lowercase slug for an organisation or armed group (``ORG``/``NORP``);
* ``person:RUS`` — a known leader or official (``PERSON``) speaking for ``RUS``.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span

#: Words appended to region names to form further aliases ("Donetsk region").
REGION_SUFFIXES: tuple[str, ...] = (
    "region",
    "regions",
    "oblast",
    "oblasts",
    "province",
    "provinces",
    "governorate",
    "state",
)

_ISO_PLACE = re.compile(r"^(?:[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$")


@dataclass(frozen=True, slots=True)
class Place:
    """A country, first-level region or curated area."""

    code: str
    name: str
    country: str
    kind: str  # "country" | "region" | "area"
    unofficial: bool = False


@dataclass(frozen=True, slots=True)
class Leader:
    """A known leader or official and the actor they speak for."""

    name: str
    actor: str
    role: str


@dataclass(frozen=True, slots=True)
class Pattern:
    """One gazetteer phrase: its text, entity label, entity id and case handling."""

    text: str
    label: str
    ent_id: str
    case_sensitive: bool = False


@dataclass(slots=True)
class Knowledge:
    """All curated and generated lookup tables, keyed for fast access."""

    places: dict[str, Place] = field(default_factory=dict)
    actor_names: dict[str, str] = field(default_factory=dict)
    #: Lower-cased surface form -> actor id, for names, demonyms, capitals and institutions.
    actor_forms: dict[str, str] = field(default_factory=dict)
    #: Lower-cased surface form -> leader.
    leaders: dict[str, Leader] = field(default_factory=dict)
    #: Lower-cased title phrase -> role key.
    titles: dict[str, str] = field(default_factory=dict)
    #: Longest title phrase, in tokens (bounds the title scan).
    max_title_len: int = 1
    #: Capital city id ``city:XXX`` -> display name.
    capitals: dict[str, str] = field(default_factory=dict)
    #: Lower-cased capital names (including those curated as other actors, like Brussels).
    capital_names: frozenset[str] = frozenset()
    #: Lower-cased names of news organisations (never actors).
    media: frozenset[str] = frozenset()
    #: Group slug -> member actor ids ("e3" -> GBR, FRA, DEU).
    member_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Slugs of non-state armed groups.
    armed_groups: frozenset[str] = frozenset()
    #: Body slug -> the country it belongs to, for bodies whose names other countries'
    #: institutions share ("Government of National Unity": Libya's, and South Sudan's).
    homes: dict[str, str] = field(default_factory=dict)
    #: Gazetteer patterns keyed by (case-folded unless case-sensitive) text.
    patterns: dict[tuple[str, bool], Pattern] = field(default_factory=dict)


def _read_text(name: str) -> str:
    return resources.files("detente.knowledge").joinpath(name).read_text(encoding="utf-8")


def _load_yaml(name: str) -> Any:
    # libyaml's parser when PyYAML has it: the knowledge files take seconds in pure Python.
    return yaml.load(_read_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def _strip_the(text: str) -> str:
    """Drop a leading article: entity spans, like spaCy's, never include "the"."""
    return text[4:] if text.lower().startswith("the ") else text


def _is_acronym(text: str) -> bool:
    """Short all-capital forms ("US", "UN", "SAF") must match with exact case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def _demonym_forms(word: str) -> list[str]:
    """A nationality adjective and its plural people noun where English forms one."""
    forms = [word]
    if word.endswith(("an", "i")) and " " not in word and word not in {"Afghan"}:
        forms.append(word + "s")
    return forms


class _Builder:
    """Accumulates patterns with a precedence: later, more specific sources win."""

    def __init__(self, case_sensitive: set[str]) -> None:
        self.kb = Knowledge()
        self.case_sensitive = case_sensitive
        self._exact: dict[str, set[str]] = {}

    def add(
        self, text: str, label: str, ent_id: str, *, override: bool = True, exact: bool = False
    ) -> None:
        text = " ".join(_strip_the(text).split())
        if not text:
            return
        cs = exact or text in self.case_sensitive or _is_acronym(text)
        key = (text if cs else text.lower(), cs)
        other = (text.lower(), False) if cs else None
        if not override and (key in self.kb.patterns or other in self.kb.patterns):
            return
        if not cs:
            # a later, curated case-insensitive entry replaces exact-case ones of the same text
            for variant in self._exact.pop(key[0], set()):
                self.kb.patterns.pop((variant, True), None)
        else:
            self._exact.setdefault(text.lower(), set()).add(text)
        self.kb.patterns[key] = Pattern(text, label, ent_id, cs)


#: British and American spellings of words in body names ("Defence"/"Defense" Forces).
_SPELLINGS = (
    ("Defence", "Defense"),
    ("Organisation", "Organization"),
    ("Centre", "Center"),
    ("Programme", "Program"),
    ("Theatre", "Theater"),
)


def _spellings(name: str) -> list[str]:
    """*name* and, where it holds such a word, its other national spelling."""
    other = name
    for uk, us in _SPELLINGS:
        if re.search(rf"\b{uk}\b", other):
            other = re.sub(rf"\b{uk}\b", us, other)
        elif re.search(rf"\b{us}\b", other):
            other = re.sub(rf"\b{us}\b", uk, other)
    return [name] if other == name else [name, other]


def _build() -> Knowledge:
    places_cur = _load_yaml("places.yaml")
    actors_cur = _load_yaml("actors.yaml")
    leaders_cur = _load_yaml("leaders.yaml") or []
    titles_cur = _load_yaml("titles.yaml")

    b = _Builder(set(places_cur.get("case_sensitive", [])))
    kb = b.kb
    stop = {s.lower() for s in places_cur.get("stop", [])}
    capital_stop = {s.lower() for s in places_cur.get("capital_stop", [])}
    stopped_capitals: dict[str, tuple[str, str]] = {}

    # 1. generated table: countries, capitals, regions
    rows = list(csv.DictReader(io.StringIO(_read_text("places_generated.csv"))))
    for row in rows:
        code, kind, country, name = row["code"], row["kind"], row["country"], row["name"]
        if kind == "country":
            kb.places[code] = Place(code, name, country, "country")
            kb.actor_names[code] = name
        elif kind == "region":
            kb.places.setdefault(code, Place(code, name, country, "region"))
    for row in rows:
        code, kind, name = row["code"], row["kind"], row["name"]
        if kind == "region" and name.lower() not in stop:
            # generated names match with exact case: many double as common words
            # ("Unity", "Plateau", "Lakes"); curated aliases below are case-insensitive
            suffixed = [f"{name} {s}" for s in REGION_SUFFIXES]
            for alias in (name, *suffixed, *(a.title() for a in suffixed)):
                b.add(alias, "GPE", code, override=False, exact=True)
        elif kind == "capital":
            if name.lower() in capital_stop:
                # "Victoria", "Stanley": a capital that is also a common name counts only in a
                # report that names its country (the gazetteer's home check)
                if row["country"] not in (places_cur.get("capital_aliases") or {}):
                    stopped_capitals[code] = (name, row["country"])
                continue
            kb.capitals[code] = name
            # exact case (plus the all-caps form of wire datelines): "Male", "Lima", "Paris"
            # are also ordinary words or names
            b.add(name, "GPE", code, exact=True)
            b.add(name.upper(), "GPE", code, exact=True)
            kb.actor_forms[name.lower()] = row["country"]
        elif kind == "country":
            b.add(name, "GPE", code)
            kb.actor_forms[name.lower()] = code
    for country, names in (places_cur.get("capital_aliases") or {}).items():
        # other spellings of a capital, and seats of government that are not the capital
        for alias in names:
            b.add(alias, "GPE", f"city:{country}", exact=True)
            b.add(alias.upper(), "GPE", f"city:{country}", exact=True)
            kb.actor_forms[alias.lower()] = country

    kb.capital_names = frozenset(n.lower() for n in kb.capitals.values())

    # 2. curated places
    for code, spec in (places_cur.get("regions") or {}).items():
        old = kb.places.get(code)
        country = old.country if old else spec.get("country", "")
        kb.places[code] = Place(
            code, spec.get("name", old.name if old else code), country, "region"
        )
        for alias in spec.get("aliases", []):
            for form in (alias, *(f"{alias} {s}" for s in REGION_SUFFIXES)):
                # "Kyiv region" must not be re-suffixed into "Kyiv region region"
                if form != alias and alias.split()[-1].lower() in REGION_SUFFIXES:
                    continue
                b.add(form, "GPE", code)
    for area in places_cur.get("areas") or []:
        codes = area["codes"]
        for code in codes:
            if code not in kb.places:
                kb.places[code] = Place(
                    code,
                    area.get("name", area["names"][0]),
                    area.get("country", ""),
                    "area",
                    bool(area.get("unofficial", False)),
                )
        label = "LOC" if len(codes) > 1 or area.get("unofficial") else "GPE"
        for alias in area["names"]:
            b.add(alias, label, "+".join(codes))
    for code, names in (places_cur.get("cities") or {}).items():
        for alias in names:
            b.add(alias, "GPE", code)
    for code, names in (places_cur.get("countries") or {}).items():
        for alias in names:
            b.add(alias, "GPE", code)
            kb.actor_forms[_strip_the(alias).lower()] = code

    # 3. actors: demonyms, institutions, bodies
    for code, words in (actors_cur.get("demonyms") or {}).items():
        for word in words:
            for form in _demonym_forms(word):
                if (form.lower(), False) in b.kb.patterns or (form, True) in b.kb.patterns:
                    # "US", "UK" are already country names; "Somali" also names a region,
                    # whose pattern stays, but as a party's word it is the state's
                    kb.actor_forms.setdefault(form.lower(), code)
                    continue
                # exact case: "Polish", "Turkish", "French" are capitalised as demonyms only
                b.add(form, "NORP", code, exact=True)
                kb.actor_forms.setdefault(form.lower(), code)
    for code, names in (actors_cur.get("metonyms") or {}).items():
        for alias in (v for name in names for v in _spellings(name)):
            b.add(alias, "ORG", code, exact=True)
            kb.actor_forms[_strip_the(alias).lower()] = code
    for slug, spec in (actors_cur.get("bodies") or {}).items():
        kb.actor_names[slug] = spec.get("name", slug)
        for alias in (v for name in spec.get("aliases", []) for v in _spellings(name)):
            b.add(alias, "ORG", slug)
            kb.actor_forms[_strip_the(alias).lower()] = slug
        for adj in spec.get("adjectives", []) or []:
            b.add(adj, "NORP", slug, exact=True)
            kb.actor_forms[adj.lower()] = slug

    kb.armed_groups = frozenset(actors_cur.get("armed_groups") or [])
    kb.homes = {str(k): str(v) for k, v in (actors_cur.get("homes") or {}).items()}
    for code, (name, country) in stopped_capitals.items():
        place = kb.places.get(country)
        if code in kb.capitals or code in kb.homes or (place and place.name == name):
            continue  # another name already stands for that seat, or it is the country's
        b.add(name, "GPE", code, exact=True)
        b.add(name.upper(), "GPE", code, exact=True)
        kb.homes[code] = country
    for slug, spec in (actors_cur.get("member_groups") or {}).items():
        kb.actor_names[slug] = spec.get("name", slug)
        kb.member_groups[slug] = tuple(spec.get("members") or [])
        for alias in spec.get("aliases", []):
            b.add(alias, "ORG", slug)
            kb.actor_forms[alias.lower()] = slug
    try:  # the outlets listed with the stance lexicon
        stance_data = _load_yaml("stances.yaml")
    except FileNotFoundError:
        stance_data = {}
    kb.media = frozenset(str(m).lower() for m in stance_data.get("media") or [])

    # 4. leaders
    for spec in leaders_cur:
        leader = Leader(spec["name"], spec["actor"], spec.get("role", "official"))
        for alias in (spec["name"], *(spec.get("aliases") or [])):
            # names are capitalised; "Tusk", "Waltz", "Barrack" are also common words
            b.add(alias, "PERSON", f"person:{leader.actor}", exact=True)
            kb.leaders[alias.lower()] = leader

    # 5. titles
    for role, phrases in titles_cur.items():
        for phrase in phrases:
            kb.titles[phrase.lower()] = role
    kb.max_title_len = max((len(t.split()) for t in kb.titles), default=1)
    return kb


@functools.cache
def knowledge() -> Knowledge:
    """The process-wide knowledge base (built on first use, then cached)."""
    return _build()


def split_codes(ent_id: str) -> list[str]:
    """Place codes carried by a gazetteer entity id (``"UA-14+UA-09"`` -> two codes).

    Ids that are not place codes (capitals, actors, persons) give an empty list.
    """
    if not ent_id:
        return []
    codes = ent_id.split("+")
    return codes if all(_ISO_PLACE.match(c) for c in codes) else []


#: Words that keep a region's name a region when a state's demonym shares it ("the Somali
#: regional government", "the Somali Region").
_REGION_WORDS = frozenset({"region", "regional", "state", "zone", "province", "provincial"})


def demonym_state(ent: Span) -> str | None:
    """The state whose demonym a region-named entity is, where it modifies a party or a thing
    rather than naming the region ("the Somali government", "Somali officials"): ``SOM``."""
    if not ent.ent_id_ or len(ent) != 1:
        return None
    state = knowledge().actor_forms.get(ent.text.lower(), "")
    root = ent.root
    if not (len(state) == 3 and state.isupper()) or root.dep_ not in ("amod", "compound"):
        return None
    head = root.head
    if head.lower_ in _REGION_WORDS or any(c.lower_ in _REGION_WORDS for c in head.children):
        return None
    return state
