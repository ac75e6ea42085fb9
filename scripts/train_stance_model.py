"""Train the learned stance model (knowledge/stance_model.npz) on gold/dev, or measure it.

    python scripts/train_stance_model.py gold/dev                 # train on all, write the model
    python scripts/train_stance_model.py gold/dev --cv 5          # grouped K-fold measurement
    python scripts/train_stance_model.py gold/dev --check DIR     # train on gold/dev, score DIR
    python scripts/train_stance_model.py gold/dev --cv 5 --arbiter   # the arbiter's table

Units are the sentences of each report.  A sentence overlapping the evidence of a required gold
stance is labelled with that stance's kinds and issues; a sentence overlapping only optional
evidence is left out; every other sentence holds no stance.  Features come from the real
extractor's parse (:func:`detente.extract.stance.learned.unit_features`); one L2 logistic
regression per output (``stance``, each kind, each issue; kinds and issues are fitted on the
stance sentences only).  Deterministic: sorted features, liblinear, no random state used.

Cross-validation groups reports by conflict, so no conflict is in both a training and a test
fold; for every fold the model is trained on the other folds and the full stance component runs
on the held reports with each use switched on, scored as ``detente eval`` scores (distinct
(actor, kind, issue) triples matched to gold).  Thresholds are chosen by the pooled CV F1.

The arbiter's claim model (``knowledge/arbiter_model.npz``) is trained on the rule stances
whose content the rules classified: each one that evidence of a gold stance of the same actor
overlaps is labelled with that stance's issues and kinds (see :func:`label_claims`).

The claim check (``knowledge/claimcheck_model.npz``) is trained on every claim the extractor
outputs with the learned uses on by default (and the models just trained): a claim is right
when its (actor, kind, issue) is matched to gold as ``detente eval`` matches.  Its Platt map is
fitted on out-of-fold predictions (grouped 5-fold by conflict) and its veto threshold chosen by
the pooled out-of-fold F1 (``--cv 5 --check-model`` prints both tables).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from detente.evaluate import GoldReport, load_gold_dir, match_stances, prf
from detente.evaluation_stats import calibration, paired_f1_difference
from detente.extract.pipeline import Extractor
from detente.extract.stance.arbiter import ARBITER_VERSION, ArbiterModel
from detente.extract.stance.correctness import CHECK_VERSION, platt
from detente.extract.stance.learned import DEFAULT_LEARNED, FEATURES_VERSION, KINDS, StanceModel
from detente.extract.stances import FACTORY
from detente.reading import read_text

OUT = Path(__file__).resolve().parents[1] / "src/detente/knowledge/stance_model.npz"
ARBITER_OUT = OUT.with_name("arbiter_model.npz")
CHECK_OUT = OUT.with_name("claimcheck_model.npz")

#: Conflicts by the words of the file names (a report's group for cross-validation).
CONFLICTS: dict[str, tuple[str, ...]] = {
    "kurils": ("kuril",),
    "taiwan": ("taiwan", "kinmen"),
    "south_china_sea": ("scs", "shoal", "scarborough", "reef", "philippines"),
    "gibraltar": ("gibraltar",),
    "india_china": ("india_china", "china_india"),
    "iraq": ("kurdistan", "iraq", "barzani"),
    "burundi_rwanda": ("burundi",),
    "bolivia_chile": ("bolivia", "chile"),
    "belize": ("belize", "guatemala"),
    "armenia_azerbaijan": ("armenia", "azerbaijan"),
    "gaza": ("gaza", "rafah", "hamas"),
    "ukraine": (
        "ukraine",
        "donbas",
        "kremlin",
        "zaporizhzhia",
        "black_sea",
        "istanbul",
        "london_summit",
        "geneva_us",
        "frozen_assets",
        "belarus",
    ),
    "serbia_kosovo": ("serbia", "kosovo"),
    "syria": ("syria",),
    "sudan": ("sudan",),
    "drc": ("drc", "m23"),
    "israel_iran": ("israel_iran", "iran"),
    "lebanon": ("lebanon", "hezbollah"),
    "colombia": ("colombia", "eln"),
    "myanmar": ("myanmar",),
    "yemen": ("yemen", "houthi"),
    "india_pakistan": ("india_pakistan",),
    "chagos": ("chagos",),
    "cyprus": ("cyprus",),
    "georgia": ("georgia",),
    "ethiopia": ("ethiopia", "eritrea", "tplf"),
}


def conflict_of(name: str) -> str:
    """The conflict a gold report is about, from its file name (itself when none matches)."""
    stem = re.sub(r"^(agency|an|iss|live|qa|x)_", "", name)
    for conflict, words in CONFLICTS.items():
        if any(w in stem for w in words):
            return conflict
    return stem


@dataclass
class Item:
    """One parsed gold report: its Doc (stance component not yet run) and its units."""

    gold: GoldReport
    doc: object
    units: list[tuple[int, int, list[str]]] = field(default_factory=list)
    labels: list[tuple[int, frozenset[str], frozenset[str]] | None] = field(default_factory=list)
    #: The rule claims the arbiter can read: (features, gold kinds, gold issues) of each one
    #: that gold evidence of its actor covers.
    claims: list[tuple[list[str], frozenset[str], frozenset[str]]] = field(default_factory=list)


def _spans(text: str, evidence: tuple[str, ...]) -> list[tuple[int, int]]:
    out = []
    for ev in evidence:
        at = text.find(ev)
        while at != -1:
            out.append((at, at + len(ev)))
            at = text.find(ev, at + 1)
    return out


def label_units(gold: GoldReport, text: str, units, claims) -> list:
    """Per unit: (stance 0/1, kinds, issues, missed), or None for a unit with only optional
    evidence.  ``missed`` (None for a unit holding a rule stance) tells that the unit states a
    required gold stance the rules' output for the report does not match."""
    req, opt = [], []
    for g in gold.claims:
        for s, e in _spans(text, g.evidence):
            (req if g.required else opt).append((s, e, g))
    found = match_stances(gold.claims, {(c.actor, c.kind, c.issue) for c in claims})
    unmatched = {id(g) for g in found.false_negatives}
    out = []
    for start, end, _f in units:
        hit = [g for s, e, g in req if s < end and start < e]
        ruled = any(c.start < end and start < c.end for c in claims)
        missed = None if ruled else int(any(id(g) in unmatched for g in hit))
        if hit:
            kinds = frozenset(k for g in hit for k in g.kinds)
            issues = frozenset(i for g in hit for i in g.issues)
            out.append((1, kinds, issues, missed))
        elif any(s < end and start < e for s, e, _ in opt):
            out.append(None)
        else:
            out.append((0, frozenset(), frozenset(), missed))
    return out


