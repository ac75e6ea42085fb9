"""Stance lexicon and issue taxonomy, loaded once per process from ``detente.knowledge``.

``stances.yaml`` lists the trigger words (verbs, nouns, willingness adjectives, concession verbs)
and the cue words for hedging, negation, conditions, exchanges, denials and sources;
``taxonomy.yaml`` lists the negotiation issues with weighted cue words and their crosswalks.
The ``lists:`` section of ``stances.yaml`` holds the named word lists the dependency rules use
(months, menace phrases, deal verbs …), read with :func:`word_list` and friends.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from detente.extract.attribution import SourceLexicon
from detente.records import ISSUES, KINDS


def _load(name: str) -> Any:
    text = resources.files("detente.knowledge").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def _words(items: Any) -> frozenset[str]:
    words = list(items or [])
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        # YAML reads bare on/off/no/yes as booleans: such words must be quoted.
        raise ValueError(f"lexicon entries must be strings (quote them): {bad!r}")
    return frozenset(w.lower() for w in words)


def _words_in_order(items: Any) -> list[str]:
    _words(items)  # validates the entries
    return list(dict.fromkeys(w.lower() for w in items or []))


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    """Trigger words and stance-modifying cues (see ``knowledge/stances.yaml``)."""

    verbs: dict[str, str]
    particles: dict[str, frozenset[str]]
    blocking_particles: dict[str, frozenset[str]]
    nouns: dict[str, str]
    nouns_need_holder: frozenset[str]
    nouns_need_complement: frozenset[str]
    willingness: frozenset[str]
    unwillingness: frozenset[str]
    concessions: frozenset[str]
    retentions: frozenset[str]
    hostile: frozenset[str]
    cooperative: frozenset[str]
    threat_actions: frozenset[str]
    reporting: frozenset[str]
    dual_use: frozenset[str]
    carriers: frozenset[str]
    denial_verbs: frozenset[str]
    report_nouns: frozenset[str]
    hedge_lemmas: frozenset[str]
    hedge_phrases: tuple[str, ...]
    negations: frozenset[str]
    condition_marks: frozenset[str]
    condition_phrases: tuple[str, ...]
    before_objects: frozenset[str]
    exchange_phrases: tuple[str, ...]
    sources: SourceLexicon


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Issue cues: single lemmas and multi-word phrases, each with an issue and a weight."""

    #: lower-case lemma or word -> (issue, weight); the strongest cue wins per word.
    words: dict[str, tuple[str, int]]
    #: lower-case multi-word phrase -> (issue, weight).
    phrases: dict[str, tuple[str, int]]
    definitions: dict[str, str]


@functools.cache
def _stances_data() -> dict[str, Any]:
    return _load("stances.yaml")


def _named(name: str) -> Any:
    lists = _stances_data().get("lists") or {}
    if name not in lists:
        raise KeyError(f"stances.yaml: no list {name!r} under 'lists'")
    return lists[name]


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """A named word list from ``stances.yaml`` (``lists:`` section), lower-cased."""
    return _words(_named(name))


@functools.cache
def phrase_list(name: str) -> tuple[str, ...]:
    """A named phrase list from ``stances.yaml``, lower-cased, in file order."""
    return tuple(_words_in_order(_named(name)))


@functools.cache
def word_map(name: str) -> dict[str, str]:
    """A named ``label: [words]`` table from ``stances.yaml``, as word -> label."""
    out: dict[str, str] = {}
    for label, words in (_named(name) or {}).items():
        for w in _words_in_order(words):
            out.setdefault(w, str(label))
    return out


