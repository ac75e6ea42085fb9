"""Role nouns and group names that point back to the parties they were introduced with.

"The talks are run by co-chairs from the UN, the EU and the OSCE. … The co-chairs said in a
joint statement …": the bare "the co-chairs" (or "the mediators", "the guarantors") stands for
the bodies named with the same role noun earlier in the report, one stance per body. A group
with a name of its own that the knowledge base does not list ("The Quad -- the United States,
Saudi Arabia, the UAE and Egypt -- …") stands for the members it was introduced with, there and
whenever the report names it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from spacy.tokens import Doc, Token

from detente.extract import attribution as attr
from detente.extract.lexicon import word_list
from detente.extract.stance.syntax import _members

if TYPE_CHECKING:
    from detente.extract.stance.model import _Actor
    from detente.extract.stance.state import _DocState

#: How far back (tokens) the introducing mention may stand.
_REACH = 600
A = TypeVar("A")
R = TypeVar("R")
_ACTIVITY_ROLES = word_list("activity_roles")


def _role_word(tok: Token) -> Token:
    """The noun of a hyphenated role the parser splits ("co", "-", "chairs"): its last part."""
    doc = tok.doc
    if tok.lower_ == "co" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        return doc[tok.i + 2]
    return tok


def _named_with(noun: Token) -> list[Token]:
    """The parties a role noun names itself ("co-chairs from the UN and the EU", "mediators
    Qatar and Egypt" in apposition), empty when it names none. The "from" may hang on the verb
    when the parser splits the noun, so the preposition right after it counts too."""
    doc = noun.doc
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if noun.i + 1 < len(doc) and doc[noun.i + 1].dep_ == "prep":
        preps.append(doc[noun.i + 1])
    out = [
        m
        for prep in preps
        if prep.lower_ in ("of", "from")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for m in _members(pobj)
    ]
    out += [m for c in noun.children if c.dep_ == "appos" for m in _members(c)]
    return out


def role_antecedents(head: Token) -> list[Token]:
    """For a bare plural role noun ("the co-chairs"), the parties named with the same noun
    last before it; empty when *head* names its own parties or none came before (a role named
    after an activity, "under the co-chairmanship of …", is :func:`role_group`'s)."""
    head = _role_word(head)
    if head.tag_ != "NNS" or _named_with(head):
        return []
    lemma = head.lemma_.lower()
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - _REACH), -1):
        tok = doc[i]
        if tok.lemma_.lower() == lemma and tok.tag_ == "NNS":
            named = _named_with(tok)
            if len(named) > 1:
                return named
    return []


def role_group(head: Token, groups: list[tuple[int, list[R]]]) -> list[R]:
    """For a bare plural role noun, the run of actors named together (*groups*: the tracker's
    (token index, refs) runs) right after the role's own noun or verb ("with the participation
    of delegations of A, B and C", "under the co-chairmanship of the UN, the EU and the OSCE"),
    read from the words since long lists defeat the parser; empty when none came before."""
    head = _role_word(head)
    lemma = head.lemma_.lower()
    if head.tag_ != "NNS" or lemma not in _ACTIVITY_ROLES:
        return []
    if any(c.dep_ in ("amod", "compound", "prep", "nmod", "poss") for c in head.children):
        return []  # "Greek Cypriot mediators", "the mediators from Oman": named their own way
    stem = lemma[: max(5, len(lemma) - 3)]
    doc = head.doc
    for pos, refs in reversed(groups):
        if pos >= head.i:
            continue
        if head.i - pos > _REACH:
            break
        window = doc[max(doc[pos].sent.start, pos - 8) : pos]
        if any(t.lemma_.lower().startswith(stem) and t.i != head.i for t in window):
            return refs
    return []


def defined_members(head: Token) -> list[Token]:
    """The members a group name was introduced with, in apposition ("The Quad -- the US,
    Saudi Arabia, the UAE and Egypt --", "the guarantors, Egypt, Qatar and Turkey,"): at this
    mention, or at the last earlier one of the same name; empty when none lists two or more."""
    if head.pos_ not in ("PROPN", "NOUN") or head.ent_type_ in ("GPE", "NORP", "PERSON"):
        return []
    doc = head.doc
    for i, members in reversed(_group_definitions(doc).get(head.lower_, ())):
        if head.i - _REACH < i <= head.i:
            return [doc[m] for m in members]
    return []


def _group_definitions(doc: Doc) -> dict[str, list[tuple[int, list[int]]]]:
    """Every word followed by an apposition that lists two or more names, by lower-cased word:
    (token index, member token indices) in document order, found once per doc (token offsets,
    since the doc must not hold references to itself)."""
    memo = doc.user_data.get("detente_group_definitions")
    if memo is None:
        memo = {}
        for c in doc:
            if c.dep_ != "appos" or not c.ent_type_ or not c.conjuncts:
                continue
            tok = c.head
            if not 0 < c.i - tok.i <= 8:
                continue
            listed = [m.i for m in _members(c)]
            if len(listed) > 1:
                memo.setdefault(tok.lower_, []).append((tok.i, listed))
        doc.user_data["detente_group_definitions"] = memo
    return memo


def bullet_holder(tok: Token, state: _DocState) -> list[_Actor]:
    """A bulleted item with no subject ("• says it is ready to meet …") continues the holder
    of the stance before it, when that was close by."""
    bullets = getattr(tok.doc._, "detente_bullets", None)
    if not bullets or not state.last_actors:
        return []
    if not any(start <= tok.idx < end for start, end in bullets):
        return []
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tok.sent):
        return []
    if tok.sent.start - state.last_sent_start > 150:
        return []
    return list(state.last_actors)


def same_noun_before(head: Token, resolve: Callable[[Token], A | None]) -> A | None:
    """For "the panel", "the mediators": what the last earlier mention of the same noun stands
    for when its own modifiers tie it to an actor ("the African Union's panel", "Qatari
    mediators"); None when no such mention stands within 400 tokens."""
    lemma = head.lemma_.lower()
    for tok in reversed(head.doc[max(0, head.i - 400) : head.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN" and tok.dep_ != "compound":
            found = resolve(tok)
            if found is not None:
                return found
    return None


def owning_org(head: Token) -> Token | None:
    """The organisation a body is "of" ("the Commission of the ECOWAS", "the Secretariat of
    the Arab League"): the object of its "of" when that is a name of its own, not the rest of
    the body's name."""
    own = attr.entity_of(head)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                ent = attr.entity_of(obj)
                if obj.dep_ == "pobj" and obj.ent_type_ == "ORG" and ent is not None and ent != own:
                    return obj
    return None