def label_claims(gold: GoldReport, text: str, claim_units) -> list:
    """Per rule claim that the evidence of a gold stance of its actor overlaps: its features,
    the gold kinds and the gold issues it should have had.  Among several such stances, those
    agreeing with the rules' kind decide the issue, and those agreeing with its issue the kind."""
    spans = [(s, e, g) for g in gold.claims for s, e in _spans(text, g.evidence)]
    out = []
    for actor, start, end, feats in claim_units:
        hit = [g for s, e, g in spans if actor in g.actors and s < end and start < e]
        if not hit:
            continue
        kind = next(f[3:] for f in feats if f.startswith("rk="))
        issue = next(f[3:] for f in feats if f.startswith("ri="))
        for_issue = [g for g in hit if kind in g.kinds] or hit
        for_kind = [g for g in hit if issue in g.issues] or hit
        out.append(
            (
                feats,
                frozenset(k for g in for_kind for k in g.kinds),
                frozenset(i for g in for_issue for i in g.issues),
            )
        )
    return out


def parse(gold_dir: str, extractor: Extractor) -> list[Item]:
    """Parse every report of *gold_dir* once and record its units' features and labels."""
    golds = load_gold_dir(gold_dir)
    reports = [
        read_text(g.text_path.read_text(encoding="utf-8"), published=g.published) for g in golds
    ]
    nlp = extractor.nlp
    comp = nlp.get_pipe(FACTORY)
    docs = nlp.pipe((extractor._doc(r) for r in reports), disable=[FACTORY])
    items = []
    for gold, report, doc in zip(golds, reports, docs, strict=True):
        saved = (comp.learned, comp.record_units)
        comp.learned, comp.record_units = frozenset(), True
        comp(doc)
        comp.learned, comp.record_units = saved
        item = Item(gold, doc, list(doc._.detente_units or []))
        item.labels = label_units(gold, report.text, item.units, doc._.detente_claims or [])
        item.claims = label_claims(gold, report.text, doc._.detente_claim_units or [])
        items.append(item)
    return items


