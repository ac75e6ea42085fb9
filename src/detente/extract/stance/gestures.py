"""Stances voiced by a diplomatic gesture or an ultimatum rather than by a stance verb.

Wire copy on juntas, border rows and sanctions fights reports positions through what an actor
does or sets, in shapes the verb and noun lexicons do not read:

* an ultimatum: "gave the junta seven days to reinstate the president", "gave Yerevan until
  Friday to pull out", "set a deadline for Baku to withdraw" (a demand of the act);
* a protest gesture: "recalled its ambassador in protest at the visit" (the protest rejects
  what it is about, held by the clause's subject);
* leaving a body or a deal, named by a noun: "announced its withdrawal from ECOWAS", "the
  junta's exit from the regional force" (a rejection of the body or deal);
* a directive to another party: "ordered French troops to leave", "told the ambassador to leave
  within 48 hours" (a demand of the act);
* non-recognition: "does not recognise the court's jurisdiction", "has never recognised the
  award" (a rejection, voiced in the present rather than as intent);
* retaliation announced: "vowed to bolster its deterrent in response to the drills", "will hit
  back in retaliation for any strike" (a threat, whatever the promised act);
* a conditional defence: "would defend itself if Addis Ababa goes ahead with the deal";
* a menacing equation: "an intervention would amount to a declaration of war".

Words are data in ``knowledge/stances.yaml`` (``lists:`` ultimatum_verbs, time_nouns,
directive_verbs, directive_addressees, bystander_nouns, exit_nouns, exit_bodies,
protest_preps, retaliation_nouns, equating_verbs, menace_verdicts, war_words).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import stance_lexicon, word_list
from detente.extract.stance.conditions import _MODALS
from detente.extract.stance.model import Trigger
from detente.extract.stance.offenders import offender

_ULTIMATUM_VERBS = word_list("ultimatum_verbs")
_TIME_NOUNS = word_list("time_nouns")
_DIRECTIVES = word_list("directive_verbs")
_ADDRESSEES = word_list("directive_addressees")
_BYSTANDERS = word_list("bystander_nouns")
_EXIT_NOUNS = word_list("exit_nouns")
_BODIES = word_list("exit_bodies") | word_list("deal_objects") | word_list("talks")
_PROTEST_PREPS = word_list("protest_preps")
_RETALIATION = word_list("retaliation_nouns")
_EQUATING = word_list("equating_verbs")
_MENACE = word_list("menace_verdicts") | word_list("war_words")
# "not a subject for bargaining", "not an object of negotiation": what a side rules out trading
_TRADED_THINGS = word_list("traded_things")
_BARGAINING = word_list("open_topics") | frozenset({"talks", "trade", "trading", "haggling"})
_CHIPS = word_list("bargaining_chips")
#: Verbs under which a retaliatory act is the threat itself.
_VOWING = frozenset({"vow", "promise", "pledge", "threaten", "warn", "swear"})
#: Verbs that carry a retaliation noun's act only when they are threat-like ("in response to").
_ANSWERING = frozenset({"vow", "threaten", "warn", "swear"})
#: Subordinators of a condition on a defence ("would defend itself if …").
_IF_MARKS = frozenset({"if", "should", "unless", "once", "when"})
_OWN = frozenset({"its", "their", "our", "his", "her", "my"})
_LEX = stance_lexicon()
#: Who can set terms by acting ("once the group frees every hostage"), and the comings and
#: goings that set only a time ("once the delegations arrive").
_PARTIES = word_list("party_nouns") | word_list("agent_nouns")
_GATHERING = frozenset(
    {"arrive", "come", "land", "travel", "gather", "assemble", "convene", "meet"}
)
#: Verbs of talks happening ("talks will not resume until …").
_TALK_EVENTS = frozenset({"start", "begin", "resume", "proceed", "continue", "happen", "open"})
_TALKS = word_list("talks") | frozenset({"summit", "meeting", "round"})
#: Stance verbs whose agentless future passive is the speaker's verdict.
_PASSIVE_STANCES = frozenset(
    {"reject", "accept", "tolerate", "allow", "permit", "rebuff", "oppose", "resist", "refuse"}
)
_TERMS_MARKS = frozenset({"unless", "until", "till", "if", "once"})
#: Verbs of imposing a penalty ("will impose tariffs if …", "would slap sanctions on").
_IMPOSING = frozenset(
    {"impose", "slap", "levy", "reimpose", "introduce", "apply", "place", "put", "hit"}
)
#: Penalties a party can be asked to join ("will not impose sanctions on Russia").
_SANCTIONS = frozenset({"sanction", "sanctions", "embargo", "tariff", "tariffs"})
_PENALTIES = word_list("penalty_nouns") | frozenset(
    {"tariff", "tariffs", "sanctions", "duty", "duties"}
)
#: What talks or a deal can hang on ("progress will depend on …").
_HANGING = (
    _TALKS
    | word_list("deal_objects")
    | word_list("step_nouns")
    | frozenset(
        {"progress", "peace", "success", "outcome", "future", "normalisation", "normalization"}
    )
)
#: Breakaway steps held over another's act ("would declare independence if …").
_BREAKAWAY_VERBS = frozenset({"declare", "proclaim", "hold", "call", "organise", "organize"})
_BREAKAWAY_OBJECTS = frozenset({"independence", "secession", "sovereignty", "referendum"})
_READY = _LEX.willingness
_UNREADY = _LEX.unwillingness

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|ultimatum": [[{"LEMMA": {"IN": sorted(_ULTIMATUM_VERBS)}, "POS": "VERB"}]],
    # "the Lebanese state has until the end of the year to show that …": a deadline the
    # speaker sets for the subject
    "FRAME|deadline": [
        [{"LEMMA": "have", "POS": {"IN": ["VERB", "AUX"]}}, {"LOWER": {"IN": ["until", "till"]}}]
    ],
    "FRAME|directive": [[{"LEMMA": {"IN": sorted(_DIRECTIVES)}, "POS": "VERB"}]],
    "FRAME|protest": [
        [
            {"LOWER": "in"},
            {"LOWER": "protest"},
            {"LOWER": {"IN": sorted(_PROTEST_PREPS)}},
        ]
    ],
    "FRAME|exit": [[{"LEMMA": {"IN": sorted(_EXIT_NOUNS)}, "POS": "NOUN"}]],
    "FRAME|unrecognised": [[{"LEMMA": {"IN": ["recognise", "recognize"]}, "POS": "VERB"}]],
    "FRAME|retaliation": [[{"LOWER": "in"}, {"LOWER": {"IN": sorted(_RETALIATION)}}]],
    "FRAME|defence": [[{"LEMMA": "defend", "POS": "VERB"}]],
    "FRAME|equating": [[{"LEMMA": {"IN": sorted(_EQUATING)}, "POS": "VERB"}]],
    # headline "Cambodia says ready to take border row to court": the subject is said ready
    "FRAME|saysready": [
        [
            {"LEMMA": {"IN": ["say", "declare"]}, "POS": "VERB"},
            {"LOWER": {"IN": sorted(_READY | _UNREADY)}, "DEP": {"IN": ["acomp", "oprd", "ccomp"]}},
        ]
    ],
    # "would hold Paris responsible for the consequences": a warning
    "FRAME|accountable": [[{"LEMMA": "hold", "POS": "VERB"}]],
    # "negotiations would not start unless …": talks held back on terms
    "FRAME|talksterms": [[{"LEMMA": {"IN": sorted(_TALK_EVENTS)}, "POS": "VERB"}]],
    # "any attempt to deny our status will be rejected": the speaker's own verdict
    "FRAME|passive": [[{"LEMMA": {"IN": sorted(_PASSIVE_STANCES)}, "POS": "VERB"}]],
    # "would declare independence if the envoy imposes the law": secession held over another
    "FRAME|secession": [[{"LEMMA": {"IN": sorted(_BREAKAWAY_VERBS)}, "POS": "VERB"}]],
    # "will impose secondary tariffs if Moscow does not agree to a ceasefire"
    "FRAME|penalty": [[{"LEMMA": {"IN": sorted(_IMPOSING)}, "POS": "VERB"}]],
    # "progress will depend on the Taliban's attitude": the speaker's terms
    "FRAME|hinges": [[{"LEMMA": {"IN": ["depend", "hinge", "hang", "rest"]}}]],
    # "is not going to withdraw its ship": intent voiced without a modal
    "FRAME|goingto": [[{"LEMMA": "go"}, {"LOWER": "to"}, {"POS": "VERB"}]],
    # "Greenland is not for sale": the speaker rules out giving it up
    "OFFTABLE": [
        [{"LOWER": "not"}, {"LOWER": "for"}, {"LOWER": "sale"}],
        # "shall not be the subject of any negotiation", "is not subject to talks"
        [
            {"LOWER": {"IN": ["not", "never"]}},
            {"LOWER": "be", "OP": "?"},
            {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"},
            {"LOWER": {"IN": sorted(_TRADED_THINGS)}},
            {"LOWER": {"IN": ["of", "to", "for"]}},
            {"LOWER": {"IN": ["any", "a", "anyone", "anybody"]}, "OP": "?"},
            {"ORTH": "'s", "OP": "?"},
            {"LOWER": {"IN": sorted(_BARGAINING)}},
        ],
        # "is not a bargaining chip", "is not a chip to be traded", "not a card to be played"
        [
            {"LOWER": {"IN": ["not", "never"]}},
            {"LOWER": "be", "OP": "?"},
            {"LOWER": {"IN": ["a", "an"]}},
            {"LOWER": {"IN": ["bargaining", "negotiating", "trading"]}},
            {"LOWER": {"IN": sorted(_CHIPS)}},
        ],
        [
            {"LOWER": {"IN": ["not", "never"]}},
            {"LOWER": "be", "OP": "?"},
            {"LOWER": {"IN": ["a", "an"]}},
            {"LOWER": {"IN": sorted(_CHIPS)}},
            {"LOWER": "to"},
            {"LOWER": "be"},
            {"LOWER": {"IN": ["traded", "bargained", "sold", "played", "negotiated"]}},
        ],
    ],
}


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _with_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def ultimatum_trigger(verb: Token) -> Trigger | None:
    """ "gave the junta seven days to restore the president", "gave Yerevan until Friday to
    withdraw", "set a deadline for Baku to pull out": the act the time limit is for."""
    timed = [
        t
        for t in verb.subtree
        if (t.head.i == verb.i or t.head.head.i == verb.i)
        and (t.lemma_.lower() in _TIME_NOUNS or t.lower_ in ("until", "till"))
    ]
    if not timed or any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
        for t in (verb, *timed)
        for c in t.children
    ):
        return None  # "set no deadline for the disarmament"
    acts = [t for t in verb.subtree if _infinitive(t) and t.i > verb.i]
    if not acts:
        # "set a deadline for the talks on the hostages": what the deadline is for
        acts = [
            p
            for t in timed
            if t.dep_ == "dobj"
            for c in t.children
            if c.dep_ == "prep" and c.lower_ in ("for", "on")
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ != "PROPN"
        ]
    if not acts:
        return None
    return Trigger(verb, "demand", "frame", content=acts[:1])


