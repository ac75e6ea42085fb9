"""Issues of stances whose words name no issue, read from what the stance is about instead.

Real copy often states a position on a thing without any issue word: a body left by name ("its
withdrawal from ECOWAS", "pulls out of IGAD"), a place ruled out as a bargaining chip
("Greenland is not for sale"), a place said to stay a nation's ("the canal belongs to Panama and
will remain Panamanian"), a threat aimed at a target ("threatened to target any American
ships"), a threat held over another's act ("retaliatory steps if Finland joins the alliance"),
or a commitment to hold back ("refrain from deploying troops"). Each rule here runs only where
the cue lexicons found nothing, or refines the cue of a word that only wraps the real content.

Words are data in ``knowledge/stances.yaml`` (``lists:`` exit_nouns, exit_bodies,
threat_acts, restraint_verbs, deployment_verbs, troops).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.consequences import pointed_demand
from detente.extract.stance.heads import left_body
from detente.extract.stance.model import Trigger, _Unit
from detente.extract.stance.state import _DocState

_EXIT_NOUNS = word_list("exit_nouns")
_BODIES = word_list("exit_bodies")
#: Verbs of a strike that a threat aims at a target ("threatened to target any ships").
_THREAT_ACTS = word_list("threat_acts")
#: Verbs of holding back whose complement names what is held back ("refrain from deploying").
_RESTRAINT = word_list("restraint_verbs")
#: Verbs of putting forces in place ("refrain from deploying …", "from stationing …").
_DEPLOYING = word_list("deployment_verbs")
_TROOPS = word_list("troops")
_PLACE_TYPES = ("GPE", "LOC", "FAC")
#: Subordinators of the condition a threat is held over.
_IF_MARKS = frozenset({"if", "should", "unless", "once", "when"})
#: Verbs of staying that, with a nation's adjective, say whose a place is.
_STAYING = frozenset({"remain", "stay", "be"})


def _named_body(tok: Token) -> bool:
    """*tok* names an organisation one can belong to: an ORG entity or a body noun."""
    return tok.ent_type_ == "ORG" or tok.lemma_.lower() in _BODIES


def exited_body(trig: Trigger) -> Token | None:
    """The body a noun or verb of leaving leaves by name: "its withdrawal from ECOWAS", "the
    junta's exit from the court", "pulls out of IGAD"; None otherwise ("withdrawal from Gaza")."""
    tok = trig.token
    if tok.pos_ == "VERB":
        return left_body(tok)
    if tok.lemma_.lower() not in _EXIT_NOUNS:
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("from", "out"):
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        objs += [g for c in prep.children if c.dep_ == "prep" for g in c.children]
        for obj in objs:
            if obj.dep_ == "pobj" and _named_body(obj):
                return obj
    return None


def _place_subject(tok: Token) -> Token | None:
    """The place a verdict is passed on as its subject ("Greenland is not for sale")."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ in _PLACE_TYPES:
            return c
    return None


def _national_place(tok: Token) -> bool:
    """A verb of staying or belonging that gives a place to a nation: "will remain
    Panamanian", "belongs to Panama"."""
    lemma = tok.lemma_.lower()
    if lemma in _STAYING:
        return any(c.dep_ in ("acomp", "attr") and c.ent_type_ == "NORP" for c in tok.children)
    if lemma == "belong":
        return any(
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(p.dep_ == "pobj" and p.ent_type_ == "GPE" for p in c.children)
            for c in tok.children
        )
    return False


def threat_condition(verb: Token) -> list[Token]:
    """The tokens of the condition a threat is held over ("… if Finland joins the alliance"):
    what the threat is meant to deter; empty when it has none."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            m.dep_ in ("mark", "aux") and m.lower_ in _IF_MARKS for m in c.children
        ):
            return list(c.subtree)
    return []


def aimed_strike(trig: Trigger) -> Token | None:
    """A strike verb the threat announces against a target ("threatened to target any
    American ships", "vowed to hit US warships"): the fighting is the issue."""
    for c in [trig.token, *trig.content]:
        struck = c.pos_ == "VERB" and c.lemma_.lower() in _THREAT_ACTS
        if struck and any(o.dep_ == "dobj" for o in c.children):
            return c
    return None


class UnnamedIssues:
    """Issue rules for stances whose cue words are silent (mixed into the issue stage)."""

    def _unnamed_issues(self, trig: Trigger, state: _DocState) -> list[tuple[str, _Unit]]:
        """The issue of a stance no cue classified, from what it is about; empty if unknown."""
        tok = trig.token
        body = exited_body(trig)
        if body is not None:
            # "announced its withdrawal from ECOWAS": a membership given up
            return [(self._body_issue(body, state), _Unit(body, list(body.subtree)))]  # type: ignore[attr-defined]
        if trig.cls in ("mustbe", "must", "copula", "verdict"):
            place = _place_subject(tok)
            if place is not None:
                # "Greenland is not for sale", "the Golan is not negotiable": the land itself
                return [("territory", _Unit(place, list(place.subtree), weight=3))]
        heads = [tok, *(c for c in tok.children if c.dep_ == "conj"), tok.head]
        if any(_national_place(h) for h in heads if h.pos_ in ("VERB", "AUX")):
            # "belongs to Panama and will remain Panamanian": a place held as a nation's own
            return [("territory", _Unit(tok, list(tok.subtree), weight=3))]
        return []

    def _unnamed_threat(self, trig: Trigger, state: _DocState) -> list[tuple[str, _Unit]]:
        """A threat no cue classified: a strike at a target is about the fighting; else the
        condition it is held over names what it is about ("retaliatory steps if Finland joins
        the alliance")."""
        strike = aimed_strike(trig)
        if strike is not None:
            return [("ceasefire", _Unit(strike, list(strike.subtree)))]
        prior = pointed_demand(trig.token, state.claims, {a.id for a in state.current})
        if prior:
            # "Failing that, Ankara will act alone": the demand it points back to
            return [(prior, _Unit(trig.token, list(trig.token.subtree)))]
        cond = threat_condition(trig.token)
        if cond:
            head = next(t for t in cond if t.dep_ == "advcl")
            issue = self._classify(head, cond, state, min_weight=2)  # type: ignore[attr-defined]
            if issue is not None:
                return [(issue, _Unit(head, cond))]
        return []

    def _restrained_issue(self, unit: _Unit, state: _DocState) -> str | None:
        """ "refrain from deploying troops": the issue of what is held back, when it names one
        other than the fighting (holding back attacks stays a ceasefire)."""
        head = unit.head
        if head.lemma_.lower() not in _RESTRAINT:
            return None
        acts = [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
            if p.dep_ in ("pcomp", "pobj")
        ]
        if not acts:
            return None
        # the act and its object ("deploying troops"), not where it would happen
        held = sorted(
            {acts[0], *(t for c in acts[0].children if c.dep_ == "dobj" for t in c.subtree)},
            key=lambda t: t.i,
        )
        if acts[0].lemma_.lower() in _DEPLOYING or any(t.lemma_.lower() in _TROOPS for t in held):
            return "military_limits"  # forces held back: a limit on one's own forces
        issue = self._classify(acts[0], held, state, min_weight=2)  # type: ignore[attr-defined]
        return issue if issue not in (None, "ceasefire", "process") else None
