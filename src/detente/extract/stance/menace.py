"""Warnings voiced as what the other side's conduct will meet, with no threat verb.

Statements answer a feared act with its consequence rather than with "threaten" or "warn":
"any attack on our territory will get a response at a time of our choosing", "any provocation
will meet a response more powerful than the last", "the seizure of the tanker will not remain
without a response", "would regard any attempt to seize its ships as an act of war", "any ship
bound for Israeli ports would again be a target", "those who attack civilians will be dealt
with", "any incursion would be answered", "continued attacks would leave us no choice but to
strike", "operations will continue until the siege is lifted", and the side that will act
itself if the other does not ("if the army does not disarm the group, we will"). Each is the
speaker's threat about the conduct it answers (the subject, or what is regarded), voiced with
a modal; a forecast by someone else ("analysts say X would meet a response") is none.

Costs announced for conduct warn in the same way: "failure to comply will bring serious
consequences", "a provocation that will have consequences", "all consequences will be borne by
Japan", "states arming the rebels will bear the consequences". So does a side's patience said
to end ("Ankara's patience is not unlimited", "our patience is running out / wearing thin /
has its limits"), held by the patience's owner. A side's own activity announced to go on ("the
strikes would continue") refuses its halt; talks announced to go on are accepted. Word lists
are data in ``knowledge/stances.yaml`` (``lists:`` response_nouns, drawing_verbs,
regarding_verbs, menace_verdicts, answering_verbs, choice_nouns, conduct_nouns,
ongoing_activity, ongoing_talks).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import stance_lexicon, word_list
from detente.extract.stance.consequences import _MODALS, forecast
from detente.extract.stance.kinds import _REGARDING
from detente.extract.stance.model import Trigger

_RESPONSES = word_list("response_nouns")
#: Verbs by which conduct draws its answer ("will get / meet / face a response").
_DRAWING = word_list("drawing_verbs")
_MENACE = word_list("menace_verdicts") | {"war", "hostile"}  # "as a hostile act"
#: Verbs of answering conduct ("any incursion would be answered / met / repelled").
ANSWERING = word_list("answering_verbs")
#: "no choice / option / alternative but to …"
_CHOICES = word_list("choice_nouns")
#: Verbs of bearing the blame ("will bear / carry full responsibility for …").
RESPONSIBLE = frozenset({"bear", "carry", "shoulder"})
#: What is borne: the blame, or the consequences ("will bear all the consequences").
_BORNE = frozenset({"responsibility", "consequence"})
#: Verbs of warnings whose conduct, however faintly cued, is about the fighting.
WARNING_VERBS = ANSWERING | RESPONSIBLE
_WAR = word_list("war_words")
_FORCE = word_list("force_words")
#: Subordinators of conduct that must end first ("until the siege is lifted", "as long as").
_UNTIL = frozenset({"until", "till", "unless"})
_IF = frozenset({"if", "unless"})
#: Verbs of fighting going on ("will continue / keep up its operations").
_ONGOING = frozenset({"continue", "keep", "press", "pursue"})
_HOSTILE_VERBS = frozenset({"fight", "strike", "attack", "act", "operate"})
#: Verbs of a side standing by ("will not remain indifferent / stand idly by if …").
_STANDING = frozenset({"remain", "stay", "stand", "sit"})
#: How a side that stands by stands ("indifferent", "idle", "idly by").
_BYSTANDING = frozenset({"indifferent", "idle", "idly", "passive", "inactive", "silent"})

#: Verbs by which conduct has its cost ("would have / bring / entail consequences").
_ENTAILING = frozenset({"have", "bring", "entail", "carry"})
_COSTS = frozenset({"consequence", "repercussion"})

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|menace": [
        [{"LEMMA": {"IN": sorted(_DRAWING | _REGARDING | _STANDING | {"go", "be", "deal"})}}],
        [{"LEMMA": {"IN": sorted(_ENTAILING)}}],
        [{"LEMMA": {"IN": sorted(ANSWERING | _ONGOING | RESPONSIBLE | {"leave"})}}],
    ],
    # "if the army does not do it, we will": any modal verb (or a bare modal) of a sentence
    # with "if"/"unless"
    "FRAME|selfhelp": [[{"LOWER": {"IN": sorted(_IF)}}]],
    "FRAME|patience": [[{"LEMMA": "patience"}]],
    "FRAME|goeson": [[{"LEMMA": "continue"}]],
}


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _drawn_response(verb: Token) -> bool:
    """ "Any attack will get / meet a response": conduct as subject, an answer as object."""
    return (
        verb.lemma_.lower() in _DRAWING
        and not _negated(verb)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _RESPONSES for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _entailed(verb: Token) -> Token | None:
    """ "Any seizure of our assets would have consequences", "failure to comply will bring
    serious consequences", "a provocation that will have consequences": the conduct (the
    subject, or the antecedent of "that") that the cost answers."""
    if verb.lemma_.lower() not in _ENTAILING or _negated(verb):
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _COSTS for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subj = verb.head
        if subj.dep_ == "attr":  # "X would be a provocation that …": X is the conduct
            subj = next((c for c in subj.head.children if c.dep_ == "nsubj"), subj)
    return subj if subj is not None and _conduct(subj) else None


#: Nouns of conduct that a warning answers, beyond the hostile words ("failure to comply").
_CONDUCT = word_list("offence_nouns") | word_list("conduct_nouns")


def _conduct(subj: Token) -> bool:
    """Whether *subj* names conduct to be answered: "any"/"every" conduct, a noun of conduct,
    or hostile words ("further provocation", "an attack on our ships")."""
    if subj.pos_ != "NOUN":
        return False
    if any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in subj.children):
        return True
    return subj.lemma_.lower() in _CONDUCT or _hostile([subj, *subj.children])


def _unanswered(verb: Token) -> bool:
    """ "Will not remain / go without a response", "will not go unanswered"."""
    if verb.lemma_.lower() not in ("remain", "go") or not _negated(verb):
        return False
    for c in verb.children:
        if (
            c.dep_ == "prep"
            and c.lower_ == "without"
            and any(p.lemma_.lower() in _RESPONSES for p in c.children)
        ):
            return True
        if c.dep_ in ("acomp", "oprd") and c.lower_ in ("unanswered", "unpunished"):
            return True
    return False


def _not_standing_by(verb: Token) -> Token | None:
    """ "Will not remain indifferent if these groups again attack", "would not stand idly by
    should the blockade go on": the condition, the conduct the speaker's side would answer.
    Without a condition ("will not stay silent about the arrests") it is no threat."""
    if verb.lemma_.lower() not in _STANDING or not _negated(verb) or not _modal(verb):
        return None
    if not any(
        c.lower_ in _BYSTANDING for c in verb.children if c.dep_ in ("acomp", "advmod", "oprd")
    ):
        return None
    # (the parser may hang the clause on the "by" of "stand idly by")
    near = [*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    return next(
        (
            c
            for c in near
            if c.dep_ in ("advcl", "pcomp")
            and any(m.dep_ == "mark" and m.lower_ in _IF for m in c.children)
        ),
        None,
    )


def _targeted(verb: Token) -> bool:
    """ "Any ship bound for Israeli ports would again be a target"."""
    return (
        verb.lemma_.lower() == "be"
        and not _negated(verb)
        and any(c.dep_ == "attr" and c.lemma_.lower() == "target" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in verb.children)
    )


def _dealt_with(verb: Token) -> bool:
    """ "Anyone who attacks civilians will be dealt with": a passive "deal with" on conduct."""
    return (
        verb.lemma_.lower() == "deal"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    )


def _regarded_as_war(verb: Token) -> bool:
    """ "Iran would regard any attempt to seize its ships as an act of war" (active voice; the
    passive is read by kinds.menacing_verdict)."""
    if verb.lemma_.lower() not in _REGARDING or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    # (the parser often hangs "as …" inside the object: "any attempt to seize [its ships as
    # an act of war]")
    said = [t for a in verb.subtree if a.dep_ == "prep" and a.lower_ == "as" for t in a.subtree]
    return any(t.lemma_.lower() in _MENACE for t in said)


#: Words of hostile conduct: what an answer, a blame or a warning is about.
_HOSTILE = stance_lexicon().hostile | _WAR | _MENACE | _FORCE


def _hostile(tokens: list[Token] | Any) -> bool:
    return any(t.lemma_.lower() in _HOSTILE or t.lower_ in _HOSTILE for t in tokens)


def _answered(verb: Token) -> Token | None:
    """ "Any incursion from its soil would be answered", "violations will be met with force":
    hostile conduct as the subject of a passive answer."""
    if verb.lemma_.lower() not in ANSWERING or _negated(verb):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or _conduct_before(verb)
    if subj is None or subj.pos_ not in ("NOUN", "PRON"):
        return None
    if subj.lower_ in ("anyone", "anybody", "whoever", "those"):
        return subj if any(c.dep_ == "relcl" for c in subj.children) else None
    hostile = _hostile([subj, *subj.children]) or _hostile(
        t for c in verb.children if c.dep_ in ("prep", "advmod") for t in c.subtree
    )
    return subj if hostile else None


def _conduct_before(verb: Token) -> Token | None:
    """ "any attack traced back to its soil will be answered": the parser may take the
    participle for the verb and leave the answer without a subject; the "any" noun before it
    in the same clause is what is answered."""
    if verb.dep_ not in ("ccomp", "ROOT", "conj"):
        return None
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.i == verb.head.i or t.is_punct:
            return None  # (back at the reporting verb or the clause boundary)
        if t.pos_ == "NOUN" and any(
            d.dep_ == "det" and d.lower_ in ("any", "every") for d in t.children
        ):
            return t
    return None


def _held_responsible(verb: Token) -> Token | None:
    """ "Whoever bombs the roads will carry the full responsibility for what follows", "Kyiv
    would bear responsibility for any escalation": the blame announced for another's conduct
    warns it off; what it is about is the conduct (the subject's clause, or what follows
    "for")."""
    if verb.lemma_.lower() not in RESPONSIBLE or _negated(verb):
        return None
    borne = next(  # "all consequences will be borne by Japan"
        (c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in _COSTS), None
    )
    if borne is not None:
        return borne if any(c.dep_ == "agent" for c in verb.children) else None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _BORNE), None)
    if obj is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None or subj.lower_ in ("we", "i"):
        return None  # "we bear responsibility for …": no warning to another
    if subj.dep_ == "csubj":
        return subj if _hostile(list(subj.subtree)) else None  # "whoever bombs the roads"
    if subj.lower_ in ("whoever", "anyone", "those") or any(
        c.dep_ in ("relcl", "acl") for c in subj.children
    ):
        return subj  # "those who …", "states backing the claim will bear the consequences"
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"):
        for p in prep.children:
            if p.dep_ == "pobj" and _hostile([p, *p.children]):
                return p  # "for any escalation", "for the consequences of any attack"
            if p.dep_ == "pobj" and p.lemma_.lower() == "consequence":
                return p
    # "if Japan persists, it will bear all the consequences": the warned side named
    return obj if obj.lemma_.lower() == "consequence" else None


def _no_choice(verb: Token) -> bool:
    """ "Continued attacks would leave it no choice but to strike": conduct as the subject."""
    if verb.lemma_.lower() != "leave":
        return False
    for c in verb.children:
        nouns = [c] if c.dep_ in ("dobj", "oprd") else []
        if c.dep_ == "prep" and c.lower_ == "with":
            nouns = [p for p in c.children if p.dep_ == "pobj"]
        for n in nouns:
            if n.lemma_.lower() in _CHOICES and any(d.lower_ == "no" for d in n.children):
                return any(s.dep_ == "nsubj" and s.pos_ == "NOUN" for s in verb.children)
    return False


def _goes_on_until(verb: Token) -> Token | None:
    """ "Our operations will continue until the siege is lifted / for as long as …": fighting
    that goes on while the other side's conduct lasts."""
    if verb.lemma_.lower() not in _ONGOING or _negated(verb):
        return None
    fighting = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "dobj", "xcomp") and c.lemma_.lower() in _WAR | _HOSTILE_VERBS
    ]
    if not fighting:
        return None  # "our operations will continue", "would keep up its operations"
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.lower_ in _UNTIL for m in c.children if m.dep_ == "mark"):
            return fighting[0]
        if c.dep_ == "prep" and c.lower_ == "for" and any(t.lower_ == "long" for t in c.subtree):
            return fighting[0]  # "for as long as …"
    return None