def deadline_trigger(verb: Token) -> Trigger | None:
    """ "The Lebanese state has until the end of the year to show that Hezbollah is being
    disarmed", "Hamas has until Sunday to respond": the speaker's demand of the subject."""
    if verb.lemma_.lower() != "have" or any(c.dep_ == "neg" for c in verb.children):
        return None
    acts = [t for t in verb.subtree if _infinitive(t) and t.i > verb.i]
    if not acts or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return Trigger(verb, "demand", "must", content=acts[:1])


def directive_trigger(verb: Token) -> Trigger | None:
    """ "ordered French troops to leave", "told the ambassador to leave within 48 hours": the
    act required of another party; never an order to one's own people ("told its citizens to
    leave", "ordered its troops to advance") or to reporters."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and _infinitive(c)]
    if not acts:
        return None
    if not objs:
        objs = [c for a in acts for c in a.children if c.dep_ == "nsubj"]
    if len(objs) != 1:
        return None
    obj = objs[0]
    if obj.lemma_.lower() in _BYSTANDERS or any(
        c.dep_ == "poss" and c.lower_ in _OWN for c in obj.children
    ):
        return None
    if not (
        obj.ent_type_ in ("GPE", "ORG", "NORP")
        or obj.lemma_.lower() in _ADDRESSEES
        or any(c.ent_type_ in ("GPE", "ORG", "NORP") for c in obj.children)
    ):
        return None
    return Trigger(verb, "demand", "frame", content=acts[:1])


def protest_trigger(prep: Token) -> Trigger | None:
    """ "recalled its ambassador in protest at France's backing of the plan": the protest
    rejects what it is about; the trigger sits on "in" so the clause keeps its own stance."""
    verb = prep.head
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubjpass"):
        verb = verb.head  # "recalled its ambassador in protest …" hung on the ambassador
    if verb.pos_ not in ("VERB", "AUX") or prep.i + 2 >= len(prep.doc):
        return None
    about = prep.doc[prep.i + 2]  # the matched "at" / "over" / "against"
    objs = [p for p in about.children if p.dep_ in ("pobj", "pcomp")]
    if objs and prep.head.i != verb.i:
        return Trigger(verb, "reject", "frame", content=objs[:1])
    return Trigger(prep, "reject", "frame", content=objs[:1]) if objs else None


def exit_trigger(noun: Token) -> Trigger | None:
    """ "announced its withdrawal from ECOWAS", "Niger's exit from the regional force": leaving
    a body or a deal rejects it (never leaving a place: "withdrawal from Kherson")."""
    bodies = [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children
        if p.dep_ == "pobj"
        and (p.ent_type_ == "ORG" or p.lemma_.lower() in _BODIES)
        and p.ent_type_ not in ("GPE", "LOC", "FAC")
    ]
    if not bodies:
        return None
    if any(c.dep_ == "poss" or c.ent_type_ in ("GPE", "NORP", "ORG") for c in noun.children):
        return Trigger(noun, "reject", "frame", content=bodies)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        return Trigger(verb, "reject", "frame", content=bodies)  # "announced withdrawal from"
    return None


def unrecognised_trigger(verb: Token) -> Trigger | None:
    """ "Caracas does not recognise the court's jurisdiction", "has never recognised the
    award": a refusal stated as the actor's standing position (intent is read elsewhere)."""
    if _with_modal(verb) or not any(c.dep_ == "neg" for c in verb.children):
        return None
    if not any(c.dep_ == "aux" and c.lemma_ in ("do", "have") for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return Trigger(verb, "reject", "frame", content=objs, fixed=True) if objs else None


def retaliation_trigger(prep: Token) -> Trigger | None:
    """ "vowed to bolster its deterrent in response to the drills", "would strike back in
    retaliation for any attack": an act announced as retaliation is a threat."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    act = prep.head
    if noun is None or act.pos_ != "VERB":
        return None
    vow = act.head if act.dep_ in ("xcomp", "ccomp") else None
    lemma = noun.lemma_.lower()
    vowing = _ANSWERING if lemma == "response" else _VOWING
    if vow is not None and vow.lemma_.lower() in vowing:
        return Trigger(vow, "threaten", "frame", content=[act], fixed=True)
    if lemma != "response" and _with_modal(act):
        return Trigger(act, "threaten", "frame", content=[act], fixed=True)
    return None


def defence_trigger(verb: Token) -> Trigger | None:
    """ "Somalia would defend itself if Ethiopia goes ahead with the deal": a defence
    announced against another's act is a threat about that act."""
    if not _with_modal(verb) or any(c.dep_ == "neg" for c in verb.children):
        return None
    conds = [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF_MARKS for m in c.children)
    ]
    return Trigger(verb, "threaten", "frame", content=conds, fixed=True) if conds else None