def train(items: list[Item], c: float = 0.5, min_count: int = 2) -> dict[str, np.ndarray]:
    """Fit the model on the units of *items*; returns the arrays of the ``.npz`` file."""
    rows = [
        (f, lab) for it in items for (_, _, f), lab in zip(it.units, it.labels, strict=True) if lab
    ]
    counts = Counter(x for f, _ in rows for x in set(f))
    feats = sorted(x for x, n in counts.items() if n >= min_count)
    index = {x: i for i, x in enumerate(feats)}
    ind, ptr = [], [0]
    for f, _ in rows:
        ind.extend(sorted({index[x] for x in f if x in index}))
        ptr.append(len(ind))
    x = sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(feats)))
    labels = [lab for _, lab in rows]
    pos = np.array([lab[0] == 1 for lab in labels])
    issues = sorted({i for lab in labels for i in lab[2]})
    outputs = [
        "stance",
        "missed",
        *(f"kind:{k}" for k in KINDS),
        *(f"issue:{i}" for i in issues),
    ]
    free = np.array([lab[3] is not None for lab in labels])
    weights = np.zeros((len(feats), len(outputs)), dtype=np.float32)
    bias = np.zeros(len(outputs), dtype=np.float32)
    for j, name in enumerate(outputs):
        if name == "stance":
            xs, y = x, pos.astype(int)
        elif name == "missed":
            xs, y = x[free], np.array([lab[3] for lab in labels if lab[3] is not None])
        else:
            part, value = name.split(":", 1)
            xs = x[pos]
            y = np.array([value in (lab[1] if part == "kind" else lab[2]) for lab in labels])
            y = y[pos].astype(int)
        bias[j] = _fit_column(xs, y, c, weights[:, j])
    return {
        "version": np.array(FEATURES_VERSION),
        "features": np.array(feats),
        "weights": weights.astype(np.float16),
        "bias": bias,
        "outputs": np.array(outputs),
        "veto_below": np.array(0.0),
        "boost_above": np.array(1.01),
        "boost_verb_above": np.array(1.01),
    }


def _fit_column(x, y: np.ndarray, c: float, weights: np.ndarray) -> float:
    """Fit one output's L2 logistic regression, writing its coefficients into *weights* (a
    column view); returns its intercept. An output with one class only gets a saturated bias."""
    if y.min() == y.max():
        return 10.0 if y[0] else -10.0
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(x, y)
    weights[:] = model.coef_[0]
    return float(model.intercept_[0])


def train_arbiter(items: list[Item], c: float = 0.5, min_count: int = 2) -> dict[str, np.ndarray]:
    """Fit the claim model of the arbiter on the labelled rule claims of *items*; returns the
    arrays of its ``.npz`` file (thresholds off: set them from the cross-validation)."""
    rows = [row for it in items for row in it.claims]
    counts = Counter(x for f, _, _ in rows for x in set(f))
    feats = sorted(x for x, n in counts.items() if n >= min_count)
    index = {x: i for i, x in enumerate(feats)}
    ind, ptr = [], [0]
    for f, _, _ in rows:
        ind.extend(sorted({index[x] for x in f if x in index}))
        ptr.append(len(ind))
    x = sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(feats)))
    issues = sorted({i for _, _, iss in rows for i in iss})
    outputs = [*(f"kind:{k}" for k in KINDS), *(f"issue:{i}" for i in issues)]
    weights = np.zeros((len(feats), len(outputs)), dtype=np.float32)
    bias = np.zeros(len(outputs), dtype=np.float32)
    for j, name in enumerate(outputs):
        part, value = name.split(":", 1)
        y = np.array([value in (k if part == "kind" else i) for _, k, i in rows], dtype=int)
        bias[j] = _fit_column(x, y, c, weights[:, j])
    return {
        "version": np.array(ARBITER_VERSION),
        "features": np.array(feats),
        "weights": weights.astype(np.float16),
        "bias": bias,
        "outputs": np.array(outputs),
        "issue_above": np.array(1.01),
        "issue_keep_below": np.array(0.0),
        "kind_above": np.array(1.01),
        "kind_keep_below": np.array(0.0),
        "sentence_weight": np.array(0.0),
    }


def _arbiter(
    arrays, ia: float, ik: float, ka: float, kk: float, mix=0.0, sa=1.01, sk=0.0
) -> ArbiterModel:
    return ArbiterModel.from_arrays(
        {
            **arrays,
            "strong_above": np.array(sa),
            "strong_keep_below": np.array(sk),
            "sentence_weight": np.array(mix),
            "issue_above": np.array(ia),
            "issue_keep_below": np.array(ik),
            "kind_above": np.array(ka),
            "kind_keep_below": np.array(kk),
        }
    )


def run(
    items: list[Item], extractor: Extractor, model, uses: frozenset[str], arbiter=None
) -> list[set]:
    """Run the stance component with *model*, *arbiter* and *uses* on each item's Doc: the
    predicted triples."""
    comp = extractor.nlp.get_pipe(FACTORY)
    saved = (comp.learned, comp.learned_model, comp.arbiter_model, comp.record_units)
    comp.learned, comp.learned_model, comp.record_units = uses, model, False
    comp.arbiter_model = arbiter
    try:
        out = []
        for it in items:
            comp(it.doc)
            out.append({(c.actor, c.kind, c.issue) for c in it.doc._.detente_claims or []})
        return out
    finally:
        comp.learned, comp.learned_model, comp.arbiter_model, comp.record_units = saved


