"""``detente forecast``: bargaining forecasts for scenario files."""

from __future__ import annotations

import json
import math
import sys
import time
from typing import Any

import click

from detente.cli import cli
from detente.cli._options import emit, fail, format_option

AUTO_CELLS = 5_000_000  # runs × actors² × dimensions for the default --runs


def auto_runs(n_actors: int, n_dims: int) -> int:
    """The ``--runs auto`` choice: 1000 for small scenarios, fewer (down to 30) for big ones.

    BdM costs about actors² × dimensions per run and round; capping the product
    keeps a default command on a 160-actor file to seconds (195 runs, about 11 s
    of CPU), at the price of noisier percentiles (p10 and p90 good to about ±2
    percentile points instead of ±1, and modes under ~3 % of the runs unseen).
    """
    return int(min(1000, max(30, AUTO_CELLS // max(1, n_actors * n_actors * n_dims))))


def _parse(option: str, text: str, lo: float, hi: float, integer: bool = False) -> float:
    """*text* as a number in [lo, hi], or one ``detente: …`` line and exit 2."""
    try:
        value: float = int(text) if integer else float(text)
    except ValueError:
        kind = "an integer" if integer else "a number"
        fail(f"{option} must be {kind} in [{lo:g}, {hi:g}], got {text!r}")
    if not math.isfinite(value) or not lo <= value <= hi:
        fail(f"{option} must be in [{lo:g}, {hi:g}], got {text}")
    return value


class _Progress:
    """A progress bar on stderr, drawn only once a forecast has run for ``DELAY`` seconds."""

    DELAY = 2.0

    def __init__(self, enabled: bool, label: str, forced: bool = False) -> None:
        self.enabled, self.label, self.forced = enabled, label, forced
        self.start = time.monotonic()
        self.bar: Any = None

    def __call__(self, share: float) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.start < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True, force_terminal=self.forced or None)
            self.bar = Progress(console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=1000)
        self.bar.update(self.task, completed=int(1000 * share))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


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
    default="auto",
    show_default=True,
    help="Monte-Carlo runs over noisy inputs (0: point forecast only; auto: 1000, "
    "fewer down to 30 for large scenarios).",
)
@click.option(
    "--seed",
    default="0",
    show_default=True,
    help="Random seed; the same seed gives the same output.",
)
@click.option(
    "--position-noise",
    default="0.05",
    show_default=True,
    help="Position (and status quo) noise sd, as a share of each dimension's position range.",
)
@click.option(
    "--salience-noise",
    default="0.2",
    show_default=True,
    help="Salience noise: log-normal sd of a multiplicative factor.",
)
@click.option(
    "--capability-noise",
    default="0.2",
    show_default=True,
    help="Capability noise: log-normal sd of a multiplicative factor.",
)
@click.option(
    "--max-rounds",
    default="500",
    show_default=True,
    help="BdM: bargaining rounds at most.",
)
@click.option(
    "--variant",
    type=click.Choice(["default", "scholz2011"]),
    default="default",
    show_default=True,
    help="BdM: the documented default, or the Scholz-code reference path.",
)
@click.option("--q", "q", default="1", show_default=True,
              help="BdM: probability Q that the status quo holds without a challenge.")  # fmt: skip
@click.option("--t", "t", default="1", show_default=True,
              help="BdM: probability T that a changing status quo moves one's way.")  # fmt: skip
@click.option(
    "--resistance",
    default="salience",
    show_default=True,
    help="BdM: probability that a challenged actor resists: 'salience' or a number in [0, 1].",
)
@click.option(
    "--max-memory",
    default="1000",
    show_default=True,
    help="Refuse forecasts estimated to need more memory than this many MB.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr for forecasts over ~2 s (default: when stderr is a terminal).",
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
    runs: str,
    seed: str,
    position_noise: str,
    salience_noise: str,
    capability_noise: str,
    max_rounds: str,
    variant: str,
    q: str,
    t: str,
    resistance: str,
    max_memory: str,
    progress: bool | None,
    plot: str | None,
    fmt: str,
) -> None:
    """Forecast where bargaining lands for each scenario FILE (KTAB .csv or .yaml).

    Prints, per dimension, the model's forecast, the 10th/50th/90th percentiles
    over the Monte-Carlo runs, the separate outcomes the runs fall into when
    there are several, and for BdM how the runs ended (converged, cycled, capped).
    """
    from detente.bargain import MODELS, Noise, ScenarioError, load_scenario
    from detente.bargain import forecast as run_forecast
    from detente.bargain.runtime import tune_allocator, tune_threads

    tune_allocator()  # this process is ours: keep freed memory between BdM rounds
    tune_threads()  # and let idle threads sleep between rounds
    n_runs_opt = None if runs == "auto" else int(_parse("--runs", runs, 0, 1e18, integer=True))
    seed_v = int(_parse("--seed", seed, 0, 2**63 - 1, integer=True))
    noises = [
        _parse(f"--{k}-noise", v, 0, 5)
        for k, v in (("position", position_noise), ("salience", salience_noise),
                     ("capability", capability_noise))
    ]  # fmt: skip
    rounds_v = int(_parse("--max-rounds", max_rounds, 1, 100_000, integer=True))
    q_v, t_v = _parse("--q", q, 0, 1), _parse("--t", t, 0, 1)
    resist: str | float = (
        "salience" if resistance == "salience" else _parse("--resistance", resistance, 0, 1)
    )
    memory_mb = int(_parse("--max-memory", max_memory, 1, 1e9, integer=True))

    models = list(MODELS) if model == "all" else [model]
    noise = Noise(*noises)
    options = {
        "bdm": {
            "max_rounds": rounds_v,
            "variant": variant,
            "q": q_v,
            "t": t_v,
            "resistance": resist,
        }
    }
    show = sys.stderr.isatty() if progress is None else progress
    results = []
    used_runs: dict[str, int] = {}
    bar = _Progress(show, "forecast", forced=bool(progress))
    try:
        scenarios = [load_scenario(f) for f in files]
        for sc in scenarios:
            n_runs = auto_runs(sc.n_actors, sc.n_dims) if n_runs_opt is None else n_runs_opt
            used_runs[sc.name] = n_runs
            for name in models:
                bar.label = f"{sc.name}: {name}"
                results.append(
                    run_forecast(
                        sc,
                        name,
                        runs=n_runs,
                        seed=seed_v,
                        noise=noise,
                        options=options,
                        progress=bar,
                        max_memory=memory_mb * 1_000_000,
                    )  # fmt: skip
                )
    except ScenarioError as exc:
        bar.close()
        fail(" ".join(str(exc).split()))
    except MemoryError:
        bar.close()
        fail("out of memory: lower --runs or the scenario size")
    bar.close()
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
            click.echo(json.dumps(r.to_dict(), ensure_ascii=False, allow_nan=False))
    elif fmt == "json":
        click.echo(
            json.dumps(
                [r.to_dict() for r in results], ensure_ascii=False, indent=2, allow_nan=False
            )
        )
    else:
        _table(results, used_runs)


def _summary(r: Any, k: int) -> str:
    detail, model = r.detail, r.model
    dim = r.dimensions[k]
    notes = []
    if model == "bdm":
        d = detail["dimensions"][k]
        if d["status"] == "cycled":
            lo, hi = d["cycle"]["between"]
            notes.append(
                f"cycles between {lo:g} and {hi:g} from round {d['rounds']} "
                f"(forecast = cycle mean {d['cycle']['mean']:g})"
            )
        else:
            state = "converged" if d["status"] == "converged" else "cap reached"
            notes.append(
                f"{d['rounds']} rounds, {state}; median {d['median'][0]:g} -> {d['median'][-1]:g}"
            )
        if dim.status is not None and r.runs:
            notes.append(
                "runs: " + ", ".join(f"{100 * v:.0f} % {k}" for k, v in dim.status.items())
            )
    elif model == "exchange" and k == 0:
        n = len(detail.get("trades", []))
        notes.append(f"{n} trade{'s' if n != 1 else ''}")
    elif model == "nash":
        notes.append(f"disagreement: {detail['disagreement'][k]}")
        if k == 0 and detail.get("finding"):
            notes.append(detail["finding"])
        if k == 0 and r.runs:
            notes.append(f"zone of agreement in {100 * detail.get('zopa_share', 0):.0f} % of runs")
    if dim.multimodal:
        notes.append(dim.modes_text())
    return "; ".join(notes)


def _table(results: list[Any], runs: dict[str, int]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def safe(text: str) -> str:
        # Scenario text is data: no markup, no control characters on the terminal.
        return escape("".join(ch for ch in str(text) if ch.isprintable()))

    console = Console(file=sys.stdout, width=120)
    by_scenario: dict[str, list[Any]] = {}
    for r in results:
        by_scenario.setdefault(r.scenario, []).append(r)
    for name, rs in by_scenario.items():
        table = Table(title=f"{safe(name)} — {runs.get(name, 0)} runs", header_style="bold")
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
                    safe(d.name),
                    f"{d.outcome:.2f}",
                    f"{d.p10:.2f}",
                    f"{d.p50:.2f}",
                    f"{d.p90:.2f}",
                    safe(_summary(r, k)),
                )
        console.print(table)


@cli.command("forecast-eval")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option(
    "--runs",
    default="0",
    show_default=True,
    help="Score the Monte-Carlo median over this many runs instead of the point forecast.",
)
@click.option("--seed", default="0", show_default=True, help="Random seed for --runs.")
@click.option("--show-cases", is_flag=True, help="Also list every case with each forecast.")
@format_option(("table", "json", "jsonl", "csv"))
def forecast_eval(directory: str, runs: str, seed: str, show_cases: bool, fmt: str) -> None:
    """Score the models on real decisions with known outcomes in DIRECTORY.

    DIRECTORY holds KTAB CSV scenarios and an outcomes.csv
    (scenario_file,dimension,outcome).  Prints each model's and baseline's
    mean absolute error, best first; nothing is fitted to the outcomes.
    """
    from detente.bargain import ScenarioError
    from detente.bargain.validate import evaluate

    n_runs = int(_parse("--runs", runs, 0, 10_000, integer=True))
    seed_v = int(_parse("--seed", seed, 0, 2**63 - 1, integer=True))
    try:
        ev = evaluate(directory, runs=n_runs, seed=seed_v)
    except ScenarioError as exc:
        fail(" ".join(str(exc).split()))
    rows: list[dict[str, Any]] = ev.rows()
    fields = ["method", "kind", "cases", "mae", "max_error"]
    if show_cases:
        fields = ["file", "dimension", "outcome", *ev.forecasts]
        rows = [
            {
                "file": c.file,
                "dimension": c.dimension,
                "outcome": c.outcome,
                **{m: round(v[i], 3) for m, v in ev.forecasts.items()},
            }
            for i, c in enumerate(ev.cases)
        ]
    emit(rows, fields, fmt)
