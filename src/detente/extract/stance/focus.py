"""Stances put in focus: clefts, "what is on the table", verdicts held "to" a party and
stance nouns that announce a list.

* a cleft on a giving or keeping verb: "the one thing the group will never give up is its
  weapons" (a refusal of what it keeps), "the only thing we will hand over is the crossing"
  (an offer); a cleft on a stance verb ("All we ask is a ceasefire") is read by
  ``frames.cleft_content``;
* what is on the table: "what is on the table is a ceasefire along the front line" (an offer
  of the speaker; "what is not on the table" refuses);
* options kept on the table: "all options remain on the table if Tehran enriches to weapons
  grade", "military action is always on the table", "nothing is off the table should the
  North test another bomb", "has not taken the military option off the table" (a threat of the
  speaker, about what the condition or the option names);
* a plan that does or does not suit a party: "the European plan does not suit us", "the
  counterproposal does not work for Ankara" (a rejection held by the party; "suits Kyiv"
  accepts);
* a predicative verdict with its holder: "any foreign presence is not acceptable to Baku",
  "a freeze is unacceptable to Kyiv" (a rejection held by the party it is unacceptable to);
* a stance noun that announces a list: "the group's terms were simple: …", "came with a
  clear mandate: …", "The M23's terms: …" (the items are read by stance/inline.py).

Words are data in ``knowledge/stances.yaml`` (``lists:`` cleft_heads, focus_verdicts,
list_nouns, option_nouns, force_nouns, force_words).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import stance_lexicon, word_list, word_map
from detente.extract.stance.lexis import _PLAN_NOUNS
from detente.extract.stance.model import Trigger

_CLEFT_HEADS = word_list("cleft_heads")
_VERDICTS = word_map("focus_verdicts")
_LIST_NOUNS = word_map("list_nouns")
#: What is kept "on the table" as a menace ("all options", "military action", "nothing … off").
_OPTIONS = word_list("option_nouns")
#: Of those, the ones that are force by themselves ("force", "strikes").
_FORCE_NOUNS = word_list("force_nouns")
_FORCE_WORDS = word_list("force_words")
_PENALTIES = word_list("tabled_penalties")
#: Verbs that keep an option on the table or take it off ("keeps all options on the table").
_KEEPING = frozenset({"keep", "leave", "take", "put"})
_COPULAS = frozenset({"be", "remain"})
#: Entity types of a party a verdict can be held by.
_PARTIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_PARTY_PRONOUNS = frozenset({"us", "them", "him", "her", "me"})
_SEPARATORS = frozenset({":", "--", "–", "—", "-"})

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|cleftgive": [[{"LEMMA": {"IN": sorted(_CLEFT_HEADS)}, "DEP": "nsubj"}]],
    "FRAME|ontable": [[{"LOWER": "on"}, {"LOWER": "the"}, {"LOWER": "table"}]],
    "FRAME|offtable": [[{"LOWER": "off"}, {"LOWER": "the"}, {"LOWER": "table"}]],
    "FRAME|heldverdict": [[{"LOWER": {"IN": sorted(_VERDICTS)}, "DEP": "acomp"}]],
    "FRAME|suits": [[{"LEMMA": {"IN": ["suit", "work"]}, "POS": "VERB"}]],
    "FRAME|listnoun": [[{"LEMMA": {"IN": sorted(_LIST_NOUNS)}, "POS": "NOUN"}]],
}


def _copula_attr(copula: Token, subject: Token) -> list[Token]:
    return [
        c
        for c in copula.children
        if c.i != subject.i and c.dep_ in ("attr", "ccomp", "acomp", "xcomp", "oprd")
    ]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in tok.children)


def cleft_give_trigger(head: Token) -> Trigger | None:
    """ "the one thing the group will never give up is its weapons": a giving verb in a
    relative clause on the copula's subject; what the copula names is kept (negated: a
    refusal) or given (an offer); a keeping verb claims it."""
    copula = head.head
    if copula.lemma_.lower() not in _COPULAS:
        return None
    lex = stance_lexicon()
    verb = next((c for c in head.children if c.dep_ == "relcl" and c.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() in lex.verbs:
        return None  # "All we ask is …": a stance verb, read by frames.cleft_content
    content = _copula_attr(copula, head)
    if not content:
        return None
    lemma = verb.lemma_.lower()
    if lemma in lex.retentions:
        kind = "reject" if _negated(verb) else "demand"
    elif lemma in lex.concessions:
        kind = "reject" if _negated(verb) else "offer"
    else:
        return None
    return Trigger(verb, kind, "frame", content=content, fixed=True)


def on_table_trigger(on: Token) -> Trigger | None:
    """ "what is on the table is a ceasefire": the copula's complement is offered by whoever
    says so ("what is not on the table is …" refuses it); "all options are on the table if …"
    is a threat (:func:`table_threat`)."""
    be = on.head
    if be.lemma_.lower() not in _COPULAS or be.dep_ != "csubj":
        return table_threat(on)
    if not any(c.dep_ == "nsubj" and c.lower_ == "what" for c in be.children):
        return None
    main = be.head
    if main.lemma_.lower() not in _COPULAS:
        return None
    content = _copula_attr(main, be)
    if not content:
        return None
    kind = "reject" if _negated(be) or _negated(main) else "offer"
    return Trigger(main, kind, "frame", content=content, fixed=True)


def table_threat(prep: Token) -> Trigger | None:
    """ "All options remain on the table if Tehran enriches …", "military action against Iran is
    always on the table", "nothing is off the table", "has not taken the military option off the
    table": options of force kept open, the speaker's threat.  The options must be force by
    their words ("military action", "force") or stand beside a condition or a word of force in
    the sentence: "everything is on the table in these talks" offers to negotiate, no threat.
    The threat is about what its condition names, else what the options name."""
    if prep.lower_ not in ("on", "off"):
        return None
    head = prep.head
    if head.lemma_.lower() in _OPTIONS and head.dep_ in ("dobj", "nsubj"):
        head = head.head  # "keeping all its options on the table", parsed on the noun
    lemma = head.lemma_.lower()
    if lemma in _COPULAS or lemma == "stay":
        deps: tuple[str, ...] = ("nsubj", "nsubjpass")
    elif lemma in _KEEPING and head.pos_ == "VERB":
        deps = ("dobj",)
    else:
        return None
    options = next((c for c in head.children if c.dep_ in deps), None)
    if options is None or options.lemma_.lower() not in _OPTIONS:
        return None
    negated = _negated(head)
    if prep.lower_ == "off":
        # "nothing is off the table", "has not taken the option off the table"
        kept = options.lower_ == "nothing" or (negated and lemma != "put")
    else:
        kept = not negated and options.lower_ != "nothing" and lemma != "take"
    if not kept:
        return None
    condition = _menace_condition(head)
    if options.lemma_.lower() in _PENALTIES:
        # "further sanctions remain on the table if …": a threat of the penalty itself
        return Trigger(head, "threaten", "frame", content=[options], fixed=True)
    forceful = options.lemma_.lower() in _FORCE_NOUNS or any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("military", "armed")
        for c in options.children
    )
    if condition is None and not forceful:
        sent = {t.lower_ for t in head.sent} | {t.lemma_.lower() for t in head.sent}
        if not sent & (_FORCE_WORDS | _FORCE_NOUNS):
            return None
    content = [condition] if condition is not None else [options]
    return Trigger(head, "threaten", "frame", content=content, fixed=True)


def _menace_condition(head: Token) -> Token | None:
    """The clause a kept option waits on: "if/unless/should …" after or before it (the parser
    hangs an inverted "should the inspectors return" as a complement)."""
    for c in head.children:
        if c.dep_ not in ("advcl", "ccomp") or c.i < head.i and c.dep_ == "ccomp":
            continue
        marks = [m for m in c.children if m.dep_ in ("mark", "aux") and m.i < c.i]
        if any(m.lower_ in ("if", "unless", "should", "were", "once") for m in marks) and (
            c.dep_ == "advcl" or c.left_edge.lower_ in ("should", "were")
        ):
            return c
    return None


def suits_trigger(verb: Token) -> Trigger | None:
    """ "The European plan does not suit us", "the counterproposal does not work for Ankara":
    a plan judged by the party it suits or not (only a plan, a text or terms as subject; "work"
    only with the party after "for")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _PLAN_NOUNS:
        return None
    if _suited(verb) is None:
        return None
    return Trigger(verb, "reject" if _negated(verb) else "accept", "frame", [subj], fixed=True)


