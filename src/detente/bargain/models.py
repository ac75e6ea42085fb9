r"""Spatial bargaining models on batches of scenarios.

Every model works on a *batch* of ``R`` variants of one scenario at once (the
unperturbed scenario plus Monte-Carlo draws), so one call covers all runs:

* ``pos`` — positions, ``[R, n, d]``, on the scenario's 0–100 scale;
* ``sal`` — saliences as shares, ``[R, n, d]``, in ``[0, 1]``;
* ``cap`` — capabilities, ``[R, n]``, any non-negative scale.

Each model returns a :class:`ModelOutput` with the forecast ``[R, d]`` and a
detail dictionary describing batch row 0.  The equations and the choices made
where the literature is silent are documented per model here and in
``docs/bargain.md``.

Notation: actor ``i`` has capability :math:`c_i`, position :math:`x_{id}` and
salience :math:`s_{id}` on dimension ``d``; :math:`w_{id} = c_i s_{id}` is its
*weight* on that dimension.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MODELS: tuple[str, ...] = ("compromise", "median", "nash", "bdm", "exchange")


@dataclass(slots=True)
class ModelOutput:
    """Forecast per batch row and dimension, plus detail for row 0."""

    outcome: np.ndarray  # [R, d]
    detail: dict[str, Any] = field(default_factory=dict)
    #: Row-0 position paths per dimension, ``[rounds + 1, n]`` (BdM only).
    trajectories: list[np.ndarray] | None = None


def _weights(sal: np.ndarray, cap: np.ndarray) -> np.ndarray:
    return cap[:, :, None] * sal


# --------------------------------------------------------------------------- compromise


def compromise(pos: np.ndarray, sal: np.ndarray, cap: np.ndarray) -> ModelOutput:
    r"""Compromise model: the capability × salience weighted mean.

    .. math:: \hat x_d = \frac{\sum_i c_i s_{id} x_{id}}{\sum_i c_i s_{id}}

    Achen (2006); Thomson, Stokman, Achen & König (eds., 2006) *The European
    Union Decides* — the strongest simple benchmark in that comparison.
    """
    w = _weights(sal, cap)
    out = (w * pos).sum(axis=1) / w.sum(axis=1)
    return ModelOutput(out, {"weights": "capability x salience"})


# --------------------------------------------------------------------------- median


def weighted_median(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    r"""Weighted median of each row of ``x`` (``[B, n]``) with weights ``w``.

    The minimiser of :math:`\sum_i w_i |x_i - y|`.  When the minimisers form an
    interval (the cumulative weight hits exactly half), the interval's midpoint
    is returned so that mirroring the scale mirrors the result.
    """
    order = np.argsort(x, axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    ws = np.take_along_axis(w, order, axis=-1)
    cw = np.cumsum(ws, axis=-1)
    total = cw[..., -1:]
    half = total / 2.0
    eps = 1e-12 * total
    lo = np.argmax(cw >= half - eps, axis=-1)
    hi = np.argmax(cw > half + eps, axis=-1)
    x_lo = np.take_along_axis(xs, lo[..., None], axis=-1)[..., 0]
    x_hi = np.take_along_axis(xs, hi[..., None], axis=-1)[..., 0]
    return 0.5 * (x_lo + x_hi)


def median(pos: np.ndarray, sal: np.ndarray, cap: np.ndarray) -> ModelOutput:
    r"""Median-voter model: the capability × salience weighted median.

    .. math:: \hat x_d = \arg\min_y \sum_i c_i s_{id} |x_{id} - y|

    In one dimension with single-peaked preferences this is the position no
    weighted majority can beat (Black 1948).
    """
    w = _weights(sal, cap)
    r, n, d = pos.shape
    xs = pos.transpose(0, 2, 1).reshape(r * d, n)
    ws = w.transpose(0, 2, 1).reshape(r * d, n)
    return ModelOutput(weighted_median(xs, ws).reshape(r, d), {"weights": "capability x salience"})


# --------------------------------------------------------------------------- Nash


def _phi(z: np.ndarray, eps: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Smoothed absolute value, its first and second derivative."""
    root = np.sqrt(z * z + eps * eps)
    return root - eps, z / root, (eps * eps) / (root**3)