def self_help_trigger(mark: Token) -> Trigger | None:
    """ "If the Lebanese army does not disarm the group, we will do it ourselves": the side
    that will do itself what the other fails to do threatens to, on that act's issue."""
    cond = mark.head
    if mark.dep_ != "mark" or cond.dep_ != "advcl" or cond.pos_ not in ("VERB", "AUX"):
        return None
    failed = any(c.dep_ == "neg" for c in cond.children) if mark.lower_ == "if" else True
    act = cond
    if cond.lemma_.lower() == "fail":
        act = next((c for c in cond.children if c.dep_ == "xcomp"), cond)
        failed = True
    main = cond.head
    bare = main.pos_ == "AUX" and main.lower_ in _MODALS
    if not failed or main.i < cond.i or not (bare or _modal(main)) or _negated(main):
        return None
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    other = next((c for c in cond.children if c.dep_ == "nsubj"), None)
    if subj is None or other is None or subj.lower_ == other.lower_:
        return None
    same = main.lemma_ == act.lemma_ or (
        main.lemma_ == "do"
        and any(
            c.dep_ == "dobj" and c.lower_ in ("it", "so", "that", "this") for c in main.children
        )
    )
    if not (same or bare):
        return None
    if forecast(main):
        return None
    content = [t for t in act.subtree if t.i > act.i and t.dep_ in ("dobj", "prep", "prt")]
    return Trigger(main, "threaten", "frame", content=[act, *content][:1], fixed=True)