def equating_trigger(verb: Token) -> Trigger | None:
    """ "any intervention in Niger would amount to a declaration of war": a warning about the
    subject, held by whoever says so."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ in ("PRON", "PROPN"):
        return None
    if not _with_modal(verb) and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("war", "aggression") for c in verb.children
    ):
        return None  # "independence means war" needs no modal
    said = [t for c in verb.children if c.dep_ in ("prep", "dobj", "attr") for t in c.subtree]
    if not any(t.lemma_.lower() in _MENACE for t in said):
        return None
    # read as "… would be considered a declaration of war": the speaker warns against the act
    return Trigger(verb, "threaten", "must", fixed=True)


def says_ready_trigger(verb: Token) -> Trigger | None:
    """Headline grammar "Cambodia says ready to take border row to court", "Seoul says open to
    talks": the adjective is the stance of the saying verb's subject (the trigger sits on the
    verb, whose subject the parser gives)."""
    adj = verb.doc[verb.i + 1]
    if adj.head.i != verb.i or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    content = [c for c in adj.children if c.dep_ in ("xcomp", "prep", "ccomp")]
    if not content:
        return None
    if adj.lower_ in _UNREADY:
        return Trigger(verb, "reject", "frame", content=content, fixed=True)
    acts = [c for c in content if c.dep_ == "xcomp"]
    kind = "accept" if not acts else "offer"
    for act in acts:
        lemma = act.lemma_.lower()
        if lemma in _LEX.verbs and lemma not in _LEX.particles:
            kind = _LEX.verbs[lemma]
        elif lemma in _LEX.cooperative:
            kind = "accept"
    return Trigger(verb, kind, "frame", content=content, fixed=True)


def going_to_trigger(going: Token) -> Trigger | None:
    """ "Manila is not going to withdraw its ship from the shoal", "Seoul is going to release
    the fishermen": a step announced with "going to" is intent, as with a modal."""
    act = going.doc[going.i + 2]
    if act.head.i != going.i or not any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in going.children
    ):
        return None
    lemma = act.lemma_.lower()
    refused = any(c.dep_ == "neg" for c in (*going.children, *act.children))
    if lemma in _LEX.hostile or lemma in _LEX.threat_actions:
        kind = "offer" if refused else "threaten"
    elif lemma in _LEX.concessions:
        kind = "reject" if refused else "offer"
    elif lemma in _LEX.retentions and not refused:
        kind = "demand"
    else:
        return None
    parts = [c for c in act.children if c.dep_ in ("dobj", "prep", "prt", "xcomp")]
    return Trigger(act, kind, "frame", content=[act, *parts], fixed=True)


