r"""Asymmetric Nash bargaining solution with an exact test for a zone of agreement.

.. math::

    \hat x = \arg\max_x \sum_i c_i \log\bigl(u_i(x) - u_i(z_i)\bigr), \qquad
    u_i(x) = -\sum_d s_{id}\,|x_d - x_{id}|

Nash (1950), with bargaining power given by capability (Kalai 1977).  The
disagreement point :math:`z_i` is the status quo on dimensions that have one and
otherwise the actor's worst outcome (the end of the position range farthest
from its ideal).  Actors without a stake (capability or every salience zero)
are indifferent and left out.

Whether any point beats disagreement for every actor is decided exactly: the
largest smallest gain :math:`\max_x \min_i (u_i(x) - u_i(z_i))` is a linear
program over the whole box (absolute values linearised), solved with HiGHS
through ``scipy.optimize.linprog``.  When it is not positive there is no zone of
agreement; the program's dual names the actors whose demands cannot all be met
at once.  Otherwise the concave Nash objective is maximised by damped Newton
steps on a smoothed loss :math:`\sqrt{t^2+\varepsilon^2}-\varepsilon`
(:math:`\varepsilon` from 1e-2 to 1e-6), started from a strictly better point.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.optimize import linprog

#: Smallest gain (share of the scale × salience) that counts as an improvement.
GAIN_TOL = 1e-9


def _phi(z: np.ndarray, eps: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Smoothed absolute value, its first and second derivative."""
    root = np.sqrt(z * z + eps * eps)
    return root - eps, z / root, (eps * eps) / (root**3)


