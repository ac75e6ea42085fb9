"""Stances voiced through a noun or an adjective rather than a stance verb.

Formal diplomatic copy (foreign-ministry statements, call readouts, translated agency reports)
nominalises its stances: "expressed readiness to resume talks", "stressed the inadmissibility of
strikes", "reaffirmed its principled position on the islands", "called unacceptable the
deployment of missiles", "considered it necessary to hold a meeting". The verb there only voices
the stance; the noun or the adjective says which one it is. Word lists: ``voicing_verbs``,
``predicate_nouns``, ``judging_verbs`` and ``judgements`` in ``knowledge/stances.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list, word_map
from detente.extract.stance.lexis import _EVALUATIONS, _JUDGED
from detente.extract.stance.model import Trigger

_VOICING = word_list("voicing_verbs")
_PREDICATE_NOUNS = word_map("predicate_nouns")
_JUDGING = word_list("judging_verbs")
_SITUATIONS = word_list("situation_nouns")
_JUDGEMENTS = word_map("judgements")
_TITLE_NOUNS = word_list("title_nouns")
_POSSESSION_VERBS = word_list("possession_verbs")
#: Verbs that assert a title the way voicing verbs voice a stance ("asserted its sovereignty").
_ASSERTING = frozenset({"assert", "reassert", "affirm", "proclaim", "uphold"})
#: Prepositions that say what a predicate noun is about.
_ABOUT = frozenset(
    {"of", "on", "over", "about", "regarding", "concerning", "to", "at", "that", "against"}
)
#: Pronouns that only stand in for the clause judged ("considered it necessary to …").
_DUMMY = frozenset({"it", "this", "that"})


def predicate_noun_trigger(tok: Token) -> Trigger | None:
    """ "noted the importance of X", "stressed the inadmissibility of X": a stance only as the
    object of a voicing verb, and only with something it is about."""
    kind = _PREDICATE_NOUNS.get(tok.lemma_.lower()) or _PREDICATE_NOUNS.get(tok.lower_)
    if kind is None or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _VOICING:
        return None
    if kind == "reject" and any(
        p.lemma_.lower() in _SITUATIONS
        for c in [*tok.children, *tok.head.children]
        if c.dep_ == "prep" and c.lower_ in _ABOUT
        for p in c.children
        if p.dep_ == "pobj"
    ):
        return None  # "expressed concern over the situation": worry, not an objection
    if any(
        (c.dep_ == "prep" and c.lower_ in _ABOUT) or c.dep_ in ("acl", "ccomp")
        for c in tok.children
    ):
        return Trigger(tok, kind, "noun")
    # "lodged representations with Manila over the intrusion": the parser may hang what the
    # noun is about on the verb
    hung = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in _ABOUT - {"of"}]
    if hung:
        return Trigger(tok, kind, "noun", content=hung)
    return None  # "noted its position" says nothing about what the position is


def voiced_by(verb: Token, nouns: set[int]) -> bool:
    """True when stance verb *verb* only voices a stance noun it governs ("reaffirmed its
    commitment to the truce", "confirmed its readiness to host"): the noun holds the stance."""
    if verb.lemma_.lower() not in _VOICING:
        return False
    return any(c.dep_ == "dobj" and c.i in nouns for c in verb.children)


def passive(verb: Token) -> bool:
    """Is *verb* in the passive ("was called", "are regarded")?"""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def agent_judgement(verb: Token, kind: str) -> Trigger | None:
    """A judging verb in the passive: "was called unacceptable" says nothing of who called it;
    "are regarded by Baku as groundless" is the agent's verdict on the subject."""
    judged = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in _DUMMY]
    if judged and any(c.dep_ == "agent" for c in verb.children):
        return Trigger(verb, kind, "judge", content=judged)
    return None


