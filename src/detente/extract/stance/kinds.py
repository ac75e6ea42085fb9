"""The kind of a stance where the trigger word alone does not decide it.

* Readiness ("ready/willing/prepared/open to X", "readiness for X") offers the holder's own
  step — talks, a meeting, a concession — and accepts only what belongs to someone else: a
  mission, an envoy, a proposal ("ready to cooperate with the mission", "open to the idea"),
  or the step the same sentence welcomes ("welcomed the plan and said it was ready to work
  on it").
  Weighing verbs ("ready to consider the requests") accept what they weigh.
* Preference ("favours a phased deal", "is understood to favour turning the truce into a
  protocol") proposes an open choice and accepts a definite text ("favours the AU plan").
* A refusal to tolerate voiced as intent ("would not tolerate a terrorist structure on its
  border") is a warning: a threat, not a rejection.
* A penalty kept up while another's conduct goes on ("the border will remain closed for as
  long as our neighbour shelters those who attack us", "would not conclude trade agreements
  while the fighting went on") is a threat, as is a consequence by force set on a condition
  ("if they want to go on fighting, we will achieve our goals by military means").
* A step declared impossible ("resettlement on the atoll is not possible") is rejected by
  whoever declares it.
* Wanting to make one's own gesture ("wanted to normalise relations and reopen the embassy")
  puts it forward (a proposal); wanting what another must do stays a demand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from detente.extract.lexicon import StanceLexicon, stance_lexicon, word_list
from detente.extract.stance.conditions import agent_subject, lacking_trigger, only_on_terms
from detente.extract.stance.consequences import _IF_MARKS as _CONDITION_MARKS
from detente.extract.stance.consequences import forecast
from detente.extract.stance.lexis import _ANONYMITY, _ATTENDING, _MODALS, _PLAN_NOUNS
from detente.extract.stance.model import Trigger
from detente.extract.stance.offenders import OFFENDER_WORDS, PENALTY_MARKS, designated, offender
from detente.extract.stance.predicates import _JUDGEMENTS

_WEIGHING = word_list("weighing_verbs")
#: Helping verbs whose readiness offers help unless a text is backed ("ready to support …").
_SUPPORTING = word_list("supporting_verbs")
_READY = stance_lexicon().willingness | {"readiness", "willingness"}
_CONTINUING = word_list("continuing_verbs")
#: Going on with one's own part ("ready to keep talking", "to keep hosting the talks").
_GOING_ON = frozenset({"keep"})
#: Talking, as verb or noun: readiness for it offers the holder's part, whatever it is about.
_TALKING = word_list("talking_words")
_WELCOMING = word_list("welcoming_verbs")
_OTHERS_EFFORTS = word_list("others_efforts")
_OWN_GESTURES = word_list("own_gestures")
_WANTING = word_list("wanting_verbs")
_PREFERENCE = word_list("preference_verbs")
_MENACING_REFUSALS = word_list("menacing_refusals")
_KEPT_PENALTIES = word_list("kept_penalties")
_WITHHELD = word_list("withheld_benefits")
_ONGOING = word_list("ongoing_verbs")
_FORCE_MEANS = word_list("force_means")
_CLOSING = word_list("closing_verbs")
_CLOSABLE = word_list("closable")
_IMPOSSIBLE = word_list("impossible_verdicts")
_DEFENDING = word_list("defending_verbs")
_LAND = word_list("defended_land")
_STANDING_DEALS = word_list("standing_deals")
#: What a holder "committed to" upholds rather than offers: a deal, a format, a process.
_UPHELD = _STANDING_DEALS | {"format", "process", "policy", "framework", "text", "formula"}
_STANDING_STATES = word_list("standing_states")
#: Hostilities a side can say it does not want ("does not want war").
_NO_WAR = frozenset({"war", "confrontation", "conflict", "escalation", "hostilities", "fighting"})
#: Verdicts of war on an act ("would be treated as an act of war"; targets: offenders.py).
_MENACE = word_list("menace_verdicts") | word_list("war_words") | {"hostile"}
#: Trigger classes of a party's own act, which a forecaster may only predict.
_ACTS = frozenset({"concession", "retention", "verb"})
#: What an invitation to talks names ("invited the rebels to join the talks"): an offer.
_TALK_WORDS = word_list("invited_talks")
#: What a newsroom asks a party for ("asked the ministry for comment"): no stance.
_NEWSROOM = frozenset({"comment", "comments", "reaction", "response", "clarification", "interview"})
#: Verbs of a passive verdict: "would be treated as an act of war".
_REGARDING = word_list("regarding_verbs")
_VERDICT_CONDITIONS = word_list("verdict_conditions")
_WAR = word_list("war_words")
#: Acts of helping others settle, which a holder who "wants to" do them offers.
_HELPING = frozenset({"work", "help", "mediate", "facilitate", "assist", "host", "broker"})
#: Means of force whose option kept open threatens ("did not rule out sending troops").
_FORCES = word_list("troops") | _FORCE_MEANS | {"invasion", "invade", "strike", "attack"}
#: Subordinators of a condition on what goes on ("while", "until", "as long as").
_WHILE_MARKS = frozenset({"while", "until", "till", "as"})
#: Subordinators that name what lifts a penalty whatever it is ("until the hostages are
#: returned", "as long as the situation is unresolved"); "while" needs conduct that goes on.
_LIFTING_MARKS = frozenset({"until", "till", "as"})
_IF_MARKS = frozenset({"if", "unless"})
#: Quotation marks: a quoted sentence is voiced by its speaker.
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'"})
#: Determiners of an open choice ("a phased deal", "any arrangement that …").
_OPEN_DETS = frozenset({"a", "an", "any", "some", "another"})


def _names_others_effort(tok: Token) -> bool:
    """Whether the phrase under *tok* names another's effort or text ("with the mission",
    "to the proposal", "with the UN envoy")."""
    return any(
        t.lemma_.lower() in _OTHERS_EFFORTS or t.lower_ in _OTHERS_EFFORTS for t in tok.subtree
    )


def _backs_text(verb: Token) -> bool:
    """Whether *verb* ("support", "assist") has a plan or text of the talks as its object
    ("ready to support the proposal" accepts it; "ready to support any dialogue" offers help)."""
    return any(
        d.dep_ in ("dobj", "pobj") and d.lemma_.lower() in _PLAN_NOUNS
        for c in verb.children
        if c.dep_ in ("dobj", "prep")
        for d in (c, *c.children)
    )


def _after_welcome(tok: Token) -> bool:
    """ "welcomed the plan and said it was ready to work with Washington on it": readiness in
    the sentence that welcomes another's step answers that step."""
    return any(
        t.i < tok.i and t.pos_ == "VERB" and t.lemma_.lower() in _WELCOMING for t in tok.sent
    )


