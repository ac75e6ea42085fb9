"""Stance verbs the tagger takes for plural nouns in an object relative clause.

``en_core_web_sm`` tags the verb of "a buffer zone, an idea Moscow rejects" or "the
disarmament of the SDF, which the SDF rejects" as a plural noun (NNS), although the parser
gives it a verb's relation (``relcl``).  The stance stages read verbs by their part of speech,
so the holder's stance was lost.  This component runs right after the parser and retags such a
token VBZ, so that the attribute ruler gives it POS VERB and the lemmatizer its verb lemma,
and gives the name hung on it as a compound its role of subject.
Only the third-person forms of the stance lexicon's verbs are touched, and only the tokens the
parser made relative-clause heads are looked at (found in the doc's array, not by walking it).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import DEP, TAG
from spacy.language import Language
from spacy.tokens import Doc

from detente.extract.lexicon import stance_lexicon, third_person

FACTORY = "detente_verbs_v1"


@cache
def third_person_forms() -> frozenset[str]:
    """ "rejects", "dismisses", "denies": the -s forms of the stance lexicon's verbs."""
    return frozenset(third_person(lemma) for lemma in stance_lexicon().verbs)


@Language.component(FACTORY)
def verb_tags(doc: Doc) -> Doc:
    """Retag the stance verbs of object relative clauses that the tagger took for nouns."""
    strings = doc.vocab.strings
    relcl, nns = strings.add("relcl"), strings.add("NNS")
    if not len(doc):
        return doc
    arr = doc.to_array([DEP, TAG])
    forms = third_person_forms()
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
    return doc
