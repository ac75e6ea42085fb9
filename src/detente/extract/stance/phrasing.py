"""Stances voiced by a phrase rather than a single trigger word.

Reporting names a stance with verb phrases ("pushed back on the plan", "left the door open to
talks", "held out the prospect of membership", "shot down the idea"), with adjectives and the
preposition that says what they are about ("remained cool to the proposal", "is sceptical of
the offer", "supportive of the roadmap") and with verdict nouns after a judging verb ("called
the truce offer a ploy", "described the plan as a non-starter"). The phrases are data
(``phrasals``, ``adjective_stances`` and ``judgement_nouns`` under ``lists:`` in
``knowledge/stances.yaml``); this module turns them into matcher patterns and each match into a
trigger whose content is what the phrase is about.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from detente.extract.lexicon import named_table, stance_lexicon, word_list, word_map
from detente.extract.stance.lexis import (
    _IDIOMS,
    _JUDGED,
    _PLACEHOLDERS,
    _PLAN_NOUNS,
    _REFERRING,
    _TALKS,
)
from detente.extract.stance.model import Trigger
from detente.extract.stance.offenders import designated
from detente.extract.stance.predicates import _JUDGING, agent_judgement, passive

#: "~" in a phrase: an optional article, possessive or demonstrative.
_DET: dict[str, Any] = {
    "LOWER": {
        "IN": ["the", "a", "an", "its", "their", "his", "her", "our", "my", "this", "that", "any"]
    },
    "OP": "?",
}
#: "_" in a phrase: a party or a step, words up to the next verb, conjunction or punctuation
#: ("make Hezbollah pay", "tied sanctions relief to …", "made the withdrawal of M23 a
#: precondition for …"); one repeated token, not a chain of optional ones, keeps the matcher
#: from branching.
_PARTY_WORDS: list[dict[str, Any]] = [
    {"IS_PUNCT": False, "POS": {"NOT_IN": ["VERB", "AUX", "SCONJ", "CCONJ"]}, "OP": "+"}
]
#: Verbs that pass a verdict through "as" ("described the plan as a sham").
_AS_JUDGING = frozenset({"describe", "brand", "characterise", "characterize", "portray", "label"})
#: Pronouns that stand in for a clause, not for what is judged.
_DUMMY = frozenset({"it", "this", "that"})
#: Verbs under which a menacing phrase is the threat itself ("vowed to make them pay").
_MENACING = frozenset({"vow", "promise", "pledge", "threaten", "warn", "swear"})
#: Verbs that pass a verdict on their subject ("would amount to theft", "constitutes a ploy").
_AMOUNT = frozenset({"amount", "constitute", "represent", "be"})
_RETRACTING = word_list("retracting_verbs")
#: What a side calls "the only (realistic) option" it demands ("the only way forward is …").
_SOLE_OPTIONS = word_list("sole_options")
#: Acts judged as such ("any use of its assets would amount to theft").
_ACTS = frozenset({"use", "seizure", "confiscation", "move", "step", "decision", "attempt"})


def _phrase_pattern(rest: list[str], first: str) -> list[dict[str, Any]]:
    # Every pattern's first token is tried on every token: a plain lemma (an attribute test,
    # not a set predicate) keeps that cheap; the part of speech is checked when the match is
    # read (phrasing_trigger).
    pattern: list[dict[str, Any]] = [
        {"LEMMA": first},
        {"POS": {"IN": ["ADV", "PART"]}, "OP": "?"},
    ]
    for word in rest:
        if word == "~":
            pattern.append(_DET)
        elif word == "_":
            pattern.extend(_PARTY_WORDS)
        elif word == "*":
            pattern.append({"POS": "ADJ", "OP": "?"})
        else:
            pattern.append({"LOWER": {"IN": word.split("|")}})
    return pattern


@functools.cache
def _phrasal_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Matcher label -> patterns for the ``phrasals`` table: ``IDIOM|kind`` or, for phrases
    whose object must be a plan, ``IDIOM|kind|plan``."""
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for i, (phrase, kind) in enumerate(word_map("phrasals").items()):
        words, marks = phrase.split(), ""
        while words[-1].startswith("+"):
            marks = "|" + words.pop()[1:] + marks
        out[f"IDIOM|{kind}{marks}|@{i}"] = [
            _phrase_pattern(words[1:], verb) for verb in words[0].split("|")
        ]
    return out