def accountable_trigger(verb: Token) -> Trigger | None:
    """ "Algiers would hold Paris responsible for the consequences": holding another to account
    for what it may do is a warning (an accusation in the past tense is no stance)."""
    if not _with_modal(verb) or offender(verb) is not None:
        return None  # "anyone who … will be held accountable": offenders.py
    judged = [
        c
        for c in verb.children
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
        and c.lower_ in ("responsible", "accountable", "liable")
    ]
    if not judged:
        judged = [
            g
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp")
            for g in c.children
            if g.lower_ in ("responsible", "accountable", "liable")
        ]
    if not judged:
        return None
    about = [p for j in judged for c in j.children if c.dep_ == "prep" for p in c.children]
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "Iran would be held responsible for any activity in the field": the one held to
        # account is the subject; the speaker who says so holds the warning
        return Trigger(verb, "threaten", "consequence", content=about or judged, fixed=True)
    return Trigger(verb, "threaten", "frame", content=about or objs or judged, fixed=True)


def talks_terms_trigger(verb: Token) -> Trigger | None:
    """ "Negotiations would not start unless the sovereign equality of the Turkish Cypriots is
    recognised", "talks can resume only once the shelling stops": the speaker demands what
    the talks wait for (the condition is read as the demand; the frame holds the talks)."""
    if not _with_modal(verb) and not any(
        c.dep_ == "aux" and c.lower_ in ("can", "could", "cannot") for c in verb.children
    ):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _TALKS:
        return None
    conds = [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _TERMS_MARKS for m in c.children)
    ]
    if not conds:
        return None
    refused = any(c.dep_ == "neg" for c in verb.children)
    only = any(
        t.lower_ == "only"
        for t in (*verb.children, *(g for c in conds for g in c.children))
        for t in (t, *t.children)
    )
    if not (refused or only or any(_party_acts(c) for c in conds)) and not any(
        m.lower_ in ("unless", "until", "till") for c in conds for m in c.children
    ):
        return None  # "talks will resume if the weather allows": no terms set
    return Trigger(verb, "reject" if refused else "accept", "frame", content=[subj], fixed=True)