@functools.cache
def named_table(name: str) -> dict[str, dict[str, frozenset[str]]]:
    """A named ``label: {word: [words]}`` table from ``stances.yaml``, lower-cased."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for label, entries in (_named(name) or {}).items():
        out[str(label)] = {str(w).lower(): _words(v) for w, v in (entries or {}).items()}
    return out


@functools.cache
def kinds_map(name: str) -> dict[str, tuple[str, ...]]:
    """A named ``word: [kinds]`` table from ``stances.yaml``; every kind must be a known one."""
    out: dict[str, tuple[str, ...]] = {}
    for word, kinds in (_named(name) or {}).items():
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise ValueError(f"stances.yaml: {name}.{word}: unknown kinds {bad!r}")
        out[str(word).lower()] = tuple(kinds)
    return out


@functools.cache
def stance_lexicon() -> StanceLexicon:
    """The stance lexicon (cached per process)."""
    data = _stances_data()
    verbs: dict[str, str] = {}
    for kind, words in data["verbs"].items():
        if kind not in KINDS:
            raise ValueError(f"stances.yaml: unknown kind {kind!r}")
        for w in _words(words):
            verbs.setdefault(w, kind)
    nouns: dict[str, str] = {}
    for kind, words in data["nouns"].items():
        if kind not in KINDS:
            raise ValueError(f"stances.yaml: unknown kind {kind!r}")
        for w in _words(words):
            nouns.setdefault(w, kind)
    return StanceLexicon(
        verbs=verbs,
        particles={k: _words(v) for k, v in (data.get("particles") or {}).items()},
        blocking_particles={
            k: _words(v) for k, v in (data.get("blocking_particles") or {}).items()
        },
        nouns=nouns,
        nouns_need_holder=_words(data.get("nouns_need_holder")),
        nouns_need_complement=_words(data.get("nouns_need_complement")),
        willingness=_words(data.get("willingness")),
        unwillingness=_words(data.get("unwillingness")),
        concessions=_words(data.get("concessions")),
        retentions=_words(data.get("retentions")),
        hostile=_words(data.get("hostile")),
        cooperative=_words(data.get("cooperative")),
        threat_actions=_words(data.get("threat_actions")),
        reporting=_words(data.get("reporting")),
        dual_use=_words(data.get("dual_use")),
        carriers=_words(data.get("carriers")),
        denial_verbs=_words(data.get("denial_verbs")),
        report_nouns=_words(data.get("report_nouns")),
        hedge_lemmas=_words(data["hedges"]["lemmas"]),
        hedge_phrases=tuple(p.lower() for p in data["hedges"]["phrases"]),
        negations=_words(data["negations"]["lemmas"]),
        condition_marks=_words(data["conditions"]["marks"]),
        condition_phrases=tuple(p.lower() for p in data["conditions"]["phrases"]),
        before_objects=_words(data["conditions"]["before_objects"]),
        exchange_phrases=tuple(p.lower() for p in data["exchange"]["phrases"]),
        sources=SourceLexicon(
            reporting=_words(data.get("reporting")),
            anonymous_heads=_words(data.get("anonymous_heads")),
            media=frozenset(str(m) for m in data.get("media") or []),
        ),
    )


@functools.cache
def taxonomy() -> Taxonomy:
    """The issue taxonomy's cues (cached per process)."""
    data = _load("taxonomy.yaml")
    words: dict[str, tuple[str, int]] = {}
    phrases: dict[str, tuple[str, int]] = {}
    definitions: dict[str, str] = {}
    for issue, spec in data["issues"].items():
        if issue not in ISSUES:
            raise ValueError(f"taxonomy.yaml: unknown issue {issue!r}")
        definitions[issue] = " ".join(str(spec.get("definition", "")).split())
        for weight, cues in (spec.get("cues") or {}).items():
            for cue in cues or []:
                cue = " ".join(str(cue).lower().split())
                table = phrases if " " in cue else words
                old = table.get(cue)
                if old is None or old[1] < int(weight):
                    table[cue] = (issue, int(weight))
    missing = set(ISSUES) - set(definitions)
    if missing:
        raise ValueError(f"taxonomy.yaml: issues without an entry: {sorted(missing)}")
    return Taxonomy(words=words, phrases=phrases, definitions=definitions)


def third_person(verb: str) -> str:
    """ "reject" -> "rejects", "press" -> "presses", "deny" -> "denies"."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"
