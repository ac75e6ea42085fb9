"""What a stance is about when its wording puts the matter in a dependent phrase.

A warning that one act "would have consequences for" something names the stake in the "for"
phrase: "leaving the bloc would have consequences for the gas price" threatens the gas price, not
membership of the bloc.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.stance.lexis import _WAR_WORDS

#: Nouns of an announced cost whose "for" phrase names what is put at stake.
CONSEQUENCE_NOUNS = frozenset(
    {"consequence", "repercussion", "implication", "cost", "price", "fallout", "impact"}
)


def stakes(trigger: Token, content_ids: set[int]) -> list[Token]:
    """The "for" phrases of consequence nouns in a threat's content ("consequences for the gas
    price and for visa-free entry"): each phrase's object, in order."""
    out: list[Token] = []
    for tok in trigger.subtree:
        if tok.i not in content_ids or tok.lemma_.lower() not in CONSEQUENCE_NOUNS:
            continue
        if tok.pos_ != "NOUN":
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            out.extend(c for c in prep.children if c.dep_ == "pobj")
            # "… for the price of gas and for the visa-free entry": coordinated "for" phrases
            for conj in (t for t in prep.subtree if t.dep_ == "conj" and t.lower_ == "for"):
                out.extend(c for c in conj.children if c.dep_ == "pobj")
    return out


#: Predicates by which an admission grants that something could be done ("officials privately
#: concede that restoring ambassadors is possible", "that some information sharing may be needed").
GRANTED_ADJECTIVES = frozenset(
    {"possible", "feasible", "acceptable", "workable", "inevitable", "unavoidable", "negotiable"}
)
GRANTED_PARTICIPLES = frozenset({"need", "require", "necessary"})
_TENTATIVE = frozenset({"may", "might", "could", "would", "will"})


def granted_clause(verb: Token) -> Token | None:
    """The clause an admission verb grants as possible or needed ("concede that X is possible",
    "admit that some form of sharing may be needed"), or None when the clause is a plain fact
    ("concede that Beijing has shown interest", whose own stance speaks for itself)."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        negated = any(c.dep_ == "neg" for c in clause.children)
        if negated:
            return None
        if clause.lemma_.lower() == "be" and any(
            c.dep_ == "acomp"
            and c.lemma_.lower() in GRANTED_ADJECTIVES
            and not any(g.dep_ == "neg" for g in c.children)
            for c in clause.children
        ):
            return clause
        if (
            clause.lemma_.lower() in GRANTED_PARTICIPLES
            and clause.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in _TENTATIVE for c in clause.children)
        ):
            return clause
    return None


#: Nouns of a text or settlement whose relative clause can say what it settles.
DOCUMENT_NOUNS = frozenset(
    {
        "treaty",
        "text",
        "agreement",
        "deal",
        "accord",
        "arrangement",
        "declaration",
        "document",
        "protocol",
        "draft",
        "clause",
        "communique",
        "resolution",
        "settlement",
    }
)


def contained_document(noun: Token) -> bool:
    """ "any text that refers to maritime access", "the treaty that fixed the border": a text
    whose relative clause (with the text as its subject) names what it is about, so that the
    text's own "process" cue yields to that content."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return False
    for clause in noun.children:
        if clause.dep_ != "relcl":
            continue
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")
            for c in clause.children
        ) and any(c.dep_ in ("dobj", "prep") for c in clause.children):
            return True
    return False


#: Verbs whose cue ("return" of people, "rebuild" of towns) lapses when said of a state of
#: affairs: "wanted the situation to return to how it was", "once trust has been rebuilt".
MOTION_VERBS = frozenset({"return", "rebuild", "restore", "reconstruct"})
ABSTRACT_NOUNS = frozenset(
    {
        "situation",
        "trust",
        "confidence",
        "relation",
        "relations",
        "tie",
        "ties",
        "normalcy",
        "normality",
        "calm",
        "order",
        "stability",
        "quo",
        "status",
        "dialogue",
        "mood",
        "atmosphere",
        "goodwill",
        "credibility",
        "faith",
        "understanding",
        "rapport",
    }
)


