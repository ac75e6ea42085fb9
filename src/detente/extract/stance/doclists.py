"""The points of a document listed with no stance word before them.

Live blogs and explainers set out a plan's terms as a list after a bare heading: "The
counter-proposal is circulating. Drafted by Britain, France and Germany, it rewrites the key
points. Among them:" followed by one line per point. No trigger introduces the list, so the
point stage (:mod:`detente.extract.stance.points`) leaves it alone; here the document named
just before the list gives each point to its proponent as a ``propose`` (a ``demand`` for a
list of demands or conditions, an ``offer`` for one of concessions).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from detente.extract.lexicon import word_list
from detente.extract.stance.lexis import _PLAN_NOUNS
from detente.extract.stance.model import Trigger, _Actor
from detente.extract.stance.points import introduced, point_lists
from detente.extract.stance.state import _DocState
from detente.records import Claim

#: How many sentences before the list's own one may name the document.
_LOOKBACK = 2
#: List headings that say what the points are, by the kind each point is.
_HEADING_KINDS = {
    **{w: "demand" for w in word_list("list_demand_nouns")},
    **{w: "offer" for w in word_list("list_offer_nouns")},
}


class DocumentListStage:
    """Stage mixin: claims for the points of a document that no stance word introduces."""

    _holders: Any
    _members_of: Any
    _resolve_tok: Any
    _noun_holder_tokens: Any
    _document_proponent: Any
    _point_claims: Any

    def _document_lists(
        self,
        doc: Doc,
        triggers: list[Trigger],
        claims: list[Claim],
        state: _DocState,
        published: date | None,
    ) -> None:
        """Add one claim per point of each document list (see the module docstring)."""
        for colon, points in point_lists(doc):
            if introduced(colon, triggers):
                continue  # the point stage reads it
            document = _listed_document(colon)
            if document is None:
                continue
            actors = self._members_of(self._proponents(document, colon, state))
            if not actors:
                continue
            kind = _heading_kind(colon)
            trig = Trigger(document, kind, "doclist")
            self._point_claims(trig, kind, actors, points, claims, state, published, True)

    def _proponents(self, document: Token, colon: Token, state: _DocState) -> list[_Actor]:
        """Who put *document* forward: the agent of "drafted by X" between it and the list,
        else its owner ("the European plan", "Egypt's proposal"), else the last proponent of
        a plan, else the owner of a document of the same kind named elsewhere."""
        doc = document.doc
        agents = [
            p
            for t in doc[document.sent.start : colon.i]
            if t.dep_ == "agent" and t.head.tag_ == "VBN"
            for p in t.children
            if p.dep_ == "pobj"
        ]
        for owners in (agents, self._noun_holder_tokens(document, False)):
            found = [
                a
                for o in owners
                for m in (o, *o.conjuncts)
                for a in self._resolve_tok(m, document, state, False)
            ]
            if found:
                return list({a.id: a for a in found}.values())
        return state.document_holders() or list(self._document_proponent(document, state))


def _listed_document(colon: Token) -> Token | None:
    """The plan, draft or proposal named in the list's sentence or the few before it, in its
    paragraph (the nearest one)."""
    doc = colon.doc
    sent = colon.sent
    sents: list[Span] = [sent]
    cur = sent
    for _ in range(_LOOKBACK):
        if cur.start == 0:
            break
        prev = doc[cur.start - 1].sent
        if _line_between(prev, cur):
            break  # another paragraph or live-blog entry
        sents.append(prev)
        cur = prev
    for s in sents:
        for tok in reversed(s):
            if tok.i < colon.i and tok.pos_ == "NOUN" and tok.lemma_.lower() in _PLAN_NOUNS:
                return tok
    return None


def _line_between(prev: Span, cur: Span) -> bool:
    """A line break between two sentences: a new paragraph or a new entry."""
    return any("\n" in t.text or "\n" in t.whitespace_ for t in prev.doc[prev.end - 1 : cur.start])


def _heading_kind(colon: Token) -> str:
    """ "Its demands:", "the conditions were:" make each point a demand; "the concessions:"
    an offer; anything else a proposal."""
    for tok in reversed(colon.doc[colon.sent.start : colon.i]):
        kind = _HEADING_KINDS.get(tok.lemma_.lower()) or _HEADING_KINDS.get(tok.lower_)
        if kind is not None:
            return kind
    return "propose"
