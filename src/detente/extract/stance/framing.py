"""Editorial framing clauses that introduce a report without voicing a stance of their own.

Agency copy and translated official news open a paragraph with the editor's voice: "It should be
noted that on the same day the ministry stated …", "It should be recalled that …", "It must be
stressed that …". The modal there binds nobody; read as an obligation ("X should …") it would
make the framing verb a holderless demand whose span swallows the stances actually reported in
the clause. Such a frame is a passive verb of noting or recalling (``framing_verbs`` in
``knowledge/stances.yaml``) with an expletive "it" and a that-clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list

_FRAMING = word_list("framing_verbs")


def editorial_frame(verb: Token) -> bool:
    """True for the verb of "It should be noted / recalled / stressed that …"."""
    if verb.lemma_.lower() not in _FRAMING:
        return False
    kids = list(verb.children)
    return (
        any(c.dep_ == "auxpass" for c in kids)
        and any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in kids)
        and any(c.dep_ == "ccomp" for c in kids)
    )
