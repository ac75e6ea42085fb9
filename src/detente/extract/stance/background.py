"""Stance words that only tell the background of a report, not a position held now.

A report retells what happened before ("the agreement was signed in Stockholm in 2009"),
describes a party by its past ("Hungary, which has blocked earlier decisions, …") and spells
out what a signed text does ("signed a treaty on Monday, obliging each country to defend the
other"), and says what a source agreed to do for the press ("agreed to be interviewed
provided his name was withheld"). Past, description and press terms are no stance at all; a
signed text's terms are the content of the signing, which the signatories accept, whatever
verb spells them out.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from detente.extract.stance.model import Trigger
from detente.extract.stance.stakes import justifies_verdict
from detente.extract.stance.syntax import _background_relcl

#: Verbs of signing a text: what a participle hung on them says is the text's content.
_SIGNING = frozenset({"sign", "conclude", "ink", "initial", "seal", "ratify", "adopt"})
#: ... of them, those done when the text is made, so in the year its name carries.
_SIGNED_ONCE = frozenset({"sign", "conclude", "ink", "initial"})


def is_background(verb: Token, verdicts: frozenset[str]) -> bool:
    """Is the stance word *verb* background rather than a stance (see the module doc)?"""
    return (
        _background_relcl(verb)
        or justifies_verdict(verb, verdicts)
        or dated_history(verb)
        or press_consent(verb)
    )


#: What a source agrees or declines to do for the press ("agreed to be interviewed",
#: "declined to comment", "refused to be named"): no stance on anything negotiated.
_PRESS_ACTS = frozenset({"interview", "name", "quote", "identify", "comment", "photograph"})


def press_consent(verb: Token) -> bool:
    """Is *verb* a source's consent or refusal to speak to the press?"""
    return any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in _PRESS_ACTS
        # "to be named / quoted / interviewed" (but "asked Baghdad to name the groups")
        and (c.lemma_.lower() == "comment" or any(a.dep_ == "auxpass" for a in c.children))
        for c in verb.children
    )


def accept_signed_terms(triggers: Iterable[Trigger]) -> None:
    """Make every trigger that spells out a signed text's terms an acceptance of them."""
    for trig in triggers:
        if signed_content(trig.token):
            trig.kind, trig.fixed = "accept", True


def signed_content(verb: Token) -> bool:
    """Is *verb* a participle spelling out what a text just signed does ("signed a mutual
    defence treaty on Monday, obliging each country to defend the other and making Port
    Moresby its first new ally")?"""
    for cur in (verb, *verb.ancestors):
        head = cur.head
        if (
            cur.tag_ == "VBG"
            and cur.dep_ in ("advcl", "xcomp", "acl")
            and head.lemma_.lower() in _SIGNING
            and head.tag_ in ("VBD", "VBN", "VBZ")
        ):
            return True
        if head.lemma_.lower() in _SIGNING:
            return False
    return False


def _year(tok: Token) -> int | None:
    text = tok.text
    if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
        return int(text)
    return None


#: Prepositions that date an act ("signed in 2009", "on 4 November 2009", "during the 1990s").
_DATING_PREPS = frozenset({"in", "on", "during", "at", "by"})


def dated_history(verb: Token) -> bool:
    """Is *verb* a past act dated two or more years before the report ("the agreement was
    signed in Stockholm on 4 November 2009", "handed the canal over in 1999")?

    A report retells such acts as background; the positions it reports are today's.
    """
    published = verb.doc._.detente_published
    if published is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    perfect_or_bare = verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )
    # a bare participle ("the deal signed in 2009 obliges …") describes its noun, and
    # "has signed" is present perfect, still current
    if perfect_or_bare and (
        verb.dep_ not in ("acl", "relcl") or any(c.dep_ == "aux" for c in verb.children)
    ):
        return False
    for c in verb.children:
        if not ((c.dep_ == "prep" and c.lower_ in _DATING_PREPS) or c.dep_ in ("npadvmod", "tmod")):
            continue
        years = [y for t in c.subtree if (y := _year(t)) is not None]
        if years and max(years) <= published.year - 2:
            return True
    # "Venezuela signed the 1954 Caracas Convention": a text named by an old year was signed
    # long ago (unlike one ratified or adopted only now)
    return (
        verb.tag_ == "VBD"
        and verb.lemma_.lower() in _SIGNED_ONCE
        and any(
            (y := _year(t)) is not None and y <= published.year - 2
            for c in verb.children
            if c.dep_ == "dobj"
            for t in c.children
        )
    )
