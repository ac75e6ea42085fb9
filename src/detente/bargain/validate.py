"""Score the models against real past decisions with known outcomes.

A decisions directory holds KTAB CSV (or YAML) scenarios and an
``outcomes.csv`` with the header ``scenario_file,dimension,outcome``: the value,
on the scenario's own scale, that the decision actually settled on.  Every model
forecasts every scenario with its documented defaults (nothing is fitted to the
outcomes), beside three baselines:

* ``capability mean`` — the capability-weighted mean of the positions;
* ``capability median`` — the capability-weighted median;
* ``midpoint`` — halfway between the two most extreme positions.

The score is the mean absolute error over all (scenario, dimension) pairs, in
the units of the scale.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from detente.bargain.bdm import weighted_median
from detente.bargain.models import MODELS
from detente.bargain.montecarlo import forecast
from detente.bargain.scenario import Scenario, ScenarioError, load_scenario

BASELINES = ("capability mean", "capability median", "midpoint")


@dataclass(slots=True)
class Case:
    """One decided issue: its scenario, dimension and the actual outcome."""

    file: str
    scenario: Scenario
    dimension: str
    outcome: float


@dataclass(slots=True)
class Evaluation:
    """Forecasts and errors per method, and their mean absolute error."""

    cases: list[Case]
    forecasts: dict[str, list[float]] = field(default_factory=dict)

    def mae(self, method: str) -> float:
        """Mean absolute error of *method* over all cases."""
        truth = np.array([c.outcome for c in self.cases])
        return float(np.abs(np.array(self.forecasts[method]) - truth).mean())

    def rows(self) -> list[dict[str, object]]:
        """One row per method: name, kind, cases, MAE, worst error."""
        truth = np.array([c.outcome for c in self.cases])
        out = []
        for method, values in self.forecasts.items():
            err = np.abs(np.array(values) - truth)
            out.append(
                {
                    "method": method,
                    "kind": "baseline" if method in BASELINES else "model",
                    "cases": len(values),
                    "mae": round(float(err.mean()), 3),
                    "max_error": round(float(err.max()), 3),
                }
            )
        return sorted(out, key=lambda r: (r["mae"], r["method"]))  # type: ignore[return-value]


def load_cases(directory: str | Path) -> list[Case]:
    """Read ``outcomes.csv`` and the scenarios it names from *directory*."""
    root = Path(directory)
    table = root / "outcomes.csv"
    if not root.is_dir():
        raise ScenarioError(f"{root}: not a directory")
    try:
        text = table.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ScenarioError(f"{table}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{table}: not UTF-8 text") from None
    try:
        rows = list(csv.DictReader(text.splitlines()))
    except csv.Error as exc:
        raise ScenarioError(f"{table}: {exc}") from None
    need = {"scenario_file", "dimension", "outcome"}
    if not rows or not need <= set(rows[0]):
        raise ScenarioError(f"{table}:1:1: header must be 'scenario_file,dimension,outcome'")
    cases: list[Case] = []
    loaded: dict[str, Scenario] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("scenario_file") or "").strip()
        path = (root / name).resolve()
        if not name or root.resolve() not in path.parents:
            raise ScenarioError(f"{table}:{line}:1: scenario_file must name a file in {root}")
        if name not in loaded:
            loaded[name] = load_scenario(path)
        sc = loaded[name]
        dim = (row.get("dimension") or "").strip()
        if dim not in [d.name for d in sc.dimensions]:
            raise ScenarioError(f"{table}:{line}:2: {name} has no dimension {dim!r}")
        try:
            value = float(row.get("outcome") or "")
        except ValueError:
            raise ScenarioError(f"{table}:{line}:3: outcome must be a number") from None
        if not math.isfinite(value) or not 0 <= value <= 100:
            raise ScenarioError(f"{table}:{line}:3: outcome must be in [0, 100]")
        cases.append(Case(name, sc, dim, value))
    return cases


def _baseline(method: str, sc: Scenario, k: int) -> float:
    x, c = sc.positions[:, k], sc.capabilities
    if method == "capability mean":
        return float((c * x).sum() / c.sum())
    if method == "capability median":
        return float(weighted_median(x[None], c[None])[0])
    return float(0.5 * (x.min() + x.max()))


def evaluate(directory: str | Path, runs: int = 0, seed: int = 0) -> Evaluation:
    """Forecast every case with every model and baseline; see the module docstring.

    With ``runs > 0`` the models' Monte-Carlo median (p50) is scored instead of
    the point forecast.
    """
    cases = load_cases(directory)
    ev = Evaluation(cases, {m: [] for m in (*MODELS, *BASELINES)})
    cache: dict[tuple[str, str], list[float]] = {}
    for case in cases:
        k = [d.name for d in case.scenario.dimensions].index(case.dimension)
        for model in MODELS:
            key = (case.file, model)
            if key not in cache:
                res = forecast(case.scenario, model, runs=runs, seed=seed)
                cache[key] = [d.p50 if runs else d.outcome for d in res.dimensions]
            ev.forecasts[model].append(cache[key][k])
        for method in BASELINES:
            ev.forecasts[method].append(_baseline(method, case.scenario, k))
    return ev
