"""Conditions that carry a demand, in the shapes the subordinators of :mod:`state` miss.

A condition an actor sets is also its demand on the condition's own issue (gold/README.md).
Besides "if", "unless", "provided" and "as long as" (found in :class:`state._DocState`), reports
set conditions with a preposition and with a predicate:

* "there can be no ceasefire without the release of prisoners", "will not sign without
  guarantees": what the refused step lacks;
* "will not sign until the withdrawal of troops", "would return to talks only after the
  reopening of the airport": a prepositional "until" / "only after" / "only upon";
* "any resumption of talks was contingent on / subject to / dependent on the return of …":
  the copula predicate itself is the demand (a frame trigger of its own);
* "the door remains open to talks, the minister said": readiness voiced through the door;
* "the border will remain closed as long as …": a penalty held in place on terms, refused;
* "sanctions relief would follow if …": a reward held out on terms, offered;
* "sanctions will stay in place until the troops leave": a penalty kept on terms, a threat.

Words are data in ``knowledge/stances.yaml`` (``lists:`` contingent_adjectives,
condition_preps, door_nouns, closed_states, reward_nouns).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.holderwords import thing_noun
from detente.extract.stance.lexis import _MODALS as _ANY_MODALS
from detente.extract.stance.model import Trigger

_CONTINGENT = word_list("contingent_adjectives")
#: Prepositions that set a condition on a refused or limited step ("without", "until").
_CONDITION_PREPS = word_list("condition_preps")
_DOOR_NOUNS = word_list("door_nouns")
_CLOSED = word_list("closed_states")
_REWARDS = word_list("reward_nouns")
_PENALTIES = word_list("penalty_nouns")
#: Measures against another side that are kept "until" or "as long as" (besides penalties).
_HELD_MEASURES = _PENALTIES | word_list("held_measures")
_ARMED_MEASURES = frozenset(
    {"defensive", "military", "security", "protective", "defence", "defense"}
)
#: Objects of "in" that keep a measure going ("in place", "in force").
_IN_FORCE = frozenset({"place", "force", "effect"})
#: Verbs by which a consequence arrives ("relief would follow if …").
_ARRIVING = frozenset({"follow", "come"})
#: Subordinators that make a consequence conditional.
_IF_MARKS = frozenset({"if", "once", "provided", "providing", "when", "after", "as"})
_MODALS = frozenset({"will", "would", "'ll", "shall"})
#: Subordinators that hold a penalty in place ("as long as", "until", "unless").
_HOLDING_MARKS = frozenset({"as", "until", "unless", "till"})
_COPULAS = frozenset({"be", "remain", "stay"})
#: Verbs that make one step depend on another ("made any deal conditional on …").
_MAKERS = frozenset({"make", "render"})
_AGENTS = word_list("agent_nouns") | word_list("troops") | word_list("party_nouns")
#: Steps a speaker can hold back on terms, besides the settlement steps ("before_objects").
_STEPS = word_list("withheld_steps")
#: "only after", "only upon": prepositions that are a condition when "only" marks them.
_ONLY_PREPS = frozenset({"after", "upon", "on", "with"})

PREPOSITIONS = _CONDITION_PREPS | _ONLY_PREPS

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|contingent": [
        [{"LOWER": {"IN": sorted(_CONTINGENT)}, "DEP": {"IN": ["acomp", "ccomp", "oprd", "amod"]}}]
    ],
    "FRAME|door": [[{"LEMMA": {"IN": sorted(_DOOR_NOUNS)}, "DEP": "nsubj"}]],
    "FRAME|closed": [[{"LOWER": {"IN": sorted(_CLOSED)}, "DEP": "acomp"}]],
    "FRAME|reward": [[{"LEMMA": {"IN": sorted(_ARRIVING)}, "POS": "VERB"}]],
    "FRAME|inplace": [[{"LOWER": "in", "DEP": "prep"}, {"LOWER": {"IN": sorted(_IN_FORCE)}}]],
    "FRAME|measurestays": [[{"LEMMA": {"IN": ["remain", "stay"]}, "POS": "VERB"}]],
    "PREPMARK": [[{"LOWER": {"IN": sorted(PREPOSITIONS)}, "DEP": "prep"}]],
}


def _refused(head: Token) -> bool:
    """A step the condition holds back: a negated verb ("will not sign"), a "no" noun ("no
    ceasefire", "no deal"), a noun a negated verb governs ("will not accept a deal"), or the
    copula of "there can be no …"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in head.children):
        return True
    if head.lemma_ == "be":
        return any(
            c.dep_ in ("attr", "nsubj")
            and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in head.children
        )
    if head.pos_ == "NOUN" and head.dep_ in ("attr", "nsubj", "dobj"):
        return any(c.dep_ == "neg" for c in head.head.children)
    return False