def willing_kind(
    tok: Token,
    lex: StanceLexicon,
    hostile: Callable[[Token], bool],
    verb_kind: Callable[[Token], str | None] | None = None,
) -> str | None:
    """Kind of "willing/ready/open to X" (or "readiness for X") at *tok*: a hostile action is a
    threat, a stance verb keeps its own kind (*verb_kind*, when given, says whether the verb is
    one here: "put" is only with "forward" or "on the table"), weighing another's text or joining
    another's effort accepts it, and the holder's own step (talks, a concession) is an offer."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "acl"):
            lemma = c.lemma_.lower()
            if hostile(c):
                return "threaten"
            own = verb_kind(c) if verb_kind is not None else lex.verbs.get(lemma)
            if own is not None:
                return own
            if lemma in _GOING_ON:
                return "offer"  # "ready to keep facilitating talks": more of its own part
            if lemma in _WEIGHING or lemma in _CONTINUING or lemma in _ATTENDING:
                # "ready to consider the requests", "to continue contacts", "to attend"
                return "accept"
            if lemma in _TALKING:
                return "offer"  # "ready to discuss the details in the commission": its own talks
            if lemma in lex.cooperative:
                objs = [d for d in c.children if d.dep_ in ("dobj", "prep")]
                answers = any(_names_others_effort(d) for d in objs) or _after_welcome(tok)
                return "accept" if answers else "offer"
            return "offer"
        if c.dep_ == "prep" and (
            c.lower_ in ("to", "for", "on") or (c.lower_ == "in" and tok.lower_ == "interested")
        ):
            obj = next((d for d in c.children if d.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                return "accept"
            if obj.lemma_.lower() in _TALKING and not any(d.dep_ == "poss" for d in obj.children):
                return "offer"  # "ready for talks on the implementation of the award"
            if obj.lemma_.lower() in _WEIGHING or _names_others_effort(obj) or _after_welcome(tok):
                return "accept"  # "open to the proposal", "open to considering the idea"
            if any(d.dep_ == "poss" for d in obj.children):
                return "accept"  # "open to Washington's framework"
            if tok.lower_ == "committed" and obj.lemma_.lower() in _UPHELD:
                return "accept"  # "remains committed to the ceasefire": upholds what stands
            return "offer"  # "open to talks", "ready for a meeting at any time"
    return None


#: Adverbs that leave a negated verdict pending ("has not accepted it yet", "has not accepted
#: it either", "has not formally rejected it"): no stance either way.  ("has not rejected it
#: outright" stays a hedged acceptance, as the conventions code it.)
_PENDING = frozenset({"yet", "either", "formally"})


def war_renounced(verb: Token) -> bool:
    """ "The DPRK does not want war", "Baku does not seek a confrontation", "will not return to
    war": a negated wish for hostilities, or a refused return to them, is a reassurance (an
    offer of calm), not a refusal of a ceasefire."""
    lemma = verb.lemma_.lower()
    if lemma in ("return", "revert", "slide", "go"):
        # "will not return to war", "will not go back to war" ("to" under "back" or the verb)
        heads = [verb, *(c for c in verb.children if c.lower_ == "back")]
        return any(
            p.dep_ == "prep"
            and p.lower_ == "to"
            and any(o.lemma_.lower() in _NO_WAR for o in p.children)
            for h in heads
            for p in h.children
        )
    if lemma == "look":  # "is not looking for a confrontation"
        return any(
            p.dep_ == "prep"
            and p.lower_ == "for"
            and any(o.lemma_.lower() in _NO_WAR for o in p.children)
            for p in verb.children
        )
    return lemma in ("want", "seek", "desire") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _NO_WAR for c in verb.children
    )


def undecided(verb: Token) -> bool:
    """Whether a negated acceptance or rejection at *verb* only says the decision is still
    pending: an adverb of time or form on a verb with no modal ("will not accept it yet" is a
    refusal)."""
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return False
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _PENDING for c in kids)


def mandative(verb: Token) -> bool:
    """ "insisted that Ukraine abandon its bid": a that-clause in the bare (subjunctive) form
    asks for the act; the reporting verb is a demand, not a report of another stance."""
    return any(c.dep_ == "ccomp" and mandate_clause(c) for c in verb.children)


def mandate_clause(verb: Token) -> bool:
    """Whether *verb* heads a subjunctive that-clause ("… that the M23 withdraw from Goma"): a
    bare form with a subject of its own and no modal, under another verb.  What it names is
    asked of that subject, no offer of the subject's own."""
    if verb.dep_ != "ccomp" or verb.tag_ not in ("VB", "VBP"):
        return False
    kids = list(verb.children)
    if any(k.dep_ in ("aux", "auxpass") for k in kids):
        return False  # "that Ukraine must abandon", "that they will leave": read as usual
    # a bare form after a singular subject is no indicative ("Ukraine abandon"); after a
    # plural one only the untagged base form tells ("the rebels leave" may be a fact)
    singular = ("NN", "NNP") if verb.tag_ == "VBP" else ("NN", "NNP", "NNS", "NNPS")
    if verb.tag_ == "VBP" and verb.head.tag_ == "VBD":
        # "insisted that Ukrainian troops leave": a present under a past is no indicative
        singular = ("NN", "NNP", "NNS", "NNPS")
    return any(k.dep_ == "nsubj" and k.tag_ in singular for k in kids)