def per_report(items: list[Item], predicted: list[set]) -> list[tuple[int, int, int]]:
    """(tp, fp, fn) of *predicted* against the gold of each of *items*."""
    out = []
    for it, triples in zip(items, predicted, strict=True):
        m = match_stances(it.gold.claims, triples)
        out.append((m.tp, m.fp, m.fn))
    return out


def score(items: list[Item], predicted: list[set]) -> tuple[int, int, int]:
    """Pooled (tp, fp, fn) of *predicted* against the gold of *items*."""
    rows = per_report(items, predicted)
    return sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows)


VETO_GRID = (0.05, 0.1, 0.2)
BOOST_GRID = (0.2, 0.3, 0.4, 0.5, 0.6)
VERB_GRID = (0.5, 0.7, 0.9, 1.01)


def configs():
    """(label, uses, veto_below, boost_above, boost_verb_above) of every configuration."""
    yield "rules only", frozenset(), 0.0, 1.01, 1.01
    for v in VETO_GRID:
        yield f"veto<{v}", frozenset({"veto"}), v, 1.01, 1.01
    for v in (None, *VETO_GRID[:2]):
        for b in BOOST_GRID:
            for vb in VERB_GRID:
                uses = {"boost"} if v is None else {"veto", "boost"}
                uses = frozenset(uses | ({"boost_verb"} if vb <= 1 else set()))
                label = ("" if v is None else f"veto<{v}+") + f"boost>{b}/verb>{vb}"
                yield label, uses, v or 0.0, b, vb


def _model(arrays, v: float, b: float, vb: float) -> StanceModel:
    return StanceModel.from_arrays(
        {
            **arrays,
            "veto_below": np.array(v),
            "boost_above": np.array(b),
            "boost_verb_above": np.array(vb),
        }
    )


def cross_validate(
    items: list[Item], extractor: Extractor, k: int, c: float = 0.5
) -> dict[str, list[tuple[int, int, int]]]:
    """Grouped K-fold: per configuration, the (tp, fp, fn) of every report when it was held
    out (reports in fold order)."""
    groups = [conflict_of(it.gold.name) for it in items]
    totals: dict[str, list[tuple[int, int, int]]] = {}
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=k).split(items, groups=groups)):
        arrays = train([items[i] for i in tr], c)
        held = [items[i] for i in te]
        print(
            f"fold {fold}: {len(tr)} train, {len(te)} held ({len(set(groups[i] for i in te))} conflicts)"
        )
        for label, uses, v, b, vb in configs():
            model = _model(arrays, v, b, vb)
            totals.setdefault(label, []).extend(per_report(held, run(held, extractor, model, uses)))
    return totals


ISSUE_GRID = (0.5, 0.6, 0.7)
KEEP_GRID = (0.1, 0.3, 0.5)
KIND_GRID = (0.6, 0.8, 0.9)


def arbiter_configs():
    """(label, uses, thresholds (issue_above, issue_keep_below, kind_above, kind_keep_below)
    or None) of every arbiter configuration, each on top of the boost."""
    boost = frozenset({"boost"})
    yield "rules only", frozenset(), None
    yield "boost", boost, None
    for mode, mix in (("arbiter", 0.0), ("arbiter_add", 0.0), ("arbiter", 0.5)):
        for ia in ISSUE_GRID:
            for ik in KEEP_GRID:
                label = f"boost+{mode}{'+sent' if mix else ''} >{ia} rule<{ik}"
                yield label, boost | {mode}, (ia, ik, 1.01, 0.0, mix)
    for ka in KIND_GRID:
        for kk in KEEP_GRID:
            yield (
                f"boost+arbiter_kind >{ka} rule<{kk}",
                boost | {"arbiter_kind"},
                (1.01, 0, ka, kk, 0.0),
            )
    for ia, ik, ka, kk in COMBINED:
        uses = boost | {"arbiter", "arbiter_kind"}
        yield f"boost+arbiter >{ia}<{ik} +kind >{ka}<{kk}", uses, (ia, ik, ka, kk, 0.0)
    # the shipped arbiter, overruling strong cues as well
    for sa, sk in STRONG_GRID:
        label = f"boost+arbiter+sent >0.5 rule<0.3 strong >{sa}<{sk}"
        yield label, boost | {"arbiter"}, (0.5, 0.3, 1.01, 0.0, 0.5, sa, sk)
    # the verb boost on top (no trigger: the holder of the main verb), the last row ships
    for vb in VERB_ROWS:
        label = f"boost+verb>{vb}+arbiter+sent >0.5 rule<0.3 strong >0.65<0.35"
        yield label, boost | {"boost_verb", "arbiter"}, (0.5, 0.3, 1.01, 0.0, 0.5, 0.65, 0.35), vb


