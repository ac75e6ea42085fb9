"""How fast are the bargaining models?  Prints timings, scaling and ratios.

Run:  .venv/bin/python benchmarks/forecast_speed.py [--repeat 3]

* Random scenarios of 10x1, 40x1, 80x1, 160x1 and 1000x10 (actors x dimensions)
  through every model (point forecast, no Monte Carlo).  BdM runs to
  convergence (or its default 500-round cap), except 1000x10 where the round
  cap is lowered (``--big-rounds``) and the time per round is reported.
* 1000 Monte-Carlo runs of BdM on the EU case (10x1) and on random 40x5 and
  160x1 scenarios, batched, against the same engine run one run at a time in
  this process (on a sample of runs, scaled to 1000, for the larger two).
* Ratios against the C++ KTAB reference timings measured on this machine
  (8.1 s for 40x1, 98 s for 80x1, over 600 s for 160x1).

Timings are wall-clock and vary with machine load; the best of ``--repeat``
runs is shown.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from detente.bargain import MODELS, Noise, Scenario, forecast, load_scenario, make_scenario
from detente.bargain.montecarlo import perturb, run_model
from detente.bargain.runtime import tune_allocator, tune_threads

KTAB_SECONDS = {(40, 1): 8.1, (80, 1): 98.0, (160, 1): 600.0}  # 160x1: "over 600 s"
SIZES = [(10, 1), (40, 1), (80, 1), (160, 1), (1000, 10)]


def random_scenario(n: int, d: int, seed: int = 0) -> Scenario:
    """Positions uniform on 0–100, capabilities 1–100, saliences summing to 30–100."""
    rng = np.random.default_rng(seed)
    sal = rng.uniform(1, 100, (n, d))
    sal = sal / sal.sum(axis=1, keepdims=True) * rng.uniform(30, 100, (n, 1))
    return make_scenario(
        f"random {n}x{d}",
        [(f"a{i}", float(rng.uniform(1, 100))) for i in range(n)],
        [f"d{k}" for k in range(d)],
        rng.uniform(0, 100, (n, d)),
        np.floor(sal * 100) / 100,
    )


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Smallest wall time of *repeat* calls, and the last result."""
    best, result = math.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    """Run the benchmark and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--big-rounds",
        type=int,
        default=10,
        help="round cap for BdM and exchange on the 1000x10 scenario",
    )
    args = ap.parse_args()

    # The CLI keeps freed heap memory between BdM rounds (detente.bargain.runtime);
    # measure 160x1 once without that, then run everything as the CLI does.
    threads = tune_threads()
    sc160 = random_scenario(160, 1)
    plain, _ = best_of(args.repeat, lambda: forecast(sc160, "bdm", runs=0))
    tuned = tune_allocator()
    print(
        f"160x1 BdM with the default allocator settings: {plain:.3f} s; "
        f"allocator tuned as in the CLI: {'yes' if tuned else 'not available'}; "
        f"thread pool: {'work queue, as in the CLI' if threads else 'numba default'}\n"
    )

    print(f"== point forecasts (seconds, best of {args.repeat}) ==")
    print(f"{'actors x dims':>14} " + " ".join(f"{m:>11}" for m in MODELS) + "   bdm rounds")
    times: dict[tuple[int, int], dict[str, float]] = {}
    bdm_rounds: dict[tuple[int, int], int] = {}
    for n, d in SIZES:
        sc = random_scenario(n, d)
        big = n * d >= 10_000
        opts = (
            {"bdm": {"max_rounds": args.big_rounds}, "exchange": {"max_rounds": 3}} if big else None
        )
        row: dict[str, float] = {}
        for model in MODELS:
            rep = 1 if big and model in ("bdm", "exchange") else args.repeat
            row[model], res = best_of(
                rep, lambda sc=sc, model=model, opts=opts: forecast(sc, model, runs=0, options=opts)
            )
            if model == "bdm":
                dims = res.detail["dimensions"]
                bdm_rounds[(n, d)] = max(x["rounds"] for x in dims)
                conv = all(x["converged"] for x in dims)
        times[(n, d)] = row
        note = f"{bdm_rounds[(n, d)]:>4} {'converged' if conv else 'at cap'}"
        print(f"{f'{n}x{d}':>14} " + " ".join(f"{row[m]:11.4f}" for m in MODELS) + f"   {note}")

    print("\n== BdM scaling (time per bargaining round) ==")
    base = times[(10, 1)]["bdm"] / max(1, bdm_rounds[(10, 1)])
    prev: tuple[int, float] | None = None
    for n, d in SIZES:
        per_round = times[(n, d)]["bdm"] / max(1, bdm_rounds[(n, d)])
        line = f"{f'{n}x{d}':>10}: {per_round * 1e3:9.3f} ms/round  ({per_round / base:8.1f}x 10x1)"
        if prev and d == 1:
            exponent = math.log(per_round / prev[1]) / math.log(n / prev[0])
            line += f"  growth ~ n^{exponent:.2f}"
        print(line)
        if d == 1:
            prev = (n, per_round)

    print("\n== against the C++ KTAB reference (same machine) ==")
    for (n, d), ref in KTAB_SECONDS.items():
        ours = times[(n, d)]["bdm"]
        more = "over " if (n, d) == (160, 1) else ""
        print(
            f"{f'{n}x{d}':>10}: KTAB {more}{ref:g} s, detente bdm {ours:.3f} s "
            f"-> {more}{ref / ours:,.0f}x faster"
        )

    print("\n== Monte Carlo: 1000 BdM runs, batched vs the same engine run by run ==")
    results = {}
    for label, sc, sample in (
        ("EU car emissions 10x1", load_scenario_eu(), 1000),
        ("random 40x5", random_scenario(40, 5, seed=1), 50),
        ("random 160x1", random_scenario(160, 1, seed=1), 10),
    ):
        c0 = time.process_time()
        vec, res = best_of(1, lambda sc=sc: forecast(sc, "bdm", runs=1000, seed=1))
        cpu = time.process_time() - c0
        # Baseline: the same perturbed inputs through the same engine one run at a time
        # (``sample`` runs, scaled to 1000 when fewer).
        pos, sal, cap = perturb(sc, sample, np.random.default_rng(1), Noise())
        t0, c0 = time.perf_counter(), time.process_time()
        for k in range(1, sample + 1):
            run_model("bdm", pos[k : k + 1], sal[k : k + 1], cap[k : k + 1])
        loop = (time.perf_counter() - t0) * 1000 / sample
        loop_cpu = (time.process_time() - c0) * 1000 / sample
        shares = res.detail["status_shares"][0]
        results[label] = vec
        scaled = "" if sample == 1000 else f" (from {sample} runs)"
        print(
            f"{label:>22}: batched {vec:7.2f} s ({cpu:7.2f} s CPU), run by run {loop:7.2f} s "
            f"({loop_cpu:7.2f} s CPU){scaled} -> {loop / vec:4.1f}x; runs converged "
            f"{shares['converged']:.0%}, cycled {shares['cycled']:.0%}, capped {shares['capped']:.0%}"
        )

    load = os.getloadavg()[0]
    print(f"\n== targets (load average {load:.1f} on {os.cpu_count()} cores) ==")
    for label, limit in (("random 160x1", 60.0), ("random 40x5", 10.0)):
        t = results[label]
        print(f"1000 runs of {label} < {limit:g} s: {t:.1f} s ({'ok' if t < limit else 'MISSED'})")


def load_scenario_eu() -> Scenario:
    """The EU car-emissions regression case shipped with the examples."""
    from pathlib import Path

    here = Path(__file__).resolve().parents[1]
    return load_scenario(here / "examples" / "scenarios" / "eu_car_emissions.csv")


if __name__ == "__main__":
    main()