def abstract_motion(tok: Token) -> bool:
    """Is *tok* a return or rebuilding said of a state of affairs ("the situation to return",
    "rebuilt trust") or of a state ("Armenia's return"), whose cue names no people or places?"""
    if tok.lemma_.lower() not in MOTION_VERBS:
        return False
    if tok.pos_ == "NOUN":
        # "the door remains open for Armenia's return": a state's return, to a body or talks
        return any(c.dep_ == "poss" and c.ent_type_ == "GPE" for c in tok.children)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in ABSTRACT_NOUNS
        for c in tok.children
    )


def calendar_year(tok: Token) -> bool:
    """Is *tok* the object "2018" of a preposition ("in 2018")?"""
    return (
        tok.dep_ == "pobj"
        and len(tok.text) == 4
        and tok.text.isdigit()
        and tok.text[:2] in ("19", "20")
    )


#: How many tokens back a plural pronoun's antecedent may lie.
_ANTECEDENT_REACH = 60


def plural_antecedents(verb: Token) -> list[Token]:
    """The antecedent of the object "them" of *verb* ("kept restrictions on investment …; New
    Delhi is unlikely to ease them"): the nearest plural common noun before it, within the
    sentence and the one before (a list of at most one)."""
    # the stance verb's own object, or that of the act it governs ("unlikely to ease them")
    acts = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    pron = next(
        (c for a in acts for c in a.children if c.dep_ == "dobj" and c.lower_ == "them"), None
    )
    if pron is None:
        return []
    doc = verb.doc
    first = max(0, pron.i - _ANTECEDENT_REACH)
    sent_start = pron.sent.start
    if sent_start > 0:
        first = max(first, doc[sent_start - 1].sent.start)
    # the nearest plural thing, passing over the people reporting ("analysts say …"); when it
    # names no issue ("Moscow's demands … would not accept them") the back-reference rules decide
    nearest = next(
        (
            t
            for t in reversed(doc[first : pron.i])
            if t.tag_ == "NNS" and t.pos_ == "NOUN" and not t.ent_type_ and t.dep_ != "nsubj"
        ),
        None,
    )
    return [nearest] if nearest is not None else []


def asks_nothing(noun: Token, demand_verbs: frozenset[str]) -> bool:
    """ "had no plans to ask Russia to close its base": having no plan to demand something
    leaves it be (acceptance), unlike "no plans to close the base" (a refusal)."""
    return any(
        c.dep_ in ("acl", "relcl", "xcomp") and c.lemma_.lower() in demand_verbs
        for c in noun.children
    )


#: Verbs that start or wage the fighting their object names ("going to war", "launching an
#: offensive", "initiating military action").
_WAGING = frozenset({"go", "launch", "initiate", "start", "wage", "resume", "begin", "take", "use"})
#: A military build-up disowned ("no plans to station troops", "no intention of building a
#: base") reassures rather than refuses.
_BUILDING = frozenset({"build", "establish", "station", "deploy", "set", "open", "place", "base"})
_BUILT_UP = frozenset(
    {"base", "bases", "troop", "troops", "force", "forces", "presence", "missile"}
)


def _builds_up(verb: Token) -> bool:
    """Is *verb* a military build-up ("building a naval base", "station troops")?"""
    return verb.lemma_.lower() in _BUILDING and any(
        t.lemma_.lower() in _BUILT_UP for t in verb.subtree
    )