def nash(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    status_quo: np.ndarray | None = None,
    *,
    max_newton: int = 40,
) -> ModelOutput:
    r"""Asymmetric Nash bargaining solution (Nash 1950; Kalai 1977).

    .. math::

        \hat x = \arg\max_x \sum_i c_i \log\bigl(u_i(x) - u_i(z_i)\bigr), \qquad
        u_i(x) = -\sum_d s_{id}\,|x_d - x_{id}|

    The disagreement point :math:`z_i` is the status quo on dimensions that have
    one and otherwise the actor's worst outcome: the end of the actors'
    position range farthest from its ideal.  The objective is concave; it is
    maximised by damped Newton steps on a smoothed loss
    :math:`\sqrt{t^2+\varepsilon^2}-\varepsilon` with :math:`\varepsilon` shrunk
    from 1e-2 to 1e-6 of the scale, all batch rows at once.  Without any point
    that every actor strictly prefers to disagreement, the forecast is the
    disagreement point itself (detail ``zopa: false``).
    """
    r, n, d = pos.shape
    y = pos / 100.0
    c = cap / cap.sum(axis=1, keepdims=True)
    lo, hi = y.min(axis=1), y.max(axis=1)  # [R, d]
    worst = np.where(
        np.abs(y - lo[:, None, :]) >= np.abs(y - hi[:, None, :]), lo[:, None, :], hi[:, None, :]
    )
    if status_quo is not None:
        sq = np.broadcast_to(status_quo / 100.0, (r, d))
        has = ~np.isnan(sq)
        z = np.where(has[:, None, :], np.nan_to_num(sq)[:, None, :], worst)
    else:
        has = np.zeros((r, d), dtype=bool)
        z = worst

    def g_of(x: np.ndarray, eps: float) -> tuple[np.ndarray, ...]:
        dz = x[:, None, :] - y
        f, f1, f2 = _phi(dz, eps)
        f0, _, _ = _phi(z - y, eps)
        g = (sal * (f0 - f)).sum(axis=2)  # u_i(x) - u_i(z_i), [R, n]
        return g, -sal * f1, -sal * f2

    def objective(g: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            val = (c * np.log(np.where(g > 0, g, np.nan))).sum(axis=1)
        return np.where(np.isnan(val), -np.inf, val)

    mean = (_weights(sal, cap) * y).sum(axis=1) / _weights(sal, cap).sum(axis=1)
    if status_quo is not None:
        z_sq = np.where(has, np.nan_to_num(np.broadcast_to(status_quo / 100.0, (r, d))), mean)
        starts = [z_sq + lam * (mean - z_sq) for lam in (1.0, 0.5, 0.25, 0.1, 0.03, 0.01, 1e-3)]
    else:
        starts = [mean]
    x = starts[0].copy()
    best = np.full(r, -np.inf)
    eps0 = 1e-2
    for cand in starts:
        gmin = g_of(cand, eps0)[0].min(axis=1)
        better = gmin > best
        x[better], best[better] = cand[better], gmin[better]
    feasible = best > 0
    ridge = 1e-12 * np.eye(d)
    for eps in (1e-2, 1e-3, 1e-4, 1e-5, 1e-6):
        g, dg, d2g = g_of(x, eps)
        fx = objective(g)
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
                gc = _gain_rows(cand, a[todo], y, sal, z, eps)
                fc = (ca[todo] * np.log(np.where(gc > 0, gc, np.nan))).sum(axis=1)
                ok = np.isfinite(fc) & (fc >= fa[todo] - 1e-15)
                idx = np.flatnonzero(todo)[ok]
                new_x[idx], new_f[idx] = cand[ok], fc[ok]
                accepted[idx] = True
                t[todo] *= 0.5
            moved = np.abs(new_x - xa).max(axis=1)
            x[a], fx[a] = new_x, new_f
            still = (moved > 1e-12) & accepted
            active[a[~still]] = False
            g, dg, d2g = g_of(x, eps)
    out = np.where(feasible[:, None], x, z_sq if status_quo is not None else x) * 100.0
    detail: dict[str, Any] = {
        "disagreement": ["status quo" if h else "worst outcome" for h in has[0]],
        "zopa": bool(feasible[0]),
    }
    return ModelOutput(out, detail)


def _gain_rows(
    x: np.ndarray, rows: np.ndarray, y: np.ndarray, sal: np.ndarray, z: np.ndarray, eps: float
) -> np.ndarray:
    """Utility gains over disagreement for a subset of batch rows (used by the Nash line search)."""
    f, _, _ = _phi(x[:, None, :] - y[rows], eps)
    f0, _, _ = _phi(z[rows] - y[rows], eps)
    return (sal[rows] * (f0 - f)).sum(axis=2)


# --------------------------------------------------------------------------- BdM


@dataclass(slots=True)
class BdmOptions:
    """Choices in the expected-utility model (see ``docs/bargain.md``).

    ``q``: probability the status quo holds if no challenge is made;
    ``t``: probability that, if it does not hold, things move in the actor's
    favour.  ``max_rounds`` caps the bargaining; a round in which no actor moves
    farther than ``tol`` (a share of the position range) ends it.
    """

    q: float = 1.0
    t: float = 1.0
    max_rounds: int = 500
    tol: float = 1e-3


def _win_prob_direct(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    # v[b, k, i, j]: k's weighted vote for i against j.
    dist = np.abs(x[:, :, None] - x[:, None, :])  # [B, k, i]
    v = w[:, :, None, None] * (dist[:, :, None, :] - dist[:, :, :, None])
    num = np.clip(v, 0.0, None).sum(axis=1)
    den = np.abs(v).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.5)


class _Buffers:
    """Scratch arrays reused from round to round.

    A BdM round rebuilds several ``[B, n, n]`` arrays; allocating them afresh
    every round costs more than the arithmetic once they outgrow the
    allocator's small-block pool (a few hundred actors).
    """

    def __init__(self) -> None:
        self._arrays: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...], dtype: Any = float) -> np.ndarray:
        """An uninitialised array called *name* of this shape and dtype."""
        arr = self._arrays.get(name)
        if arr is None or arr.shape != shape or arr.dtype != np.dtype(dtype):
            arr = self._arrays[name] = np.empty(shape, dtype=dtype)
        return arr


