"""``detente forecast``: bargaining forecasts for scenario files."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from detente.cli import cli
from detente.cli._options import fail, format_option


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--model",
    "-m",
    "model",
    type=click.Choice(["compromise", "median", "nash", "bdm", "exchange", "all"]),
    default="bdm",
    show_default=True,
    help="Bargaining model, or all of them.",
)
@click.option(
    "--runs",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    help="Monte-Carlo runs over noisy inputs (0: point forecast only).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Random seed; the same seed gives the same output.",
)
@click.option(
    "--position-noise",
    type=click.FloatRange(min=0),
    default=0.05,
    show_default=True,
    help="Position noise sd, as a share of each dimension's position range.",
)
@click.option(
    "--salience-noise",
    type=click.FloatRange(min=0),
    default=0.2,
    show_default=True,
    help="Salience noise: log-normal sd of a multiplicative factor.",
)
@click.option(
    "--capability-noise",
    type=click.FloatRange(min=0),
    default=0.2,
    show_default=True,
    help="Capability noise: log-normal sd of a multiplicative factor.",
)
@click.option(
    "--max-rounds",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="BdM: bargaining rounds at most.",
)
@click.option(
    "--plot",
    "plot",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the BdM position trajectories to this SVG file.",
)
@format_option(("table", "json", "jsonl"))
def forecast(
    files: tuple[str, ...],
    model: str,
    runs: int,
    seed: int,
    position_noise: float,
    salience_noise: float,
    capability_noise: float,
    max_rounds: int,
    plot: str | None,
    fmt: str,
) -> None:
    """Forecast where bargaining lands for each scenario FILE (KTAB .csv or .yaml).

    Prints, per dimension, the model's forecast and the 10th/50th/90th
    percentiles over the Monte-Carlo runs.
    """
    from detente.bargain import MODELS, Noise, ScenarioError, load_scenario
    from detente.bargain import forecast as run_forecast
    from detente.bargain.runtime import tune_allocator

    tune_allocator()  # this process is ours: keep freed memory between BdM rounds

    models = list(MODELS) if model == "all" else [model]
    noise = Noise(position_noise, salience_noise, capability_noise)
    options = {"bdm": {"max_rounds": max_rounds}}
    results = []
    try:
        scenarios = [load_scenario(f) for f in files]
        for sc in scenarios:
            for name in models:
                results.append(
                    run_forecast(sc, name, runs=runs, seed=seed, noise=noise, options=options)
                )
    except ScenarioError as exc:
        fail(str(exc))
    if plot:
        bdm_results = [r for r in results if r.model == "bdm"]
        if not bdm_results:
            bdm_results = [run_forecast(sc, "bdm", runs=0, options=options) for sc in scenarios]
        from detente.bargain.plot import plot_trajectories

        try:
            plot_trajectories(bdm_results, plot)
        except OSError as exc:
            fail(f"{plot}: cannot write plot: {exc.strerror or exc}")
    if fmt == "jsonl":
        for r in results:
            click.echo(json.dumps(r.to_dict(), ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        _table(results, runs)


def _summary(detail: dict[str, Any], k: int, model: str) -> str:
    if model == "bdm":
        d = detail["dimensions"][k]
        state = "converged" if d["converged"] else "cap reached"
        return f"{d['rounds']} rounds, {state}; median {d['median'][0]:g} -> {d['median'][-1]:g}"
    if model == "exchange":
        n = len(detail.get("trades", []))
        return f"{n} trade{'s' if n != 1 else ''}" if k == 0 else ""
    if model == "nash":
        zopa = "" if detail.get("zopa", True) else "; no agreement beats disagreement"
        return f"disagreement: {detail['disagreement'][k]}{zopa}"
    return ""


def _table(results: list[Any], runs: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout, width=120)
    by_scenario: dict[str, list[Any]] = {}
    for r in results:
        by_scenario.setdefault(r.scenario, []).append(r)
    for name, rs in by_scenario.items():
        table = Table(title=f"{name} — {runs} runs", header_style="bold")
        for col in ("model", "dimension", "forecast", "p10", "p50", "p90", "notes"):
            table.add_column(
                col,
                justify="right" if col in ("forecast", "p10", "p50", "p90") else "left",
                overflow="fold",
            )
        for r in rs:
            for k, d in enumerate(r.dimensions):
                table.add_row(
                    r.model if k == 0 else "",
                    d.name,
                    f"{d.outcome:.2f}",
                    f"{d.p10:.2f}",
                    f"{d.p50:.2f}",
                    f"{d.p90:.2f}",
                    _summary(r.detail, k, r.model),
                )
        console.print(table)
