"""Forecasts with Monte-Carlo uncertainty over the scenario's inputs.

The unperturbed scenario and ``runs`` noisy copies of it are stacked into one
batch and pushed through a model in a single call, so uncertainty costs one
vectorised evaluation rather than ``runs`` separate ones.

Noise model (defaults in :class:`Noise`):

* positions: additive Gaussian with standard deviation ``position`` × the
  dimension's range of actor positions (a scale-free 5 % by default), clipped
  to the 0–100 scale;
* saliences: multiplicative log-normal with log-sd ``salience`` (0.2), clipped
  to [0, 100];
* capabilities: multiplicative log-normal with log-sd ``capability`` (0.2).

The forecast is the unperturbed result; p10/p50/p90 summarise the noisy runs.
The same seed gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from detente.bargain import models as m
from detente.bargain.scenario import Scenario, ScenarioError


@dataclass(frozen=True, slots=True)
class Noise:
    """Monte-Carlo noise levels; zero switches a source off."""

    position: float = 0.05
    salience: float = 0.2
    capability: float = 0.2

    def __post_init__(self) -> None:
        for name in ("position", "salience", "capability"):
            v = getattr(self, name)
            if not np.isfinite(v) or v < 0:
                raise ScenarioError(f"{name} noise must be a number >= 0, got {v}")


@dataclass(slots=True)
class DimensionForecast:
    """Forecast on one dimension: the point forecast and the spread over runs."""

    name: str
    outcome: float
    p10: float
    p50: float
    p90: float


@dataclass(slots=True)
class ForecastResult:
    """What a model predicts for a scenario."""

    scenario: str
    model: str
    dimensions: list[DimensionForecast]
    detail: dict[str, Any] = field(default_factory=dict)
    runs: int = 0
    seed: int | None = None
    noise: Noise = field(default_factory=Noise)
    actors: list[str] = field(default_factory=list)
    #: BdM only: per dimension the row-0 position paths, ``[rounds + 1, n_actors]``.
    trajectories: list[np.ndarray] | None = None
    #: Outcomes of every noisy run, ``[runs, n_dims]``.
    samples: np.ndarray | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape: scenario, model, dimensions, detail."""
        return {
            "scenario": self.scenario,
            "model": self.model,
            "dimensions": [
                {
                    "name": d.name,
                    "outcome": _r(d.outcome),
                    "p10": _r(d.p10),
                    "p50": _r(d.p50),
                    "p90": _r(d.p90),
                }
                for d in self.dimensions
            ],
            "detail": {
                **self.detail,
                "runs": self.runs,
                "seed": self.seed,
                "noise": asdict(self.noise),
            },
        }


def _r(v: float) -> float:
    return round(float(v), 6)


