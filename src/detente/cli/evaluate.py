"""``detente eval``: score the extractor on a gold directory."""

from __future__ import annotations

import json
from typing import Any

import click

from detente.cli import cli
from detente.cli._options import emit, fail, format_option

ROW_FIELDS = (
    "name",
    "gold",
    "predicted",
    "tp",
    "fp",
    "fn",
    "precision",
    "recall",
    "f1",
    "places_checked",
    "places_covered",
    "sources_checked",
    "sources_found",
    "events_gold",
    "events_found",
)
ERROR_FIELDS = (
    "false_positives",
    "false_negatives",
    "place_errors",
    "source_errors",
    "event_dates_missed",
)
TABLE_FIELDS = (
    "name",
    "gold",
    "predicted",
    "tp",
    "fp",
    "fn",
    "P",
    "R",
    "F1",
    "places",
    "sources",
    "events",
)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _frac(num: int, den: int) -> str:
    return f"{num}/{den}" if den else "–"


def _intervals(intervals: dict[str, list[float] | None]) -> str:
    names = {"f1": "F1", "place_accuracy": "places", "source_accuracy": "sources"}
    parts = []
    for key, label in names.items():
        iv = intervals.get(key)
        parts.append(f"{label} {_pct(iv[0])}–{_pct(iv[1])}" if iv else f"{label} n/a")
    return ", ".join(parts)


def _table_row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        **r,
        "P": _pct(r["precision"]),
        "R": _pct(r["recall"]),
        "F1": _pct(r["f1"]),
        "places": _frac(r["places_covered"], r["places_checked"]),
        "sources": _frac(r["sources_found"], r["sources_checked"]),
        "events": _frac(r["events_found"], r["events_gold"]),
    }


def _print_errors(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        problems = [r[k] for k in ERROR_FIELDS]
        if not any(problems):
            continue
        click.echo(f"\n{r['name']}")
        for fn in r["false_negatives"]:
            near = f"  [wrong {fn['cause']}: {fn['nearest']}]" if fn["nearest"] else ""
            # the gold passage, so that a miss can be looked up and its phrasing studied
            said = " ".join(fn["evidence"][0].split()) if fn.get("evidence") else ""
            click.echo(f"  missed   {fn['stance']}{near}" + (f"  «{said[:110]}»" if said else ""))
        for fp in r["false_positives"]:
            quote = " ".join(fp["quote"].split())
            click.echo(f"  spurious {fp['stance']}  «{quote[:110]}»")
        for pe in r["place_errors"]:
            click.echo(f"  places   {pe['stance']}: gold {pe['gold']} got {pe['predicted']}")
        for se in r["source_errors"]:
            click.echo(f"  sources  {se['stance']}: gold {se['gold']} got {se['predicted']}")
        if r["event_dates_missed"]:
            click.echo(f"  events   dates not found: {', '.join(r['event_dates_missed'])}")


@cli.command("eval")
@click.argument("gold_dir", metavar="GOLD_DIR")
@format_option()
@click.option(
    "--show-errors",
    is_flag=True,
    help="List missed and spurious stances and wrong places, sources and event dates.",
)
@click.option(
    "--against",
    "against",
    type=click.Path(dir_okay=False),
    help="A previous `detente eval --format json` on the same gold: print the change of F1 "
    "with its paired 95% interval.",
)
def eval_command(gold_dir: str, fmt: str, show_errors: bool, against: str | None) -> None:
    """Score the extractor on GOLD_DIR (NAME.txt reports with NAME.yaml gold).

    Each report is ingested into a temporary database; distinct (actor, kind,
    issue) stances are matched against the gold and scored with micro
    precision, recall and F1, plus place, source and event-date accuracy.
    """
    from detente.cli._progress import load_extractor, progress_bar
    from detente.evaluate import EvalError, evaluate
    from detente.evaluation_stats import compare_runs

    previous = _previous_run(against) if against else None
    bar = progress_bar("scoring")
    try:
        with bar:
            task = bar.add_task("", total=None)

            def tick(total: int | None) -> None:
                if total is None:
                    bar.advance(task)
                else:
                    bar.update(task, total=total)

            result = evaluate(gold_dir, extractor=load_extractor(bar, task), progress=tick)
    except EvalError as exc:
        fail(str(exc))
        return
    data = result.to_dict(errors=show_errors)
    if previous is not None:
        try:
            data["against"] = compare_runs(previous, data)
        except ValueError as exc:
            fail(f"{against}: {exc}")
            return
    totals = data["totals"]
    total_row = {"name": "TOTAL (micro)", **totals}
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    fields = ROW_FIELDS + (ERROR_FIELDS if show_errors else ())
    if fmt in ("jsonl", "csv"):
        emit([*data["reports"], total_row], fields, fmt)
        return
    rows = [_table_row(r) for r in data["reports"]]
    total = _table_row(total_row)
    emit(
        [*rows, total],
        TABLE_FIELDS,
        "table",
        title=f"{result.extractor} ({result.model}) on {result.gold_dir}",
    )
    click.echo(
        f"micro P {_pct(totals['precision'])}  R {_pct(totals['recall'])}  "
        f"F1 {_pct(totals['f1'])}  (tp {totals['tp']}, fp {totals['fp']}, fn {totals['fn']})"
    )
    click.echo(
        f"place accuracy {_pct(totals['place_accuracy'])} "
        f"(exact {_pct(totals['place_exact'])}, n={totals['places_checked']})  "
        f"source accuracy {_pct(totals['source_accuracy'])} (n={totals['sources_checked']})  "
        f"event-date accuracy {_pct(totals['event_date_accuracy'])} (n={totals['events_gold']})"
    )
    click.echo("95% intervals, resampling reports: " + _intervals(totals["intervals"]))
    stages = totals["stage_errors"]
    click.echo("errors by stage: " + ", ".join(f"{name} {count}" for name, count in stages.items()))
    click.echo("confidence calibration (claims by confidence: observed precision):")
    for b in totals["calibration"]:
        seen = f"{b['precision']:.2f} of {b['claims']}" if b["claims"] else "no claims"
        click.echo(f"  {b['low']:.1f}–{b['high']:.1f}  {seen}")
    if "against" in data:
        click.echo(_change_line(data["against"]))
    if show_errors:
        _print_errors(data["reports"])


def _previous_run(path: str) -> Any:
    """The JSON of an earlier evaluation, or a one-line failure."""
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        fail(f"{path}: not a readable detente eval JSON ({exc.__class__.__name__})")


def _change_line(c: dict[str, Any]) -> str:
    low, high = c["interval"]
    verdict = "within noise" if low <= 0 <= high else ("better" if low > 0 else "worse")
    return (
        f"against {c['previous_extractor'] or 'the previous run'}: F1 {c['f1_change']:+.4f} "
        f"(paired 95% {low:+.4f} to {high:+.4f}, {verdict}); tp {c['tp_change']:+d}, "
        f"fp {c['fp_change']:+d}, fn {c['fn_change']:+d}; {c['reports_better']} reports "
        f"better, {c['reports_worse']} worse of {c['reports']}"
    )
