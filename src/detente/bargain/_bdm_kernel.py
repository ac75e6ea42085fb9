r"""Compiled inner loop of the default BdM round (numba), one row per thread.

The NumPy formulation of a round builds a dozen ``[rows, n, n]`` pair arrays;
at 160 actors that is memory traffic, not arithmetic.  This kernel walks the
pairs once per pass with a few scalars and per-row work vectors of length n,
so memory is O(rows × n) whatever the number of actors.  It computes exactly
the equations of :func:`detente.bargain.bdm.round_default` (its NumPy twin,
kept as the readable reference and checked against this kernel in the tests).

Pairs are visited as i < j in sorted order; the midpoint of (x_i, x_j) grows
with j, so the number of voters left of it is found by a pointer that only
moves forward (no binary search).

When the pair probabilities fit in memory (up to 2,048 actors), the second pass
walks each receiver's challengers from the nearest outwards and skips, before
any exp/log, every offer whose move provably cannot be smaller than the best one
found so far (see :func:`_receive`): about 98 % of them at 160 actors.  Above
that size the pair loop recomputes the probabilities and shares
``log(1/2 ± d/2)`` between both receivers of a pair.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from numba import get_thread_id, njit, prange

from detente.bargain.bdm import SAME_POINT

_NO_OFFER = 0.7072  # just above 1/sqrt(2)


@njit(cache=True, inline="always")
def _p_low(a, b, lo, hi, im, cw, cx, le, lt, total):  # type: ignore[no-untyped-def]
    """Probability that the actor at a (<= b) beats the one at b (eq. 2, prefix sums)."""
    span = b - a
    if span <= 0.0:
        return 0.5
    m = 0.5 * (a + b)
    cw_a, cx_a = cw[le[lo]], cx[le[lo]]
    cw_b, cx_b = cw[lt[hi]], cx[lt[hi]]
    cw_m, cx_m = cw[im], cx[im]
    left_mid = 2.0 * (m * (cw_m - cw_a) - (cx_m - cx_a))
    den = span * (cw_a + total - cw_b) + left_mid + 2.0 * ((cx_b - cx_m) - m * (cw_b - cw_m))
    if den <= 1e-300:
        return 0.5
    return (span * cw_a + left_mid) / den


@njit(cache=True)
def _one_row(row, xs, w, rho, q, t, mu, new_xs, kinds, fwork, iwork, ps, keep, phi):  # type: ignore[no-untyped-def]
    """One default-variant round for batch row *row*; ``ps`` is this thread's scratch."""
    n = xs.shape[1]
    x = xs[row]
    ww = w[row]
    rh = rho[row]
    mu_r = mu[row]
    cw = fwork[row, 0]
    cx = fwork[row, 1]
    ex = fwork[row, 2]
    r = fwork[row, 3]
    usq = fwork[row, 4]
    bst = fwork[row, 5]
    le = iwork[row, 0]
    lt = iwork[row, 1]
    target = iwork[row, 2]
    cw[0] = 0.0
    cx[0] = 0.0
    for k in range(n):
        cw[k + 1] = cw[k] + ww[k]
        cx[k + 1] = cx[k] + ww[k] * x[k]
    total = cw[n]
    # Voters at or left of / strictly left of each position (x is sorted).
    k = 0
    for i in range(n):
        while k < n and x[k] <= x[i]:
            k += 1
        le[i] = k
    k = 0
    for i in range(n):
        while k < n and x[k] < x[i]:
            k += 1
        lt[i] = k
    for i in range(n):
        ex[i] = 0.0
    # Pass 1 (eq. 5): exposures with r = 1, E^i(U_ij) = 2d(1 - 2 rho_j (1 - P_ij)).
    for i in range(n):
        im = le[i]
        for j in range(i + 1, n):
            d = x[j] - x[i]
            if d <= 0.0:
                continue
            m = 0.5 * (x[i] + x[j])
            while im < n and x[im] <= m:
                im += 1
            p = _p_low(x[i], x[j], i, j, im, cw, cx, le, lt, total)
            if keep:
                ps[i, j] = p
            e_ij = 2.0 * d * (1.0 - 2.0 * rh[j] * (1.0 - p))
            e_ji = 2.0 * d * (1.0 - 2.0 * rh[i] * p)
            if q < 1.0:
                e_ij -= _sq_term(abs(x[i] - mu_r), d, 1.0, q, t)
                e_ji -= _sq_term(abs(x[j] - mu_r), d, 1.0, q, t)
            ex[j] += e_ij
            ex[i] += e_ji
    smax = ex[0]
    smin = ex[0]
    for i in range(n):
        smax = max(smax, ex[i])
        smin = min(smin, ex[i])
    spread = smax - smin
    for i in range(n):
        big_r = (2.0 * ex[i] - smax - smin) / spread if spread > 1e-15 else 0.0
        r[i] = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)
        usq[i] = q * (2.0 - 4.0 * 0.5 ** r[i])  # Q U_sq from i's view
    for i in range(n):
        bst[i] = math.inf
        target[i] = i
        kinds[row, i] = 0
    # Pass 2 (eq. 4, 6, 7): offers to each receiver, both sides in the receiver's view.
    if keep:
        for i in range(n):
            _receive(i, x, ps, r, usq, rh, q, t, mu_r, bst, target, kinds[row], phi)
    else:
        for i in range(n):
            im = le[i]
            for j in range(i + 1, n):
                d = x[j] - x[i]
                if d <= 0.0:
                    continue
                m = 0.5 * (x[i] + x[j])
                while im < n and x[im] <= m:
                    im += 1
                p = _p_low(x[i], x[j], i, j, im, cw, cx, le, lt, total)
                # With Q = 1, E^j(U_ji) > 0 needs rho_i P_ji below (1/2^r - a^r)/(b^r - a^r),
                # which never exceeds 1/sqrt(2): skip offers that cannot be made.
                skip_i = q == 1.0 and rh[i] * p >= _NO_OFFER
                skip_j = q == 1.0 and rh[j] * (1.0 - p) >= _NO_OFFER
                if skip_i and skip_j:
                    continue
                l_s = math.log(0.5 - 0.5 * d) if d < 1.0 else -math.inf
                l_f = math.log(0.5 + 0.5 * d)
                # receiver i (lower), challenger j: P_ij = p
                if not skip_i:
                    _offer(
                        i,
                        j,
                        p,
                        d,
                        l_s,
                        l_f,
                        r[i],
                        usq[i],
                        rh[i],
                        rh[j],
                        q,
                        t,
                        x,
                        mu_r,
                        bst,
                        target,
                        kinds[row],
                    )
                # receiver j (upper), challenger i: P_ji = 1 - p
                if not skip_j:
                    _offer(
                        j,
                        i,
                        1.0 - p,
                        d,
                        l_s,
                        l_f,
                        r[j],
                        usq[j],
                        rh[j],
                        rh[i],
                        q,
                        t,
                        x,
                        mu_r,
                        bst,
                        target,
                        kinds[row],
                    )
    for i in range(n):
        if math.isfinite(bst[i]):
            step = bst[i] if x[target[i]] > x[i] else -bst[i]
            new_xs[row, i] = x[i] + step
        else:
            new_xs[row, i] = x[i]
            kinds[row, i] = 0