def _negated_intent(tok: Token) -> bool:
    """ "will not / would never / won't tolerate": a negated verb under a modal."""
    kids = list(tok.children)
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in kids)
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids)
    return negated and modal


def _refused_as_passive(tok: Token) -> bool:
    """ "no meddling will be tolerated", "interference would not be tolerated": a passive
    refusal under a modal, negated on the verb or on its subject."""
    kids = list(tok.children)
    if not any(c.dep_ == "auxpass" for c in kids) or not any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in kids
    ):
        return False
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in kids):
        return True
    return any(
        c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in kids
    )


def _open_choice(verb: Token) -> bool:
    """ "favour a phased deal", "favour turning it into a protocol": the object is not a
    definite text the holder accepts."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and c.tag_ == "VBG"):
            return True  # a course of action: "favour turning the truce into a protocol"
        if c.dep_ == "dobj":
            if c.lemma_.lower() in _OTHERS_EFFORTS and any(
                d.dep_ in ("poss", "compound") or d.lower_ == "the" for d in c.children
            ):
                return False  # "favours the AU plan", "favours Washington's proposal"
            dets = [d for d in c.children if d.dep_ == "det"]
            return not dets or any(d.lower_ in _OPEN_DETS for d in dets)
    return False


def _own_gesture(verb: Token, gestures: frozenset[str] | None = None) -> bool:
    """ "wanted to normalise relations and reopen the embassy": the wanted act is the holder's
    own (no subject of its own) and gives something or restores a relation (or is one of
    *gestures*)."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            if any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children):
                return False
            return c.lemma_.lower() in (_OWN_GESTURES if gestures is None else gestures)
    return False