def preposition_conditions(prep: Token) -> list[Token]:
    """The condition roots a preposition sets: the object of "without" or "until" under a
    refused step, or of "only after" anywhere ("would lift the siege only after the reopening
    of the airport"); empty for a plain preposition ("talks until Friday", "without delay")."""
    low = prep.lower_
    if low not in PREPOSITIONS:
        return []
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objs or any(o.ent_type_ in ("DATE", "TIME") for o in objs):
        return []
    only = any(c.dep_ == "advmod" and c.lower_ == "only" for c in prep.children) or (
        prep.i > 0 and prep.doc[prep.i - 1].lower_ == "only"
    )
    if low in _ONLY_PREPS and not only:
        return []
    if low in _CONDITION_PREPS and not only and not _refused(prep.head):
        return []
    # "without delay", "without preconditions": no step of another party
    if all(o.pos_ != "NOUN" or o.lemma_.lower() in _BARE for o in objs):
        return []
    return objs


def lacking_trigger(verb: Token) -> Trigger | None:
    """A step refused for want of something ("will not enter any zone without a written
    guarantee", "the truce cannot hold without a full withdrawal"): what it lacks is demanded,
    by the subject or, for a thing, by whoever says so. None when nothing is lacking."""
    objs = [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "without"
        for o in preposition_conditions(c)
    ]
    if not objs or verb.pos_ not in ("VERB", "AUX"):
        return None
    return Trigger(verb, "demand", "frame", content=objs, fixed=True, lacking=True)


def agent_subject(verb: Token) -> bool:
    """Is *verb*'s subject a party described by a common noun ("the rebels", "the
    government", "fighters"), not a thing?"""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _AGENTS for c in verb.children)


#: Objects of "without" that name no step ("without delay", "without conditions").
_BARE = frozenset(
    {
        "delay",
        "condition",
        "precondition",
        "preconditions",
        "conditions",
        "exception",
        "doubt",
        "question",
        "hesitation",
        "fail",
        "end",
        "result",
        "success",
        "reason",
        "warning",
        # "will not remain without a response": a warning, not a condition
        "response",
        "answer",
        "reply",
        "reaction",
        "consequence",
        "consequences",
    }
)


def only_conjunct(mark: Token) -> bool:
    """ "…, but only if Israeli troops withdrew": a condition the parser coordinated with the
    main clause ("only" right before the subordinator tells it apart from a plain "and if")."""
    return (
        mark.head.dep_ == "conj"
        and mark.i > 0
        and mark.doc[mark.i - 1].lower_ == "only"
        and mark.head.i > mark.i
    )