@functools.cache
def _first_verbs() -> tuple[frozenset[str], ...]:
    """The verb lemmas each phrasal may start with, by the phrase's position in the table."""
    return tuple(frozenset(phrase.split()[0].split("|")) for phrase in word_map("phrasals"))


@functools.cache
def _adjective_table() -> dict[str, tuple[str, frozenset[str]]]:
    """Adjective -> (kind, prepositions that name what it is about)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for kind, adjectives in named_table("adjective_stances").items():
        for adj, preps in adjectives.items():
            out.setdefault(adj, (kind, preps))
    return out


@functools.cache
def _verdict_nouns() -> dict[str, str]:
    return word_map("judgement_nouns")


def add_patterns(matcher: Matcher) -> None:
    """Register the idiom, phrasal, adjective and verdict-noun patterns on *matcher*."""
    labels: dict[str, list[list[dict[str, Any]]]] = {}
    for kind, patterns in _IDIOMS.items():
        labels.setdefault(f"IDIOM|{kind}", []).extend(patterns)
    for label, patterns in _phrasal_patterns().items():
        labels.setdefault(label, []).extend(patterns)
    for label, patterns in labels.items():
        matcher.add(label, patterns)
    by_kind: dict[str, list[str]] = {}
    for adj, (kind, _preps) in _adjective_table().items():
        by_kind.setdefault(kind, []).append(adj)
    for kind, adjectives in by_kind.items():
        matcher.add(f"ADJPREP|{kind}", [[{"LOWER": {"IN": sorted(adjectives)}, "POS": "ADJ"}]])
    verdicts: dict[str, list[list[dict[str, Any]]]] = {}
    single: dict[str, list[str]] = {}
    for phrase, kind in _verdict_nouns().items():
        words = phrase.replace("-", " - ").split()  # "non-starter" is three tokens
        if len(words) == 1:
            single.setdefault(kind, []).append(words[0])  # one set test per kind
        else:
            verdicts.setdefault(f"VERDICT|{kind}", []).append([{"LOWER": w} for w in words])
    for kind, words in single.items():
        verdicts.setdefault(f"VERDICT|{kind}", []).append([{"LOWER": {"IN": sorted(words)}}])
    # "the only realistic option", "the only viable way": a sole option, whatever adjectives
    verdicts.setdefault("VERDICT|demand", []).append(
        [
            {"LOWER": "only"},
            {"POS": "ADJ", "OP": "+"},
            {"LOWER": {"IN": sorted(_SOLE_OPTIONS)}},
        ]
    )
    for label, patterns in verdicts.items():
        matcher.add(label, patterns)


@functools.cache
def _plan_like() -> frozenset[str]:
    """Objects that make "shot down / walked back X" a stance: plans, offers, ideas, talks."""
    return (
        _JUDGED
        | _PLAN_NOUNS
        | _PLACEHOLDERS
        | _TALKS
        | frozenset(_REFERRING)
        | frozenset(stance_lexicon().nouns)
        | word_list("deal_objects")
        | word_list("step_nouns")
    )


def _refusing(tok: Token) -> bool:
    """Is *tok* a verb of refusal ("refuse", "reject", "rule out")?"""
    return tok.pos_ == "VERB" and stance_lexicon().verbs.get(tok.lemma_.lower()) == "reject"


def phrasing_trigger(label: str, verb: Token, last: Token) -> Trigger | None:
    """The trigger of an ``IDIOM|…`` or ``ADJPREP|…`` match starting at *verb* and ending at
    *last*, with what the phrase is about as its content; ``None`` when the parse does not
    bear the phrase out."""
    parts = label.split("|")
    kind, marks = parts[1], parts[2:]
    if parts[0] == "ADJPREP":
        return _adjective_trigger(verb, kind)
    if (
        marks
        and marks[-1].startswith("@")
        and verb.lemma_.lower() not in _first_verbs()[int(marks[-1][1:])]
    ):
        return None  # another phrasal's verb before these words
    if verb.pos_ != "VERB" and not (verb.lemma_ == "be" and verb.pos_ == "AUX"):
        return None
    if "neg" in marks and not any(c.dep_ == "neg" for c in verb.children):
        return None  # "was drawn into the war" is no refusal; "will not be drawn into" is
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "made disarmament contingent on …": the object may be the subject of a small clause
    objects += [
        g
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp", "oprd")
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    if "plan" in marks and not any(
        t.lemma_.lower() in _plan_like() for c in objects for t in c.subtree
    ):
        return None  # "shot down a drone", "linked the attack to …"
    content: list[Token]
    if "object" in marks:
        content = objects  # "made the withdrawal of M23 a precondition for talks"
    elif "subject" in marks:
        # "the offer is not worth considering": a verdict on the subject, held by whoever says
        # so; the verdict class reads the copula's subject from the word under it
        word = last
        while word.head.i not in (verb.i, word.i):
            word = word.head
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        return Trigger(word, kind, "verdict") if subject and word.i != verb.i else None
    elif last.dep_ == "prt" or (
        last.pos_ in ("ADP", "ADV")
        and last.dep_ not in ("prep", "agent", "dative")
        and not any(c.dep_ in ("pobj", "pcomp") for c in last.children)
    ):
        content = objects  # "shot down the proposal", "walked back its offer"
    elif last.pos_ == "ADP" or last.dep_ in ("prep", "agent", "dative", "aux"):
        # "pushed back on the plan", "left the door open to talks": the preposition's object
        objs = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
        if not objs and last.dep_ == "aux":
            objs = [last.head]  # "reserves the right to respond"
        if objs and objs[0].pos_ == "PROPN":
            # "conditional on Taipei accepting …": the act the parser hung on the verb
            objs += [
                c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > last.i
            ]
        content = objs or [last]
    else:
        # "vowed revenge for the strike", "take resolute measures to safeguard its sovereignty",
        # "make Hezbollah pay": what the phrase's last word is for, else that word
        content = [c for c in last.children if c.dep_ in ("acl", "relcl")] or [
            p for c in last.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        if not content and last.head.i == verb.i:
            # "set conditions for a new truce", with the "for" hung on the verb
            content = [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.i > last.i
                for p in c.children
                if p.dep_ == "pobj"
            ]
        content = content or [last]
        if last.pos_ == "VERB" and last.head.lower_ == "nothing":
            content = [last.head]  # "has nothing to discuss with Seoul": the talks themselves
    if not content:
        return None
    if kind == "threaten" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _MENACING:
        verb = verb.head  # "vowed to make Hezbollah pay": the vow is the threat
    if kind == "reject" and len(content) == 1 and _refusing(content[0]):
        kind = "accept"  # "sees no reason to refuse talks": a refusal refused
    trig = Trigger(verb, kind, "idiom")
    trig.content = content
    if kind == "support":
        # "spoke in favour of the plan" accepts it; "… of an immediate cessation of
        # hostilities" calls for it
        deal = any(
            o.lemma_.lower() in _PLAN_NOUNS or o.lemma_.lower() in _REFERRING for o in content
        )
        trig.kind = "accept" if deal else "demand"
    return trig


def _adjective_trigger(adj: Token, kind: str) -> Trigger | None:
    """ "Ankara remained cool to the idea": a stance only with a preposition the table lists."""
    entry = _adjective_table().get(adj.lower_)
    if entry is None:
        return None
    preps = entry[1]
    if not any(c.dep_ in ("prep", "agent") and c.lower_ in preps for c in adj.children):
        return None
    if adj.dep_ not in ("acomp", "oprd", "xcomp", "ROOT", "conj", "advcl", "ccomp"):
        return None  # "a cool reception to …" names a reaction, not who holds it
    return Trigger(adj, kind, "adj")


def verdict_trigger(label: str, span: Span) -> Trigger | None:
    """ "called the truce offer a ploy", "described the plan as a sham": the judging verb's
    subject passes a verdict on its object."""
    noun = span[-1]
    kind = label.split("|")[1]
    if noun.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return None
    verb: Token | None = None
    head = noun.head
    if noun.dep_ in ("oprd", "attr", "xcomp", "ccomp", "dobj") and head.lemma_.lower() in _JUDGING:
        verb = head
    elif (
        noun.dep_ == "pobj"
        and head.lower_ == "as"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in _JUDGING | _AS_JUDGING
    ):
        verb = head.head
    elif (
        kind == "demand"
        and noun.dep_ == "nsubj"
        and head.lemma_ == "be"
        and any(c.lower_ == "only" for c in noun.children)
        and any(c.dep_ == "attr" for c in head.children)
    ):
        # "the only way forward is a two-state solution": the speaker's demand is the attribute
        return Trigger(head, "demand", "mustbe")
    elif noun.dep_ in ("attr", "acomp", "dobj", "pobj") and (
        head.lemma_.lower() in _AMOUNT or (head.lower_ == "to" and head.head.lemma_ == "amount")
    ):
        # "any use of its assets would amount to theft", "the offer is a ploy", "the crossing
        # is a red line": a verdict on the copula's subject, held by whoever says so
        verb = head.head if head.lower_ == "to" else head
        if kind == "threaten" and designated(verb) is not None:
            return None  # "every ship serving the enemy will be a target": offenders.py
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in _DUMMY or subj.pos_ in ("PRON", "PROPN"):
            return None
        if kind in ("reject", "accept") and not judged_thing(subj):
            return None  # "the report is a fiction": only plans and steps are judged
        if kind == "demand" and any(
            c.dep_ == "det" and c.lower_ in ("any", "every") for c in subj.children
        ):
            kind = "reject"  # "any push of Gazans into Sinai is a red line": the act is refused
        if kind in ("accept", "reject", "demand") and any(c.dep_ == "neg" for c in verb.children):
            # "the plan cannot be a solution": the copula class ignores negation, so the
            # verdict is turned here
            kind = {"accept": "reject", "reject": "accept", "demand": "reject"}[kind]
        # the copula class takes the subject of the token's head as content
        return Trigger(head if head.lower_ == "to" else noun, kind, "copula")
    if verb is None or verb.pos_ != "VERB" or (kind == "threaten" and designated(verb)):
        return None  # an announced designation is a warning (offenders.py), not a verdict
    if passive(verb):
        return agent_judgement(verb, kind)  # "was called a sham", "described by X as …"
    content = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "oprd", "ccomp")
        and c.i != noun.i
        and c.pos_ in ("NOUN", "PROPN")
        and c.lower_ not in _DUMMY
    ]
    content += [c for c in noun.children if c.dep_ == "nsubj" and c.lower_ not in _DUMMY]
    if not content:
        return None
    return Trigger(verb, kind, "judge", content=sorted(content, key=lambda t: t.i))


def judged_thing(noun: Token) -> bool:
    """A plan, offer or step, or the use of one ("any use of its assets"): what is judged."""
    if noun.lemma_.lower() in _plan_like() | _ACTS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lemma_.lower() in _plan_like() for p in c.children)
        for c in noun.children
    )


def retracted(noun: Token) -> bool:
    """ "withdrew its support for the plan", "revoked the offer": a stance noun taken back."""
    return (
        noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.lemma_.lower() in _RETRACTING
        and noun.head.pos_ == "VERB"
    )


#: Plan and offer nouns whose complement says what they are about ("the offer of a truce").
_WRAPPING = frozenset({"offer", "proposal", "plan", "idea", "initiative", "suggestion"})


def wrapped_plan(noun: Token) -> bool:
    """ "the Russian offer of a ceasefire", "the plan for a monitoring mission", "its plan to
    disarm the militias": a plan or offer noun with a complement naming its substance."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _WRAPPING
        and any(
            c.dep_ == "prep"
            and c.lower_ in ("of", "for", "on")
            and any(p.dep_ in ("pobj", "pcomp") for p in c.children)
            for c in noun.children
        )
    ) or planned_act(noun) is not None


def planned_act(noun: Token) -> Token | None:
    """The infinitive a plan or offer noun names as its substance ("its plan to disarm the
    militias", "an offer to withdraw"), or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _WRAPPING:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "acl" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )
