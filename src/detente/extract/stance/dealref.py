"""Stage 4, issue: what "the agreement" is about when its own sentence does not say.

"The State Department welcomed the agreement", "the cabinet accepted the terms", "Berlin
rejected the draft", "it might consider the request": a definite deal noun whose content the
sentence does not name stands for a deal the report named before with its content ("an
agreement under which the region will deliver oil", "a request for visa-free visits to
ancestral graves"). Coding such a stance ``process`` loses what the holder actually welcomed
or rejected, so the stance takes the issues of the most recent earlier mention of the same
class of deal whose content is named, else of the deal the headline or lead names (its
deal noun, or the agreement its headline stances state). With neither, the deal as a whole
(``process``) stays. A modifier that tells one deal from another ("the pipeline agreement",
"the 2008 accord") must recur in the mention referred to. The noun classes and the modifiers
that tell no deal apart are data in ``knowledge/stances.yaml`` (``lists:`` deal_classes,
deal_vague_modifiers).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list, word_map
from detente.extract.stance.lexis import _ANAPHORIC_DETS
from detente.extract.stance.model import _Unit
from detente.extract.stance.state import _DocState

#: Deal noun (lower-cased form or lemma) -> its class: agreement, request, text or terms.
_CLASSES = word_map("deal_classes")
_VAGUE = word_list("deal_vague_modifiers")
#: Modifiers that make the noun another deal than the one named before ("the next deal").
_OTHER = frozenset({"next", "first", "further", "other", "another", "second", "future", "any"})
#: Determiners of a deal that may never exist ("any document that …"): no antecedent.
_HYPOTHETICAL = frozenset({"any", "no", "every", "each", "whatever"})
#: Stances on a deal that take its content: verdicts and demands ("welcomed the agreement",
#: "repeated its request"); offering or guaranteeing a deal is a step in the process.
_VERDICTS = frozenset({"accept", "reject", "demand"})
#: How far into the report the headline and lead reach (characters).
_LEAD = 700
#: Entity modifiers that name whose deal it is ("the Russian text"), not which one.
_OWNER_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def deal_class(tok: Token) -> str | None:
    """The class of deal noun *tok* is ("terms" -> terms, "accord" -> agreement), or None."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return _CLASSES.get(tok.lower_) or _CLASSES.get(tok.lemma_.lower())


def _definite(head: Token) -> bool:
    """Whether *head* points back: "the/this agreement", "its request", "Tokyo's demand"."""
    kids = list(head.children)
    if any(c.lower_ in _OTHER for c in kids):
        return False
    return any((c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS) or c.dep_ == "poss" for c in kids)


def _telling(head: Token) -> list[Token]:
    """The modifiers of *head* that tell one deal from another ("pipeline", "interim",
    "2008"): neither vague words nor the names of its owner."""
    out: list[Token] = []
    for c in head.children:
        if c.dep_ not in ("amod", "compound", "nummod", "nmod", "npadvmod"):
            continue
        out.extend(
            t
            for t in c.subtree
            if t.is_alpha or t.like_num
            if t.lower_ not in _VAGUE and t.ent_type_ not in _OWNER_TYPES and not t.is_stop
        )
    return out


class DealReferences:
    """Issues of the deal a definite deal noun points back to; mixed into the issue stage,
    whose ``_classify`` and ``_deal_items`` it uses."""

    _classify: Any
    _deal_items: Any

    def _deal_content(self, tok: Token, state: _DocState) -> list[str]:
        """The issues a mention of a deal names: its items ("a deal to reopen the railway and
        free detainees"), else what its modifiers or complements say ("a fisheries accord",
        "a request for visits to family graves"); empty when it names none, or when the deal
        is only hypothetical ("any text that …")."""
        if any(c.lower_ in _HYPOTHETICAL for c in tok.children):
            return []
        issues = [i for i, _ in self._deal_items(tok, state)]
        if issues:
            return issues
        words = [
            t
            for c in tok.children
            if c.dep_ not in ("det", "poss", "predet", "case", "punct", "cc", "conj", "appos")
            # "a request by Kosovo Serbs", "a text from Paris": who made it, not what it holds
            and not (c.dep_ == "prep" and c.lower_ in ("by", "from"))
            and deal_class(c) is None  # "a draft resolution": the noun again, not its content
            for t in c.subtree
        ]
        issue = self._classify(tok, words, state, min_weight=2) if words else None
        return [] if issue is None or issue == "process" else [issue]

    def _deal_mentions(self, state: _DocState) -> list[tuple[int, str, list[str]]]:
        """Each mention of a deal in the report, in order, with its class and the issues it
        names (computed once per report, on first need)."""
        if state.deal_mentions is None:
            state.deal_mentions = [
                (t.i, cls, self._deal_content(t, state))
                for t in state.doc
                if (cls := deal_class(t)) is not None
            ]
        return state.deal_mentions

    def _antecedent_deal_issues(self, unit: _Unit, kind: str, state: _DocState) -> list[str]:
        """The issues of the deal that the object of a *kind* stance, a bare definite deal
        noun (*unit*'s head, or the object of its preposition), refers back to; empty when it
        is no such noun or none is found."""
        head = unit.head
        if head.pos_ == "ADP":
            head = next((c for c in head.children if c.dep_ == "pobj"), head)
        cls = deal_class(head)
        if kind not in _VERDICTS or cls is None or not _definite(head):
            return []
        if head.dep_ not in ("dobj", "pobj", "conj", "nsubjpass"):
            return []  # "the text should have done more to …": the clause says what
        own = {t.i for t in head.subtree}
        telling = {w for t in _telling(head) for w in (t.lower_, t.lemma_.lower())}
        mentions = self._deal_mentions(state)
        for i, c, issues in reversed(mentions):
            if i >= head.i or i in own or c != cls or not issues:
                continue
            if telling:
                words = {w for t in state.doc[i].subtree for w in (t.lower_, t.lemma_.lower())}
                if not telling <= words:
                    continue  # "the pipeline agreement" is not "the deal to pay salaries"
            return issues
        if cls == "request" or telling:
            return []  # a request is one actor's; the lead's deal is the report's
        for i, c, issues in mentions:
            if state.doc[i].idx >= _LEAD or i >= head.i:
                break
            if issues and c in (cls, "agreement"):
                return issues  # "accepted the terms" of the deal the headline names
        # "Baghdad and Erbil agree to resume oil exports": the agreement the headline states
        wanted = "propose" if cls == "text" else "accept"
        before = min(_LEAD, head.sent.start_char)
        lead = [c.issue for c in state.claims if c.start < before and c.kind == wanted]
        if "process" in lead:
            return []  # "agreed to extend the talks and to …": the deal is partly the talks
        return list(dict.fromkeys(lead))