def _clause_conditions(verb: Token, marks: frozenset[str]) -> list[Token]:
    """Adverbial clauses of *verb* (also under its complement) opened by one of *marks*."""
    out = []
    for t in verb.subtree:
        # "If the forces do not pull back, Putin said, Russia will take …": the parser hangs
        # the opening condition on the reporting verb set in the middle of the sentence
        inset = t.head.dep_ == "parataxis" and t.head.head.i == verb.i
        if t.dep_ != "advcl" or t.i < verb.i and t.head.i != verb.i and not inset:
            continue
        if any(
            c.dep_ == "mark"
            and c.lower_ in marks
            and (c.lower_ != "as" or c.doc[c.i - 1].lower_ == "long")  # not "as planned"
            for c in t.children
        ):
            out.append(t)
    return out


def _ongoing_conduct(cond: Token) -> bool:
    """ "while the fighting went on", "as long as X continues to shelter …": conduct that goes on."""
    if cond.lemma_.lower() in _ONGOING:
        return True
    return any(t.lemma_.lower() in _WAR or t.lower_ in _WAR for t in cond.subtree)


def _penalty(verb: Token) -> bool:
    """ "will remain closed", "would not conclude trade agreements": a penalty kept up."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma in ("remain", "stay", "keep"):
        return any(
            c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and c.lower_ in _KEPT_PENALTIES
            for c in kids
        )
    if not _negated_intent(verb):
        return False
    # "would not conclude trade agreements"; "aid will not flow until …" (a withheld
    # benefit as the subject of a verb of coming, with a condition for lifting it)
    deps = ("dobj", "nsubjpass")
    if _clause_conditions(verb, _LIFTING_MARKS):
        deps += ("nsubj",)
    return any(c.dep_ in deps and _names_withheld(c) for c in kids)


def _names_withheld(phrase: Token) -> bool:
    """Whether the phrase under *phrase* names a benefit that can be withheld ("trade",
    "reconstruction aid")."""
    return any(t.lemma_.lower() in _WITHHELD or t.lower_ in _WITHHELD for t in phrase.subtree)


def _closing(verb: Token) -> bool:
    """ "would shut the border", "will close its airspace to …": a closure voiced as intent."""
    if verb.lemma_.lower() not in _CLOSING or _negated_intent(verb):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return False
    return any(
        c.dep_ in ("dobj", "prt")
        and c.lemma_.lower() in _CLOSABLE
        or c.dep_ == "dobj"
        and any(t.lower_ in _CLOSABLE for t in c.subtree)
        for c in verb.children
    )


def _kept_penalty(tok: Token) -> bool:
    """*tok* or the clause it reports keeps a penalty up while another's conduct goes on, or
    sets a closure on another's conduct ("would shut the border if …")."""
    for verb in [tok, *(c for c in tok.children if c.dep_ == "ccomp")]:
        if _penalty(verb) and (
            _clause_conditions(verb, _LIFTING_MARKS)
            or any(_ongoing_conduct(c) for c in _clause_conditions(verb, _WHILE_MARKS))
        ):
            return True
        if _closing(verb) and _clause_conditions(verb, _IF_MARKS | _WHILE_MARKS):
            return True
    return False


