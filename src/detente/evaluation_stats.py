"""Statistics over scored reports: the confidence calibration table and bootstrap intervals
of the micro scores (used by :mod:`detente.evaluate`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from detente.evaluate import ReportScore

__all__ = [
    "BOOTSTRAP_SAMPLES",
    "bootstrap_intervals",
    "calibration",
    "compare_runs",
    "paired_f1_difference",
]


def calibration(pairs: Iterable[tuple[float | None, bool]], bins: int = 5) -> list[dict[str, Any]]:
    """Confidence against observed precision: *pairs* of (confidence, correct) cut into
    *bins* equal-width bins of confidence; claims without a confidence are left out."""
    rows = [
        {"low": i / bins, "high": (i + 1) / bins, "claims": 0, "correct": 0, "conf_sum": 0.0}
        for i in range(bins)
    ]
    for conf, ok in pairs:
        if conf is None:
            continue
        row = rows[min(int(conf * bins), bins - 1)]
        row["claims"] += 1
        row["correct"] += int(ok)
        row["conf_sum"] += conf
    for row in rows:
        n = row.pop("claims")
        total = row.pop("conf_sum")
        row["claims"] = n
        row["mean_confidence"] = total / n if n else None
        row["precision"] = row["correct"] / n if n else None
    return rows


#: Resamples of :func:`bootstrap_intervals`; its seed is fixed so that a run is reproducible.
BOOTSTRAP_SAMPLES = 2000


def bootstrap_intervals(
    rows: Sequence[ReportScore], samples: int = BOOTSTRAP_SAMPLES, seed: int = 0
) -> dict[str, list[float] | None]:
    """Percentile 95 % intervals of micro F1, place and source accuracy over *rows*, drawing
    whole reports with replacement.  A rate with nothing to measure has no interval."""
    import numpy as np

    if not rows:
        return {"f1": None, "place_accuracy": None, "source_accuracy": None}
    counts = np.array(
        [
            (
                r.tp,
                r.fp,
                r.fn,
                r.places_covered,
                r.places_checked,
                r.sources_found,
                r.sources_checked,
            )
            for r in rows
        ],
        dtype=float,
    )
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(rows), size=(samples, len(rows)))
    sums = counts[picks].sum(axis=1)  # samples x 7
    f1 = _micro_f1(sums)
    with np.errstate(divide="ignore", invalid="ignore"):
        places = sums[:, 3] / sums[:, 4]
        sources = sums[:, 5] / sums[:, 6]

    def interval(values: Any, measured: float) -> list[float] | None:
        if not measured:
            return None
        values = values[np.isfinite(values)]
        low, high = np.percentile(values, [2.5, 97.5])
        return [round(float(low), 4), round(float(high), 4)]

    return {
        "f1": interval(f1, 1.0),
        "place_accuracy": interval(places, counts[:, 4].sum()),
        "source_accuracy": interval(sources, counts[:, 6].sum()),
    }


def paired_f1_difference(
    base: Sequence[tuple[int, int, int]],
    other: Sequence[tuple[int, int, int]],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Micro F1 of *other* minus that of *base*, with its percentile 95 % interval, where both
    are per-report (tp, fp, fn) counts of the same reports in the same order.  Each resample
    draws the same reports for both, so what the two share cancels and the interval measures
    the change itself, far narrower than the two F1 intervals side by side."""
    import numpy as np

    if len(base) != len(other):
        raise ValueError("both systems must be scored on the same reports")
    if not base:
        return 0.0, 0.0, 0.0
    a = np.asarray(base, dtype=float)
    b = np.asarray(other, dtype=float)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(a), size=(samples, len(a)))
    diffs = _micro_f1(b[picks].sum(axis=1)) - _micro_f1(a[picks].sum(axis=1))
    low, high = np.percentile(diffs, [2.5, 97.5])
    measured = float(_micro_f1(b.sum(axis=0)) - _micro_f1(a.sum(axis=0)))
    return round(measured, 4), round(float(low), 4), round(float(high), 4)


def _counts(run: Any, label: str) -> dict[str, tuple[int, int, int]]:
    """Per-report (tp, fp, fn) of an evaluation in ``detente eval --format json`` form."""
    reports = run.get("reports") if isinstance(run, dict) else None
    if not isinstance(reports, list):
        raise ValueError(f"{label} is not the JSON of detente eval (no 'reports' list)")
    out: dict[str, tuple[int, int, int]] = {}
    for r in reports:
        try:
            out[str(r["name"])] = (int(r["tp"]), int(r["fp"]), int(r["fn"]))
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{label} has a report without name, tp, fp and fn") from None
    return out


def compare_runs(previous: Any, current: Any) -> dict[str, Any]:
    """How *current* scores against *previous*, both ``detente eval --format json`` results on
    the same gold reports: the change of micro F1 with its paired-bootstrap 95 % interval (see
    :func:`paired_f1_difference`), the changes of the pooled counts and how many reports got
    better or worse.  A change whose interval spans 0 is not one the reports can tell apart
    from noise.  Raises ValueError when the two were not run on the same reports."""
    before = _counts(previous, "the previous run")
    after = _counts(current, "the current run")
    if set(before) != set(after):
        only = sorted(set(before) ^ set(after))
        raise ValueError(
            f"the runs scored different reports ({len(only)} in only one, e.g. {only[0]})"
        )
    import numpy as np

    names = sorted(after)
    a = [before[n] for n in names]
    b = [after[n] for n in names]
    change, low, high = paired_f1_difference(a, b)
    f1_a, f1_b = _micro_f1(np.asarray(a, dtype=float)), _micro_f1(np.asarray(b, dtype=float))
    return {
        "previous_extractor": previous.get("extractor"),
        "extractor": current.get("extractor"),
        "reports": len(names),
        "f1_change": change,
        "interval": [low, high],
        "tp_change": sum(x[0] for x in b) - sum(x[0] for x in a),
        "fp_change": sum(x[1] for x in b) - sum(x[1] for x in a),
        "fn_change": sum(x[2] for x in b) - sum(x[2] for x in a),
        "reports_better": int((f1_b > f1_a).sum()),
        "reports_worse": int((f1_b < f1_a).sum()),
    }


def _micro_f1(counts: Any) -> Any:
    """F1 of (tp, fp, fn, …) counts along the last axis (0 where nothing was found or missed),
    for one row or a whole array of resamples at once."""
    import numpy as np

    denom = 2 * counts[..., 0] + counts[..., 1] + counts[..., 2]
    return np.where(denom > 0, 2 * counts[..., 0] / np.where(denom > 0, denom, 1), 0.0)
