"""Consequences a party announces for another's conduct, with no threat verb.

A threat is often voiced as a plain conditional about what the speaker's side will do or
what will happen ("if there is no decisive step by the end of the month, we will trigger the
mechanism", "should the talks fail, the army will resume its offensive", "failing that, Ankara
will act alone", "unless the shelling stops, sanctions will return").  This module reads:

* **conditions opened without a subordinator**: an inverted auxiliary ("Should the talks fail",
  "Were Kyiv to refuse", "Had the mediators not intervened") and a condition that points back
  to a demand ("failing that", "or else", "otherwise" — matched as condition phrases);
* **a penalty that arrives on a condition** ("sanctions would follow / will return if …"),
  also as the second half of a coordination ("we will trigger the mechanism and the sanctions
  will come back");
* **the speaker's own punitive act on a condition** ("we will trigger the mechanism", "would
  reconsider its commitments", "will act alone"): a modal, un-negated act from a list of
  punitive or withholding acts, set on a condition, voiced by the side that would act (a first
  person, a pronoun in its own reported speech, or a subject the reporting clause's speaker
  stands for).  A forecast by someone else ("analysts say Israel would resume …") is no threat.

Withholding acts ("suspend", "halt", "freeze") count only when what they hold back is no act of
war: "would halt its strikes if …" is an offer, not a threat.  Word lists are data in
``knowledge/stances.yaml`` (``lists:`` punitive_acts, withholding_acts, penalty_nouns,
consequence_verbs).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import stance_lexicon, word_list
from detente.extract.stance.model import Trigger
from detente.records import Claim

_PUNITIVE = word_list("punitive_acts")
_WITHHOLDING = word_list("withholding_acts")
_RECOURSE = word_list("recourse_verbs")
_VENUES = word_list("legal_venues")
_PENALTY_NOUNS = word_list("penalty_nouns")
#: Verbs by which a penalty arrives ("sanctions would follow / will return").
_ARRIVALS = word_list("consequence_verbs")
_FIGHTING = word_list("war_words")
_WAR = _FIGHTING | word_list("troops")
_CONCEDED = word_list("held_back_concessions")
_AGENTS = word_list("agent_nouns") | word_list("troops") | word_list("party_nouns")
#: Modals of an announced act ("will", "would", "'ll", "shall").
_MODALS = frozenset({"will", "would", "'ll", "shall", "wo"})
_MAYBE = _MODALS | {"could", "may", "might"}
#: Auxiliaries that open a condition by inversion ("Should the talks fail, …").
INVERSIONS = frozenset({"should", "were", "had"})
#: Subordinators of a condition on a consequence.
_IF_MARKS = frozenset({"if", "unless", "once", "provided", "providing", "should"})
#: Heads of a condition that points back to a demand ("failing that", "otherwise").
FALLBACKS = frozenset({"failing", "otherwise", "else", "or"})
_FIRST_PERSON = frozenset({"we", "i", "us"})
_PRONOUNS = frozenset({"we", "i", "it", "they", "he", "she"})
_FORECASTERS = word_list("forecasters")
#: How far back (characters) the demand a "failing that" points to may be.
_REACH = 400
#: Verbs by which fighting comes back ("the fighting will resume if …").
_RESUMING = word_list("resuming_verbs")
#: Verbs of forecasting: what follows is a prediction ("diplomats expect that …").
#: ("Seoul fears that Pyongyang will …", "Kyiv hopes Moscow will …": the other party's act as
#: foreseen, feared or hoped for by someone else, not that party's stance)
_FORECASTING = frozenset(
    {"expect", "predict", "forecast", "anticipate", "reckon", "speculate"}
    | {"fear", "worry", "suspect", "hope", "bet", "doubt"}
)

#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|ownconsequence": [
        [{"LEMMA": {"IN": sorted(_PUNITIVE | _WITHHOLDING)}, "POS": "VERB"}],
        [{"LEMMA": {"IN": sorted(_RECOURSE)}, "POS": "VERB"}],
    ],
    # over a concession reading of the same verb ("sanctions will return unless …")
    "FRAME|penaltyconsequence": [[{"LEMMA": {"IN": sorted(_ARRIVALS)}, "POS": "VERB"}]],
    "FRAME|warconsequence": [
        [{"LEMMA": {"IN": sorted(_RESUMING)}, "POS": "VERB"}],
        [{"LEMMA": "go", "POS": "VERB"}, {"LOWER": "on"}],  # "the war would go on until …"
    ],
}


def inverted_condition(aux: Token) -> Token | None:
    """The verb of a condition opened by an inverted auxiliary ("Should the talks fail, …",
    "Were Kyiv to refuse, …"): *aux* opens an adverbial clause before its subject."""
    if aux.lower_ not in INVERSIONS:
        return None
    verb = aux if aux.dep_ == "advcl" else aux.head
    if verb.dep_ != "advcl" or verb.left_edge.i != aux.i:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return verb if subj is not None and subj.i > aux.i else None


def _condition_of(verb: Token) -> Token | None:
    """The condition *verb* is set on: an if/unless clause, an inverted one, or "failing
    that"/"otherwise"; a coordinated verb shares its first conjunct's ("we will trigger the
    mechanism and the sanctions will come back")."""
    for c in verb.children:
        if c.dep_ == "advcl" and (
            any(m.dep_ == "mark" and m.lower_ in _IF_MARKS for m in c.children)
            or any(inverted_condition(a) is not None for a in (c, *c.children))
        ):
            return c
        if c.lower_ in FALLBACKS and c.dep_ in ("advcl", "advmod", "npadvmod", "prep"):
            return c
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _condition_of(verb.head)
    if verb.dep_ == "ccomp" and verb.head.lower_ in FALLBACKS:
        return verb.head  # "Failing that, Ankara will act alone" parsed as what fails
    before = _coordinated_before(verb)
    return _condition_of(before) if before is not None else None


