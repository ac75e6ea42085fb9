"""A learned arbiter over the rules' issue and kind decisions, claim by claim.

The rule stages pick a stance's issue from keyword cues in its content and its kind from the
trigger's class; both cue lists fit the phrasings they were written from.  Where the rules'
issue evidence is weak (a cue of weight 0 or 1, or the report's dominant issue where stances
no cue classifies are kept), a claim-level model scores every issue from the claim's own
content -- the head of the trigger's complement and its dependents, the cues inside the content
and elsewhere in the sentence, the trigger lemma and class, the rules' choice and its signals --
and may overrule the rules:

* ``arbiter`` -- the rule issue is replaced by the model's when the model rates its own issue at
  ``issue_above`` or more and the rule issue below ``issue_keep_below``;
* ``arbiter_add`` -- the same test adds a second stance on the model's issue instead;
* ``arbiter_kind`` -- the same for the kind, with ``kind_above`` and ``kind_keep_below``.

A claim whose issue the rules had from a strong cue (weight 2 or 3) is overruled too, on the
model's word at ``strong_above`` or more while it rates the rule issue below
``strong_keep_below``: a cue word can be a modifier ("combat and sensor systems" for the
frigates bought) or a name, and the claim's other words outvote it. An issue the rules read
from beyond the claim's words is left to them: a deal noun's ("welcomed the accord"), which
is what the deal names, restraint asked for, which is a ceasefire only where the report shows
fighting, and "its status", the status of what the clause before named. Models written before
these two thresholds existed leave strong cues alone.

A changed claim carries the signal ``learned=arbiter``.  The weights and thresholds ship as
``knowledge/arbiter_model.npz``, written with the sentence model by
``scripts/train_stance_model.py`` from gold/dev only; the uses on by default are those that
raised the cross-validated F1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from detente.extract.stance import confidence as conf
from detente.extract.stance.dealref import deal_class
from detente.extract.stance.linear import (
    OneVsRest,
    feature_word,
    linear_fields,
    load_shipped,
)
from detente.extract.stance.restraint import _RESTRAINT
from detente.records import Claim

if TYPE_CHECKING:
    from detente.extract.stance.model import Trigger, _Unit
    from detente.extract.stance.state import _DocState

#: Bump when the claim features change: a model trained on other features must not be used.
ARBITER_VERSION = 1
ARBITER_FILE = "arbiter_model.npz"
ARBITER_USES: frozenset[str] = frozenset({"arbiter", "arbiter_add", "arbiter_kind"})
#: Signals of an issue decision weak enough for the model to overrule.  (A stance whose issue
#: comes from the stance it refers back to is rebuilt after the rules and not read here.)
WEAK_ISSUE: frozenset[str] = frozenset({"issue=cue0", "issue=cue1", "issue=dominant"})
SIGNAL = "learned=arbiter"


@dataclass(frozen=True, slots=True)
class ArbiterModel(OneVsRest):
    """Weights of the claim model: one column per output (``issue:X``, ``kind:Y``), one row
    per known feature, and the thresholds of the arbitration."""

    issue_above: float
    issue_keep_below: float
    kind_above: float
    kind_keep_below: float
    #: Weight of the sentence model's issue probabilities in the issue scores (0: the claim
    #: model alone).
    sentence_weight: float = 0.0
    #: Thresholds for overruling an issue the rules had from a strong cue (off by default).
    strong_above: float = 1.01
    strong_keep_below: float = 0.0

    @classmethod
    def from_arrays(cls, arrays: Any) -> ArbiterModel:
        """Build from the arrays of the ``.npz`` file (or a dict of the same arrays)."""
        return cls(
            **linear_fields(arrays, ARBITER_VERSION, "arbiter model"),
            issue_above=float(arrays["issue_above"]),
            issue_keep_below=float(arrays["issue_keep_below"]),
            kind_above=float(arrays["kind_above"]),
            kind_keep_below=float(arrays["kind_keep_below"]),
            sentence_weight=float(arrays["sentence_weight"]),
            strong_above=float(arrays["strong_above"]) if "strong_above" in arrays else 1.01,
            strong_keep_below=(
                float(arrays["strong_keep_below"]) if "strong_keep_below" in arrays else 0.0
            ),
        )


@cache
def shipped_arbiter() -> ArbiterModel | None:
    """The model in ``knowledge/arbiter_model.npz`` (None when none ships)."""
    return load_shipped(ARBITER_FILE, ArbiterModel.from_arrays)


def _cues(toks: list[Token], comp: Any, state: _DocState) -> list[tuple[str, int]]:
    """The issue cues (issue, weight) among *toks*, single words and phrases."""
    words = comp.tax.words
    out = []
    for t in toks:
        cue = words.get(t.lemma_.lower()) or words.get(t.lower_)
        if cue is not None:
            out.append((cue[0], int(cue[1])))
        out.extend((issue, w) for _end, issue, w in state.cue_phrases.get(t.i, ()))
    return out


def claim_features(
    claim: Claim, trig: Trigger, unit: _Unit, comp: Any, state: _DocState
) -> list[str]:
    """The features of one rule claim: the rules' decision and its signals, the trigger, the
    content unit (head, its dependents, its words and cues) and the cues of the rest of the
    sentence."""
    feats = [
        f"ri={claim.issue}",
        f"rk={claim.kind}",
        f"tl={feature_word(trig.token)}",
        f"tc={trig.cls}",
    ]
    feats.extend("sig=" + s for s in claim.signals if not s.startswith("learned="))
    head = unit.head
    feats.append("ch=" + feature_word(head))
    feats.append(f"ch={feature_word(head)}|ri={claim.issue}")
    feats.extend(f"cd={c.dep_}|{feature_word(c)}" for c in head.children if not c.is_punct)
    own = [t for t in unit.tokens if not (t.is_punct or t.is_space)]
    feats.extend("cw=" + feature_word(t) for t in own)
    inside = _cues(own, comp, state)
    for issue, weight in inside:
        feats.append("cc=" + issue)
        if weight >= 2:
            feats.append("cc+=" + issue)
    if claim.issue in {i for i, _ in inside}:
        feats.append("cc=ri")
    if len({i for i, _ in inside}) > 1:
        feats.append("cc=many")
    ids = {t.i for t in unit.tokens} | {trig.token.i}
    rest = [t for t in trig.token.sent if t.i not in ids and not t.is_punct]
    for issue, weight in _cues(rest, comp, state):
        feats.append("sc=" + issue)
        if weight >= 2:
            feats.append("sc+=" + issue)
    return feats


def _read_from_context(unit: _Unit) -> bool:
    """Whether the rules took the content's issue from beyond its words: a deal noun ("the
    accord", "a deal to reopen the railway") takes what the deal names, here or earlier in the
    report, restraint asked for ("exercise restraint") is a ceasefire only where the report
    shows fighting (restraint.py), and "its status" is the status of what the clause before
    named. The model sees only the words, so a strong cue there is not its to overrule."""
    head = unit.head
    if head.pos_ == "ADP":
        head = next((c for c in head.children if c.dep_ == "pobj"), head)
    if deal_class(head) is not None or any(t.lemma_.lower() in _RESTRAINT for t in unit.tokens):
        return True
    # "its / their status must be settled": the status of what the clause before named
    return head.lemma_.lower() == "status" and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children
    )


def arbitrate(
    claims: list[Claim],
    state: _DocState,
    comp: Any,
    model: ArbiterModel,
    uses: frozenset[str],
    sentence_issues: Callable[[Span], dict[str, float]] | None = None,
) -> list[Claim]:
    """Apply the arbiter *uses* to the rule *claims* whose trigger and content the rules
    recorded on *state*; returns the claims (changed in place, added ones appended).
    *sentence_issues* gives the sentence model's issue probabilities of a sentence, mixed into
    the claim model's by the model's ``sentence_weight``."""
    strong = model.strong_above <= 1.0
    wanted = []
    for c in claims:
        origin = state.origins.get(id(c))
        if origin is None or origin[0] is not c:
            continue  # not a claim of the main path (or rebuilt since): no content to read
        weak_issue = any(s in WEAK_ISSUE for s in c.signals)
        if weak_issue or strong or "arbiter_kind" in uses:
            wanted.append((c, origin, weak_issue))
    if not wanted:
        return claims
    probs = model.predict([claim_features(c, o[1], o[2], comp, state) for c, o, _ in wanted])
    have = {(c.actor, c.kind, c.issue, c.start) for c in claims}
    added: list[Claim] = []
    for (c, (_, _trig, unit), weak_issue), p in zip(wanted, probs, strict=True):
        if "arbiter_kind" in uses:
            kinds = model.ranked(p, "kind:")
            top = max(kinds, key=lambda k: kinds[k])
            if (
                top != c.kind
                and kinds[top] >= model.kind_above
                and kinds.get(c.kind, 0.0) < model.kind_keep_below
                and (c.actor, top, c.issue, c.start) not in have
            ):
                have.add((c.actor, top, c.issue, c.start))
                c.kind = top
                c.signals.append(SIGNAL)
                c.confidence = conf.score(c.signals)
        if not (weak_issue or strong) or not uses & {"arbiter", "arbiter_add"}:
            continue
        if not weak_issue and _read_from_context(unit):
            continue  # "welcomed the accord", "urged restraint": the rules read the context
        above, keep = (
            (model.issue_above, model.issue_keep_below)
            if weak_issue
            else (model.strong_above, model.strong_keep_below)
        )
        issues = model.ranked(p, "issue:")
        mix = model.sentence_weight
        if mix > 0 and sentence_issues is not None:
            by_sent = sentence_issues(_trig.token.sent)
            issues = {
                i: (1 - mix) * issues.get(i, 0.0) + mix * by_sent.get(i, 0.0)
                for i in issues.keys() | by_sent.keys()
            }
        top = max(issues, key=lambda i: issues[i])
        if (
            top == c.issue
            or issues[top] < above
            or issues.get(c.issue, 0.0) >= keep
            or (c.actor, c.kind, top, c.start) in have
        ):
            continue
        have.add((c.actor, c.kind, top, c.start))
        doc = unit.head.doc
        span = doc[min(t.i for t in unit.tokens) : max(t.i for t in unit.tokens) + 1]
        places = list(comp._places(span, top))
        if "arbiter" in uses:
            c.issue, c.places = top, places
            c.signals.append(SIGNAL)
            c.confidence = conf.score(c.signals)
        else:
            extra = replace(
                c,
                issue=top,
                places=places,
                ordinal=len(claims) + len(added),
                exchange_for=[],
                signals=[*c.signals, SIGNAL],
            )
            extra.confidence = conf.score(extra.signals)
            added.append(extra)
    return claims + added if added else claims
