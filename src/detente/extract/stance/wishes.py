"""What a party expects or hopes another will do: a demand of it, not a forecast.

"Moscow expects Kyiv to abandon its claims" and "Beijing hopes both sides will implement the
ceasefire" ask something of someone else; the gold codes them as the expecting or hoping
party's demand on what the other is to do.  The same verbs forecast ("talks are expected to
resume", "expects the truce to hold") or voice an own wish ("hopes to visit Beijing"); neither
is a stance of this kind.  The verbs are stance verbs of ``knowledge/stances.yaml``
(``demand``); these tests say when they count.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.syntax import _party_word

_LIST_PLACEHOLDERS = word_list("list_placeholders")
#: What a party expects of another as its due ("expects guarantees", "expects an apology").
_OWED = word_list("owed_things")
#: Verbs that ask something of another only in the shapes tested here.
WISHING = frozenset({"expect", "hope"})
#: Auxiliaries of a clause about what is to come ("hopes Kyiv will …", "hoped a deal could …").
_FUTURE = frozenset({"will", "would", "can", "could", "shall", "should", "'ll", "wo", "ca"})


def asks_another(verb: Token) -> bool:
    """Does this "expect" or "hope" ask something of another party (see the module)?"""
    if verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False  # "talks are expected to resume", "the hoped-for deal"
    if verb.lemma_.lower() == "hope":
        return _hopes_for_another(verb)
    return _expects_another(verb)


def _expects_another(verb: Token) -> bool:
    """ "Moscow expects Kyiv to abandon …": an active "expect" with someone who is to act."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            to = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            # the one to act is a party, not a thing ("expects the truce to hold": a forecast)
            doer = any(a.dep_ == "nsubj" and _party_word(a) for a in c.children) or any(
                d.dep_ == "dobj" and _party_word(d) for d in verb.children
            )
            if to and doer:
                return True
    # "we expect two things: the release of …, and free access …": a list of what is asked;
    # "expects guarantees for its security", "expects an apology from Tokyo": what is owed
    return any(
        c.dep_ == "dobj"
        and (
            c.lemma_.lower() in _LIST_PLACEHOLDERS
            and c.i + 1 < len(c.doc)
            and c.doc[c.i + 1].text == ":"
            or c.lemma_.lower() in _OWED
        )
        for c in verb.children
    )


def _hopes_for_another(verb: Token) -> bool:
    """ "hopes both sides will implement the ceasefire", "hoped a deal could be signed": a
    clause of what is to come with a subject other than the hoping party's own ("we hope we
    can …" and "hopes to visit" are its own plans)."""
    own = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
    for c in verb.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        if not any(a.dep_ in ("aux", "auxpass") and a.lower_ in _FUTURE for a in c.children):
            continue
        subjects = [a for a in c.children if a.dep_ in ("nsubj", "nsubjpass")]
        if subjects and not any(a.lower_ in own for a in subjects):
            return True
    return False