def _coordinated_before(verb: Token) -> Token | None:
    """The verb coordinated before *verb* that the parser hung beside it rather than above it
    ("[we will trigger …] and [the sanctions will come back], he said")."""
    if verb.dep_ not in ("ccomp", "conj"):
        return None
    for sib in verb.head.children:
        if (
            sib.i < verb.i
            and sib.dep_ == verb.dep_
            and sib.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "cc" and c.i > sib.i for c in sib.children)
        ):
            return sib
    return None


def pointed_demand(verb: Token, claims: list[Claim], holders: set[str]) -> str | None:
    """The issue of the demand a "failing that" / "otherwise" threat points back to: the
    latest demand of the same holder in the sentences just before ("Turkey wants the militia
    out of the strip by the end of the year. Failing that, Ankara will act alone")."""
    cond = _condition_of(verb)
    if cond is None or cond.lower_ not in FALLBACKS:
        return None
    start = verb.sent.start_char
    for claim in reversed(claims):
        if claim.start >= start or claim.kind != "demand" or claim.actor not in holders:
            continue  # (a demand derived from this very sentence is no antecedent)
        return claim.issue if start - _REACH <= claim.start else None
    return None


def _in_condition(verb: Token) -> bool:
    """Whether *verb* sits inside a condition ("if they cut aid, …"): the condition, no act."""
    return any(
        a.dep_ == "advcl" and any(m.dep_ == "mark" for m in a.children) for a in verb.ancestors
    )


def _modal(verb: Token, modals: frozenset[str] = _MODALS) -> bool:
    """ "will act", "would cut": an announced act, not a negated one."""
    kids = list(verb.children)
    return any(c.dep_ == "aux" and c.lower_ in modals for c in kids) and not any(
        c.dep_ == "neg" for c in kids
    )