def _suited(verb: Token) -> Token | None:
    """The party a plan suits ("suit us") or works for ("work for Ankara")."""
    if verb.lemma_.lower() == "suit":
        cands = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        cands = [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return next((c for c in cands if c.ent_type_ in _PARTIES or c.lower_ in _PARTY_PRONOUNS), None)


def held_verdict_trigger(adj: Token) -> Trigger | None:
    """ "any foreign presence is not acceptable to Baku": a verdict on the copula's subject
    held by the party it is (un)acceptable to."""
    copula = adj.head
    if copula.lemma_.lower() not in _COPULAS or _holder(adj) is None:
        return None
    subj = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("what", "this", "that"):
        return None
    kind = _VERDICTS[adj.lower_]
    if _negated(copula) or _negated(adj):
        kind = "reject" if kind == "accept" else "accept"
    return Trigger(adj, kind, "frame", content=[subj], fixed=True)


def _separator(tok: Token) -> bool:
    """A colon or dash that opens a list; not the hyphen inside "self-determination"."""
    if tok.text == "-":
        return bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in _SEPARATORS


def list_noun_trigger(noun: Token) -> Trigger | None:
    """ "the group's terms were simple: …", "came with a clear mandate: …": a stance noun
    followed in its clause by a colon or dash that opens the list of what it holds."""
    doc = noun.doc
    end = min(len(doc), noun.i + 8)
    sep = next((k for k in range(noun.i + 1, end) if _separator(doc[k])), None)
    if sep is None:
        return None
    if not _possessed(noun) and _with_subject(noun) is None:
        return None
    own = {t.i for t in noun.subtree}
    if noun.lemma_.lower() in stance_lexicon().nouns and all(k in own for k in range(noun.i, sep)):
        return None  # "presented its conditions: …": the stance noun reads its own list
    return Trigger(noun, _LIST_NOUNS[noun.lemma_.lower()], "frame")


def focus_holder(trig: Trigger) -> list[Token] | None:
    """Who holds a stance of this module, when it is not the usual frame holder: the party a
    verdict is held by, the thing offered (so the speaker holds it), or the subject of a
    clause that comes with a list noun; None for other triggers."""
    tok = trig.token
    if trig.cls == "frame" and tok.lemma_.lower() in ("suit", "work"):
        party = _suited(tok)
        return [party] if party is not None else None
    if tok.pos_ == "ADJ" and tok.lower_ in _VERDICTS:
        held = _holder(tok)
        return [held] if held is not None else None
    if tok.lemma_.lower() in _COPULAS and any(c.dep_ == "csubj" for c in tok.children):
        return trig.content[:1] or None  # a thing: the speaker holds it
    if trig.kind == "threaten" and tok.lemma_.lower() in (*_COPULAS, "stay"):
        # "nothing is off the table": a thing kept open, so the speaker holds it (not "nothing")
        table = [p for c in tok.children if c.lower_ in ("on", "off") for p in c.children]
        return table[:1] or None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in _LIST_NOUNS and not _possessed(tok):
        subj = _with_subject(tok)
        return [subj] if subj is not None else None
    return None


def _holder(adj: Token) -> Token | None:
    """The party after "to"/"for" of a verdict adjective ("acceptable to Baku")."""
    for c in adj.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for"):
            for p in c.children:
                if p.dep_ == "pobj" and (p.ent_type_ in _PARTIES or p.lower_ in _PARTY_PRONOUNS):
                    return p
    return None


def _possessed(noun: Token) -> bool:
    return any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in _PARTIES)
        for c in noun.children
    )


def _with_subject(noun: Token) -> Token | None:
    """ "his team has come with a clear mandate": the subject of the verb the noun comes with."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ != "VERB":
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)


#: Frame readers of this module, by the part of the label after "FRAME|".
FRAME_TRIGGERS = {
    "cleftgive": cleft_give_trigger,
    "ontable": on_table_trigger,
    "offtable": table_threat,
    "heldverdict": held_verdict_trigger,
    "suits": suits_trigger,
    "listnoun": list_noun_trigger,
}