def no_plan_kind(noun: Token, demand_verbs: frozenset[str], hostile: frozenset[str]) -> str:
    """The kind of "has no plans / no intention to …": accepting what it will not ask for
    (:func:`asks_nothing`), a reassurance when what it will not do is an attack ("harbours no
    intention of initiating military action": an offer of calm), else a refusal."""
    if asks_nothing(noun, demand_verbs):
        return "accept"
    if noun.lemma_.lower() == "claim":
        return "offer"  # "has no territorial claims on Armenia": a renunciation
    acts = [
        v
        for c in noun.children
        for v in (
            [c] if c.dep_ in ("acl", "xcomp") else [p for p in c.children if p.dep_ == "pcomp"]
        )
        if v.pos_ == "VERB"
    ]
    for v in acts[:1]:
        lemma = v.lemma_.lower()
        if lemma in hostile or (
            lemma in _WAGING
            and any(t.lemma_.lower() in _WAR_WORDS | {"action", "force"} for t in v.subtree)
        ):
            return "offer"
        if _builds_up(v):
            return "offer"  # "no intention of building a base there": a reassurance
    if not acts and any(
        p.lemma_.lower() in _WAR_WORDS
        for c in noun.children
        if c.dep_ == "prep"
        for p in c.children
        if p.dep_ == "pobj"
    ):
        return "offer"  # "has no interest in escalation", "no appetite for war"
    return "reject"


def disowned_issue(noun: Token) -> str:
    """The issue of a reassurance "has no plans / no intention / no claims …" at *noun*:
    territory for claims on land, military_limits for a build-up ("no intention of building a
    base"), else the fighting ("no intention of invading anyone")."""
    if noun.lemma_.lower() == "claim":
        return "territory"
    built = any(_builds_up(v) for v in noun.subtree if v.pos_ == "VERB")
    return "military_limits" if built else "ceasefire"


#: Pronouns that stand for the thing just welcomed or condemned.
_IT = frozenset({"it", "this", "that"})


def justifies_verdict(tok: Token, verdict_verbs: frozenset[str]) -> bool:
    """Is *tok* the reason given for a verdict on something ("welcomed the agreement, saying
    it would protect livelihoods", "condemned the plan, saying it would reward aggression")?
    What "it" would do is the speaker's view of the thing judged, not a stance of its own."""
    clause = tok
    for _ in range(3):
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() == "say":
            break
        if clause.dep_ not in ("xcomp", "conj", "aux") or clause.head.i == clause.i:
            return False
        clause = clause.head
    else:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _IT for c in clause.children):
        return False
    saying = clause.head
    verdict = saying.head
    if not (
        saying.tag_ == "VBG"
        and saying.dep_ in ("advcl", "xcomp", "conj")
        and verdict.lemma_.lower() in verdict_verbs
    ):
        return False
    # "it" must not be the judge itself ("Hamas welcomed the truce, saying it would free …"):
    # only a person or a plural judge leaves "it" to the thing judged
    judge = next((c for c in verdict.children if c.dep_ == "nsubj"), None)
    return judge is not None and (
        judge.lower_ in ("he", "she", "they", "i", "we")
        or judge.tag_ in ("NNS", "NNPS")
        or any(t.ent_type_ == "PERSON" for t in judge.subtree)
    )


def joint_patrol(tok: Token) -> bool:
    """Is *tok* a joint patrol ("joint coastguard patrols"), a shared guarantee rather than one
    party's own patrols at a disputed line?"""
    if tok.lemma_.lower() not in ("patrol", "patrolling"):
        return False
    # "joint patrols", or "joint" parsed onto a compound ("joint coastguard patrols")
    mods = [*tok.children, *(g for c in tok.children if c.dep_ == "compound" for g in c.children)]
    return any(c.dep_ == "amod" and c.lower_ in ("joint", "combined", "mixed") for c in mods)


def manner_terms(tok: Token) -> bool:
    """Is *tok* the "terms" of a manner phrase ("in general terms", "in practical terms"), which
    says how something is put, not the terms of a deal?"""
    return (
        tok.lower_ == "terms"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and any(c.dep_ == "amod" for c in tok.children)
        and not any(c.dep_ in ("prep", "poss") for c in tok.children)
    )