def judgement_trigger(adj: Token) -> Trigger | None:
    """ "called unacceptable the deployment of …", "called the use of force unacceptable",
    "considered it pointless to continue …", "deemed it necessary that …": a verdict passed by
    the subject of a judging verb; the adjective decides the kind, the judged thing is the
    content."""
    kind = _JUDGEMENTS.get(adj.lower_)
    if kind is None:
        return None
    verb, noun = _judging_verb(adj)
    if verb is None:
        return None
    if kind in ("accept", "reject") and any(
        c.dep_ == "neg" or c.lower_ in ("hardly", "scarcely", "never") for c in adj.children
    ):
        # "called the draft 'not at all constructive'": the verdict turned by its own negation
        kind = "reject" if kind == "accept" else "accept"
    if passive(verb):
        return agent_judgement(verb, kind)
    content: list[Token] = []
    for c in adj.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            content.append(c)  # "… it necessary to convene", "… it important that X be done"
        elif c.dep_ in ("nsubj", "dobj") and c.lower_ not in _DUMMY:
            content.append(c)  # "called the manoeuvres unacceptable"
    if not content and adj.dep_ == "oprd":
        # "called the ruling illegal", with the object taken for the adjective's modifier
        content = [c for c in adj.children if c.dep_ in ("amod", "compound", "nmod")]
    if noun is not None:
        content.append(noun)  # "called unacceptable the deployment of …"
    for c in verb.children:
        if (
            c.dep_ in ("dobj", "oprd")
            and c.i != adj.i
            and c.pos_ in ("NOUN", "PROPN")
            and c not in content
        ):
            content.append(c)
    if not content:
        return None
    return Trigger(verb, kind, "judge", content=sorted(content, key=lambda t: t.i))


def _judging_verb(adj: Token) -> tuple[Token | None, Token | None]:
    """The judging verb above *adj* and the noun the adjective was attached to, if any."""
    head = adj.head
    if (
        adj.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advmod", "dobj")
        and head.pos_ == "VERB"
        and head.lemma_.lower() in _JUDGING
    ):
        return head, None
    if (
        adj.dep_ in ("pobj", "amod", "acomp")
        and head.lower_ == "as"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in _JUDGING
    ):
        return head.head, None  # "described the proposal as inadequate"
    if adj.dep_ == "amod" and head.pos_ == "NOUN" and head.dep_ in ("oprd", "dobj", "ccomp"):
        verb = head.head
        if (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in _JUDGING
            and adj.i < head.i
            and adj.i == verb.i + 1
        ):
            # "called unacceptable the deployment": the adjective right after the verb
            return verb, head
    nxt = adj.doc[adj.i + 1] if adj.i + 1 < len(adj.doc) else None
    if nxt is None or nxt.is_punct or nxt.is_space:
        # "called the deployment of drones in the north unacceptable", with the adjective hung
        # inside the object: the verdict still closes the judging verb's object
        for anc in list(adj.ancestors)[:6]:
            # (or inside a phrase the parser hung on the verb: "any troops [on its soil
            # unacceptable]")
            if anc.dep_ in ("dobj", "prep") and anc.right_edge.i == adj.i:
                verb = anc.head
                if verb.pos_ == "VERB" and verb.lemma_.lower() in _JUDGING:
                    return verb, None
    return None, None


def rejected_course(verb: Token) -> bool:
    """ "(considered it) pointless to continue talks while …", "unacceptable to negotiate
    while …": a course judged wrong under a circumstance, which is then a condition."""
    cur = verb
    for _ in range(2):
        if cur.dep_ not in ("advcl", "xcomp", "ccomp", "acl") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "ADJ" and _JUDGEMENTS.get(cur.lower_) == "reject":
            return True
    return False


def title_trigger(noun: Token) -> Trigger | None:
    """ "China has indisputable sovereignty over the shoal", "Baku exercises jurisdiction over
    the corridor": a claim of title by the subject, on what the title is over. A title voiced
    or asserted ("restated China's sovereignty over the islands") is its owner's claim."""
    verb = noun.head
    voiced = verb.lemma_.lower() in _VOICING | _ASSERTING
    if voiced and not any(c.dep_ == "prep" and c.lower_ == "over" for c in noun.children):
        return None  # "reaffirmed the sovereignty of the region's states" claims no place
    if (
        noun.dep_ != "dobj"
        or verb.pos_ not in ("VERB", "AUX")
        or not (voiced or verb.lemma_.lower() in _POSSESSION_VERBS)
        or any(c.dep_ == "neg" for c in verb.children)
        or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("over", "on", "in") for c in noun.children):
        return None  # "has sovereignty" with nothing it is over names no place
    if voiced:
        # the title's owner holds it ("restated China's sovereignty over …"), whoever voices it
        return Trigger(noun, "demand", "noun")
    return Trigger(verb, "demand", "title", content=[noun])


def evaluation_trigger(tok: Token) -> Trigger | None:
    """ "The plan was a good basis for talks", "the proposals were unconstructive": the
    speaker's verdict on a plan or demand is an acceptance or a rejection of it."""
    verb = tok.head
    if verb.lemma_.lower() not in ("be", "seem", "remain", "look", "sound"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or (subj.lemma_.lower() not in _JUDGED and subj.lower_ not in _JUDGED):
        return None
    return Trigger(tok, _EVALUATIONS[tok.lower_], "verdict")
