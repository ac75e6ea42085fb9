"""Stage 4, issue: what a deal names and what a body one leaves is about."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.lexis import _GENERIC_DEALS, _PLAN_NOUNS, _REFERRING
from detente.extract.stance.model import _Unit
from detente.extract.stance.state import _DocState
from detente.extract.stance.syntax import _own_subtree

#: Verbs by which a text states its content ("which provides for", "that envisages").
_CONTAINING = frozenset(
    {
        "provide",
        "include",
        "envisage",
        "envision",
        "foresee",
        "stipulate",
        "require",
        "call",
        "cover",
        "contain",
        "set",
        "grant",
        "give",
        "allow",
        "oblige",
        "commit",
    }
)


_SIGNING = word_list("signing_verbs")
#: Deal nouns whose modifiers name what the deal settles ("autonomy plan", "security pact").
_DEAL_NOUNS = _PLAN_NOUNS | {"arrangement", "arrangements", "pact", "pacts", "treaty", "treaties"}
#: Entity types of modifiers that name who made a deal, not what it settles.
_NAMING = frozenset({"NORP", "GPE", "ORG", "PERSON", "DATE"})


def modifier_issues(
    token: Token, found: list[tuple[str, _Unit]], cue_words: dict[str, tuple[str, int]]
) -> list[tuple[str, _Unit]]:
    """Issues named by the modifiers of deal nouns at a trigger *token* or in the units it
    *found* on the talks alone ("would update its autonomy plan", "the 1974 disengagement
    agreement", "a security pact"): a stance on what the deal settles as well. Names,
    nationalities and the talks' own words ("peace plan") do not vote."""
    out: list[tuple[str, _Unit]] = []
    if not found or any(i != "process" for i, _ in found):
        return out
    toks = [token, *(t for _, u in found for t in u.tokens)]
    for noun in {t.i: t for t in toks if t.lemma_.lower() in _DEAL_NOUNS}.values():
        mods = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod")
            and c.pos_ in ("NOUN", "ADJ")
            and c.ent_type_ not in _NAMING
        ]
        mods += [t for c in mods for t in c.children if t.dep_ in ("compound", "npadvmod")]
        for mod in mods:
            cue = cue_words.get(mod.lemma_.lower()) or cue_words.get(mod.lower_)
            if cue is None or cue[0] == "process" or cue[1] < 2:
                continue
            if all(cue[0] != i for i, _ in out):
                # the unit that holds the deal noun (the trigger's own unit when it is the noun)
                unit = next((u for _, u in found if noun in u.tokens), found[0][1])
                toks_ = sorted({*unit.tokens, noun, mod}, key=lambda t: t.i)
                out.append((cue[0], _Unit(noun, toks_, weight=2)))
    return out


def signs_document(verb: Token) -> bool:
    """Does *verb* put its subject's name to a text ("signed the accord", "initialled the
    treaty", "signed up to the steps")?  Not "signed a law" or "signed an order"."""
    if verb.lemma_.lower() not in _SIGNING or verb.pos_ != "VERB":
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl"):
        objs.append(verb.head)  # "the framework agreement that both delegations signed"
    objs += [
        p
        for c in verb.children
        if c.dep_ in ("prep", "prt") and c.lower_ in ("to", "up", "onto", "on")
        for p in (*c.children, *(g for q in c.children for g in q.children))
        if p.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() in _PLAN_NOUNS or o.lemma_.lower() in _GENERIC_DEALS for o in objs)


class DealIssues:
    """Issues of the items a deal names, and of a body left; mixed into the issue stage, whose
    ``_classify`` and ``cue_words`` they use."""

    cue_words: dict[str, tuple[str, int]]
    _classify: Any

    def _body_issue(self, body: Token, state: _DocState) -> str:
        """What membership of a body is about, read from all its words, its name included ("the
        International Criminal Court": justice); a bloc of states by default (alliances)."""
        best = ("alliances", 0)
        toks = list(body.subtree)
        ids = {t.i for t in toks}
        for t in toks:
            hits = [self.cue_words.get(t.lemma_.lower()), self.cue_words.get(t.lower_)]
            hits += [
                (i, w)
                for end, i, w in state.cue_phrases.get(t.i, ())
                if all(j in ids for j in range(t.i, end))
            ]
            for hit in hits:
                if hit is not None and hit[0] != "process" and hit[1] > best[1]:
                    best = hit
        return best[0]

    def _deal_items(self, head: Token, state: _DocState) -> list[tuple[str, list[Token]]]:
        """The issues of what a deal names, one per item: "a deal to pull back fighters, swap
        detainees and reopen the airport" (three), "a demand for an agreement on filling the
        dam" (the agreement inside the demand). Empty when *head* is no deal or names nothing."""
        deal = head
        if head.pos_ == "ADP":
            deal = next((c for c in head.children if c.dep_ == "pobj"), head)
        elif head.lemma_.lower() in _REFERRING:
            # "the demand for a binding agreement on …": the deal asked for
            deal = next(
                (
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                head,
            )
        if deal.lemma_.lower() not in _GENERIC_DEALS:
            return []
        out: list[tuple[str, list[Token]]] = []
        seen: set[str] = set()
        pending = [
            c
            for c in deal.children
            if (c.dep_ == "acl" and c.tag_ in ("VBG", "VB"))
            # "a deal to pull back fighters" (parsed as a relative clause)
            # "a proposal that would let Kyiv keep an army", "the agreement, which provides for
            # an exchange of prisoners": what the deal would do or contains
            or (
                c.dep_ == "relcl"
                and (
                    c.lemma_.lower() in _CONTAINING
                    or any(
                        a.lower_ in ("to", "would", "will", "could", "should", "must")
                        for a in c.children
                        if a.dep_ == "aux"
                    )
                )
            )
            or (c.dep_ == "prep" and c.lower_ in ("on", "over", "regarding", "concerning"))
        ]
        # "signed two protocols, one on a ceasefire, the other on detainees": the items named
        # after the deal, one numeral each
        ones = [
            c
            for c in (*deal.children, *deal.head.children)
            if c.lower_ == "one" and c.dep_ in ("npadvmod", "appos", "advmod", "nummod")
        ]
        for part in (p for one in ones for p in (one, *one.children)):
            if part is not deal and (part.lower_ == "one" or part.lemma_.lower() == "other"):
                pending.extend(
                    c for c in part.children if c.dep_ == "prep" and c.lower_ in ("on", "over")
                )
        while pending:
            item = pending.pop(0)
            toks, split = _own_subtree(item, state.excluded)
            pending.extend(split)
            if item.pos_ == "VERB":
                # "to free prisoners and unfreeze funds" (not a finite verb of another clause)
                pending.extend(
                    c
                    for c in item.children
                    if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in ("VB", "VBG")
                )
            if item.pos_ == "ADP":
                # "on water and on grazing": each object of the preposition is an item
                objs = [p for p in item.children if p.dep_ == "pobj"]
                pending.extend(c for o in objs for c in o.children if c.dep_ == "conj")
            issue = self._classify(item, toks, state, min_weight=2)
            if issue is not None and issue != "process" and issue not in seen:
                seen.add(issue)
                out.append((issue, toks))
        return out
