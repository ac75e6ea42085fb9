"""Do the Monte-Carlo outcomes form one cluster or several?

Percentiles of a two-humped distribution mislead: p50 can fall between the
humps, where almost no run ends.  :func:`find_modes` first applies Hartigan &
Hartigan's (1985) dip test of unimodality (the ``diptest`` package).  Only when
it rejects unimodality at ``alpha`` are the modes located, as the peaks of a
Gaussian kernel density estimate (``scipy.stats.gaussian_kde``, Silverman's
bandwidth); every run is assigned to the peak whose basin (between the density
minima) it falls in, and peaks holding less than ``min_share`` of the runs are
merged into their neighbour.
"""

from __future__ import annotations

import numpy as np


def _dip_p(v: np.ndarray) -> float:
    try:
        import diptest
    except ImportError:  # pragma: no cover - optional: fall back to the density alone
        return 0.0
    return float(diptest.diptest(v)[1])


def find_modes(
    values: np.ndarray, alpha: float = 0.05, min_share: float = 0.05, grid: int = 512
) -> tuple[list[dict[str, float]], float | None]:
    """Modes of *values* as ``[{"center", "share"}]`` (in order of position) and the dip p-value.

    A single mode (centred on the median) is returned when the sample is small
    (under 20 values), (nearly) constant, or the dip test does not reject
    unimodality.
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return [], None
    single = [{"center": float(np.median(v)), "share": 1.0}]
    spread = float(np.ptp(v))
    if v.size < 20 or spread <= 1e-6 * max(1.0, float(np.abs(v).max())):
        return single, None
    p = _dip_p(v)
    if p >= alpha:
        return single, p
    from scipy.stats import gaussian_kde

    try:
        kde = gaussian_kde(v, bw_method="silverman")
    except (np.linalg.LinAlgError, ValueError):
        return single, p
    xs = np.linspace(v.min() - 0.05 * spread, v.max() + 0.05 * spread, grid)
    dens = kde(xs)
    inner = (dens[1:-1] > dens[:-2]) & (dens[1:-1] >= dens[2:])
    peaks = list(np.flatnonzero(inner) + 1)
    if len(peaks) < 2:
        return single, p
    # Basin boundaries: the lowest density between consecutive peaks.
    cuts = [xs[a + int(np.argmin(dens[a : b + 1]))] for a, b in zip(peaks, peaks[1:], strict=False)]
    centers = [float(xs[k]) for k in peaks]
    heights = [float(dens[k]) for k in peaks]
    label = np.searchsorted(np.array(cuts), v)
    shares = [float((label == k).mean()) for k in range(len(peaks))]
    # Merge small basins into the neighbour on the side of the shallower cut.
    while len(shares) > 1 and min(shares) < min_share:
        k = int(np.argmin(shares))
        j = k - 1 if k == len(shares) - 1 or (k > 0 and heights[k - 1] >= heights[k + 1]) else k + 1
        keep, drop = (j, k) if heights[j] >= heights[k] else (k, j)
        shares[keep] += shares[drop]
        del shares[drop], centers[drop], heights[drop]
    if len(shares) < 2:
        return single, p
    modes = [{"center": c, "share": s} for c, s in zip(centers, shares, strict=True)]
    modes.sort(key=lambda md: md["center"])
    return modes, p