def _withheld_subject(verb: Token) -> bool:
    """Whether *verb*'s subject is a benefit or passage held back ("aid", "the crossing")."""
    return any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in _WITHHELD or c.lemma_.lower() in _CLOSABLE)
        for c in verb.children
    )


def _actor_subject(verb: Token) -> bool:
    """Whether *verb*'s subject names someone (a name or a pronoun), not a thing."""
    return any(
        c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or c.ent_type_) for c in verb.children
    )


def _force_consequence(verb: Token) -> bool:
    """ "if they go on fighting, we will achieve our goals by military means": a modal
    consequence by force, set on a condition."""
    if verb.pos_ != "VERB" or not any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children
    ):
        return False
    if _negated_intent(verb):
        return False
    by_force = any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "through", "with")
        and any(t.lower_ in _FORCE_MEANS for t in c.subtree if t.i != c.i)
        and any(t.lower_ in ("military", "force", "arms", "weapons") for t in c.subtree)
        for c in verb.children
    ) or any(c.dep_ == "advmod" and c.lower_ == "militarily" for c in verb.children)
    return by_force and bool(_clause_conditions(verb, _IF_MARKS))


def _impossible(be: Token) -> bool:
    """ "Resettlement on Diego Garcia is not possible", "a return to the old line is
    unthinkable": a step (a noun, not "it") declared impossible, with no condition attached."""
    if be.lemma_ != "be" or be.dep_ in ("relcl", "advcl", "acl"):
        return False
    kids = list(be.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    negated = any(c.dep_ == "neg" for c in kids)
    verdict = any(
        c.dep_ == "acomp"
        and (c.lower_ in _IMPOSSIBLE or (negated and c.lower_ == "possible"))
        and not any(d.dep_ == "neg" for d in c.children)
        for c in kids
    )
    if not verdict or (negated and any(c.lower_ in _IMPOSSIBLE for c in kids)):
        return False
    return not any(
        t.lower_ in _VERDICT_CONDITIONS and t.dep_ in ("prep", "mark") for t in be.subtree
    )


def menacing_verdict(verb: Token) -> bool:
    """ "Any attempt to divert the river would be treated as an act of war", "such a
    deployment would be regarded as a direct threat": a warning by the speaker."""
    if verb.lemma_.lower() not in _REGARDING or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return False
    said = [
        t
        for c in verb.children
        if c.dep_ in ("oprd", "attr", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
        for t in c.subtree
    ]
    return any(t.lemma_.lower() in _MENACE for t in said)


def _vowed_defence(verb: Token) -> bool:
    """ "Venezuela would defend every centimetre of the region", "our forces will defend
    themselves": defence voiced as intent, by a subject of its own, warns the other side."""
    if verb.lemma_.lower() not in _DEFENDING or verb.pos_ != "VERB" or _negated_intent(verb):
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return False
    if any(c.dep_ == "neg" for c in kids):
        return False
    return any(c.dep_ == "nsubj" for c in kids) and any(c.dep_ == "dobj" for c in kids)


def _standing_deal(verb: Token) -> str | None:
    """ "The peace deal remained in force", "the truce is still valid": the speaker upholds the
    deal (accept); "the accord is no longer binding" gives it up (reject)."""
    if verb.lemma_.lower() not in ("be", "remain", "stay") or verb.dep_ in ("relcl", "acl"):
        return None
    kids = list(verb.children)
    if verb.dep_ == "advcl" or any(c.dep_ == "mark" for c in kids):
        return None  # "once a ceasefire is in place": a condition, not a verdict
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _STANDING_DEALS:
        return None
    standing = any(
        (c.dep_ == "acomp" and c.lower_ in _STANDING_STATES)
        or (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(o.dep_ == "pobj" and o.lower_ in _STANDING_STATES for o in c.children)
        )
        for c in kids
    )
    if not standing or _clause_conditions(verb, _WHILE_MARKS | _IF_MARKS):
        return None  # "remained in force until both sides agreed otherwise": a fact of law
    own = [t for c in kids if c.dep_ != "nsubj" for t in c.subtree]
    negated = any(t.dep_ == "neg" or t.lower_ in ("longer", "never") for t in own)
    return "reject" if negated else "accept"


def penalty_issue(tok: Token) -> str | None:
    """The issue of a threat at *tok* that no cue names: closing a border, a port or trade, or
    withholding aid, is economic pressure; a consequence by force is about the fighting;
    defending land is about territory."""
    if _vowed_defence(tok):
        # "defend every centimetre of the region", "defend its sovereignty": land at stake
        held = [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree]
        if any(t.ent_type_ in ("GPE", "LOC") or t.lemma_.lower() in _LAND for t in held):
            return "territory"
        return None
    if _force_consequence(tok):
        return "ceasefire"
    if not (_closing(tok) or _penalty(tok)):
        return None
    return "economy"


def withheld_thing(tok: Token) -> Token | None:
    """The benefit a threat at *tok* holds back ("aid will not flow until …", "would not
    conclude trade agreements"), which names the threat's issue; None for other threats."""
    if tok.lemma_.lower() in ("remain", "stay", "keep") or not _penalty(tok):
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass", "nsubj") and _names_withheld(c)
        ),
        None,
    )


