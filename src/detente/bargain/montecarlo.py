"""Forecasts with Monte-Carlo uncertainty over the scenario's inputs.

The unperturbed scenario and ``runs`` noisy copies of it are stacked into
batches and pushed through a model, so uncertainty costs a few vectorised
evaluations rather than ``runs`` separate ones.  Runs are processed in blocks of
bounded size, so memory grows only with the stored outcomes.

Noise model (defaults in :class:`Noise`), each source drawn from its own
random stream so that the numbers do not depend on the block size:

* positions: additive Gaussian with standard deviation ``position`` × the
  dimension's range of actor positions (a scale-free 5 % by default), clipped
  to the 0–100 scale;
* the status quo, where there is one: the same additive noise;
* saliences: multiplicative log-normal with log-sd ``salience`` (0.2), clipped
  to [0, 100];
* capabilities: multiplicative log-normal with log-sd ``capability`` (0.2).

The forecast is the unperturbed result; p10/p50/p90 summarise the noisy runs,
and :func:`detente.bargain.modes.find_modes` says whether they fall into
several separate outcomes.  The same seed gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from detente.bargain import models as m
from detente.bargain.modes import find_modes
from detente.bargain.scenario import Scenario, ScenarioError

#: Most Monte-Carlo runs a forecast accepts.
MAX_RUNS = 1_000_000
#: Default memory budget of one forecast (bytes); ``forecast(max_memory=...)`` overrides it.
DEFAULT_MAX_MEMORY = 1 << 30
#: Scenario cells (runs × actors × dimensions) evaluated per block.
BLOCK_CELLS = 1 << 21
#: Largest noise level accepted (a position sd of 5 ranges, a log-sd of 5).
MAX_NOISE = 5.0


@dataclass(frozen=True, slots=True)
class Noise:
    """Monte-Carlo noise levels; zero switches a source off."""

    position: float = 0.05
    salience: float = 0.2
    capability: float = 0.2

    def __post_init__(self) -> None:
        for name in ("position", "salience", "capability"):
            v = getattr(self, name)
            if not isinstance(v, int | float) or not np.isfinite(v) or not 0 <= v <= MAX_NOISE:
                raise ScenarioError(f"{name} noise must be a number in [0, {MAX_NOISE:g}], got {v}")


@dataclass(slots=True)
class DimensionForecast:
    """Forecast on one dimension: the point forecast and the spread over runs.

    ``modes`` lists the separate outcomes the runs fall into (``center``,
    ``share``), one entry when they form a single cluster; ``status`` (BdM) gives
    the share of runs that converged, cycled or hit the round cap.
    """

    name: str
    outcome: float
    p10: float
    p50: float
    p90: float
    modes: list[dict[str, float]] = field(default_factory=list)
    dip_p: float | None = None
    status: dict[str, float] | None = None

    @property
    def multimodal(self) -> bool:
        """True when the runs split into more than one outcome."""
        return len(self.modes) > 1

    def modes_text(self) -> str:
        """``two outcomes: ~33 (55 %) and ~80 (45 %)``, or empty when unimodal."""
        if not self.multimodal:
            return ""
        words = {2: "two", 3: "three", 4: "four"}
        parts = [f"~{md['center']:.0f} ({100 * md['share']:.0f} %)" for md in self.modes]
        head = f"{words.get(len(parts), str(len(parts)))} outcomes: "
        return head + ", ".join(parts[:-1]) + " and " + parts[-1]


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
        """The stable JSON shape: scenario, model, dimensions, detail (never NaN or inf)."""
        dims = []
        for d in self.dimensions:
            entry: dict[str, Any] = {
                "name": d.name,
                "outcome": _r(d.outcome),
                "p10": _r(d.p10),
                "p50": _r(d.p50),
                "p90": _r(d.p90),
                "modes": [{"center": _r(md["center"]), "share": _r(md["share"])} for md in d.modes],
            }
            if d.status is not None:
                entry["status"] = {k: _r(v) for k, v in d.status.items()}
            dims.append(entry)
        return {
            "scenario": self.scenario,
            "model": self.model,
            "dimensions": dims,
            "detail": clean_json(
                {**self.detail, "runs": self.runs, "seed": self.seed, "noise": asdict(self.noise)}
            ),
        }


def _r(v: float) -> float | None:
    v = float(v)
    return round(v, 6) if np.isfinite(v) else None


def clean_json(value: Any) -> Any:
    """*value* with every non-finite float replaced by ``None`` (JSON has no NaN)."""
    if isinstance(value, dict):
        return {k: clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_json(v) for v in value]
    if isinstance(value, float | np.floating):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


class _Streams:
    """Independent random streams per noise source, drawn block by block."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.pos, self.sal, self.cap, self.sq = rng.spawn(4)

    def draw(
        self, scenario: Scenario, runs: int, noise: Noise, unperturbed: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
        n, d = scenario.n_actors, scenario.n_dims
        k = runs + int(unperturbed)
        pos = np.broadcast_to(scenario.positions, (k, n, d)).copy()
        sal = np.broadcast_to(scenario.saliences, (k, n, d)).copy()
        cap = np.broadcast_to(scenario.capabilities, (k, n)).copy()
        sq = (
            None
            if scenario.status_quo is None
            else np.broadcast_to(scenario.status_quo, (k, d)).copy()
        )
        first = int(unperturbed)
        if runs:
            spread = scenario.positions.max(axis=0) - scenario.positions.min(axis=0)
            if noise.position:
                pos[first:] += self.pos.normal(0.0, 1.0, (runs, n, d)) * (noise.position * spread)
                if sq is not None:
                    sq[first:] += self.sq.normal(0.0, 1.0, (runs, d)) * (noise.position * spread)
                    np.clip(sq, 0.0, 100.0, out=sq)  # NaN (no status quo) stays NaN
            if noise.salience:
                sal[first:] *= self.sal.lognormal(0.0, noise.salience, (runs, n, d))
            if noise.capability:
                cap[first:] *= self.cap.lognormal(0.0, noise.capability, (runs, n))
            np.clip(pos, 0.0, 100.0, out=pos)
            np.clip(sal, 0.0, 100.0, out=sal)
        return pos, sal / 100.0, cap, sq


def perturb(
    scenario: Scenario, runs: int, rng: np.random.Generator, noise: Noise
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack the scenario and *runs* noisy copies: positions, salience shares, capabilities."""
    pos, sal, cap, _ = _Streams(rng).draw(scenario, runs, noise, True)
    return pos, sal, cap


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
    progress: Callable[[int, int], None] | None = None,
) -> m.ModelOutput:
    """Dispatch a batch to *model* (one of :data:`detente.bargain.models.MODELS`)."""
    opts = dict(options or {})
    if model == "compromise":
        return m.compromise(pos, sal, cap)
    if model == "median":
        return m.median(pos, sal, cap)
    if model == "nash":
        return m.nash(pos, sal, cap, status_quo, progress)
    if model == "bdm":
        try:
            bopts = m.BdmOptions(**opts.get("bdm", {}))
        except (TypeError, ValueError) as exc:
            raise ScenarioError(str(exc)) from None
        return m.bdm(pos, sal, cap, bopts, progress)
    if model == "exchange":
        return m.exchange(pos, sal, cap, m.ExchangeOptions(**opts.get("exchange", {})))
    raise ScenarioError(f"unknown model {model!r}; choose from {', '.join(m.MODELS)}")


def _size(nbytes: float) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if nbytes >= scale:
            return f"{nbytes / scale:.3g} {unit}"
    return f"{nbytes:.0f} B"


def estimate_memory(scenario: Scenario, runs: int) -> int:
    """Bytes a forecast of *scenario* with *runs* runs needs at its peak (an estimate).

    Stored per run: the outcome and status per dimension.  Working set: one block
    of perturbed inputs with the models' temporaries (about 24 numbers per cell)
    and BdM's per-row state (positions, the cycle window, work vectors).
    """
    n, d = scenario.n_actors, scenario.n_dims
    block = min(runs + 1, max(1, BLOCK_CELLS // (n * d)))
    stored = (runs + 1) * d * 48
    working = block * n * d * 8 * 24 + block * d * n * 8 * 30
    return int(stored + working)


def _finding(blocking: list[int], sc: Scenario, status_quo: np.ndarray | None) -> str:
    """ "no zone of agreement: A and B sit on opposite sides of the status quo on X"."""
    names = [sc.actors[i].name for i in blocking] or [a.name for a in sc.actors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    dims = []
    if status_quo is not None:
        for k, dim in enumerate(sc.dimensions):
            if np.isnan(status_quo[k]):
                continue
            side = [
                np.sign(sc.positions[i, k] - status_quo[k])
                for i in blocking
                if sc.saliences[i, k] > 0
            ]
            if 1 in side and -1 in side:
                dims.append(dim.name)
    if dims:
        where = dims[0] if len(dims) == 1 else ", ".join(dims[:-1]) + " and " + dims[-1]
        return f"no zone of agreement: {who} sit on opposite sides of the status quo on {where}"
    return f"no zone of agreement: {who} cannot all gain over disagreement at once"


def forecast(
    scenario: Scenario,
    model: str = "compromise",
    runs: int = 1000,
    seed: int | None = 0,
    noise: Noise | Mapping[str, float] | None = None,
    options: Mapping[str, Any] | None = None,
    progress: Callable[[float], None] | None = None,
    max_memory: int = DEFAULT_MAX_MEMORY,
) -> ForecastResult:
    """Forecast *scenario* with *model*, with *runs* Monte-Carlo draws.

    *noise* is a :class:`Noise` or a mapping with ``position``, ``salience`` and
    ``capability`` keys; *options* may carry ``{"bdm": {...}}`` or
    ``{"exchange": {...}}`` overrides of :class:`~detente.bargain.models.BdmOptions`
    and :class:`~detente.bargain.models.ExchangeOptions`.  *progress* is called
    with the finished share (0–1).  A forecast whose estimated memory exceeds
    *max_memory* bytes, or with more than :data:`MAX_RUNS` runs, is refused with
    a :class:`ScenarioError` before anything is allocated.
    """
    if model not in m.MODELS:
        raise ScenarioError(f"unknown model {model!r}; choose from {', '.join(m.MODELS)}")
    if isinstance(runs, bool) or not isinstance(runs, int | np.integer) or runs < 0:
        raise ScenarioError(f"runs must be an integer >= 0, got {runs!r}")
    need = estimate_memory(scenario, int(runs))
    if need > max_memory:
        raise ScenarioError(
            f"{runs:,} runs of this scenario need ~{_size(need)}; the limit is {_size(max_memory)}"
        )
    if runs > MAX_RUNS:
        raise ScenarioError(f"runs must be at most {MAX_RUNS:,}, got {runs:,}")
    if seed is not None and (isinstance(seed, bool) or not 0 <= int(seed) < 2**63):
        raise ScenarioError(f"seed must be an integer in [0, 2**63), got {seed!r}")
    nz = noise if isinstance(noise, Noise) else Noise(**dict(noise or {}))
    streams = _Streams(np.random.default_rng(seed))
    n, d = scenario.n_actors, scenario.n_dims
    block = max(1, BLOCK_CELLS // (n * d))
    outs: list[m.ModelOutput] = []
    done = 0
    total = runs + 1
    while done < total:
        k = min(block, total - done)
        pos, sal, cap, sq = streams.draw(scenario, k - (done == 0), nz, done == 0)

        def tick(a: int, b: int, base: int = done, size: int = k) -> None:
            if progress is not None and b:
                progress(min(1.0, (base + size * a / b) / total))

        outs.append(run_model(model, pos, sal, cap, sq, options, tick))
        done += k
        if progress is not None:
            progress(done / total)
    first = outs[0]
    outcome = np.concatenate([o.outcome for o in outs])
    base = outcome[0]
    samples = outcome[1:] if runs else outcome[:1]
    p10, p50, p90 = np.percentile(samples, [10, 50, 90], axis=0)
    detail = dict(first.detail)
    status = None
    if model == "bdm":
        status = np.concatenate([o.status for o in outs if o.status is not None])
        runs_status = status[1:] if runs else status
        detail["status_shares"] = [
            {
                name: float((runs_status[:, k] == code).mean())
                for code, name in enumerate(m.STATUSES, 1)
            }
            for k in range(d)
        ]
        detail["runs_converged"] = float((runs_status == 1).all(axis=1).mean())
        for dim, dd in zip(scenario.dimensions, detail["dimensions"], strict=True):
            dd["name"] = dim.name
    if model == "nash":
        zopa = np.concatenate([o.rows["zopa"] for o in outs])
        detail["zopa_share"] = float((zopa[1:] if runs else zopa).mean())
        if not detail["zopa"]:
            detail["finding"] = _finding(first.rows["blocking"][0], scenario, scenario.status_quo)
    if model == "exchange":
        detail["trades"] = _named_trades(detail.get("trades", []), scenario)
        after = detail.pop("positions_after", None)
        if after is not None:
            detail["positions_after"] = {
                a.name: {dim.name: _r(after[i][k]) for k, dim in enumerate(scenario.dimensions)}
                for i, a in enumerate(scenario.actors)
            }
    dims = []
    for k, dim in enumerate(scenario.dimensions):
        modes, dip_p = (
            find_modes(samples[:, k])
            if runs
            else ([{"center": float(base[k]), "share": 1.0}], None)
        )
        shares = detail["status_shares"][k] if model == "bdm" else None
        dims.append(
            DimensionForecast(
                dim.name,
                float(base[k]),
                float(p10[k]),
                float(p50[k]),
                float(p90[k]),
                modes,
                dip_p,
                shares,
            )
        )
    return ForecastResult(
        scenario.name,
        model,
        dims,
        detail,
        int(runs),
        None if seed is None else int(seed),
        nz,
        [a.name for a in scenario.actors],
        first.trajectories,
        outcome[1:] if runs else None,
    )