@functools.lru_cache(maxsize=32)
def _pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs i < j (cached: the same n recurs every round)."""
    return np.triu_indices(n, 1)


def _win_prob_presorted(xs: np.ndarray, ws: np.ndarray, buf: _Buffers | None = None) -> np.ndarray:
    """Win probabilities for rows whose positions ``xs`` are sorted ascending.

    O(n² log n) per row with prefix sums: for a pair at a <= b with midpoint m,
    voter k's margin for the actor at a is ``b - a`` at or left of a,
    ``-(b - a)`` at or right of b and ``2(m - x_k)`` in between, so both sums
    split into prefix-sum ranges.  Only pairs i < j are computed; for distinct
    positions ``P_ji = 1 - P_ij``.
    """
    bsz, n = xs.shape
    zero = np.zeros((bsz, 1))
    cw = np.concatenate([zero, np.cumsum(ws, axis=1)], axis=1)
    cx = np.concatenate([zero, np.cumsum(ws * xs, axis=1)], axis=1)
    iu, ju = _pairs(n)
    a, b = xs[:, iu], xs[:, ju]
    m = 0.5 * (a + b)
    if n <= 48:
        # Few actors: counting by comparison beats binary search on many rows.
        le = (xs[:, None, :] <= xs[:, :, None]).sum(axis=2)
        lt = (xs[:, None, :] < xs[:, :, None]).sum(axis=2)
        m_idx = (xs[:, None, :] <= m[:, :, None]).sum(axis=2)
    elif bsz == 1:
        le = np.searchsorted(xs[0], xs[0], side="right")[None]
        lt = np.searchsorted(xs[0], xs[0], side="left")[None]
        m_idx = np.searchsorted(xs[0], m[0], side="right")[None]
    else:
        # Rows live in [0, 1]; shifting row r by 4r lets one search serve all rows.
        offset = 4.0 * np.arange(bsz)[:, None]
        flat = (xs + offset).ravel()
        base = (np.arange(bsz) * n)[:, None]
        le = np.searchsorted(flat, flat, side="right").reshape(bsz, n) - base
        lt = np.searchsorted(flat, flat, side="left").reshape(bsz, n) - base
        m_idx = np.searchsorted(flat, (m + offset).ravel(), side="right").reshape(m.shape) - base
    # Gathers through flat indices: much cheaper than two-array fancy indexing.
    row0 = (np.arange(bsz) * (n + 1))[:, None]
    cwf, cxf = cw.ravel(), cx.ravel()
    ia, ib, im = (le[:, iu] + row0).ravel(), (lt[:, ju] + row0).ravel(), (m_idx + row0).ravel()
    shape = m.shape
    cw_a, cx_a = cwf.take(ia).reshape(shape), cxf.take(ia).reshape(shape)
    cw_b, cx_b = cwf.take(ib).reshape(shape), cxf.take(ib).reshape(shape)
    cw_m, cx_m = cwf.take(im).reshape(shape), cxf.take(im).reshape(shape)
    span = b - a
    left_mid = 2.0 * (m * (cw_m - cw_a) - (cx_m - cx_a))
    den = span * (cw_a + cw[:, -1:] - cw_b) + left_mid + 2.0 * ((cx_b - cx_m) - m * (cw_b - cw_m))
    ok = (span > 0) & (den > 1e-300)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(ok, (span * cw_a + left_mid) / np.where(ok, den, 1.0), 0.5)
    out = (buf or _Buffers()).get("prob", (bsz, n, n))
    out.fill(0.5)
    out[:, iu, ju] = p
    out[:, ju, iu] = np.where(ok, 1.0 - p, 0.5)
    return out


def _win_prob_sorted(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """:func:`_win_prob_presorted` for rows in any order."""
    order = np.argsort(x, axis=1, kind="stable")
    ps = _win_prob_presorted(
        np.take_along_axis(x, order, axis=1), np.take_along_axis(w, order, axis=1)
    )
    inv = np.argsort(order, axis=1)
    ps = np.take_along_axis(ps, inv[:, :, None], axis=1)
    return np.take_along_axis(ps, inv[:, None, :], axis=2)


def win_probabilities(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    r"""``P[b, i, j]``: probability that *i* prevails over *j* in a contest.

    .. math::

        P^i_{ij} = \frac{\sum_{k:\,v_k > 0} v_k}{\sum_k |v_k|},\qquad
        v_k = c_k s_k\,(|x_k - x_j| - |x_k - x_i|)

    summed over all actors k, the contestants included (Scholz et al. 2011,
    following Bueno de Mesquita 1994).
    """
    return _win_prob_sorted(x, w)


def _expected_utility(
    x: np.ndarray,
    prob: np.ndarray,
    s: np.ndarray,
    r: np.ndarray | None,
    mu: np.ndarray,
    opts: BdmOptions,
    d: np.ndarray | None = None,
) -> np.ndarray:
    r"""``E[b, i, j]`` = :math:`E^i(U_{ij})`, i's expected utility of challenging j.

    .. math::

        E^i(U_{ij}) = s_j\,[P^i U^i_s + (1-P^i) U^i_f] + (1-s_j)\,U^i_s
                      - Q\,U^i_{sq} - (1-Q)\,[T\,U^i_b + (1-T)\,U^i_w]
    """
    if d is None:
        d = np.abs(x[:, :, None] - x[:, None, :])
    rr = 1.0 if r is None else r[:, :, None]
    usq: float | np.ndarray
    if r is None:
        us, uf, usq = 2.0 * d, -2.0 * d, 0.0
    else:
        # exp(r log b) is about twice as fast as b ** r on these arrays.
        with np.errstate(divide="ignore"):
            us = 2.0 - 4.0 * np.exp(rr * np.log(0.5 - 0.5 * d))
        uf = 2.0 - 4.0 * np.exp(rr * np.log(0.5 + 0.5 * d))
        usq = 2.0 - 4.0 * 0.5**rr
    # s_j [P U_s + (1-P) U_f] + (1-s_j) U_s  ==  U_s - s_j (1-P)(U_s - U_f)
    eu = us - s[:, None, :] * (1.0 - prob) * (us - uf) - opts.q * usq
    if opts.q < 1.0:
        shift = 0.25 * (np.abs(x - mu[:, None])[:, :, None] + d)
        ub = 2.0 - 4.0 * np.clip(0.5 - shift, 0.0, None) ** rr
        uw = 2.0 - 4.0 * (0.5 + shift) ** rr
        eu = eu - (1.0 - opts.q) * (opts.t * ub + (1.0 - opts.t) * uw)
    # No contest with oneself or with an actor already at the same position.
    return np.where(d > 0, eu, 0.0)


def _risk_exponents(eu: np.ndarray) -> np.ndarray:
    r"""Risk exponents :math:`r_i \in [1/2, 2]` from each actor's exposure.

    :math:`S_i = \sum_{j \ne i} E^j(U_{ji})` is what the others expect to gain by
    challenging i; :math:`R_i = (2S_i - S_{max} - S_{min})/(S_{max} - S_{min})`
    and :math:`r_i = (1 - R_i/3)/(1 + R_i/3)`.
    """
    exposure = eu.sum(axis=1)  # column sums: others challenging i
    smax = exposure.max(axis=1, keepdims=True)
    smin = exposure.min(axis=1, keepdims=True)
    spread = smax - smin
    with np.errstate(invalid="ignore", divide="ignore"):
        big_r = np.where(
            spread > 1e-15,
            (2 * exposure - smax - smin) / np.where(spread > 1e-15, spread, 1.0),
            0.0,
        )
    return (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)


#: Move types recorded per round.
MOVE_TYPES = ("confrontation", "compromise", "capitulation")


def _eu_challenge(
    d: np.ndarray,
    t: np.ndarray,
    r: np.ndarray,
    x: np.ndarray,
    mu: np.ndarray,
    opts: BdmOptions,
    buf: _Buffers,
) -> np.ndarray:
    """:func:`_expected_utility` written in place, given ``t = s_j (1 - P)``.

    The round's pair arrays are rebuilt every round; fewer temporaries means far
    fewer fresh pages from the allocator, which dominates at a few hundred actors.
    """
    rr = r[:, :, None]
    us = np.multiply(d, -0.5, out=buf.get("us", d.shape))
    us += 0.5
    with np.errstate(divide="ignore"):
        np.log(us, out=us)  # log 0 = -inf gives exp(-inf) = 0: the d = 1 case
    us *= rr
    np.exp(us, out=us)
    us *= -4.0
    us += 2.0
    uf = np.multiply(d, 0.5, out=buf.get("uf", d.shape))
    uf += 0.5
    np.log(uf, out=uf)
    uf *= rr
    np.exp(uf, out=uf)
    uf *= -4.0
    uf += 2.0
    # U_s - s_j (1 - P) (U_s - U_f) - Q U_sq
    uf -= us
    uf *= t
    us += uf
    us -= (opts.q * (2.0 - 4.0 * 0.5**r))[:, :, None]
    if opts.q < 1.0:
        shift = 0.25 * (np.abs(x - mu[:, None])[:, :, None] + d)
        ub = 2.0 - 4.0 * np.clip(0.5 - shift, 0.0, None) ** rr
        uw = 2.0 - 4.0 * (0.5 + shift) ** rr
        us -= (1.0 - opts.q) * (opts.t * ub + (1.0 - opts.t) * uw)
    us[d <= 0] = 0.0
    return us


def bdm_round(
    x: np.ndarray, c: np.ndarray, s: np.ndarray, opts: BdmOptions, buf: _Buffers | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One round of the expected-utility model on rows ``x`` (``[B, n]``, in [0, 1]).

    Returns the new positions, the accepted move type per actor (0 none,
    1 confrontation, 2 compromise, 3 capitulation) and the weighted median
    the round started from.
    """
    # Work on positions sorted per row (the win probabilities need that order) and
    # put the actors back in place at the end.
    order = np.argsort(x, axis=1, kind="stable")
    xs = np.take_along_axis(x, order, axis=1)
    cs = np.take_along_axis(c, order, axis=1)
    ss = np.take_along_axis(s, order, axis=1)
    w = cs * ss
    mu = weighted_median(xs, w)
    buf = buf or _Buffers()
    prob = _win_prob_presorted(xs, w, buf)
    pair = prob.shape
    if opts.q < 1.0:
        prob_kept = prob.copy()
    t = np.subtract(1.0, prob, out=prob)
    t *= ss[:, None, :]  # t = s_j (1 - P^i_ij)
    dist = np.subtract(xs[:, :, None], xs[:, None, :], out=buf.get("dist", pair))
    np.abs(dist, out=dist)
    # Risk exponents from the r = 1 utilities: there E^i(U_ij) = 2d (1 - 2 s_j (1 - P)).
    if opts.q < 1.0:
        eu1 = _expected_utility(xs, prob_kept, ss, None, mu, opts, dist)
    else:
        eu1 = np.multiply(t, -2.0, out=buf.get("eu1", pair))
        eu1 += 1.0
        eu1 *= dist
        eu1 *= 2.0
    r = _risk_exponents(eu1)
    ei = _eu_challenge(dist, t, r, xs, mu, opts, buf)  # [b, i, j]: i challenging j
    ej = ei.transpose(0, 2, 1)  # [b, i, j]: challenger j's expected utility against i
    # Offers to receiver i from every j that expects to gain by challenging it:
    # confrontation (both would challenge; the larger expectation wins), compromise
    # (i loses less than j gains: i moves the share |E^i|/E^j of the way) or
    # capitulation (i moves all the way).  ``move`` is how far i would move.
    challenged = ej > 0
    resist = ei > 0
    confront = challenged & resist & (ej > ei)
    yield_ = challenged & ~resist
    capit = yield_ & (ei + ej <= 0)
    comp = yield_ & ~capit
    move = buf.get("move", pair)
    move.fill(1.0)
    np.divide(ei, ej, out=move, where=comp)
    np.negative(move, out=move, where=comp)
    move *= dist
    move[~(confront | yield_)] = np.inf
    move[move <= 0] = np.inf
    best = np.argmin(move, axis=2)[:, :, None]  # the offer that moves the receiver least
    step = np.take_along_axis(move, best, axis=2)[:, :, 0]
    has = np.isfinite(step)
    toward = np.sign(np.take_along_axis(xs, best[:, :, 0], axis=1) - xs)
    new_xs = np.where(has, xs + toward * np.where(has, step, 0.0), xs)
    kind = np.full(ei.shape, 3, dtype=np.int8)
    kind[comp] = 2
    kind[confront] = 1
    kinds_s = np.where(has, np.take_along_axis(kind, best, axis=2)[:, :, 0], 0)
    rows = np.arange(x.shape[0])[:, None]
    new_x = np.empty_like(x)
    kinds = np.empty_like(kinds_s)
    new_x[rows, order] = new_xs
    kinds[rows, order] = kinds_s
    return new_x, kinds, mu


