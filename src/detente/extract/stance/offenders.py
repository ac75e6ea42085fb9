"""Penalties announced for whoever does something: a threat with no threat verb.

Statements of ministries and armed forces often warn a generic offender rather than a named
party: "whoever dares to interfere will be dealt a crushing blow", "anyone who violates our
waters will pay a heavy price", "any country that lends its airspace will face the
consequences", "those who cross the line will be held accountable". The speaker threatens; what
the offender would do (the conduct) says what the threat is about. Only an announced penalty
counts (a modal "will / would / shall", or "has chosen war"), never a report of one that fell.
Word lists are data in ``knowledge/stances.yaml`` (``lists:`` offender_words,
offender_penalties, drawn_penalties, with drawing_verbs and response_nouns).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list

#: Pronouns that name a generic offender ("whoever", "anyone who …", "those who …").
OFFENDER_WORDS = word_list("offender_words")
#: Verbs whose passive is a penalty ("will be dealt a blow", "will be held accountable").
_PASSIVE_PENALTIES = word_list("offender_penalties") | word_list("answering_verbs")
#: What an offender draws or pays ("will face the consequences", "will pay a heavy price").
_DRAWN = word_list("drawn_penalties") | word_list("response_nouns")
_DRAWING = word_list("drawing_verbs") | {"pay", "suffer", "bear"}
_MODALS = frozenset({"will", "would", "shall", "'ll"})
#: Passives that lay a penalty open to an offender ("will be exposed / subject to sanctions").
_EXPOSING = frozenset({"expose", "subject", "liable"})
#: Penalty verbs that mark a sentence for a generic offender without "any" or "whoever"
#: ("companies that take part will face sanctions", "firms that invest will be barred").
PENALTY_MARKS = frozenset({"face", "pay", "suffer", "incur"}) | word_list("offender_penalties")
#: Verbs whose subject a designation describes ("would become / will be a target").
_COPULAS = frozenset({"become", "be"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
#: Determiners that make a noun a generic offender when a clause says what it does.
_GENERIC_DETS = frozenset({"any", "every"})
#: Acts that a generic determiner makes an offence ("any violation", "every incursion").
_OFFENCES = word_list("offence_nouns")
_REGARDING = word_list("regarding_verbs")
#: Verbs that designate a target ("will be considered / treated as", "would become").
_DESIGNATING = word_list("regarding_verbs") | {"become", "be", "declare", "brand", "label"}
#: What a designation makes of something: a target ("legitimate target", "fair game").
_TARGETS = frozenset({"target", "game"})
#: ... and, announced only, an enemy ("anyone left outside the accord will be regarded as an
#: enemy"); a standing "regards X as an enemy" is a view, not a warning.
_ANNOUNCED_TARGETS = _TARGETS | {"enemy"}
#: Forces whose designation as targets warns against their deployment.
_FORCES = word_list("troops") | {"unit", "formation", "contingent", "peacekeeper"}
#: Conduct that intrudes on a space ("entering its waters", "crossing the line").
_INTRUDING = frozenset({"enter", "cross", "violate", "intrude", "penetrate", "step", "approach"})
_SPACES = frozenset({"water", "waters", "airspace", "territory", "line", "border", "zone", "soil"})


def offender(verb: Token) -> Token | None:
    """The generic offender a penalty verb *verb* is announced for, or ``None``."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return None
    if not _announced(verb) or not _penalty(verb):
        return None
    for c in verb.children:
        if c.dep_ in _SUBJECTS and (who := _generic(c)) is not None:
            return who
    # "any country that allows … will face consequences", with the penalty hung under the
    # relative clause by the parser
    up = verb.head
    if verb.dep_ in ("ccomp", "conj") and up.dep_ == "relcl" and up.i < verb.i:
        return _generic(up.head)
    return None