def menace_trigger(verb: Token) -> Trigger | None:
    """The warning at *verb*, if it is one of the shapes above, voiced with a modal by the
    side that would act rather than forecast by someone else."""
    if verb.pos_ not in ("VERB", "AUX") or not _modal(verb):
        return None
    if _regarded_as_war(verb):
        # the subject regards: its own threat, about what it regards
        trig = Trigger(verb, "threaten", "verb", fixed=True)
    elif (
        _drawn_response(verb)
        or _unanswered(verb)
        or _targeted(verb)
        or _dealt_with(verb)
        or _no_choice(verb)
    ):
        # the conduct answered is the subject; the speaker who announces it holds the threat
        trig = Trigger(verb, "threaten", "consequence", fixed=True)
    else:
        # the conduct answered, or the fighting that goes on, is what the threat is about
        conduct = (
            _answered(verb)
            or _goes_on_until(verb)
            or _held_responsible(verb)
            or _entailed(verb)
            or _not_standing_by(verb)
        )
        if conduct is None:
            return None
        trig = Trigger(verb, "threaten", "consequence", content=[conduct], fixed=True)
    # (the reporting chain is walked only for a sentence of one of these shapes)
    return None if forecast(verb) else trig


#: How patience is said to end: "is not unlimited", "has its limits", "is running out / thin".
_BOUNDLESS = frozenset({"unlimited", "infinite", "endless", "boundless", "limitless", "eternal"})
_SPENT = frozenset({"out", "thin", "short", "low"})