def perturb(
    scenario: Scenario, runs: int, rng: np.random.Generator, noise: Noise
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack the scenario and *runs* noisy copies: positions, salience shares, capabilities."""
    n, d = scenario.n_actors, scenario.n_dims
    pos = np.broadcast_to(scenario.positions, (runs + 1, n, d)).copy()
    sal = np.broadcast_to(scenario.saliences, (runs + 1, n, d)).copy()
    cap = np.broadcast_to(scenario.capabilities, (runs + 1, n)).copy()
    if runs:
        spread = scenario.positions.max(axis=0) - scenario.positions.min(axis=0)
        if noise.position:
            pos[1:] += rng.normal(0.0, 1.0, (runs, n, d)) * (noise.position * spread)
        if noise.salience:
            sal[1:] *= rng.lognormal(0.0, noise.salience, (runs, n, d))
        if noise.capability:
            cap[1:] *= rng.lognormal(0.0, noise.capability, (runs, n))
        np.clip(pos, 0.0, 100.0, out=pos)
        np.clip(sal, 0.0, 100.0, out=sal)
    return pos, sal / 100.0, cap


def _named_trades(trades: list[dict[str, Any]], sc: Scenario) -> list[dict[str, Any]]:
    out = []
    for t in trades:
        out.append(
            {
                "round": t["round"],
                "actor": sc.actors[t["actor"]].name,
                "concedes_on": sc.dimensions[t["concedes_on"]].name,
                "from": _r(t["from"]),
                "to": _r(t["to"]),
                "partner": sc.actors[t["partner"]].name,
                "partner_concedes_on": sc.dimensions[t["partner_concedes_on"]].name,
                "partner_from": _r(t["partner_from"]),
                "partner_to": _r(t["partner_to"]),
                "gain_each": _r(t["gain_each"]),
            }
        )
    return out


def run_model(
    model: str,
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    status_quo: np.ndarray | None = None,
    options: Mapping[str, Any] | None = None,
) -> m.ModelOutput:
    """Dispatch a batch to *model* (one of :data:`detente.bargain.models.MODELS`)."""
    opts = dict(options or {})
    if model == "compromise":
        return m.compromise(pos, sal, cap)
    if model == "median":
        return m.median(pos, sal, cap)
    if model == "nash":
        return m.nash(pos, sal, cap, status_quo)
    if model == "bdm":
        return m.bdm(pos, sal, cap, m.BdmOptions(**opts.get("bdm", {})))
    if model == "exchange":
        return m.exchange(pos, sal, cap, m.ExchangeOptions(**opts.get("exchange", {})))
    raise ScenarioError(f"unknown model {model!r}; choose from {', '.join(m.MODELS)}")


def forecast(
    scenario: Scenario,
    model: str = "compromise",
    runs: int = 1000,
    seed: int | None = 0,
    noise: Noise | Mapping[str, float] | None = None,
    options: Mapping[str, Any] | None = None,
) -> ForecastResult:
    """Forecast *scenario* with *model*, with *runs* Monte-Carlo draws.

    *noise* is a :class:`Noise` or a mapping with ``position``, ``salience`` and
    ``capability`` keys; *options* may carry ``{"bdm": {...}}`` or
    ``{"exchange": {...}}`` overrides of :class:`~detente.bargain.models.BdmOptions`
    and :class:`~detente.bargain.models.ExchangeOptions`.
    """
    if model not in m.MODELS:
        raise ScenarioError(f"unknown model {model!r}; choose from {', '.join(m.MODELS)}")
    if runs < 0:
        raise ScenarioError(f"runs must be >= 0, got {runs}")
    nz = noise if isinstance(noise, Noise) else Noise(**dict(noise or {}))
    rng = np.random.default_rng(seed)
    pos, sal, cap = perturb(scenario, runs, rng, nz)
    out = run_model(model, pos, sal, cap, scenario.status_quo, options)
    base = out.outcome[0]
    samples = out.outcome[1:] if runs else out.outcome[:1]
    p10, p50, p90 = np.percentile(samples, [10, 50, 90], axis=0)
    detail = dict(out.detail)
    if model == "exchange":
        detail["trades"] = _named_trades(detail.get("trades", []), scenario)
        after = detail.pop("positions_after", None)
        if after is not None:
            detail["positions_after"] = {
                a.name: {dim.name: _r(after[i][k]) for k, dim in enumerate(scenario.dimensions)}
                for i, a in enumerate(scenario.actors)
            }
    if model == "bdm":
        for dim, dd in zip(scenario.dimensions, detail["dimensions"], strict=True):
            dd["name"] = dim.name
    dims = [
        DimensionForecast(dim.name, float(base[k]), float(p10[k]), float(p50[k]), float(p90[k]))
        for k, dim in enumerate(scenario.dimensions)
    ]
    return ForecastResult(
        scenario.name,
        model,
        dims,
        detail,
        runs,
        seed,
        nz,
        [a.name for a in scenario.actors],
        out.trajectories,
        out.outcome[1:] if runs else None,
    )
