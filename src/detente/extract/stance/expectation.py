"""What a party "expects": a demand on another, or only a forecast.

"Islamabad expects Kabul to act against the hideouts", "we expect unimpeded connectivity",
"Ethiopia expected the farmers to be allowed back" state what the holder wants of others;
"talks are expected to resume", "Moscow expects a deal soon", "expects the truce to hold" only
say what it thinks will happen.  The verbs and nouns that make a forecast are data
(``forecast_verbs``, ``forecast_objects`` in ``knowledge/stances.yaml``).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.syntax import _is_talks, _party_word

#: "we expect two things: ...": a list of what is asked.
_LIST_PLACEHOLDERS = word_list("list_placeholders")
#: What a party expects of another as its due ("expects guarantees", "expects an apology").
_OWED = word_list("owed_things")
#: What happens rather than what is done ("expects the truce to hold", "to take place").
_FORECAST_VERBS = word_list("forecast_verbs")
#: What one foresees rather than asks for ("expects a deal soon", "expects an attack").
_FORECAST_OBJECTS = word_list("forecast_objects")
_MODALS = frozenset({"would", "will", "should", "must", "shall"})


def _forecast_thing(tok: Token) -> bool:
    """An event or outcome one predicts: the talks, a meeting, a deal, progress."""
    return tok.lemma_.lower() in _FORECAST_OBJECTS or _is_talks(tok) or tok.pos_ == "PRON"


def _asked_clause(verb: Token, clause: Token) -> bool:
    """ "[expects] Kabul to act", "the road to open", "that any change would be decided in
    consultation": a clause saying what others are to do or allow."""
    kids = list(clause.children)
    to = any(a.dep_ == "aux" and a.lower_ == "to" for a in kids)
    modal = any(a.dep_ == "aux" and a.lower_ in _MODALS for a in kids)
    if not (to or modal):
        return False
    subjects = [a for a in kids if a.dep_ in ("nsubj", "nsubjpass")] or [
        d for d in verb.children if d.dep_ == "dobj"
    ]
    if not subjects:
        return False  # "Israel expects to move to the second stage": its own plan
    if to and any(_party_word(s) for s in subjects):
        return True  # "expects Kyiv to abandon ...": a party that is to act
    if clause.lemma_.lower() in _FORECAST_VERBS or any(_forecast_thing(s) for s in subjects):
        return False  # "expects the truce to hold", "expects talks to resume"
    # "expects the road to open on schedule", "the farmers to be allowed back",
    # "the mandate not to be extended": a matter others decide
    return all(s.pos_ in ("NOUN", "PROPN") for s in subjects)


def expects_of_another(verb: Token) -> bool:
    """Whether an active "expect" states what its subject wants of others, not a forecast."""
    if verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and _asked_clause(verb, c):
            return True
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False  # the object is the clause's subject, judged above
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        if any(_asked_infinitive(verb, c, a) for a in c.children):
            return True  # "expects any agreement to settle the fate of the abductees"
        lemma = c.lemma_.lower()
        if lemma in _LIST_PLACEHOLDERS and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":":
            return True  # "we expect two things: the release of ..., and free access ..."
        # "expects guarantees", "a verifiable withdrawal", "unimpeded connectivity",
        # "concrete steps"; not "expects a deal soon", "expects an attack"
        if lemma in _OWED or (c.pos_ == "NOUN" and not _forecast_thing(c)):
            return True
    return False


def _asked_infinitive(verb: Token, obj: Token, clause: Token) -> bool:
    """ "expects any agreement to settle …": the parser hangs the infinitive on the object
    (an ``acl``); it is what the object is to do. Any deal that is to do something is a demand
    on every deal; a named one ("expects the agreement to hold") is read like any clause."""
    if clause.dep_ != "acl" or not any(
        a.dep_ == "aux" and a.lower_ == "to" for a in clause.children
    ):
        return False
    if (
        any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in obj.children)
        and clause.lemma_.lower() not in _FORECAST_VERBS
        and not any(a.dep_ == "auxpass" for a in clause.children)
    ):
        return True
    return _asked_clause(verb, clause)