def _party_acts(cond: Token) -> bool:
    """Is the condition an act of a party ("once the group frees every hostage"), not a
    circumstance ("if the weather allows")?"""
    subj = next((c for c in cond.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ == "neg" for c in cond.children):
        return False
    if cond.lemma_.lower() in _GATHERING:
        return False  # "once the delegations arrive": when, not on what terms
    return subj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or subj.lemma_.lower() in _PARTIES


def passive_trigger(verb: Token) -> Trigger | None:
    """ "Any attempt to deny our status will be thoroughly rejected", "such demands will never
    be accepted": an agentless future passive is the speaker's own verdict on the subject."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children)
    head = verb.head
    if verb.dep_ == "acomp" and head.lemma_.lower() in ("remain", "stay") and head.tag_ != "VBD":
        # "direct talks with the enemy remain rejected": a refusal that stands
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    elif not (_with_modal(verb) or present):
        return None  # "the offer was rejected on Monday" narrates
    if subj is None or subj.pos_ in ("PRON", "PROPN") or subj.ent_type_:
        return None
    kind = _LEX.verbs.get(verb.lemma_.lower(), "accept")  # "allowed", "permitted": accepted
    if kind not in ("accept", "reject"):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        kind = "reject" if kind == "accept" else "accept"
    return Trigger(verb, kind, "frame", content=[subj], fixed=True)


def secession_trigger(verb: Token) -> Trigger | None:
    """ "Republika Srpska would declare independence at once if the envoy imposes the law",
    "would hold a referendum on secession should Sarajevo …": a breakaway step announced for
    another's act is a threat (a declaration in the past is a fact, not a stance)."""
    if not _with_modal(verb) or any(c.dep_ == "neg" for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _BREAKAWAY_OBJECTS]
    if not objs or not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF_MARKS for m in c.children)
        for c in verb.children
    ):
        return None
    return Trigger(verb, "threaten", "frame", content=objs, fixed=True)