#: (strong_above, strong_keep_below) of the arbiter table's strong-cue rows.
STRONG_GRID = ((0.6, 0.3), (0.6, 0.4), (0.65, 0.25), (0.65, 0.35), (0.7, 0.2))


#: The verb-boost threshold written and used by the arbiter table's rows without their own
#: (best of the arbiter table's verb rows, which cost the least precision).
VERB_ABOVE = 0.9

#: The verb-boost thresholds of the arbiter table's verb rows.
VERB_ROWS = (0.7, 0.8, 0.9)


#: Issue and kind settings measured together (each the best of its own rows).
COMBINED: tuple[tuple[float, float, float, float], ...] = ()


def arbiter_table(
    items: list[Item], extractor: Extractor, k: int, c: float = 0.5, check=None
) -> dict[str, list[tuple[int, int, int]]]:
    """Grouped K-fold (or, with *check*, train on *items* and score *check*): per-report
    (tp, fp, fn) of every arbiter configuration, the boost at its shipped thresholds."""
    groups = [conflict_of(it.gold.name) for it in items]
    if check is not None:
        splits = [(list(range(len(items))), None)]
    else:
        splits = list(GroupKFold(n_splits=k).split(items, groups=groups))
    totals: dict[str, list[tuple[int, int, int]]] = {}
    for tr, te in splits:
        train_items = [items[i] for i in tr]
        held = check if te is None else [items[i] for i in te]
        sentence = train(train_items, c)
        arrays = train_arbiter(train_items, c)
        for label, uses, th, *verb in arbiter_configs():
            model = _model(sentence, 0.1, 0.6, verb[0] if verb else VERB_ABOVE)
            arbiter = _arbiter(arrays, *th) if th else None
            predicted = run(held, extractor, model, uses, arbiter)
            totals.setdefault(label, []).extend(per_report(held, predicted))
    return totals


def confidence_cv(items: list[Item], extractor: Extractor, k: int) -> None:
    """Use ``confidence`` measured by stacking: out-of-fold ``learned=`` signals on every rule
    claim, then the claim-confidence regression (scripts/fit_confidence.py) fitted on K-1 folds
    of claims with and without those signals and scored on the held fold (log-loss, Brier, AUC)."""
    from fit_confidence import fit  # scripts/ is on the path when this script runs
    from sklearn.metrics import roc_auc_score

    groups = [conflict_of(it.gold.name) for it in items]
    folds = list(GroupKFold(n_splits=k).split(items, groups=groups))
    comp = extractor.nlp.get_pipe(FACTORY)
    data: list[tuple[int, list[str], bool]] = []
    for f, (tr, te) in enumerate(folds):
        model = _model(train([items[i] for i in tr]), 0.0, 1.01, 1.01)
        comp.learned, comp.learned_model = frozenset({"confidence"}), model
        for i in te:
            comp(items[i].doc)
            claims = items[i].doc._.detente_claims or []
            triples = {(c.actor, c.kind, c.issue) for c in claims}
            good = {t for _, t in match_stances(items[i].gold.claims, triples).matched}
            data.extend((f, list(c.signals), (c.actor, c.kind, c.issue) in good) for c in claims)
    comp.learned, comp.learned_model = frozenset(), None
    print(f"{len(data)} rule claims, {sum(ok for *_, ok in data)} correct")
    for label, keep in (
        ("stage signals", lambda s: not s.startswith("learned=")),
        ("stage signals + learned", lambda s: True),
    ):
        probs, truth = [], []
        for f in range(k):
            bias, w = fit([([x for x in s if keep(x)], ok) for g, s, ok in data if g != f])
            for g, s, ok in data:
                if g == f:
                    z = bias + sum(w.get(x, 0.0) for x in s if keep(x))
                    probs.append(1.0 / (1.0 + np.exp(-z)))
                    truth.append(ok)
        p, y = np.clip(np.array(probs), 1e-6, 1 - 1e-6), np.array(truth, dtype=float)
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        brier = float(np.mean((p - y) ** 2))
        print(f"{label:26s} log-loss {loss:.4f}  Brier {brier:.4f}  AUC {roc_auc_score(y, p):.4f}")


CHECK_FOLDS = 5
#: Inverse L2 strength of the claim check: the best out-of-fold log-loss of 0.03, 0.1, 0.3, 1.
CHECK_C = 0.3
VETO_CHECK_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
#: Pooled F1 differences below this are ties (a quarter of what the veto gains on gold/dev;
#: the paired intervals of neighbouring thresholds are several times wider).
VETO_TIE = 0.0005