def _generic(tok: Token) -> Token | None:
    if tok.lower_ in OFFENDER_WORDS:
        return tok  # "whoever", "anyone who …"
    if tok.dep_ in ("csubj", "csubjpass"):
        # "whoever dares to interfere … will be dealt": the clause holds the pronoun
        who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if who is None:
            return None
        generic = who.lower_ in OFFENDER_WORDS or any(
            c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in who.children
        )  # "any vessel entering its waters … would be dealt with", parsed as a clause
        return tok if generic else None
    generic = any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in tok.children)
    # "companies that take part in it", "vessels that enter the zone": a bare plural that a
    # relative clause defines by what it does is as generic as "any company that …"
    bare_plural = tok.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in tok.children
    )
    if (generic or bare_plural) and any(c.dep_ in ("relcl", "acl") for c in tok.children):
        return tok  # "any vessel that enters …", "any party violating …"
    if generic and tok.lemma_.lower() in _OFFENCES:
        return tok  # "any violation of its airspace would be answered"
    return None


def _announced(verb: Token) -> bool:
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return True
    # "whoever flies a drone over our lines has chosen war"
    return (
        verb.lemma_.lower() == "choose"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "war" for c in kids)
    )


def _penalty(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma == "choose":
        return True
    if any(c.dep_ == "auxpass" for c in kids):
        if lemma in _EXPOSING:
            # "companies that fail to comply will be exposed to the sanctions of the law"
            return any(
                c.dep_ == "prep" and c.lower_ == "to" and p.lemma_.lower() in _DRAWN
                for c in kids
                for p in c.children
                if p.dep_ == "pobj"
            )
        return lemma in _PASSIVE_PENALTIES
    if lemma == "regret":
        return True  # "anyone who tries will regret it"
    return lemma in _DRAWING and any(c.dep_ == "dobj" and c.lemma_.lower() in _DRAWN for c in kids)


def designated(verb: Token) -> Token | None:
    """What an announced designation makes a target: "such units will be considered
    legitimate targets", "would become fair game", "Moscow will regard any convoy as a
    legitimate target" -- a warning by whoever says so, about the thing designated (an act
    called an act of war is kinds.menacing_verdict)."""
    # "Moscow regards any such troops as legitimate targets": a standing designation counts
    standing = verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in _REGARDING
    announced = _announced(verb)
    if verb.lemma_.lower() not in _DESIGNATING or not (announced or standing):
        return None
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids):
        return None
    said = [
        t
        for c in kids
        if c.dep_ in ("oprd", "attr", "xcomp", "ccomp", "acomp")
        or (c.dep_ == "prep" and c.lower_ == "as")
        for t in c.subtree
    ]
    # "regards any troops deployed after a ceasefire as targets", "would consider any troops
    # in Ukraine legitimate targets": the designation mis-hung under the object
    hung = [
        t
        for c in kids
        if c.dep_ == "dobj"
        for t in c.subtree
        if t.i > c.i and t.lemma_.lower() in _TARGETS and t.dep_ in ("pobj", "conj", "appos")
    ]
    targets = _ANNOUNCED_TARGETS if announced else _TARGETS
    if not any(t.lemma_.lower() in targets for t in said + hung):
        return None
    for c in kids:
        if c.dep_ in ("nsubjpass", "csubjpass") or (
            c.dep_ == "nsubj" and verb.lemma_.lower() in _COPULAS
        ):
            return c
        if c.dep_ == "dobj" and (hung or not any(t.lemma_.lower() in targets for t in c.subtree)):
            return c  # "will consider such units legitimate targets"
    return None


def warned(verb: Token) -> bool:
    """Is *verb* a penalty for a generic offender or an announced designation as a target?"""
    return offender(verb) is not None or designated(verb) is not None


def warned_issue(toks: list[Token]) -> str | None:
    """The issue of a warning (:func:`warned`) given what it warns off, *toks*: "any vessel
    entering its waters without permission will be dealt with" an intrusion (territory);
    "such units would become legitimate targets" the forces' presence, a limit on foreign
    troops (military_limits, as the taxonomy defines it); else None."""
    if any(t.lemma_.lower() in _INTRUDING for t in toks) and any(
        t.ent_type_ in ("GPE", "LOC") or t.lemma_.lower() in _SPACES for t in toks
    ):
        return "territory"  # "any soldier who steps across the line": the intrusion first
    if any(t.lemma_.lower() in _FORCES for t in toks):
        return "military_limits"
    return None