def phi_bounds(n_r: int = 64, n_d: int = 64) -> np.ndarray:
    """Bounds ``[2, n_r, n_d]`` (low, high) on phi(r, d) = (2^-r - a^r) / (b^r - a^r),
    a, b = (1 -+ d) / 2, over cells of r in [1/2, 2] and d in [0, 1].

    phi falls with r and, for fixed r, rises with d when r < 1 and falls when r > 1
    (from 1/2 at d -> 0 to 2^-r at d = 1), so a cell's extremes sit on its edges: the
    high bound at its smallest r, the low bound at its largest, each at one end of d.
    """
    r = np.linspace(0.5, 2.0, n_r + 1)[:, None]
    d = np.linspace(0.0, 1.0, n_d + 1)[None, :]
    a, b = (1.0 - d) / 2.0, (1.0 + d) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        val = (0.5**r - a**r) / (b**r - a**r)
    val[:, 0] = 0.5  # the limit d -> 0
    ends_hi = np.maximum(val[:-1, :-1], val[:-1, 1:])  # smallest r of the cell
    ends_lo = np.minimum(val[1:, :-1], val[1:, 1:])  # largest r of the cell
    return np.ascontiguousarray(np.stack([ends_lo, ends_hi]))


#: Below this distance the utilities lose too many digits to cancellation for the
#: bound on their ratio below to be trusted; such offers are always computed.
_PRUNE_MIN_D = 1e-6
#: Slack on that bound (its float error is below 1e-10 from _PRUNE_MIN_D on).
_PRUNE_SLACK = 1e-8