def patience_trigger(noun: Token) -> Trigger | None:
    """ "Ankara's patience with the militia is not unlimited", "our patience is running out /
    wearing thin / has its limits": the side whose patience ends warns the other, about what
    its patience is with (or, unnamed, the report's matter). The possessor holds it."""
    if noun.dep_ != "nsubj" or not any(c.dep_ == "poss" for c in noun.children):
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    ended = False
    if lemma == "be":
        ended = _negated(verb) and any(
            c.dep_ == "acomp" and c.lower_ in _BOUNDLESS for c in verb.children
        )
        ended = ended or any(  # "is at an end", "is exhausted"
            c.dep_ in ("acomp", "attr") and c.lower_ in ("exhausted", "gone", "over")
            for c in verb.children
        )
    elif lemma in ("run", "wear", "grow", "wane", "fray", "snap"):
        ended = lemma in ("wane", "fray", "snap") or any(
            c.dep_ in ("prt", "advmod", "acomp", "oprd") and c.lower_ in _SPENT
            for c in verb.children
        )
    elif lemma == "have" and not _negated(verb):
        ended = any(c.dep_ == "dobj" and c.lemma_.lower() == "limit" for c in verb.children)
    elif lemma == "exhaust" and any(c.dep_ == "auxpass" for c in verb.children):
        ended = True
    if not ended or forecast(verb):
        return None
    # what the patience is over, or else whom it is with ("with the process", "with Kyiv")
    preps = sorted(
        (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("over", "on", "with")),
        key=lambda c: c.lower_ == "with",
    )
    content = [p for c in preps for p in c.children if p.dep_ == "pobj"]
    return Trigger(noun, "threaten", "frame", content=content[:1], fixed=True)