def refine_kind(trig: Trigger) -> Trigger:
    """Revise *trig*'s kind where its shape decides over its word (see the module doc)."""
    tok = trig.token
    lemma = tok.lemma_.lower()
    if (
        trig.cls in ("concession", "retention")
        and trig.kind != "threaten"
        and _force_consequence(tok)
    ):
        trig.kind, trig.fixed = "threaten", True  # "would restore its sovereignty by force if …"
        return trig
    if (
        trig.cls in ("verb", "concession", "retention")
        and trig.kind != "threaten"
        and _kept_penalty(tok)
    ):
        if not _actor_subject(tok) and (trig.cls != "verb" or _withheld_subject(tok)):
            # "the border will stay closed as long as …, Baku said", "aid will not flow
            # until …": a thing as subject, the speaker's warning
            trig.cls = "must"
        trig.kind, trig.fixed = "threaten", True
        return trig
    if trig.cls == "verb" and (who := offender(tok) or designated(tok)) is not None:
        # "whoever crosses the line will regret it", "would consider such troops legitimate
        # targets": a warning, not regret or consideration
        trig.kind, trig.cls, trig.content, trig.fixed = "threaten", "consequence", [who], True
        return trig
    if trig.cls != "verb":
        return trig
    if (kept := option_kept(tok)) is not None:
        # "declined to rule out sending in troops", "did not rule out military action": an
        # option of force kept open threatens; another option kept open is accepted
        trig.kind, trig.fixed = ("threaten" if kept else "accept"), True
        return trig
    if lemma in _MENACING_REFUSALS and trig.kind in ("accept", "reject"):
        if _negated_intent(tok) and (
            lemma != "stand" or any(c.lower_ == "for" for c in tok.children)
        ):
            trig.kind, trig.fixed = "threaten", True
        elif _refused_as_passive(tok):
            # "no outside meddling will be tolerated, Beijing said": the speaker's warning
            trig.kind, trig.fixed, trig.cls = "threaten", True, "must"
    elif (lemma in _PREFERENCE and trig.kind == "accept" and _open_choice(tok)) or (
        lemma in _WANTING and trig.kind == "demand" and _own_gesture(tok)
    ):
        trig.kind = "propose"
    elif lemma in _WANTING and trig.kind == "demand" and _own_gesture(tok, _HELPING):
        trig.kind = "offer"  # "wants to work with both countries": help offered
    return trig


def refine_kinds(triggers: list[Trigger]) -> list[Trigger]:
    """Revise the kinds of *triggers* in place and return them."""
    for trig in triggers:
        refine_kind(trig)
        if trig.kind in ("offer", "accept") and only_on_terms(trig.token):
            trig.kind, trig.fixed = "demand", True  # "will only talk to the real leadership"
    # "analysts say Israel would resume its offensive": a forecast, not the party's stance
    return [t for t in triggers if t.cls not in _ACTS or not forecast(t.token)]


def _voiced(tok: Token, state: Any) -> bool:
    """Whether *tok*'s clause is someone's words (reported, quoted or spoken in a transcript
    turn), not the report's own narration ("the truce remains in place" as a fact)."""
    if state is not None and state.turn_of(tok) is not None:
        return True
    if any(t.text in _QUOTES for t in tok.sent):
        return True
    reporting = stance_lexicon().reporting
    head = tok
    while head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in reporting:
            return True
    return any(
        c.dep_ in ("parataxis", "advcl", "conj") and c.lemma_.lower() in reporting
        for c in tok.children
    )


