"""Statistics over scored reports: the confidence calibration table and bootstrap intervals
of the micro scores (used by :mod:`detente.evaluate`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from detente.evaluate import ReportScore

__all__ = ["BOOTSTRAP_SAMPLES", "bootstrap_intervals", "calibration"]


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
    tp, fp, fn = sums[:, 0], sums[:, 1], sums[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = 2 * tp + fp + fn
        f1 = np.where(denom > 0, 2 * tp / np.where(denom > 0, denom, 1), 0.0)
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