def penalty_consequence(verb: Token) -> Trigger | None:
    """ "Sanctions will return unless the shelling stops", "… and the UN sanctions will come
    back": a penalty (a noun, not a party) arriving on a condition, the speaker's threat."""
    if verb.pos_ != "VERB" or not _modal(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in _PENALTY_NOUNS:
        return None
    if _condition_of(verb) is None:
        return None
    return Trigger(verb, "threaten", "consequence", fixed=True)


def _holds_back_war(verb: Token) -> bool:
    """Whether a withholding act holds back fighting, forces or another step of its own
    ("halt its strikes", "freeze the front", "suspend enrichment"): a concession, not a
    penalty."""
    lex = stance_lexicon()
    war = _WAR | _CONCEDED | lex.hostile | lex.threat_actions
    return any(
        t.lemma_.lower() in war or t.lower_ in war
        for c in verb.children
        if c.dep_ in ("dobj", "prep", "prt", "xcomp")
        for t in c.subtree
    )


def _reporting_verb(verb: Token) -> Token | None:
    """The reporting (or forecasting) verb that voices *verb*'s clause, if any."""
    reporting = stance_lexicon().reporting | _FORECASTING
    cur = verb
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "parataxis" and c.lemma_.lower() in reporting:
                return c
        if cur.head.i == cur.i:
            return None
        if cur.dep_ not in ("ccomp", "conj", "parataxis", "xcomp") and not (
            cur.lower_ in FALLBACKS and cur.dep_ == "advcl"
        ):
            return None
        cur = cur.head
        if cur.lemma_.lower() in reporting:
            return cur
    return None


def _reporter(verb: Token) -> Token | None:
    """The subject of the reporting verb that voices *verb*'s clause, if any."""
    said = _reporting_verb(verb)
    return next((s for s in said.children if s.dep_ == "nsubj"), None) if said else None


def _same_side(subj: Token, reporter: Token) -> bool:
    """Whether the reporting clause's speaker stands for the acting subject ("Ankara will act
    alone, the Turkish foreign minister said"; "Guyana would cut all trade links, its
    president said"); never a forecaster's ("analysts say")."""
    from detente.extract.actors import resolve_actor
    from detente.extract.stance.syntax import _head_span

    if reporter.lemma_.lower() in _FORECASTERS:
        return False
    mine = resolve_actor(_head_span(subj))
    theirs = resolve_actor(_head_span(reporter))
    if mine is not None and theirs is not None:
        return mine.id == theirs.id
    # a definite speaker with no side of its own ("the commissioner", "its president") is
    # one the report has already tied to the acting side
    return (
        theirs is None
        and reporter.pos_ == "NOUN"
        and any(
            (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "PRON")
            for c in reporter.children
        )
    )


def forecast(verb: Token) -> bool:
    """ "Analysts say Israel would resume its offensive if …": a modal act a forecaster
    attributes to a party is a prediction, not the party's stance."""
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return False
    said = _reporting_verb(verb)
    if said is None:
        return False
    if said.lemma_.lower() in _FORECASTING:
        return True  # "diplomats expect that Moscow will …"
    return any(s.dep_ == "nsubj" and s.lemma_.lower() in _FORECASTERS for s in said.children)


def _voiced_by_actor(verb: Token, subj: Token) -> bool:
    """Whether the side that would act is the one announcing it, not a forecaster."""
    low = subj.lower_
    if low in _FIRST_PERSON or (subj.pos_ == "NUM" and any(t.lower_ == "us" for t in subj.subtree)):
        return True  # "we will …", "the three of us will …": the speaker's own side
    reporter = _reporter(verb)
    if reporter is None:
        return False  # the report's own narration: a forecast, not a threat
    if low in _PRONOUNS:
        return True  # "Ankara said it would …": the pronoun is the speaker's side
    return _same_side(subj, reporter)


def legal_recourse(verb: Token) -> bool:
    """Does *verb* carry a dispute to a court or another venue ("take the matter to
    international forums", "go to the International Court of Justice", "refer the case to
    arbitration")?"""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "before"):
            if any(p.dep_ == "pobj" and p.lower_ in _VENUES for p in c.children):
                return True
        elif c.dep_ == "xcomp" and c.lower_ in _VENUES:
            return True  # "take the Commission to court", with "court" parsed as a verb
    return False


