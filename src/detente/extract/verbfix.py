"""Stance verbs the tagger takes for plural nouns in an object relative clause (and finite
verbs the parser hangs on an infinitive).

``en_core_web_sm`` tags the verb of "a buffer zone, an idea Moscow rejects" or "the
disarmament of the SDF, which the SDF rejects" as a plural noun (NNS), although the parser
gives it a verb's relation (``relcl``).  The stance stages read verbs by their part of speech,
so the holder's stance was lost.  This component runs right after the parser and retags such a
token VBZ, so that the attribute ruler gives it POS VERB and the lemmatizer its verb lemma,
and gives the name hung on it as a compound its role of subject.
Only the third-person forms of the stance lexicon's verbs are touched, and only the tokens the
parser made relative-clause heads are looked at (found in the doc's array, not by walking it);
"provided" and "providing" are found the same way.

It also lifts the negation of "not only … but" ("is not only ready to talk but also to meet"),
and mends "provided" used as a conjunction ("ready to cap enrichment provided sanctions
relief is real", "would sign provided that Serbia signed first"), which the parser reads as a
verb with the condition as its object or as a clause of its own: the condition is hung on the
stance clause with "provided" as its marker, as "if" would be.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import DEP, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from detente.extract.lexicon import stance_lexicon, third_person

FACTORY = "detente_verbs_v1"


@cache
def third_person_forms() -> frozenset[str]:
    """ "rejects", "dismisses", "denies": the -s forms of the stance lexicon's verbs."""
    return frozenset(third_person(lemma) for lemma in stance_lexicon().verbs)


@Language.component(FACTORY)
def verb_tags(doc: Doc) -> Doc:
    """Retag the stance verbs of object relative clauses that the tagger took for nouns, and
    hang "provided" conditions on the verbs they qualify."""
    strings = doc.vocab.strings
    relcl, nns = strings.add("relcl"), strings.add("NNS")
    if not len(doc):
        return doc
    arr = doc.to_array([DEP, TAG, LOWER])
    forms = third_person_forms()
    finite = [strings.add(t) for t in _TENSED]
    for i in np.flatnonzero((arr[:, 0] == relcl) & (arr[:, 1] == nns)):
        tok = doc[int(i)]
        if tok.lower_ not in forms:
            continue
        tok.tag_ = "VBZ"
        subject = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
        if subject:
            # the name the parser hung on the "noun" is the clause's subject, and a relative
            # pronoun it took for the subject is the object ("which the SDF rejects")
            subject[-1].dep_ = "nsubj"
            for c in tok.children:
                if c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP"):
                    c.dep_ = "dobj"
    for i in np.flatnonzero((arr[:, 0] == strings.add("conj")) & np.isin(arr[:, 1], finite)):
        _finite_conjunct(doc[int(i)])
    provisos = [strings.add(w) for w in _PROVISOS]
    for i in np.flatnonzero(np.isin(arr[:, 2], provisos)):
        _provided_condition(doc[int(i)])
    # "is not only ready to talk but also …" negates nothing: the "not" of "not only … but"
    # is no negation of the verb it hangs on ("will not just sit and watch" still is one)
    for i in np.flatnonzero((arr[:, 2] == strings.add("not")) & (arr[:, 0] == strings.add("neg"))):
        tok = doc[int(i)]
        only = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _ONLY
        if only and any(t.lower_ == "but" for t in doc[tok.i + 2 : tok.sent.end]):
            tok.dep_ = "preconj"  # a correlative, as "either" of "either … or"
    return doc


_PROVISOS = ("provided", "providing")
_ONLY = frozenset({"only", "just", "merely", "solely"})
_TENSED = ("VBD", "VBN", "VBZ")


def _finite_conjunct(tok: Token) -> None:
    """ "Called on both capitals to exercise restraint and offered to convene talks": the
    parser hangs the second, finite verb on the infinitive, making the offer part of what is
    called for. A finite verb (past or present tense) cannot continue a "to" infinitive; it
    is hung on the infinitive's own head when that is finite too."""
    inf = tok.head
    if inf.dep_ != "xcomp" or inf.tag_ != "VB":
        return
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children):
        return
    main = inf.head
    if main.tag_ in _TENSED:
        tok.head = main


def _provided_condition(tok: Token) -> None:
    """Make "provided (that) X does Y" at *tok* a condition clause hung on the verb it
    qualifies."""
    if tok.dep_ == "mark" or tok.i == 0:
        return
    _subject_taken_for_object(tok)
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") for c in tok.children):
        return  # "the guarantees it provided", "provided aid": the verb
    cond = _proviso_clause(tok)
    main = _qualified_verb(tok)
    if cond is None or main is None or cond.is_ancestor(main) or cond.i == main.i:
        return
    cond.head = main  # first, so that "provided" no longer dominates it
    cond.dep_ = "advcl"
    tok.head = cond
    tok.dep_ = "mark"
    tok.tag_ = "IN"  # the attribute ruler, run next, makes it a conjunction


_FINITE = ("VBZ", "VBD", "VBP", "MD")


def _subject_taken_for_object(tok: Token) -> None:
    """ "providing Yerevan amends its constitution": the parser made the name the object of
    "providing" and left "amends" without a subject; give the name back to the verb."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objs) != 1 or objs[0].i <= tok.i or objs[0].left_edge.i != tok.i + 1:
        return
    obj = objs[0]
    nxt = obj.right_edge.i + 1
    if nxt >= tok.sent.end:
        return
    verb = tok.doc[nxt]
    if verb.tag_ in _FINITE and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        if verb.tag_ == "MD":
            verb = verb.head  # "providing Yerevan would amend …"
        if verb.is_ancestor(tok) or not verb.tag_.startswith(("VB", "MD")):
            return
        obj.head = verb
        obj.dep_ = "nsubj"


def _proviso_clause(tok: Token) -> Token | None:
    """The verb of the clause "provided" opens: its complement, or the next verb whose
    subject starts right after it."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i:
            return c
    start = tok.i + 1
    if start < len(doc := tok.doc) and doc[start].lower_ == "that":
        start += 1
    sent_end = tok.sent.end
    for cand in doc[start:sent_end]:
        if cand.tag_.startswith("VB") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == start for c in cand.children
        ):
            return cand
    return None


def _qualified_verb(tok: Token) -> Token | None:
    """The nearest verb above "provided": the stance clause the proviso qualifies (read by
    tag: parts of speech are set later in the pipeline)."""
    cur = tok.head
    for _ in range(6):
        if cur.tag_.startswith(("VB", "MD")) and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