#: Parts of speech that can head a stance found by its shape.
_SHAPE_HEADS = frozenset({"VERB", "AUX", "ADJ"})
#: Every shape needs one of these words in its sentence: a sentence without any is skipped.
_SHAPE_WORDS = (
    _IMPOSSIBLE
    | {"possible"}
    | _STANDING_DEALS
    | _MENACE
    | _FORCE_MEANS
    | _DEFENDING
    | _KEPT_PENALTIES
    | _WITHHELD
    | _CLOSING
    | OFFENDER_WORDS
    | PENALTY_MARKS
    | {"any", "every", "target", "without"}
)


#: word hash -> is it (LOWER) / its lower-cased form (LEMMA) one of the shape words; hashes
#: name the same string in every store, so the answers hold for every document
_SHAPE_LOWER: dict[int, bool] = {}
_SHAPE_LEMMA: dict[int, bool] = {}


def _shape_word_marks(doc: Doc) -> list[bool]:
    """Per token: is its lower-cased form or lemma one of :data:`_SHAPE_WORDS` (as
    ``t.lower_ in _SHAPE_WORDS or t.lemma_.lower() in _SHAPE_WORDS``, from the attribute
    array)?"""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    marks: list[bool] = []
    for low, lem in doc.to_array([LOWER, LEMMA]).tolist():
        hit = _SHAPE_LOWER.get(low)
        if hit is None:
            hit = _SHAPE_LOWER[low] = strings[low] in _SHAPE_WORDS
        if not hit:
            hit = _SHAPE_LEMMA.get(lem)
            if hit is None:
                hit = _SHAPE_LEMMA[lem] = strings[lem].lower() in _SHAPE_WORDS
        marks.append(hit)
    return marks


def shape_triggers(doc: Doc, taken: set[int], state: Any = None) -> list[Trigger]:
    """Stances of *doc* that no trigger word marks, found by their shape (tokens in *taken*
    already hold a trigger): conditioned force, vowed defence, kept or threatened penalties
    and acts to be treated as aggression (threats), steps declared impossible (rejections),
    deals declared still standing (accepted) or no longer so (rejected)."""
    out: list[Trigger] = []
    marked = _shape_word_marks(doc)
    heads = [
        tok
        for sent in doc.sents
        if any(marked[sent.start : sent.end])
        for tok in sent
        if tok.pos_ in _SHAPE_HEADS  # every shape below is headed by a verb or an adjective
    ]
    for tok in heads:
        if tok.i in taken or (tok.dep_ == "ccomp" and tok.head.i in taken):
            continue  # "reaffirms that the border will remain closed …": the reporting trigger
        if _impossible(tok) and _voiced(tok, state):
            out.append(Trigger(tok, "reject", "mustbe", fixed=True))
        elif (standing := _standing_deal(tok)) is not None and _voiced(tok, state):
            out.append(Trigger(tok, standing, "must", fixed=True))
        elif (who := offender(tok) or designated(tok)) is not None and (
            _voiced(tok, state) or (who.dep_ == "dobj" and _actor_subject(tok))
        ):
            # "whoever dares to interfere will be dealt a blow": what the offender would do
            out.append(Trigger(tok, "threaten", "consequence", content=[who], fixed=True))
        elif menacing_verdict(tok) and _voiced(tok, state):
            # the act warned against (the passive subject) is what the threat is about
            out.append(Trigger(tok, "threaten", "consequence", fixed=True))
        elif _force_consequence(tok) or _vowed_defence(tok):
            out.append(Trigger(tok, "threaten", "verb", fixed=True))
        elif (lacks := lacking_trigger(tok)) is not None and (
            _actor_subject(tok) or agent_subject(tok) or _voiced(tok, state)
        ):
            # "would not lay down their weapons without guarantees for their safety"
            out.append(lacks)
        elif (_penalty(tok) or _closing(tok)) and _kept_penalty(tok):
            # "Israel will close the crossing if …": the subject's threat; "the crossing will
            # stay shut while …, Cairo said": a thing as subject, the speaker's
            if _actor_subject(tok):
                out.append(Trigger(tok, "threaten", "verb", fixed=True))
            elif _voiced(tok, state):
                out.append(Trigger(tok, "threaten", "must", fixed=True))
    return out