@dataclass
class CheckRow:
    """One claim the extractor outputs: its report, its check features, its triple, whether
    gold matches it and the confidence the signals alone give it."""

    item: int
    feats: list[str]
    triple: tuple[str, str, str]
    right: bool
    old: float


def check_rows(items: list[Item], extractor: Extractor, stance, arbiter) -> list[CheckRow]:
    """Every claim of *items* with the default learned uses (the check itself off), run with
    the *stance* and *arbiter* arrays (thresholds set)."""
    comp = extractor.nlp.get_pipe(FACTORY)
    saved = (comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model)
    saved_record = comp.record_units
    uses = frozenset(DEFAULT_LEARNED.split(",")) - {"check", "check_veto"}
    comp.learned, comp.learned_model = uses, StanceModel.from_arrays(stance)
    comp.arbiter_model, comp.check_model = ArbiterModel.from_arrays(arbiter), None
    comp.record_units = True
    rows = []
    try:
        for n, it in enumerate(items):
            comp(it.doc)
            claims = it.doc._.detente_claims or []
            feats = it.doc._.detente_claim_checks or []
            triples = {(c.actor, c.kind, c.issue) for c in claims}
            good = {t for _, t in match_stances(it.gold.claims, triples).matched}
            for c, f in zip(claims, feats, strict=True):
                t = (c.actor, c.kind, c.issue)
                rows.append(CheckRow(n, f, t, t in good, float(c.confidence or 0.0)))
    finally:
        comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model = saved
        comp.record_units = saved_record
    return rows


def _check_fit(rows: list[CheckRow], c: float, min_count: int = 2):
    """(features, weights, bias) of the L2 logistic regression of *rows*' correctness."""
    counts = Counter(x for r in rows for x in set(r.feats))
    feats = sorted(x for x, n in counts.items() if n >= min_count)
    index = {x: i for i, x in enumerate(feats)}
    ind, ptr = [], [0]
    for r in rows:
        ind.extend(sorted({index[x] for x in r.feats if x in index}))
        ptr.append(len(ind))
    x = sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(feats)))
    y = np.array([r.right for r in rows], dtype=int)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(x, y)
    return feats, model.coef_[0].astype(np.float32), float(model.intercept_[0])


def _raw(fit, rows: list[CheckRow]) -> np.ndarray:
    feats, w, b = fit
    index = {x: i for i, x in enumerate(feats)}
    z = np.array([b + sum(float(w[index[x]]) for x in set(r.feats) if x in index) for r in rows])
    return 1.0 / (1.0 + np.exp(-z))


def out_of_fold(items: list[Item], rows: list[CheckRow], c: float, k: int) -> np.ndarray:
    """The raw correctness probability of every row from a model trained without its conflict
    (grouped K-fold)."""
    groups = [conflict_of(it.gold.name) for it in items]
    row_groups = [groups[r.item] for r in rows]
    oof = np.zeros(len(rows))
    for tr, te in GroupKFold(n_splits=k).split(rows, groups=row_groups):
        oof[te] = _raw(_check_fit([rows[i] for i in tr], c), [rows[i] for i in te])
    return oof


