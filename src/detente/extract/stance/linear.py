"""Linear one-vs-rest scorers, the shape the learned sentence model and the arbiter share:
a weight row per feature name, a column and a bias per output, a logistic on the sum."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

import numpy as np
from spacy.tokens import Token

M = TypeVar("M")
#: Entity types whose names a feature replaces by the type: the models are about wording.
NAME_TYPES = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})


def feature_word(tok: Token) -> str:
    """The word a feature names: a name's entity type, ``#num`` for numbers, else the lemma."""
    if tok.ent_type_ in NAME_TYPES:
        return "#" + tok.ent_type_
    if tok.like_num:
        return "#num"
    return tok.lemma_.lower()


def load_shipped(filename: str, build: Callable[[Any], M]) -> M | None:
    """The model *build* makes of ``knowledge/FILENAME`` (None when none ships, or when it was
    trained on features of another version)."""
    path = resources.files("detente.knowledge").joinpath(filename)
    try:
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as arrays:
            return build(arrays)
    except (FileNotFoundError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class OneVsRest:
    """Weights of one-vs-rest logistic regressions over named binary features."""

    index: dict[str, int]
    weights: np.ndarray  # (features, outputs)
    bias: np.ndarray  # (outputs,)
    outputs: tuple[str, ...]

    def predict(self, units: list[list[str]]) -> np.ndarray:
        """Probabilities (units, outputs) for the feature lists of *units*."""
        out = np.empty((len(units), len(self.outputs)), dtype=np.float32)
        index, w = self.index, self.weights
        for row, feats in enumerate(units):
            rows = [index[f] for f in set(feats) if f in index]
            out[row] = self.bias + (w[rows].sum(axis=0) if rows else 0.0)
        return 1.0 / (1.0 + np.exp(-out))

    def ranked(self, probs: np.ndarray, prefix: str) -> dict[str, float]:
        """The probability of every output named ``prefix:…``, by its value."""
        return {
            o.split(":", 1)[1]: float(probs[i])
            for i, o in enumerate(self.outputs)
            if o.startswith(prefix)
        }

    def best(self, probs: np.ndarray, prefix: str) -> tuple[str, float]:
        """The most probable output named ``prefix:…`` and its probability."""
        cols = [i for i, o in enumerate(self.outputs) if o.startswith(prefix)]
        j = max(cols, key=lambda i: probs[i])
        return self.outputs[j].split(":", 1)[1], float(probs[j])


def linear_fields(arrays: Any, version: int, what: str) -> dict[str, Any]:
    """The :class:`OneVsRest` fields from the arrays of an ``.npz`` file (or a dict of them),
    refusing a model whose features are of another *version* than the code's."""
    if int(arrays["version"]) != version:
        raise ValueError(f"{what} trained on other features")
    feats = [str(f) for f in arrays["features"]]
    return {
        "index": {f: i for i, f in enumerate(feats)},
        "weights": np.asarray(arrays["weights"], dtype=np.float32),
        "bias": np.asarray(arrays["bias"], dtype=np.float32),
        "outputs": tuple(str(o) for o in arrays["outputs"]),
    }