def penalty_trigger(verb: Token) -> Trigger | None:
    """ "Washington will impose secondary tariffs if Moscow does not agree to a ceasefire",
    "would slap tariffs on any country that supplies weapons": a penalty announced for
    another's act is a threat (the condition is read as the demand)."""
    if not _with_modal(verb):
        return None
    penalties = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _PENALTIES
    ]
    if any(c.dep_ == "neg" for c in verb.children):
        # "Belgrade will never impose sanctions on Russia": refusing to join a penalty
        # ("will not impose tariffs if Beijing keeps buying" withholds one on terms: no refusal)
        dobj = [p for p in penalties if p.dep_ == "dobj" and p.lemma_.lower() in _SANCTIONS]
        terms = any(c.dep_ == "advcl" for c in verb.children)
        return Trigger(verb, "reject", "penalty", fixed=True) if dobj and not terms else None
    if verb.lemma_ == "hit":
        penalties = [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.lemma_.lower() in _PENALTIES
        ]
    if not penalties or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "tariffs would be imposed if …" is the consequence trigger's
    conditioned = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TERMS_MARKS for m in c.children)
        for c in verb.children
    )
    targeted = any(
        d.dep_ == "det" and d.lower_ == "any"
        for t in verb.subtree
        if t.dep_ == "pobj"
        for d in t.children
    )
    if not (conditioned or targeted):
        return None
    return Trigger(verb, "threaten", "frame", content=penalties, fixed=True)


def hinges_trigger(verb: Token) -> Trigger | None:
    """ "Progress in the talks will depend on the Taliban's attitude", "any deal hinges on the
    release of the prisoners": the speaker demands what the talks hang on."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _HANGING:
        return None
    objs = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    return Trigger(verb, "demand", "frame", content=objs, fixed=True) if objs else None


#: Frame readers of this module, by the part of the label after "FRAME|".
FRAME_TRIGGERS = {
    "ultimatum": ultimatum_trigger,
    "deadline": deadline_trigger,
    "directive": directive_trigger,
    "protest": protest_trigger,
    "exit": exit_trigger,
    "unrecognised": unrecognised_trigger,
    "retaliation": retaliation_trigger,
    "defence": defence_trigger,
    "equating": equating_trigger,
    "saysready": says_ready_trigger,
    "goingto": going_to_trigger,
    "accountable": accountable_trigger,
    "talksterms": talks_terms_trigger,
    "passive": passive_trigger,
    "secession": secession_trigger,
    "penalty": penalty_trigger,
    "hinges": hinges_trigger,
}