def fit_platt(raw: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    """(a, b) of ``sigmoid(a * logit(raw) + b)`` by Newton's method on the log-likelihood
    (a tiny ridge keeps it finite when the classes separate)."""
    p = np.clip(raw, 1e-6, 1 - 1e-6)
    x = np.column_stack([np.log(p / (1 - p)), np.ones(len(p))])
    y = right.astype(float)
    w = np.array([1.0, 0.0])
    for _ in range(100):
        q = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (q - y) + 1e-3 * w
        hess = (x * (q * (1 - q))[:, None]).T @ x + 1e-3 * np.eye(2)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return round(float(w[0]), 4), round(float(w[1]), 4)


def veto_table(items: list[Item], rows: list[CheckRow], conf: list[float]) -> dict[str, list[int]]:
    """Pooled [tp, fp, fn] with the claims below each veto threshold dropped, the claims'
    out-of-fold confidences *conf*."""
    totals: dict[str, list[int]] = {}
    for t in (0.0, *VETO_CHECK_GRID):
        kept: list[set] = [set() for _ in items]
        for r, p in zip(rows, conf, strict=True):
            if p >= t:
                kept[r.item].add(r.triple)
        totals["no veto" if t == 0 else f"veto<{t}"] = list(score(items, kept))
    return totals


def train_check(
    items: list[Item], rows: list[CheckRow], c: float = CHECK_C, k: int = CHECK_FOLDS
) -> dict[str, np.ndarray]:
    """The arrays of the claim check: weights fitted on all *rows*, the Platt map fitted on
    their out-of-fold scores, the veto threshold of the best out-of-fold F1."""
    oof = out_of_fold(items, rows, c, k)
    a, b = fit_platt(oof, np.array([r.right for r in rows]))
    conf = [platt(float(p), a, b) for p in oof]
    table = veto_table(items, rows, conf)
    # the lowest threshold within VETO_TIE of the best pooled F1: a veto that drops more
    # claims for a gain the dev set cannot tell apart is not worth its losses
    top = max(prf(*totals)[2] for totals in table.values())
    best = next(lab for lab in table if prf(*table[lab])[2] >= top - VETO_TIE)
    veto = 0.0 if best == "no veto" else float(best.split("<")[1])
    feats, w, bias = _check_fit(rows, c)
    return {
        "version": np.array(CHECK_VERSION),
        "features": np.array(feats),
        "weights": w,
        "bias": np.array(bias, dtype=np.float32),
        "platt_a": np.array(a),
        "platt_b": np.array(b),
        "veto_below": np.array(veto),
    }


def _bands(title: str, pairs: list[tuple[float, bool]]) -> None:
    print(f"\n{title}: {len(pairs)} claims, {sum(ok for _, ok in pairs)} right")
    for band in calibration(pairs):
        n = band["claims"]
        share = f"{band['precision']:.2f}" if n else "-"
        print(f"  {band['low']:.1f}-{band['high']:.1f}  {n:5d}  {share}")


def check_report(items: list[Item], rows: list[CheckRow], c: float, k: int) -> None:
    """Calibration in-sample (the shipped signal weights) against out of fold, and the veto
    table, on *items*."""
    from sklearn.metrics import roc_auc_score

    right = np.array([r.right for r in rows])
    oof = out_of_fold(items, rows, c, k)
    a, b = fit_platt(oof, right)
    conf = [platt(float(p), a, b) for p in oof]
    inner_a, inner_b = fit_platt(_raw(_check_fit(rows, c), rows), right)
    print(f"Platt on out-of-fold: a={a} b={b} (fitted in-sample it would be {inner_a}, {inner_b})")
    for label, p in (("signals, in-sample", [r.old for r in rows]), ("check, out of fold", conf)):
        q = np.clip(np.array(p), 1e-6, 1 - 1e-6)
        loss = float(-np.mean(right * np.log(q) + (1 - right) * np.log(1 - q)))
        print(f"{label:22s} log-loss {loss:.4f}  AUC {roc_auc_score(right, q):.4f}")
    _bands("confidence from the signals (in-sample)", [(r.old, r.right) for r in rows])
    _bands("claim check, out of fold", list(zip(conf, right.tolist(), strict=True)))
    print()
    _print(veto_table(items, rows, conf))


def _print(totals: dict[str, list[int]]) -> None:
    print(f"{'configuration':28s}  {'tp':>4s} {'fp':>4s} {'fn':>4s}   P     R     F1")
    for label, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{label:28s}  {tp:4d} {fp:4d} {fn:4d}  {p:.3f} {r:.3f} {f:.3f}")


def _print_paired(rows: dict[str, list[tuple[int, int, int]]]) -> None:
    """Pooled scores of every configuration, and the paired-bootstrap 95 % interval of its F1
    change against the first (rules only): a use goes on only when that interval is above 0."""
    base = next(iter(rows.values()))
    print(
        f"{'configuration':28s}  {'tp':>4s} {'fp':>4s} {'fn':>4s}   P     R     F1    change (95%)"
    )
    for label, counts in rows.items():
        tp, fp, fn = (int(x) for x in np.sum(counts, axis=0))
        p, r, f = prf(tp, fp, fn)
        d, lo, hi = paired_f1_difference(base, counts)
        print(
            f"{label:28s}  {tp:4d} {fp:4d} {fn:4d}  {p:.3f} {r:.3f} {f:.3f}"
            f"  {d:+.4f} ({lo:+.4f} to {hi:+.4f})"
        )
    shipped = rows.get(SHIPPED)
    if shipped is None:
        return
    # a use added to what ships must gain against it, not only against the rules
    print(f"\nagainst the shipped setting ({SHIPPED}):")
    for label, counts in rows.items():
        if label != SHIPPED:
            d, lo, hi = paired_f1_difference(shipped, counts)
            print(f"{label:28s}  {d:+.4f} ({lo:+.4f} to {hi:+.4f})")


#: The arbiter table's row that ships (verb boost past 0.9, sentence weight 0.5, strong cues
#: overruled past 0.65 / 0.35; the claim check and its veto act after it, see
#: ``--cv --check-model``), against which any further use is measured.
SHIPPED = "boost+verb>0.9+arbiter+sent >0.5 rule<0.3 strong >0.65<0.35"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="gold directory to train on (gold/dev)")
    ap.add_argument("--cv", type=int, default=0, help="grouped K-fold measurement, no writing")
    ap.add_argument("--check", help="train on GOLD, score this other gold directory")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength (chosen by CV)")
    ap.add_argument(
        "--confidence", action="store_true", help="with --cv: measure the confidence use"
    )
    ap.add_argument(
        "--arbiter", action="store_true", help="with --cv or --check: the arbiter configurations"
    )
    ap.add_argument(
        "--check-model", action="store_true", help="with --cv: the claim check's tables"
    )
    ap.add_argument(
        "--check-c", type=float, default=CHECK_C, help="inverse L2 strength of the claim check"
    )
    # the thresholds of the best CV F1 of each use (see the README)
    ap.add_argument("--veto", type=float, default=0.1, help="veto threshold written")
    ap.add_argument("--boost", type=float, default=0.6, help="boost threshold written")
    ap.add_argument(
        "--boost-verb", type=float, default=VERB_ABOVE, help="boost_verb threshold written"
    )
    ap.add_argument("--arbiter-issue", type=float, default=0.5, help="arbiter issue_above")
    ap.add_argument("--arbiter-keep", type=float, default=0.3, help="arbiter issue_keep_below")
    ap.add_argument("--arbiter-kind", type=float, default=0.8, help="arbiter kind_above")
    ap.add_argument("--arbiter-kind-keep", type=float, default=0.1, help="arbiter kind_keep_below")
    ap.add_argument("--arbiter-sentence", type=float, default=0.5, help="sentence_weight")
    ap.add_argument("--arbiter-strong", type=float, default=0.65, help="arbiter strong_above")
    ap.add_argument(
        "--arbiter-strong-keep", type=float, default=0.35, help="arbiter strong_keep_below"
    )
    args = ap.parse_args()
    extractor = Extractor()
    items = parse(args.gold, extractor)
    n = sum(1 for it in items for lab in it.labels if lab)
    pos = sum(1 for it in items for lab in it.labels if lab and lab[0])
    print(f"{len(items)} reports, {n} units, {pos} with a stance")
    if args.arbiter and (args.cv or args.check):
        check = parse(args.check, extractor) if args.check else None
        _print_paired(arbiter_table(items, extractor, args.cv, args.c, check))
        return
    if args.cv and args.check_model:
        stance, arbiter = shipped_arrays(items, args)
        rows = check_rows(items, extractor, stance, arbiter)
        check_report(items, rows, args.check_c, args.cv)
        return
    if args.cv:
        if args.confidence:
            confidence_cv(items, extractor, args.cv)
        else:
            _print_paired(cross_validate(items, extractor, args.cv, args.c))
        return
    arrays = train(items, args.c)
    if args.check:
        other = parse(args.check, extractor)
        totals = {}
        for label, uses, v, b, vb in configs():
            model = _model(arrays, v, b, vb)
            totals[label] = per_report(other, run(other, extractor, model, uses))
        _print_paired(totals)
        return
    arrays, arbiter = shipped_arrays(items, args, arrays)
    np.savez_compressed(OUT, **arrays)
    print(f"wrote {OUT} ({len(arrays['features'])} features, {len(arrays['outputs'])} outputs)")
    np.savez_compressed(ARBITER_OUT, **arbiter)
    n = sum(len(it.claims) for it in items)
    print(f"wrote {ARBITER_OUT} ({len(arbiter['features'])} features, {n} claims)")
    rows = check_rows(items, extractor, arrays, arbiter)
    check = train_check(items, rows, args.check_c)
    np.savez_compressed(CHECK_OUT, **check)
    print(
        f"wrote {CHECK_OUT} ({len(check['features'])} features, {len(rows)} claims, "
        f"veto below {float(check['veto_below'])})"
    )


def shipped_arrays(items: list[Item], args, arrays=None):
    """The sentence model's and the arbiter's arrays as written, thresholds from *args*."""
    arrays = train(items, args.c) if arrays is None else arrays
    arrays["veto_below"] = np.array(args.veto)
    arrays["boost_above"] = np.array(args.boost)
    arrays["boost_verb_above"] = np.array(args.boost_verb)
    arbiter = train_arbiter(items, args.c)
    arbiter["issue_above"] = np.array(args.arbiter_issue)
    arbiter["issue_keep_below"] = np.array(args.arbiter_keep)
    arbiter["kind_above"] = np.array(args.arbiter_kind)
    arbiter["kind_keep_below"] = np.array(args.arbiter_kind_keep)
    arbiter["sentence_weight"] = np.array(args.arbiter_sentence)
    arbiter["strong_above"] = np.array(args.arbiter_strong)
    arbiter["strong_keep_below"] = np.array(args.arbiter_strong_keep)
    return arrays, arbiter


if __name__ == "__main__":
    main()
