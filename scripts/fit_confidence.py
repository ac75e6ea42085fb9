"""Fit the claim-confidence weights (knowledge/confidence.yaml) on gold reports.

    python scripts/fit_confidence.py gold/dev                   # fit on all, write the weights
    python scripts/fit_confidence.py DIR_A --check DIR_B --dry  # fit on A, calibration on B

Each extracted claim is labelled correct when its (actor, kind, issue) is matched to a gold
claim of its report; an L2-regularised logistic regression over the claim's stage signals
(``Claim.signals``) gives the weights.  The calibration table (confidence bins against the
observed share of correct claims) is printed for the training and the check set.  The fit is
in-sample: these weights give the score used when the claim check (the default, trained and
calibrated out of fold by ``scripts/train_stance_model.py``) is off.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

from detente.evaluate import calibration, load_gold_dir, match_stances
from detente.extract import get_extractor
from detente.reading import read_text

OUT = Path(__file__).resolve().parents[1] / "src/detente/knowledge/confidence.yaml"


def labelled(dirs: list[str], extractor) -> list[tuple[list[str], bool]]:
    """(signals, correct) for every claim extracted from the gold reports in *dirs*."""
    golds = [g for d in dirs for g in load_gold_dir(d)]
    reports = [
        read_text(g.text_path.read_text(encoding="utf-8"), published=g.published) for g in golds
    ]
    out = []
    for gold, ex in zip(golds, extractor.pipe(reports), strict=True):
        triples = {(c.actor, c.kind, c.issue) for c in ex.claims}
        good = {t for _, t in match_stances(gold.claims, triples).matched}
        out.extend((list(c.signals), (c.actor, c.kind, c.issue) in good) for c in ex.claims)
    return out


def fit(data: list[tuple[list[str], bool]], l2: float = 1.0, min_count: int = 3):
    """Newton's method on the penalised log-likelihood; returns (bias, {signal: weight})."""
    counts = Counter(s for sig, _ in data for s in set(sig))
    names = sorted(s for s, n in counts.items() if n >= min_count)
    index = {s: i for i, s in enumerate(names)}
    x = np.zeros((len(data), len(names) + 1))
    x[:, 0] = 1.0
    for row, (sig, _) in enumerate(data):
        for s in sig:
            if s in index:
                x[row, index[s] + 1] = 1.0
    y = np.array([1.0 if ok else 0.0 for _, ok in data])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {s: float(w[i + 1]) for s, i in index.items()}


def _score(bias: float, weights: dict[str, float], sig: list[str]) -> float:
    return float(1.0 / (1.0 + np.exp(-(bias + sum(weights.get(s, 0.0) for s in sig)))))


def _table(title: str, bias, weights, data) -> None:
    pairs = [(_score(bias, weights, sig), ok) for sig, ok in data]
    print(f"\n{title}: {len(pairs)} claims, {sum(ok for _, ok in pairs)} correct")
    print("  confidence   claims  mean conf  precision")
    for b in calibration(pairs):
        print(
            f"  {b['low']:.1f}–{b['high']:.1f}   {b['claims']:6d}  {b['mean_confidence']:9.3f}"
            f"  {b['precision']:9.3f}"
            if b["claims"]
            else f"  {b['low']:.1f}–{b['high']:.1f}        0"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="+", help="gold directories to fit on")
    parser.add_argument("--check", action="append", default=[], help="gold directory to check")
    parser.add_argument("--dry", action="store_true", help="do not write the weights")
    args = parser.parse_args()
    extractor = get_extractor()
    train = labelled(args.train, extractor)
    bias, weights = fit(train)
    _table("train " + " ".join(args.train), bias, weights, train)
    for d in args.check:
        _table("check " + d, bias, weights, labelled([d], extractor))
    if not args.dry:
        doc = {
            "version": 1,
            "bias": round(bias, 3),
            "weights": {s: round(w, 3) for s, w in sorted(weights.items())},
        }
        header = (
            "# Claim-confidence weights: logistic regression over Claim.signals, fitted on\n"
            "# gold/dev by scripts/fit_confidence.py (do not edit by hand; re-run the script).\n"
        )
        OUT.write_text(header + yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        print(f"\nwrote {OUT}")


if __name__ == "__main__":
    main()
