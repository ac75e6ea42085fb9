"""The conduct a threat answers, which names what the threat is about.

A warning in the shape "any further intrusion into our waters would meet a resolute response",
"any deployment of foreign troops will be met with force" or "every violation of the border
will be answered" threatens force, but what it defends is the conduct it answers: the waters
(territory), a foreign deployment (security arrangements), the border; an act of war answered
("any new strike on the port") stays a threat about the fighting. Without this the threat
is filed under the fighting, where the force words point. The conduct is the subject of the
consequence verb (``consequence_verbs`` in ``knowledge/stances.yaml``), marked as any instance
of a kind of act ("any", "every", "each", "further").
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list

_ARRIVALS = word_list("consequence_verbs")
#: An act of war answered ("any new strike on the port") keeps the threat on the fighting.
_WAR = word_list("war_words")
#: Determiners and modifiers that make a subject any instance of a conduct.
_ANY = frozenset({"any", "every", "each", "further", "new", "fresh", "renewed"})


def answered_conduct(token: Token) -> Token | None:
    """The conduct ("any further intrusion into the waters") whose consequence *token* (the
    consequence verb, or the warning verb governing it) announces, or None."""
    verbs = [token] + [c for c in token.children if c.dep_ == "ccomp"]
    for verb in verbs:
        if verb.lemma_.lower() not in _ARRIVALS:
            continue
        for subj in verb.children:
            if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "NOUN":
                continue
            if subj.lemma_.lower() in _WAR or subj.lower_ in _WAR:
                return None
            if any(c.lower_ in _ANY for c in subj.children if c.dep_ in ("det", "amod")):
                return subj
    return None