def exact_gains(x: np.ndarray, y: np.ndarray, s: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Utility gains over disagreement ``[..., n]`` at points ``x`` ``[..., d]`` (no smoothing)."""
    return (s * (np.abs(z - y) - np.abs(x[..., None, :] - y))).sum(axis=-1)


def zone_of_agreement(
    y: np.ndarray, s: np.ndarray, z: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    r"""Maximise the smallest gain over the box ``[lo, hi]`` for one scenario.

    ``y``, ``s``, ``z`` are ``[n, d]`` ideal points, saliences and disagreement
    points of the actors with a stake.  Linear program in ``(x, e, t)``:
    maximise *t* subject to :math:`e_{id} \ge \pm(x_d - y_{id})` and
    :math:`t \le \sum_d s_{id}(|z_{id}-y_{id}| - e_{id})`.  Returns the optimum
    *t*, the point reaching it and each actor's dual weight (positive for the
    actors that block any improvement).
    """
    n, d = y.shape
    nv = d + n * d + 1
    cost = np.zeros(nv)
    cost[-1] = -1.0
    rows, rhs = [], []
    for i in range(n):
        for k in range(d):
            e = d + i * d + k
            for sign in (1.0, -1.0):
                row = np.zeros(nv)
                row[k], row[e] = sign, -1.0
                rows.append(row)
                rhs.append(sign * y[i, k])
    first_gain = len(rows)
    for i in range(n):
        row = np.zeros(nv)
        row[d + i * d : d + (i + 1) * d] = s[i]
        row[-1] = 1.0
        rows.append(row)
        rhs.append(float((s[i] * np.abs(z[i] - y[i])).sum()))
    bounds = [(float(lo[k]), float(hi[k])) for k in range(d)]
    bounds += [(0.0, None)] * (n * d) + [(None, None)]
    res = linprog(cost, A_ub=np.array(rows), b_ub=np.array(rhs), bounds=bounds, method="highs")
    if res.status != 0:  # cannot happen for a bounded box; be conservative
        return -np.inf, np.clip(np.median(y, axis=0), lo, hi), np.zeros(n)
    duals = -np.asarray(res.ineqlin.marginals)[first_gain:]
    return float(-res.fun), res.x[:d], duals


def nash(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    status_quo: np.ndarray | None = None,
    *,
    max_newton: int = 40,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[np.ndarray, dict[str, Any], np.ndarray, list[list[int]]]:
    """Nash solution of every batch row.

    ``status_quo`` is ``[d]`` or ``[R, d]`` (NaN where a dimension has none).
    Returns the outcome ``[R, d]`` (the disagreement point where no zone of
    agreement exists), the detail of row 0, the feasibility flag per row and,
    per row, the indices of the actors blocking agreement (empty when feasible).
    """
    r, n, d = pos.shape
    y = pos / 100.0
    stake = (cap > 0) & (sal.sum(axis=2) > 0)  # [R, n]
    lo, hi = y.min(axis=1), y.max(axis=1)  # [R, d]
    worst = np.where(
        np.abs(y - lo[:, None, :]) >= np.abs(y - hi[:, None, :]), lo[:, None, :], hi[:, None, :]
    )
    if status_quo is not None:
        sq = np.broadcast_to(np.asarray(status_quo, float) / 100.0, (r, d))
        has = ~np.isnan(sq)
        z = np.where(has[:, None, :], np.nan_to_num(sq)[:, None, :], worst)
        # The box must hold the status quo too: disagreement lies in it.
        lo = np.where(has, np.minimum(lo, np.nan_to_num(sq)), lo)
        hi = np.where(has, np.maximum(hi, np.nan_to_num(sq)), hi)
    else:
        has = np.zeros((r, d), dtype=bool)
        z = worst
    c = np.where(stake, cap, 0.0)
    c = c / c.sum(axis=1, keepdims=True)
    w = c[:, :, None] * sal
    mean = (w * y).sum(axis=1) / w.sum(axis=1)
    z_point = np.where(
        has, np.nan_to_num(np.broadcast_to(sq if status_quo is not None else mean, (r, d))), mean
    )

    def min_gain(x: np.ndarray) -> np.ndarray:
        g = exact_gains(x, y, sal, z)
        return np.where(stake, g, np.inf).min(axis=1)

    # Cheap candidates first; the linear program decides the rest exactly.
    starts = [z_point + lam * (mean - z_point) for lam in (1.0, 0.5, 0.25, 0.1, 0.03, 0.01, 1e-3)]
    x = starts[0].copy()
    best = np.full(r, -np.inf)
    for cand in starts:
        gmin = min_gain(cand)
        better = gmin > best
        x[better], best[better] = cand[better], gmin[better]
    feasible = best > GAIN_TOL
    blocking: list[list[int]] = [[] for _ in range(r)]
    undecided = np.flatnonzero(~feasible)
    for done, b in enumerate(undecided):
        idx = np.flatnonzero(stake[b])
        t_opt, x_opt, duals = zone_of_agreement(y[b, idx], sal[b, idx], z[b, idx], lo[b], hi[b])
        if t_opt > GAIN_TOL:
            feasible[b] = True
            x[b] = x_opt
        else:
            blocking[b] = [int(idx[k]) for k in np.flatnonzero(duals > 1e-9)]
        if progress is not None and done % 50 == 0:
            progress(done, len(undecided))
    x = _newton(x, y, sal, c, z, stake, feasible, lo, hi, max_newton)
    out = np.where(feasible[:, None], x, z_point) * 100.0
    detail: dict[str, Any] = {
        "disagreement": ["status quo" if h else "worst outcome" for h in has[0]],
        "zopa": bool(feasible[0]),
    }
    return out, detail, feasible, blocking


def _newton(
    x: np.ndarray,
    y: np.ndarray,
    sal: np.ndarray,
    c: np.ndarray,
    z: np.ndarray,
    stake: np.ndarray,
    feasible: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    max_newton: int,
) -> np.ndarray:
    """Damped Newton ascent on the smoothed Nash objective, all rows at once."""
    d = x.shape[1]

    def gains(xx: np.ndarray, rows: np.ndarray, eps: float) -> tuple[np.ndarray, ...]:
        f, f1, f2 = _phi(xx[:, None, :] - y[rows], eps)
        f0, _, _ = _phi(z[rows] - y[rows], eps)
        g = (sal[rows] * (f0 - f)).sum(axis=2)
        g = np.where(stake[rows], g, 1.0)  # indifferent actors: constant, weight 0
        return g, -sal[rows] * f1, -sal[rows] * f2

    def objective(g: np.ndarray, cc: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            val = (cc * np.log(np.where(g > 0, g, np.nan))).sum(axis=1)
        return np.where(np.isnan(val), -np.inf, val)

    ridge = 1e-12 * np.eye(d)
    all_rows = np.arange(x.shape[0])
    for eps in (1e-2, 1e-3, 1e-4, 1e-5, 1e-6):
        g, dg, d2g = gains(x, all_rows, eps)
        fx = objective(g, c)
        active = feasible & np.isfinite(fx)
        for _ in range(max_newton):
            if not active.any():
                break
            a = np.flatnonzero(active)
            ga, dga, d2a, ca = g[a], dg[a], d2g[a], c[a]
            grad = (ca[:, :, None] * dga / ga[:, :, None]).sum(axis=1)
            hess = np.einsum("bi,bid,bie->bde", ca / ga**2, dga, dga)
            hess = -hess + np.einsum("bi,bid->bd", ca / ga, d2a)[:, :, None] * np.eye(d)
            step = np.linalg.solve(hess - ridge, -grad[:, :, None])[:, :, 0]
            t = np.ones(len(a))
            accepted = np.zeros(len(a), dtype=bool)
            xa, fa = x[a], fx[a]
            new_x, new_f = xa.copy(), fa.copy()
            for _ in range(40):
                todo = ~accepted
                if not todo.any():
                    break
                cand = np.clip(xa[todo] + t[todo, None] * step[todo], lo[a][todo], hi[a][todo])
                gc = gains(cand, a[todo], eps)[0]
                fc = objective(gc, ca[todo])
                ok = np.isfinite(fc) & (fc >= fa[todo] - 1e-15)
                idx = np.flatnonzero(todo)[ok]
                new_x[idx], new_f[idx] = cand[ok], fc[ok]
                accepted[idx] = True
                t[todo] *= 0.5
            moved = np.abs(new_x - xa).max(axis=1)
            x[a], fx[a] = new_x, new_f
            still = (moved > 1e-12) & accepted
            active[a[~still]] = False
            g, dg, d2g = gains(x, all_rows, eps)
    return x