def contingent_trigger(adj: Token) -> Trigger | None:
    """ "Any resumption of talks was contingent on the return of the displaced": a demand of
    the speaker for what the step depends on; "Rabat made any talks conditional on the
    Polisario accepting autonomy": a demand of the one who made it so."""
    maker = _maker(adj)
    if maker is not None:
        preps = [
            c
            for h in (adj, maker)
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        ]
        objs = [p for c in preps for p in c.children if p.dep_ in ("pobj", "pcomp")]
        # "conditional on Taipei accepting …": the parser hangs the act on the verb
        objs += [
            c
            for c in maker.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and preps and c.i > preps[0].i
        ]
        return Trigger(maker, "demand", "frame", content=objs) if objs else None
    verb = adj.head
    if (
        adj.dep_ != "acomp"
        or verb.lemma_.lower() not in _COPULAS
        or any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("should", "must"))
            for c in verb.children
        )
    ):
        return None  # "should not be subject to limits": a demand about the subject itself
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() in _AGENTS:
        return None  # a step depends on the condition, not a party ("the forces are subject")
    objs = [
        p
        for c in adj.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    return Trigger(verb, "demand", "frame", content=objs) if objs else None


def _maker(adj: Token) -> Token | None:
    """The verb of "made X conditional on Y" (the adjective as its complement, or as a
    modifier of its object), None otherwise."""
    head = adj.head
    if adj.dep_ == "amod" and head.dep_ == "dobj":
        head = head.head
    elif adj.dep_ not in ("ccomp", "oprd"):
        return None
    return head if head.lemma_.lower() in _MAKERS and head.pos_ == "VERB" else None


def door_trigger(noun: Token) -> Trigger | None:
    """ "The door remains open to talks": readiness offered for what the door is open to;
    "the door to exchanges stays shut", "the door is not open to talks": its refusal (a
    negation on the copula is read here, so the trigger's kind is fixed)."""
    verb = noun.head
    if verb.lemma_.lower() not in _COPULAS:
        return None
    adj = next(
        (
            c
            for c in verb.children
            if c.dep_ == "acomp" and (c.lower_ == "open" or c.lower_ in _CLOSED)
        ),
        None,
    )
    if adj is None:
        return None
    objs = [
        p
        for h in (adj, verb, noun)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("to", "for")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    # "the door to dialogue remains open": the parser may read "to dialogue" as an infinitive
    objs += [
        c
        for c in noun.children
        if c.dep_ in ("relcl", "acl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(
            a.dep_ in ("dobj", "nsubj") or (a.dep_ == "prep" and a.lower_ != "with")
            for a in c.children
        )  # "the door to dialogue with the ELN": a partner named, still the noun
    ]
    if not objs:
        return None
    shut = (adj.lower_ != "open") != any(c.dep_ == "neg" for c in verb.children)
    # an open door is the holder's own readiness, offered as "open to talks" is (gold/README.md)
    return Trigger(verb, "reject" if shut else "offer", "frame", content=objs, fixed=True)


def closed_trigger(adj: Token) -> Trigger | None:
    """ "The border will remain closed as long as …": a penalty held in place on terms is a
    refusal of what is closed (gold/README.md), voiced by the speaker when the subject is a
    thing."""
    verb = adj.head
    if verb.lemma_.lower() not in ("remain", "stay", "be"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() in _DOOR_NOUNS:
        return None
    held = verb.lemma_.lower() != "be" and any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children
    )
    on_terms = any(
        t.dep_ == "mark" and t.lower_ in _HOLDING_MARKS and t.head.dep_ == "advcl"
        for t in adj.subtree
    ) or any(
        t.dep_ == "mark" and t.lower_ in _HOLDING_MARKS
        for c in verb.children
        if c.dep_ == "advcl"
        for t in c.children
    )
    if not (held and on_terms):
        return None
    return Trigger(verb, "reject", "frame", content=[subj])


def _held_on_terms(verb: Token) -> bool:
    """Does a "until" / "as long as" / "unless" clause hang on *verb* (or on its complement,
    or on "long" in "for as long as")?"""
    heads = {verb.i, *(d.i for d in verb.children)}
    heads.update(g.i for d in verb.children if d.dep_ == "prep" for g in d.children)
    return any(
        t.dep_ == "mark" and t.lower_ in _HOLDING_MARKS
        for c in verb.subtree
        if c.dep_ == "advcl" and c.head.i in heads
        for t in c.children
    )


def in_place_trigger(prep: Token) -> Trigger | None:
    """ "Sanctions will stay in place until Russia withdraws", "the embargo would remain in
    force as long as the shelling goes on": a penalty the speaker keeps on terms is a threat of
    it (gold/README.md), and the terms are its demand (read from the clause like any
    condition). Only a penalty counts: "troops will remain in place" states no terms of its
    own."""
    verb = prep.head
    if verb.lemma_.lower() not in ("remain", "stay") or prep.dep_ != "prep":
        return None
    if not any(c.dep_ == "pobj" and c.lower_ in _IN_FORCE for c in prep.children):
        return None
    return _measure_held(verb)


def _measure_held(verb: Token) -> Trigger | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in _HELD_MEASURES:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return None
    if not _held_on_terms(verb):
        return None
    if any(a.dep_ == "amod" and a.lower_ in _ARMED_MEASURES for a in subj.children):
        # "its defensive measures will stay in place as long as …": a military posture kept,
        # which refuses its removal (like troops that stay)
        return Trigger(verb, "reject", "frame", content=[subj], fixed=True)
    return Trigger(verb, "threaten", "frame", content=[subj], fixed=True)


def measure_stays_trigger(verb: Token) -> Trigger | None:
    """ "The power cuts would stay for as long as the gangs operate", "the ban will remain
    until Moscow lifts its own": a measure against another side kept on terms, with no "in
    place" (that is :func:`in_place_trigger`) and no state ("remain closed": closed_trigger)."""
    if any(c.dep_ in ("acomp", "attr", "oprd") for c in verb.children):
        return None
    if any(
        c.dep_ == "prep" and any(p.lower_ in _IN_FORCE for p in c.children) for c in verb.children
    ):
        return None
    return _measure_held(verb)


def reward_trigger(verb: Token) -> Trigger | None:
    """ "Further sanctions relief could follow if more prisoners were let go": a reward the
    speaker holds out for another's step is an offer of it (and the step its demand)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _REWARDS:
        return None
    if not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF_MARKS for m in c.children)
        for c in verb.children
    ):
        return None
    return Trigger(verb, "offer", "frame", content=[subj])


def predicative_condition(root: Token) -> bool:
    """ "X is conditional on Y", "made X conditional on Y": the phrase is the predicate (a
    stance of its own, see :func:`contingent_trigger`), not a condition on another stance."""
    return (root.dep_ == "acomp" and root.head.lemma_.lower() in _COPULAS) or (
        root.lower_ in _CONTINGENT and _maker(root) is not None
    )


#: Frame readers of this module, by the part of the label after "FRAME|".
FRAME_TRIGGERS = {
    "contingent": contingent_trigger,
    "door": door_trigger,
    "closed": closed_trigger,
    "measurestays": measure_stays_trigger,
    "reward": reward_trigger,
    "inplace": in_place_trigger,
}


def withheld_step(verb: Token, steps: frozenset[str]) -> Trigger | None:
    """ "Talks would not resume while the kidnappings went on", "the first transfer could not
    take place until the guns fell silent": a step (a thing, not a party) held back on terms is
    the speaker's refusal of it (a frame, so the speaker holds it), and the terms are its
    demand, read from the clause like any condition. None unless the subject names such a
    step: a party ("the resistance will not discuss …") or the fighting ("attacks would not
    stop until …") holds back a step of its own."""
    subj = _step_subject(verb, steps)
    return Trigger(verb, "reject", "frame", content=[subj], fixed=True) if subj else None


def _step_subject(verb: Token, steps: frozenset[str]) -> Token | None:
    """The subject of *verb* when it names a step (talks, a transfer, funds), not a party."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not thing_noun(subj):
        return None
    lemma = subj.lemma_.lower()
    return subj if lemma in _STEPS or lemma in steps else None


def step_on_terms(
    root: Token, found: dict[int, Trigger], negated: bool, steps: frozenset[str]
) -> Trigger | None:
    """The stance a condition clause (*root*) makes of the verb it hangs on, when no trigger
    there holds it: "would not form the association before Serbia recognised Kosovo" refuses
    on terms (the subject's refusal, or for a step held back the speaker's, see
    :func:`withheld_step`), and the terms are its demand, read from the clause like any
    condition; "reconstruction funds would flow only once the state holds the arms", "a
    settlement is possible only if …" hold a step out on terms, of which only the terms are
    coded (the speaker's demand), since the step itself is rarely an offer of the speaker's."""
    verb = root.head
    if not (root.dep_ == "advcl" or (root.dep_ == "advmod" and root.lower_ == "long")):
        return None
    if verb.i == root.i or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    modal = any(c.dep_ == "aux" and c.lower_ in _ANY_MODALS for c in verb.children)
    if negated:
        if verb.pos_ != "VERB" or not modal:
            return None
        if verb.i in found and found[verb.i].cls != "concession":
            return None
        step = withheld_step(verb, steps)  # "talks would not resume …"
        if step is None and verb.i in found:
            return None
        return step or Trigger(verb, "reject", "verb", fixed=True)
    if verb.i in found or not _only_marked(root):
        return None
    possible = verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ == "possible" for c in verb.children
    )
    if not ((verb.pos_ == "VERB" and modal) or possible):
        return None
    if _step_subject(verb, steps) is None:
        return None
    # the terms are what the speaker asks; the step held out is coded only where a stance
    # word says so ("would accept the corridor only if …")
    return Trigger(verb, "demand", "frame", content=[root], fixed=True, lacking=True)


def _only_marked(root: Token) -> bool:
    """Is the condition clause *root* marked "only if", "only once", "only after", "only
    when"?"""
    mark = next((c for c in root.children if c.dep_ == "mark"), None)
    if mark is not None and mark.i > 0 and root.doc[mark.i - 1].lower_ == "only":
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "only" and c.i < root.i for c in root.children)


def ruled_out_thing(head: Token) -> bool:
    """Is *head* a thing ruled out with "no" ("no peace treaty while …", "there would be no
    deal while …")? A "while" clause on it is then a condition, not a contrast."""

    def _no(tok: Token) -> bool:
        return any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in tok.children)

    if head.pos_ in ("NOUN", "PROPN"):
        return _no(head)
    return head.lemma_.lower() == "be" and any(
        c.dep_ in ("attr", "nsubj") and _no(c) for c in head.children
    )


#: Acts of dealing with another side that "only" restricts to terms ("will only talk to the
#: real leadership", "will only sign an agreement that respects …").
_DEALING = frozenset({"talk", "negotiate", "deal", "meet", "sign", "engage", "speak"})


def only_on_terms(verb: Token) -> bool:
    """ "Bangkok will only talk to the movement's real leadership, not to intermediaries": an
    offer of talks restricted by "only" sets the terms, a demand. ("Not only ready to talk"
    restricts nothing.)"""
    if verb.lemma_.lower() not in _DEALING or any(c.dep_ == "advcl" for c in verb.children):
        return False  # "will only negotiate once the troops have left": a conditional offer
    return any(
        c.dep_ == "advmod"
        and c.lower_ == "only"
        and (c.i == 0 or verb.doc[c.i - 1].lower_ != "not")
        for c in verb.children
    )