#: A side's own activity announced to go on ("the strikes / patrols will continue"), and talks.
_ACTIVITY = word_list("ongoing_activity")
_TALKS_GO_ON = word_list("ongoing_talks")


def goes_on_trigger(verb: Token) -> Trigger | None:
    """ "The strikes would continue", "patrols in these waters will continue": the speaker's
    own activity, announced to go on, refuses its halt (with "until …" it threatens, read by
    ``_goes_on_until``); "the talks will continue" accepts the talks. Intransitive "continue"
    with a modal, in a main or reported clause, not a condition ("while the attacks
    continue")."""
    if verb.pos_ != "VERB" or not _modal(verb) or _negated(verb):
        return None
    if verb.dep_ not in ("ROOT", "ccomp", "conj") or any(
        c.dep_ in ("dobj", "xcomp", "advcl") or (c.dep_ == "mark" and c.lower_ != "that")
        for c in verb.children
    ):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":  # "the patrols are lawful and will continue"
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or forecast(verb):
        return None
    lemma = subj.lemma_.lower()
    if lemma in _ACTIVITY:
        if _goes_on_until(verb) is not None:
            return None  # "… will continue for as long as necessary" threatens (menace_trigger)
        return Trigger(verb, "reject", "frame", content=[subj], fixed=True)
    if lemma in _TALKS_GO_ON:
        return Trigger(verb, "accept", "frame", content=[subj], fixed=True)
    return None


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {
    "menace": menace_trigger,
    "selfhelp": self_help_trigger,
    "patience": patience_trigger,
    "goeson": goes_on_trigger,
}


#: Verbs that raise pressure on a side ("increase", "step up", "ramp up", "keep up").
_RAISING = word_list("pressure_raising_verbs")


def raised_pressure_verb(verb: Token) -> bool:
    """ "increase pressure on Moscow", "step up the pressure": pressure raised on a side with no
    act it asks of that side ("… pressure on Belgrade to recognise Kosovo" is a demand)."""
    if verb.lemma_.lower() not in _RAISING or any(c.dep_ == "neg" for c in verb.children):
        return False
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "pressure"]
    return bool(nouns) and not any(
        c.dep_ in ("acl", "xcomp", "relcl") for c in [*nouns[0].children, *verb.children]
    )


def raised_pressure(noun: Token) -> bool:
    """ "will keep increasing the pressure on Moscow", "the EU will step up pressure on Minsk
    unless the flights stop": pressure announced to rise, with no act asked, threatens more of
    it.  Pressure
    already applied ("has increased pressure") is a report of conduct, not a warning; under
    "ready to" the willing adjective reads it (a hostile act, resolve.hostile_act)."""
    verb = noun.head
    if noun.lemma_.lower() != "pressure" or noun.dep_ != "dobj" or not raised_pressure_verb(verb):
        return False
    chain = [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp") else [verb]
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for v in chain for c in v.children)