def _weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return (w * x).sum(axis=1) / w.sum(axis=1)


def _bdm_rows(
    x0: np.ndarray, c: np.ndarray, s: np.ndarray, opts: BdmOptions, track: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
    """Iterate rows to convergence; returns final x, rounds, converged, history."""
    bsz, n = x0.shape
    x = x0.copy()
    rounds = np.zeros(bsz, dtype=int)
    converged = np.zeros(bsz, dtype=bool)
    w = c * s
    hist: dict[str, Any] = {
        "positions": [x[:track].copy()],
        "median": [weighted_median(x[:track], w[:track])],
        "mean": [_weighted_mean(x[:track], w[:track])],
        "moves": [],
    }
    # Rows whose actors all stand at one point have nothing to bargain about.
    converged |= (x.max(axis=1) - x.min(axis=1)) <= opts.tol
    buf = _Buffers()
    for rnd in range(1, opts.max_rounds + 1):
        act = np.flatnonzero(~converged)
        if act.size == 0:
            break
        if act.size == bsz:  # nothing settled yet: skip the gathers
            new_x, kinds, _ = bdm_round(x, c, s, opts, buf)
            delta = np.abs(new_x - x).max(axis=1)
            x = new_x
        else:
            new_x, kinds, _ = bdm_round(x[act], c[act], s[act], opts, buf)
            delta = np.abs(new_x - x[act]).max(axis=1)
            x[act] = new_x
        rounds[act] = rnd
        converged[act[delta <= opts.tol]] = True
        if track and (rounds[:track] == rnd).any():
            tracked = act < track
            counts = np.zeros((track, len(MOVE_TYPES)), dtype=int)
            for t_i in range(1, len(MOVE_TYPES) + 1):
                counts[act[tracked], t_i - 1] = (kinds[tracked] == t_i).sum(axis=1)
            hist["positions"].append(x[:track].copy())
            hist["median"].append(weighted_median(x[:track], w[:track]))
            hist["mean"].append(_weighted_mean(x[:track], w[:track]))
            hist["moves"].append(counts)
    return x, rounds, converged, hist


def bdm(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    options: BdmOptions | None = None,
) -> ModelOutput:
    r"""Bueno de Mesquita's expected-utility model (Scholz, Calbert & Smith 2011).

    Each dimension is bargained separately.  Positions are rescaled to [0, 1]
    over the actors' initial range.  Every round: the weighted median
    :math:`\mu` is found; win probabilities from weighted pairwise votes; the
    expected utility of challenging every other actor, first with risk
    exponents 1 and then with exponents derived from each actor's exposure;
    then every challenge with positive expected utility is an offer, resolved
    as confrontation (both sides would challenge: the larger expected utility
    wins and the loser moves to the winner's position), compromise (the target
    would lose less than the challenger gains: it moves the fraction
    :math:`|E^i|/E^j` of the way) or capitulation (it would lose at least as
    much: it moves all the way).  Each actor takes the offer that moves it
    least; all moves happen at once.  Rounds repeat until nobody moves or
    ``max_rounds``.  The forecast is the final weighted median.
    """
    opts = options or BdmOptions()
    r, n, d = pos.shape
    xs = pos.transpose(0, 2, 1).reshape(r * d, n)
    ss = sal.transpose(0, 2, 1).reshape(r * d, n)
    cs = np.repeat(cap, d, axis=0)
    lo = xs.min(axis=1, keepdims=True)
    span = xs.max(axis=1, keepdims=True) - lo
    span_safe = np.where(span > 0, span, 1.0)
    x0 = (xs - lo) / span_safe
    # Bound memory: pair arrays are [rows, n, n].
    chunk = max(1, int(4_000_000 // max(1, n * n)))
    finals, rounds_all, conv_all = [], [], []
    per_dim: list[dict[str, Any]] = []
    for start in range(0, r * d, chunk):
        stop = min(r * d, start + chunk)
        track = max(0, min(d, stop) - start)
        xf, rounds, conv, h = _bdm_rows(x0[start:stop], cs[start:stop], ss[start:stop], opts, track)
        for t in range(track):
            nr = int(rounds[t])
            per_dim.append(
                {
                    "path": np.stack([p[t] for p in h["positions"]])[: nr + 1],
                    "median": [v[t] for v in h["median"]][: nr + 1],
                    "mean": [v[t] for v in h["mean"]][: nr + 1],
                    "moves": [mv[t] for mv in h["moves"]][:nr],
                }
            )
        finals.append(xf)
        rounds_all.append(rounds)
        conv_all.append(conv)
    xf = np.concatenate(finals)
    w = cs * ss
    med = weighted_median(xf, w)
    outcome = (lo[:, 0] + span[:, 0] * med).reshape(r, d)
    rounds = np.concatenate(rounds_all)
    conv = np.concatenate(conv_all)
    trajectories: list[np.ndarray] = []
    dims_detail = []
    for k in range(d):
        base, width = float(lo[k, 0]), float(span[k, 0])
        h = per_dim[k]
        trajectories.append(base + width * h["path"])
        dims_detail.append(
            {
                "rounds": int(rounds[k]),
                "converged": bool(conv[k]),
                "median": [round(base + width * float(v), 6) for v in h["median"]],
                "mean": [round(base + width * float(v), 6) for v in h["mean"]],
                "moves": [dict(zip(MOVE_TYPES, map(int, mv), strict=True)) for mv in h["moves"]],
            }
        )
    detail = {
        "q": opts.q,
        "t": opts.t,
        "max_rounds": opts.max_rounds,
        "dimensions": dims_detail,
        "runs_converged": float(conv.reshape(r, d).all(axis=1).mean()),
    }
    return ModelOutput(outcome, detail, trajectories)


# --------------------------------------------------------------------------- exchange


@dataclass(slots=True)
class ExchangeOptions:
    """Limits of the exchange model: rounds, and the smallest gain worth trading."""

    max_rounds: int = 10
    min_gain: float = 1e-6
    #: Candidate trades kept per ordered dimension pair and round (large scenarios).
    per_pair: int = 4096


def _exchange_one(
    x: np.ndarray, s: np.ndarray, c: np.ndarray, opts: ExchangeOptions, record: bool
) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """Greedy position exchanges on one scenario; returns final positions and trades."""
    n, d = x.shape
    x = x.copy()
    w = c[:, None] * s
    wsum = w.sum(axis=0)
    trades: list[dict[str, Any]] = []
    if d < 2:
        return x, trades
    for rnd in range(1, opts.max_rounds + 1):
        out = (w * x).sum(axis=0) / wsum
        side = np.sign(x - out)
        reach = np.abs(x - out) * w / wsum  # outcome shift if the actor moved onto it
        cands: list[np.ndarray] = []
        for a in range(d):
            for b in range(d):
                if a == b:
                    continue
                # i concedes on a, j concedes on b.
                opp = (side[:, None, a] * side[None, :, a] < 0) & (
                    side[:, None, b] * side[None, :, b] < 0
                )
                sia, sib = s[:, None, a], s[:, None, b]
                sja, sjb = s[None, :, a], s[None, :, b]
                num = sib * sja - sia * sjb
                denom = sib + sjb
                ok = opp & (num > 0) & (denom > 0)
                if not ok.any():
                    continue
                with np.errstate(invalid="ignore", divide="ignore"):
                    kappa = np.where(ok, (sia + sja) / np.where(ok, denom, 1.0), 0.0)
                    shift_a = np.minimum(
                        reach[:, None, a], np.where(kappa > 0, reach[None, :, b] / kappa, 0.0)
                    )
                    gain = np.where(ok, shift_a * num / np.where(ok, denom, 1.0), 0.0)
                flat = gain.ravel()
                keep = np.flatnonzero(flat > opts.min_gain)
                if keep.size > opts.per_pair:
                    keep = keep[np.argpartition(-flat[keep], opts.per_pair)[: opts.per_pair]]
                if keep.size == 0:
                    continue
                ii, jj = np.divmod(keep, n)
                cands.append(
                    np.stack(
                        [
                            flat[keep],
                            ii,
                            jj,
                            np.full(keep.size, a),
                            np.full(keep.size, b),
                            shift_a.ravel()[keep],
                            kappa.ravel()[keep],
                        ],
                        axis=1,
                    )
                )
        if not cands:
            break
        allc = np.concatenate(cands)
        # Largest gain first; ties broken by actor and dimension order for determinism.
        order = np.lexsort((allc[:, 4], allc[:, 3], allc[:, 2], allc[:, 1], -allc[:, 0]))
        used = np.zeros((n, d), dtype=bool)
        made = 0
        for row in allc[order]:
            g, i, j, a, b = row[0], int(row[1]), int(row[2]), int(row[3]), int(row[4])
            if used[i, a] or used[j, b]:
                continue
            shift_a, kappa = row[5], row[6]
            da = shift_a * wsum[a] / w[i, a]
            db = kappa * shift_a * wsum[b] / w[j, b]
            xa_old, xb_old = x[i, a], x[j, b]
            x[i, a] -= side[i, a] * da
            x[j, b] -= side[j, b] * db
            used[i, a] = used[j, b] = True
            made += 1
            if record:
                trades.append(
                    {
                        "round": rnd,
                        "actor": i,
                        "concedes_on": a,
                        "from": float(xa_old),
                        "to": float(x[i, a]),
                        "partner": j,
                        "partner_concedes_on": b,
                        "partner_from": float(xb_old),
                        "partner_to": float(x[j, b]),
                        "gain_each": float(g),
                    }
                )
        if made == 0:
            break
    return x, trades


def _exchange_batch(
    x: np.ndarray, s: np.ndarray, c: np.ndarray, opts: ExchangeOptions
) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """:func:`_exchange_one` for many runs at once, stepping through the ranked trades.

    Candidates are laid out actor-major (i, j, then dimension pair) so that a
    stable sort on gain breaks ties exactly as the single-run version does.
    """
    r, n, d = x.shape
    x = x.copy()
    trades: list[dict[str, Any]] = []
    if d < 2:
        return x, trades
    w = c[:, :, None] * s
    wsum = w.sum(axis=1)  # [R, d]
    pairs = [(a, b) for a in range(d) for b in range(d) if a != b]
    pa = np.array([p[0] for p in pairs])
    pb = np.array([p[1] for p in pairs])
    rows = np.arange(r)
    grid = np.meshgrid(np.arange(n), np.arange(n), np.arange(len(pairs)), indexing="ij")
    ii, jj, kk = (g.ravel() for g in grid)
    cand_a, cand_b = pa[kk], pb[kk]
    active = np.ones(r, dtype=bool)
    for rnd in range(1, opts.max_rounds + 1):
        out = (w * x).sum(axis=1) / wsum
        side = np.sign(x - out[:, None, :])
        reach = np.abs(x - out[:, None, :]) * w / wsum[:, None, :]
        # [R, i, j, pair] quantities for i conceding on a and j conceding on b.
        sia, sib = s[:, :, None, pa], s[:, :, None, pb]
        sja, sjb = s[:, None, :, pa], s[:, None, :, pb]
        opp = (side[:, :, None, pa] * side[:, None, :, pa] < 0) & (
            side[:, :, None, pb] * side[:, None, :, pb] < 0
        )
        num = sib * sja - sia * sjb
        denom = sib + sjb
        ok = opp & (num > 0) & (denom > 0) & active[:, None, None, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            kappa = np.where(ok, (sia + sja) / np.where(ok, denom, 1.0), 0.0)
            shift = np.minimum(
                reach[:, :, None, pa], np.where(kappa > 0, reach[:, None, :, pb] / kappa, 0.0)
            )
            gain = np.where(ok, shift * num / np.where(ok, denom, 1.0), 0.0)
        gain, shift, kappa = gain.reshape(r, -1), shift.reshape(r, -1), kappa.reshape(r, -1)
        order = np.argsort(-gain, axis=1, kind="stable")
        gain = np.take_along_axis(gain, order, axis=1)
        valid = gain > opts.min_gain
        steps = int(valid.sum(axis=1).max()) if valid.any() else 0
        if steps == 0:
            break
        used = np.zeros((r, n, d), dtype=bool)
        made = np.zeros(r, dtype=int)
        for p in range(steps):
            idx = order[:, p]
            i, j, a, b = ii[idx], jj[idx], cand_a[idx], cand_b[idx]
            go = valid[:, p] & ~used[rows, i, a] & ~used[rows, j, b]
            if not go.any():
                continue
            g_rows = np.flatnonzero(go)
            gi, gj, ga, gb = i[go], j[go], a[go], b[go]
            sh, kp = shift[g_rows, idx[go]], kappa[g_rows, idx[go]]
            da = sh * wsum[g_rows, ga] / w[g_rows, gi, ga]
            db = kp * sh * wsum[g_rows, gb] / w[g_rows, gj, gb]
            if go[0]:
                i0, j0, a0, b0 = int(i[0]), int(j[0]), int(a[0]), int(b[0])
                trades.append(
                    {
                        "round": rnd,
                        "actor": i0,
                        "concedes_on": a0,
                        "from": float(x[0, i0, a0]),
                        "to": float(x[0, i0, a0] - side[0, i0, a0] * da[0]),
                        "partner": j0,
                        "partner_concedes_on": b0,
                        "partner_from": float(x[0, j0, b0]),
                        "partner_to": float(x[0, j0, b0] - side[0, j0, b0] * db[0]),
                        "gain_each": float(gain[0, p]),
                    }
                )
            x[g_rows, gi, ga] -= side[g_rows, gi, ga] * da
            x[g_rows, gj, gb] -= side[g_rows, gj, gb] * db
            used[g_rows, gi, ga] = True
            used[g_rows, gj, gb] = True
            made[g_rows] += 1
        active &= made > 0
        if not active.any():
            break
    return x, trades


def exchange(
    pos: np.ndarray, sal: np.ndarray, cap: np.ndarray, options: ExchangeOptions | None = None
) -> ModelOutput:
    r"""Position-exchange (vote-trading) model after Stokman & Van Oosten (1994).

    The expected outcome on each dimension is the compromise point
    :math:`O_d`.  Actors *i* and *j* can trade when they stand on opposite sides
    of :math:`O_a` and of :math:`O_b` and value the two issues differently:
    :math:`s_{ib}s_{ja} > s_{ia}s_{jb}`.  *i* concedes on *a* (moving toward
    :math:`O_a`), *j* concedes on *b*; outcome shifts are
    :math:`\Delta O_a = \delta_a w_{ia}/W_a`, and the rates are set so that both
    gain equally (Arregui, Stokman & Thomson 2006):
    :math:`\Delta O_b = \Delta O_a (s_{ia}+s_{ja})/(s_{ib}+s_{jb})`, giving each
    :math:`G = \Delta O_a (s_{ib}s_{ja} - s_{ia}s_{jb})/(s_{ib}+s_{jb})`.  The
    trade is as large as possible without either actor moving past the
    expected outcome.  Each round realises trades in order of gain, each
    actor-dimension position conceding at most once; rounds repeat until no
    trade gains.  The forecast is the compromise point of the final positions.
    """
    opts = options or ExchangeOptions()
    r, n, d = pos.shape
    # Runs go through in lockstep batches sized to bound the candidate arrays;
    # a scenario too large for even two runs at once is traded run by run,
    # keeping only the best candidates per issue pair.
    per_run = max(1, n * n * d * (d - 1))
    chunk = max(1, 4_000_000 // per_run)
    finals = np.empty_like(pos)
    trades: list[dict[str, Any]] = []
    for start in range(0, r, chunk):
        stop = min(r, start + chunk)
        if stop - start > 1:
            finals[start:stop], t = _exchange_batch(
                pos[start:stop], sal[start:stop], cap[start:stop], opts
            )
        else:
            finals[start], t = _exchange_one(pos[start], sal[start], cap[start], opts, start == 0)
        if start == 0:
            trades = t
    res = compromise(finals, sal, cap)
    return ModelOutput(
        res.outcome, {"trades": trades, "positions_after": finals[0].round(6).tolist()}
    )