def verb_kind(verb: Token, kind: str | None) -> str | None:
    """The kind of stance verb *verb* given its lexicon *kind*, read from its shape: an
    invitation to an act of the invitee asks it of them ("invited the rebels to lay down their
    arms"); a newsroom's request ("asked the army for comment") or a source's for anonymity
    is no stance at all."""
    if kind is None:
        return None
    if verb.lemma_.lower() == "invite" and invited_act(verb):
        return "demand"
    if kind == "accept" and any(
        c.dep_ == "dobj"
        and c.lower_ == "nothing"
        and any(a.lower_ in ("short", "less") for a in c.children)
        for c in verb.children
    ):
        return "demand"  # "would accept nothing short of the return of the islands"
    if (
        kind == "demand"
        and verb.lemma_.lower() == "call"
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        and _ends_in_verdict(verb)
    ):
        return None  # "calls any Western troops on its soil unacceptable" names, asks nothing
    if (
        kind == "accept"
        and verb.lemma_.lower() in _SUPPORTING
        and verb.dep_ in ("xcomp", "acl")
        and verb.head.lemma_.lower() in _READY
        and not _backs_text(verb)
    ):
        return "offer"  # "stands ready to support any dialogue": help offered, no text backed
    if (
        kind == "accept"
        and any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children)
        and not any(t.lower_ in _CONDITION_MARKS for t in verb.subtree)
    ):
        # "will only accept a truce that …": the terms it insists on ("would only sign
        # provided that …" is a conditional acceptance: the "only" is the condition's)
        return "demand"
    if kind == "demand" and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(p.lemma_.lower() in _NEWSROOM for p in c.children)
        for c in verb.children
    ):
        return None
    if kind == "demand" and any(
        (c.dep_ == "dobj" and c.lemma_.lower() == "anonymity")
        or (
            c.dep_ == "xcomp"
            and c.lemma_.lower() in _ANONYMITY
            and any(a.dep_ == "auxpass" for a in c.children)
        )
        for c in verb.children
    ):
        return None  # "who asked not to be named", "requested anonymity": the source's terms
    if (
        kind == "accept"
        and verb.lemma_.lower() in _WEIGHING
        and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)
    ):
        return "offer"  # "would consider selling power at a discount": a step of its own floated
    return kind


def _ends_in_verdict(verb: Token) -> bool:
    """Does the clause of *verb* end on a verdict ("… unacceptable", "… illegal")?"""
    last = verb.right_edge
    while (last.is_punct or last.is_space) and last.i > verb.i:
        last = last.nbor(-1)
    return last.lower_ in _JUDGEMENTS


def invited_act(verb: Token) -> bool:
    """ "Invited the armed groups to lay down their weapons", "invited the ELN to declare a
    truce": an invitation to an act of the invitee is asked of it (a demand); one to talks, a
    conference or a mechanism ("invited Burundi to join the talks") stays an offer."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(t.lemma_.lower() in _TALK_WORDS for t in act.subtree)


def opens_passage(verb: Token) -> bool:
    """Whether *verb* widens or resumes a passage or a benefit ("the crossings will be
    expanded if …"): its object or passive subject is a crossing, aid, trade or the like,
    which makes the act a gesture, not a menace."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _CLOSABLE for c in verb.children
    )


def option_kept(verb: Token) -> bool | None:
    """For "did not rule out X" and "declined / refused to rule out X" at *verb*: whether X is
    an option of force (True) or another option (False); None for any other verb."""
    rule = verb
    if verb.lemma_.lower() in ("decline", "refuse"):
        rule = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    elif not any(c.dep_ == "neg" for c in verb.children):
        return None
    if rule.lemma_.lower() != "rule" or not any(
        c.dep_ == "prt" and c.lower_ == "out" for c in rule.children
    ):
        return None
    force = any(
        t.lemma_.lower() in _WAR or t.lower_ in _WAR or t.lemma_.lower() in _FORCES
        for c in rule.children
        if c.dep_ in ("dobj", "xcomp", "pcomp", "ccomp")
        for t in c.subtree
    )
    # "did not rule out a referendum" is left to the negation (a hedged acceptance)
    return True if force else (False if rule is not verb else None)