@njit(cache=True)
def _receive(i, x, ps, r, usq, rh, q, t, mu_r, bst, target, kind, phi):  # type: ignore[no-untyped-def]
    """Every offer to receiver *i*, near challengers first, skipping those that provably
    cannot beat the smallest move found so far.

    With Q = 1 both sides of an offer share U_s - Q U_sq = phi (U_s - U_f), where
    phi = (2^-r - a^r) / (b^r - a^r), a, b = (1 -+ d) / 2, lies between 1/2 and 2^-r for
    every d in (0, 1].  So E^j > 0 needs rho_i P_ij < phi, E^i > 0 follows from
    rho_j (1 - P_ij) < phi, and a yield moves i by d * min(1, (rho_j (1 - P_ij) - phi) /
    (phi - rho_i P_ij)), which falls as phi grows.  Bounding phi from both sides
    (``phi``, from :func:`phi_bounds`) gives a lower bound on the move without any exp/log;
    the smallest move (ties to the lowest index) does not depend on the visiting order,
    so results are those of the pair loop.
    """
    n = x.shape[0]
    xi = x[i]
    n_r, n_d = phi.shape[1], phi.shape[2]
    kr = min(max(int((r[i] - 0.5) / 1.5 * n_r), 0), n_r - 1)
    phi_lo_d = phi[0, kr]
    phi_hi_d = phi[1, kr]
    prune = q == 1.0
    lo = i - 1
    hi = i + 1
    # Alternate sides (a predictable branch; merging by distance costs more than it prunes).
    left = True
    while lo >= 0 or hi < n:
        left = not left
        if hi >= n or (left and lo >= 0):
            j = lo
            lo -= 1
            d = xi - x[j]
            p = 1.0 - ps[j, i]  # receiver above challenger: P_ij = 1 - P_ji
        else:
            j = hi
            hi += 1
            d = x[j] - xi
            p = ps[i, j]
        if d <= SAME_POINT:
            continue
        if prune and d >= _PRUNE_MIN_D:
            kd = min(int(d * n_d), n_d - 1)
            phi_hi = phi_hi_d[kd] + _PRUNE_SLACK
            phi_lo = phi_lo_d[kd] - _PRUNE_SLACK
            yield_to = rh[i] * p  # E^j > 0 only if this is below phi
            resist = rh[j] * (1.0 - p)  # E^i > 0 if this is below phi, < 0 if above
            beat = bst[i] * (1.0 + 1e-9)
            # Worth computing only if the offer can be made and its least move, d when i
            # surely resists, d * min(1, (resist - phi) / (phi - yield_to)) when i surely
            # yields, 0 otherwise, is not above the best so far.  Branch-free on purpose.
            worth = (yield_to < phi_hi) & (
                (d <= beat)
                | ((resist >= phi_lo) & (d * (resist - phi_hi) <= beat * (phi_hi - yield_to)))
            )
            if not worth:
                continue
        l_s = math.log(0.5 - 0.5 * d) if d < 1.0 else -math.inf
        l_f = math.log(0.5 + 0.5 * d)
        _offer(i, j, p, d, l_s, l_f, r[i], usq[i], rh[i], rh[j], q, t, x, mu_r, bst, target, kind)


