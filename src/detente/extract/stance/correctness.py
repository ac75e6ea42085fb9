"""A learned check of every finished claim: how likely its (actor, kind, issue) is right.

The rule stages leave signals on each claim (how the holder was found, how strong the issue
cue was, the trigger class, derived from a reference, a condition or an exchange, hedged,
denied, added by the learned stage).  The check scores each claim from those signals, from the
arbiter's reading of its content where the main path recorded it (trigger, content head and
words, issue cues in and around the content), and from the report around it (transcript, live
blog or analysis, where the sentence sits, how long the quote is, how often the report states
the same stance).  One logistic regression gives a raw probability of being right; a Platt map
fitted on *out-of-fold* predictions (grouped by conflict) turns it into the claim's confidence,
so the confidence is calibrated on conflicts the model did not see.  With the ``check_veto``
use, claims whose confidence is below ``veto_below`` are dropped (``check`` alone only sets the
confidence).

Weights, calibration and threshold ship as ``knowledge/claimcheck_model.npz``, written by
``scripts/train_stance_model.py`` from gold/dev only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.tokens import Doc

from detente.extract.doctext import doc_text, headline_end
from detente.extract.layout import structure_marks
from detente.extract.stance.arbiter import claim_features
from detente.extract.stance.linear import load_shipped
from detente.records import Claim

if TYPE_CHECKING:
    from detente.extract.stance.state import _DocState

#: Bump when the features change: a model trained on other features must not be used.
CHECK_VERSION = 2
CHECK_FILE = "claimcheck_model.npz"
CHECK_USES: frozenset[str] = frozenset({"check", "check_veto"})
if not Doc.has_extension("detente_claim_checks"):
    # the check features of every finished claim, when recorded (for training)
    Doc.set_extension("detente_claim_checks", default=None)
_SAID = re.compile(r"\b(?:said|says|told|stated|announced)\b")


@dataclass(frozen=True, slots=True)
class CheckModel:
    """Weights of the correctness model, its Platt map (``a * logit(p) + b``) and the veto
    threshold on the calibrated confidence."""

    index: dict[str, int]
    weights: np.ndarray  # (features,)
    bias: float
    platt_a: float
    platt_b: float
    veto_below: float

    @classmethod
    def from_arrays(cls, arrays: Any) -> CheckModel:
        """Build from the arrays of the ``.npz`` file (or a dict of the same arrays)."""
        if int(arrays["version"]) != CHECK_VERSION:
            raise ValueError("claim check trained on other features")
        feats = [str(f) for f in arrays["features"]]
        return cls(
            index={f: i for i, f in enumerate(feats)},
            weights=np.asarray(arrays["weights"], dtype=np.float32),
            bias=float(arrays["bias"]),
            platt_a=float(arrays["platt_a"]),
            platt_b=float(arrays["platt_b"]),
            veto_below=float(arrays["veto_below"]),
        )

    def raw(self, units: list[list[str]]) -> np.ndarray:
        """Uncalibrated probabilities that the claims with these feature lists are right."""
        z = np.full(len(units), self.bias, dtype=np.float64)
        for row, feats in enumerate(units):
            rows = [self.index[f] for f in set(feats) if f in self.index]
            if rows:
                z[row] += float(self.weights[rows].sum())
        return 1.0 / (1.0 + np.exp(-z))

    def calibrated(self, raw: float) -> float:
        """The confidence of a claim the model rates *raw* (monotone in *raw*)."""
        return platt(raw, self.platt_a, self.platt_b)


def platt(raw: float, a: float, b: float) -> float:
    """``sigmoid(a * logit(raw) + b)``, rounded to 3 places."""
    p = min(max(raw, 1e-6), 1 - 1e-6)
    z = a * math.log(p / (1 - p)) + b
    return round(1.0 / (1.0 + math.exp(-z)), 3)


@cache
def shipped_check() -> CheckModel | None:
    """The model in ``knowledge/claimcheck_model.npz`` (None when none ships)."""
    return load_shipped(CHECK_FILE, CheckModel.from_arrays)


def _bucket(n: float, edges: tuple[float, ...]) -> int:
    return sum(1 for e in edges if n >= e)


def report_features(doc: Doc, state: _DocState | None) -> list[str]:
    """The report's style: a transcript, a live blog (entry timestamps), an analysis (few
    reporting verbs per sentence), and its length."""
    text = doc_text(doc)
    out = []
    if state is not None and state.turns is not None:
        out.append("style=transcript")
    stamps = sum(1 for _s, _e, kind in structure_marks(text) if kind == "timestamp")
    if stamps >= 2:
        out.append("style=live")
    sents = max(1, sum(1 for _ in doc.sents))
    said = len(_SAID.findall(text)) / sents
    out.append(f"said={_bucket(said, (0.2, 0.4, 0.7))}")
    out.append(f"len={_bucket(sents, (8, 16, 30, 60))}")
    return out


def check_features(
    claims: list[Claim], doc: Doc, state: _DocState | None, comp: Any
) -> list[list[str]]:
    """The features of every claim of *doc*: its signals, kind and issue, the arbiter's
    content features where the main path recorded its trigger and content (else
    ``origin=none``), and where it sits in the report."""
    common = report_features(doc, state)
    # A headline is scored apart from the body, and body sentences count from the lede: a
    # sentence given alone has neither headline nor dateline, and counting those as sentences
    # would rate it as a report's first line.  Verbless fragments (a dateline split off, a
    # byline, "FLASH --") are not counted.
    head = headline_end(doc_text(doc))
    starts = [
        s.start_char
        for s in doc.sents
        if s.start_char >= head and any(t.pos_ in ("VERB", "AUX") for t in s)
    ]
    n_sents = max(1, len(starts))
    triples = Counter((c.actor, c.kind, c.issue) for c in claims)
    actors = Counter(c.actor for c in claims)
    per_sent = Counter(sum(1 for s in starts if s <= c.start) for c in claims)
    issues = Counter(c.issue for c in claims)
    top = max(issues.values(), default=0)
    kinds: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        kinds.setdefault((c.actor, c.issue), set()).add(c.kind)
    actor_issues: dict[str, set[str]] = {}
    for c in claims:
        actor_issues.setdefault(c.actor, set()).add(c.issue)
    out = []
    for c in claims:
        feats = [*common, f"rk={c.kind}", f"ri={c.issue}", f"rk={c.kind}|ri={c.issue}"]
        feats.extend("sig=" + s for s in c.signals)
        origin = state.origins.get(id(c)) if state is not None else None
        if origin is not None and origin[0] is c:
            feats.extend(claim_features(c, origin[1], origin[2], comp, state))
        else:
            feats.append("origin=none")
        sent = sum(1 for s in starts if s <= c.start)
        if c.start < head:
            feats.extend(("pos=head", "rel=head"))
        else:
            feats.append(f"pos={_bucket(sent, (2, 3, 5, 9))}")
            # the quarter of the body the sentence sits in, the lede in the first
            feats.append(f"rel={min(int(4 * max(sent - 1, 0) / n_sents), 3)}")
        feats.append(f"qlen={_bucket(len(c.quote.split()), (8, 15, 25, 40))}")
        feats.append(f"same={min(triples[(c.actor, c.kind, c.issue)], 3)}")
        feats.append(f"actor={min(actors[c.actor], 4)}")
        feats.append(f"insent={min(per_sent[sent], 3)}")
        # the report's main issue, the holder's other kinds and issues on it
        feats.append("ri=top" if issues[c.issue] == top else "ri=other")
        if len(kinds[(c.actor, c.issue)]) > 1:
            feats.append("kindmix")
        feats.append(f"actor_issues={min(len(actor_issues[c.actor]), 3)}")
        feats.append("actor=state" if c.actor.isupper() else "actor=group")
        if any(q in c.quote for q in ('"', "\u201c", "\u201d")):
            feats.append("quoted")
        for flag in ("conditional", "hedged", "denied", "negated", "anonymous"):
            if getattr(c, flag, False):
                feats.append("mod=" + flag)
        if c.sources:
            feats.append("mod=sourced")
        if c.target:
            feats.append("mod=target")
        out.append(feats)
    return out