def own_consequence_trigger(verb: Token) -> Trigger | None:
    """ "If there is no decisive step, we will trigger the mechanism", "failing that, Ankara
    will act alone": the speaker's own punitive act on a condition is its threat."""
    lemma = verb.lemma_.lower()
    recourse = lemma in _RECOURSE and lemma not in _PUNITIVE
    if recourse and not legal_recourse(verb):
        return None  # "would take the lead", "will go ahead"
    # (a court is a threat even as a possibility: "could take the matter to arbitration if …")
    if verb.pos_ != "VERB" or not _modal(verb, _MAYBE if recourse else _MODALS):
        return None
    if verb.dep_ in ("relcl", "acl", "advcl", "pcomp", "amod") or _in_condition(verb):
        return None
    if lemma in _WITHHOLDING and _holds_back_war(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    named = subj.pos_ in ("PROPN", "PRON", "NUM") or bool(subj.ent_type_)
    if not (named or subj.lemma_.lower() in _AGENTS):
        return None  # "the mechanism will trigger …": a thing, not a party, acts
    if _condition_of(verb) is None or not _voiced_by_actor(verb, subj):
        return None
    return Trigger(verb, "threaten", "verb", fixed=True)


def fighting_returns(verb: Token) -> bool:
    """ "The fighting will resume", "hostilities restart": war coming back is no step a side
    offers (it is a threat only when a side sets it on a condition; see below). Troops
    that "return" to their bases are a concession, so only words for fighting count."""
    return verb.lemma_.lower() in _RESUMING and any(
        c.dep_ in ("nsubj", "nsubjpass") and {c.lemma_.lower(), c.lower_} & _FIGHTING
        for c in verb.children
    )


def war_consequence(verb: Token) -> Trigger | None:
    """ "Should Hamas fail to release the captives, the fighting will resume, the office said":
    fighting announced to come back on a condition is the speaker's threat, on the ceasefire.
    Only a side's own voice counts: the report's narration and forecasters ("analysts say the
    war would resume unless …") predict rather than threaten."""
    if verb.pos_ != "VERB" or not _modal(verb) or _in_condition(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or not {subj.lemma_.lower(), subj.lower_} & _FIGHTING:
        return None
    # (an inverted condition may hang beside the verb: "Should X fail, the fighting will resume,
    # she said" parses as two clauses of "said")
    beside = verb.dep_ == "ccomp" and any(
        sib.left_edge.lower_ in INVERSIONS
        and sib.left_edge.dep_ == "aux"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > sib.left_edge.i for c in sib.children)
        for sib in verb.head.children
        if sib.i < verb.i and sib.dep_ == "ccomp"
    )
    if verb.lemma_.lower() == "go" and not any(
        c.dep_ == "prt" and c.lower_ == "on" for c in verb.children
    ):
        return None
    # "… would go on / continue until the last soldier has left": fighting kept up on terms
    until = any(
        t.lower_ in ("until", "till") for c in verb.children for t in (c, *c.children)
    ) or any(  # "… will go on for as long as the boats keep coming"
        t.dep_ == "mark" and t.lower_ == "as" and t.i > 0 and t.nbor(-1).lower_ == "long"
        for t in verb.subtree
    )
    if (_condition_of(verb) is None and not beside and not until) or forecast(verb):
        return None
    reporter = _reporter(verb)
    if reporter is None or reporter.lemma_.lower() in _FORECASTERS:
        return None
    return Trigger(verb, "threaten", "consequence", fixed=True)


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {
    "ownconsequence": own_consequence_trigger,
    "penaltyconsequence": penalty_consequence,
    "warconsequence": war_consequence,
}