@njit(cache=True, inline="always")
def _sq_term(dist_mu, d, r, q, t):  # type: ignore[no-untyped-def]
    """(1 - Q)[T U_b + (1 - T) U_w] of eq. 4 for a challenger at distance dist_mu from mu."""
    shift = 0.25 * (dist_mu + d)
    ub = 2.0 - 4.0 * max(0.5 - shift, 0.0) ** r
    uw = 2.0 - 4.0 * (0.5 + shift) ** r
    return (1.0 - q) * (t * ub + (1.0 - t) * uw)


@njit(cache=True, inline="always")
def _offer(i, j, p_ij, d, l_s, l_f, r_i, qusq_i, rho_i, rho_j, q, t, x, mu_r, bst, target, kind):  # type: ignore[no-untyped-def]
    """Weigh j's offer to receiver i from i's view; keep it if it moves i least so far."""
    pow_s = math.exp(r_i * l_s)
    us = 2.0 - 4.0 * pow_s
    gap = 4.0 * (math.exp(r_i * l_f) - pow_s)
    base = us - qusq_i
    e_i = base - rho_j * (1.0 - p_ij) * gap
    e_j = base - rho_i * p_ij * gap
    if q < 1.0:
        e_i -= _sq_term(abs(x[i] - mu_r), d, r_i, q, t)
        e_j -= _sq_term(abs(x[j] - mu_r), d, r_i, q, t)
    if e_j <= 0.0:
        return
    if e_i > 0.0:
        if e_j <= e_i:
            return
        move, k = d, 1  # confrontation lost: move to x_j
    elif e_i + e_j <= 0.0:
        move, k = d, 3  # capitulation
    else:
        move, k = d * (-e_i / e_j), 2  # compromise
    if move <= 0.0:
        return
    if move < bst[i] or (move == bst[i] and j < target[i]):
        bst[i] = move
        target[i] = j
        kind[i] = k


#: One thread per row block for big batches; small ones run on the calling thread,
#: where waking a thread pool costs more than the work (and much more on a busy machine).
@njit(cache=True, parallel=True)
def round_rows_parallel(xs, w, rho, q, t, mu, new_xs, kinds, fwork, iwork, pstore, phi):  # type: ignore[no-untyped-def]
    """One default-variant round for every row of sorted positions ``xs`` ``[B, n]``, one
    row per thread at a time.

    ``w`` capability × salience, ``rho`` resistance probabilities, ``mu`` the
    rows' weighted medians (used when q < 1).  Writes ``new_xs`` and ``kinds``
    (0 none, 1 confrontation, 2 compromise, 3 capitulation); ``fwork``
    (``[B, 6, n + 1]`` floats) and ``iwork`` (``[B, 3, n]`` integers) are
    preallocated scratch space; ``pstore`` (``[threads, n, n]``, or
    ``[threads, 1, 1]`` when that would be too large) keeps each pair's win
    probability from the first pass for the second; ``phi`` is :func:`phi_bounds`.
    """
    keep = pstore.shape[1] >= xs.shape[1]
    for row in prange(xs.shape[0]):
        _one_row(
            row,
            xs,
            w,
            rho,
            q,
            t,
            mu,
            new_xs,
            kinds,
            fwork,
            iwork,
            pstore[get_thread_id()],
            keep,
            phi,
        )


@njit(cache=True)
def round_rows_serial(xs, w, rho, q, t, mu, new_xs, kinds, fwork, iwork, pstore, phi):  # type: ignore[no-untyped-def]
    """:func:`round_rows_parallel` on the calling thread: for small batches, where waking a
    thread pool costs more than the work (and much more on a busy machine)."""
    keep = pstore.shape[1] >= xs.shape[1]
    for row in range(xs.shape[0]):
        _one_row(row, xs, w, rho, q, t, mu, new_xs, kinds, fwork, iwork, pstore[0], keep, phi)


@functools.cache
def phi_table() -> np.ndarray:
    """:func:`phi_bounds` computed once per process."""
    return phi_bounds()
