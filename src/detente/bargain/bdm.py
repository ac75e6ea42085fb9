r"""Bueno de Mesquita's expected-utility model, as specified by Scholz et al. (2011).

Scholz, Calbert & Smith (2011), "Unravelling Bueno De Mesquita's group decision
model", *Journal of Theoretical Politics* 23(4): 510–531, following Bueno de
Mesquita (1994).  Equation numbers below refer to the presentation in
``docs/bargain.md`` (which follows the paper's order).

Two variants, chosen with :attr:`BdmOptions.variant`:

``"default"``
    The paper's equations with one reading made explicit: when an actor weighs an
    offer, *both* sides of the confrontation are evaluated from its own point of
    view (its own risk exponent), and the win probability of a pair is normalised
    by that pair's own vote total, so that :math:`P_{ij} + P_{ji} = 1`.
``"scholz2011"``
    The public replication of Scholz's code: win probabilities normalised by the
    vote total over *all* ordered pairs, every voter's distances raised to its
    own risk exponent, compromises chosen by the reference's ordering key, and no
    capitulation branch (it is unreachable in that code).  It reproduces the
    replication's EU car-emissions rounds (medians 8.42, 9.61, 9.96, …).

Every Monte-Carlo row (one run × one dimension) is bargained separately; rows
are processed together in blocks whose pair arrays live in preallocated work
buffers, so memory is bounded by the block size, not by the number of actors
or runs.  Each row ends ``converged`` (nobody moved more than ``tol``),
``cycled`` (the positions returned to a state seen within the last
``cycle_window`` rounds) or ``capped`` (``max_rounds`` reached).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Actors closer than this stand at one point and make no offers to each other: at 1e-16
#: apart the signs of their expected utilities are rounding noise.
SAME_POINT = 1e-12

VARIANTS: tuple[str, ...] = ("default", "scholz2011")
#: Move types recorded per round.
MOVE_TYPES = ("confrontation", "compromise", "capitulation")
#: How a row's bargaining ended.
STATUSES = ("converged", "cycled", "capped")
_RUNNING, _CONVERGED, _CYCLED, _CAPPED = 0, 1, 2, 3

#: Pairs per round (rows × actors²) from which the compiled round uses every core.
PARALLEL_PAIRS = 200_000
#: Elements per pair block ([rows, receivers, actors]); about 4 MB of float64 each.
BLOCK_ELEMENTS = 1 << 19


@dataclass(slots=True)
class BdmOptions:
    r"""Choices in the expected-utility model (see ``docs/bargain.md``).

    ``variant``: ``"default"`` or ``"scholz2011"`` (module docstring).
    ``q``: probability :math:`Q` that the status quo holds if nobody challenges;
    ``t``: probability :math:`T` that, if it does not hold, it moves in the
    actor's favour (only used when ``q < 1``).
    ``resistance``: the probability that a challenged actor *j* resists —
    ``"salience"`` uses :math:`s_j` (Bueno de Mesquita's mapping), a number in
    [0, 1] uses that constant for everybody.
    ``max_rounds`` caps the bargaining; ``tol`` is the largest move (share of
    the position range) that still counts as standing still; ``cycle_window`` is
    how many past rounds are compared to detect a cycle.
    """

    q: float = 1.0
    t: float = 1.0
    max_rounds: int = 500
    tol: float = 1e-3
    variant: str = "default"
    resistance: str | float = "salience"
    cycle_window: int = 12

    def __post_init__(self) -> None:
        if self.variant not in VARIANTS:
            raise ValueError(f"unknown BdM variant {self.variant!r}; choose {', '.join(VARIANTS)}")
        for name in ("q", "t"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"BdM {name.upper()} must be in [0, 1], got {v}")
        if self.resistance != "salience":
            try:
                value = float(self.resistance)
            except (TypeError, ValueError):
                raise ValueError(
                    f"BdM resistance must be 'salience' or a number in [0, 1], "
                    f"got {self.resistance!r}"
                ) from None
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"BdM resistance must be in [0, 1], got {value}")
        if self.max_rounds < 1 or self.cycle_window < 2 or not self.tol > 0:
            raise ValueError("BdM needs max_rounds >= 1, cycle_window >= 2 and tol > 0")


class _Work:
    """Preallocated scratch arrays: each name owns one flat buffer that only grows.

    Views of the first ``prod(shape)`` elements are handed out, so blocks that
    shrink as rows converge reuse the same memory instead of allocating afresh.
    """

    def __init__(self) -> None:
        self._flat: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...], dtype: Any = float) -> np.ndarray:
        """An uninitialised array called *name* of this shape and dtype."""
        size = int(np.prod(shape))
        flat = self._flat.get(name)
        if flat is None or flat.size < size or flat.dtype != np.dtype(dtype):
            flat = self._flat[name] = np.empty(max(size, 1), dtype=dtype)
        return flat[:size].reshape(shape)


# --------------------------------------------------------------------------- pieces


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


def risk_exponents(exposure: np.ndarray) -> np.ndarray:
    r"""Risk exponents :math:`r_i\in[\tfrac12, 2]` from exposures :math:`S_i` (eq. 5).

    :math:`R_i = (2S_i - S_{max} - S_{min})/(S_{max} - S_{min})`,
    :math:`r_i = (1 - R_i/3)/(1 + R_i/3)`; all ones when every exposure is equal.
    """
    smax = exposure.max(axis=1, keepdims=True)
    smin = exposure.min(axis=1, keepdims=True)
    spread = smax - smin
    ok = spread > 1e-15
    big_r = np.where(ok, (2 * exposure - smax - smin) / np.where(ok, spread, 1.0), 0.0)
    return (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)


def _resist(s: np.ndarray, opts: BdmOptions) -> np.ndarray:
    """Probability that each actor resists a challenge (the salience→resistance mapping)."""
    if opts.resistance == "salience":
        return s
    return np.full_like(s, float(opts.resistance))


class _Sorted:
    """Per-row sorted positions with prefix sums for the pairwise vote sums (eq. 2)."""

    def __init__(self, xs: np.ndarray, w: np.ndarray) -> None:
        bsz, n = xs.shape
        self.xs, self.n = xs, n
        zero = np.zeros((bsz, 1))
        self.cw = np.concatenate([zero, np.cumsum(w, axis=1)], axis=1)
        self.cx = np.concatenate([zero, np.cumsum(w * xs, axis=1)], axis=1)
        self.total = self.cw[:, -1:, None]
        # Rows live in [0, 1]; shifting row b by 4b lets one sorted search serve all rows.
        self.offset = 4.0 * np.arange(bsz)[:, None]
        self.flat = (xs + self.offset).ravel()
        base = (np.arange(bsz) * n)[:, None]
        self.le = np.searchsorted(self.flat, self.flat, side="right").reshape(bsz, n) - base
        self.lt = np.searchsorted(self.flat, self.flat, side="left").reshape(bsz, n) - base
        self.row0 = (np.arange(bsz) * (n + 1))[:, None, None]

    def block(self, i0: int, i1: int, work: _Work) -> tuple[np.ndarray, np.ndarray]:
        r"""Win probabilities ``P[b, i, j]`` of receiver *i* (``i0 <= i < i1``) against every *j*
        and the distances ``d[b, i, j]``.

        Eq. 2: :math:`P^i_{ij} = \sum_{k: v_k>0} v_k / \sum_k |v_k|` with
        :math:`v_k = c_k s_k(|x_k - x_j| - |x_k - x_i|)`.  For a pair at
        :math:`a \le b` with midpoint *m*, voter *k*'s margin for the actor at *a*
        is :math:`b-a` at or left of *a*, :math:`-(b-a)` at or right of *b* and
        :math:`2(m-x_k)` in between, so both sums are prefix-sum ranges.
        """
        xs, n = self.xs, self.n
        bsz, k = xs.shape[0], i1 - i0
        shape = (bsz, k, n)
        xi, xj = xs[:, i0:i1, None], xs[:, None, :]
        ii = np.arange(i0, i1)[:, None]
        jj = np.arange(n)[None, :]
        lo_idx, hi_idx = np.minimum(ii, jj), np.maximum(ii, jj)
        a = np.minimum(xi, xj, out=work.get("a", shape))
        b = np.maximum(xi, xj, out=work.get("b", shape))
        span = np.subtract(b, a, out=work.get("span", shape))
        m = np.add(a, b, out=work.get("m", shape))
        m *= 0.5
        cwf, cxf = self.cw.ravel(), self.cx.ravel()
        ia = (self.le[:, lo_idx] + self.row0).ravel()
        ib = (self.lt[:, hi_idx] + self.row0).ravel()
        mo = np.add(m, self.offset[:, :, None], out=work.get("mo", shape))
        im = np.searchsorted(self.flat, mo.ravel(), side="right").reshape(shape)
        im += np.arange(bsz)[:, None, None]  # row b's prefix sums start at b * (n + 1)
        im = im.ravel()
        cw_a = cwf.take(ia).reshape(shape)
        cw_b = cwf.take(ib).reshape(shape)
        cw_m = cwf.take(im).reshape(shape)
        cx_a = cxf.take(ia).reshape(shape)
        cx_b = cxf.take(ib).reshape(shape)
        cx_m = cxf.take(im).reshape(shape)
        # Voters in (a, m] vote 2(m - x_k) for the actor at a; in (m, b) 2(x_k - m) against.
        left_mid = 2.0 * (m * (cw_m - cw_a) - (cx_m - cx_a))
        den = span * (cw_a + self.total - cw_b) + left_mid
        den += 2.0 * ((cx_b - cx_m) - m * (cw_b - cw_m))
        num = span * cw_a + left_mid
        ok = (span > 0) & (den > 1e-300)
        p_low = np.divide(num, den, out=work.get("p", shape), where=ok)
        p_low[~ok] = 0.5
        # p_low is the probability of the lower-positioned actor of the pair.
        i_high = ii > jj
        p = np.where(i_high[None], 1.0 - p_low, p_low)
        return p, span


def _utilities(
    d: np.ndarray, r: np.ndarray, work: _Work
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Eq. 3 from the receiver's view: :math:`U_s`, :math:`U_s - U_f` and :math:`U_{sq}`.

    :math:`U_s = 2 - 4(\tfrac12 - \tfrac12 d)^{r}`, :math:`U_f = 2 - 4(\tfrac12 + \tfrac12 d)^{r}`,
    :math:`U_{sq} = 2 - 4(\tfrac12)^{r}`, with *r* the exponent of the actor whose
    view is taken (``r`` is ``[B, k, 1]``).
    """
    us = np.multiply(d, -0.5, out=work.get("us", d.shape))
    us += 0.5
    with np.errstate(divide="ignore"):
        np.log(us, out=us)  # log 0 = -inf gives exp(-inf) = 0: the d = 1 case
    us *= r
    np.exp(us, out=us)
    uf = np.multiply(d, 0.5, out=work.get("uf", d.shape))
    uf += 0.5
    np.log(uf, out=uf)
    uf *= r
    np.exp(uf, out=uf)
    # U_s - U_f = 4[(1/2 + d/2)^r - (1/2 - d/2)^r]
    gap = np.subtract(uf, us, out=uf)
    gap *= 4.0
    us *= -4.0
    us += 2.0
    usq = 2.0 - 4.0 * 0.5**r
    return us, gap, usq


def _status_quo_term(
    x_chal: np.ndarray, d: np.ndarray, mu: np.ndarray, r: np.ndarray | float, opts: BdmOptions
) -> np.ndarray:
    r"""Eq. 4's last term :math:`(1-Q)[T U_b + (1-T) U_w]` for challengers at ``x_chal``.

    :math:`U_b = 2 - 4(\tfrac12 - \tfrac14(|x_i - \mu| + d))^r`,
    :math:`U_w = 2 - 4(\tfrac12 + \tfrac14(|x_i - \mu| + d))^r`.
    """
    shift = 0.25 * (np.abs(x_chal - mu[:, None, None]) + d)
    ub = 2.0 - 4.0 * np.clip(0.5 - shift, 0.0, None) ** r
    uw = 2.0 - 4.0 * (0.5 + shift) ** r
    return (1.0 - opts.q) * (opts.t * ub + (1.0 - opts.t) * uw)


def _blocks(bsz: int, n: int, block: int) -> list[tuple[int, int]]:
    k = max(1, min(n, block // max(1, bsz * n)))
    return [(i0, min(n, i0 + k)) for i0 in range(0, n, k)]


# --------------------------------------------------------------------------- default round


def round_default(
    x: np.ndarray,
    c: np.ndarray,
    s: np.ndarray,
    opts: BdmOptions,
    work: _Work | None = None,
    block: int = BLOCK_ELEMENTS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One round of the default variant on rows ``x`` (``[B, n]``, in [0, 1]).

    Returns the new positions, the accepted move type per actor (0 none,
    1 confrontation, 2 compromise, 3 capitulation) and the round's weighted median.
    Receivers are processed in blocks so that pair arrays stay ``block`` elements.
    """
    work = work or _Work()
    bsz, n = x.shape
    order = np.argsort(x, axis=1, kind="stable")
    xs = np.take_along_axis(x, order, axis=1)
    ss = np.take_along_axis(s, order, axis=1)
    w = np.take_along_axis(c, order, axis=1) * ss
    rho = _resist(ss, opts)
    mu = weighted_median(xs, w)
    srt = _Sorted(xs, w)
    blocks = _blocks(bsz, n, block)
    cached: tuple[np.ndarray, np.ndarray] | None = None
    # Pass 1 (eq. 5): exposure S_j = sum_i E^i(U_ij) with r = 1, where
    # E^i(U_ij) = U_s - rho_j (1 - P_ij)(U_s - U_f) - Q U_sq = 2d (1 - 2 rho_j (1 - P_ij)).
    exposure = np.zeros((bsz, n))
    for i0, i1 in blocks:
        p, d = srt.block(i0, i1, work)
        eu1 = 1.0 - p
        eu1 *= rho[:, None, :]
        eu1 *= -2.0
        eu1 += 1.0
        eu1 *= d
        eu1 *= 2.0
        if opts.q < 1.0:
            eu1 -= _status_quo_term(xs[:, i0:i1, None], d, mu, 1.0, opts)
        eu1[d <= 0] = 0.0
        exposure += eu1.sum(axis=1)
        if len(blocks) == 1:
            cached = (p, d)
    r = risk_exponents(exposure)
    new_xs = xs.copy()
    kinds_s = np.zeros((bsz, n), dtype=np.int8)
    for i0, i1 in blocks:
        p, d = cached if cached is not None else srt.block(i0, i1, work)
        ri = r[:, i0:i1, None]
        us, gap, usq = _utilities(d, ri, work)
        base = us - opts.q * usq
        # Eq. 4 from receiver i's view, for i challenging j and for j challenging i:
        # E^i(U_ij) = U_s - rho_j (1 - P_ij)(U_s - U_f) - Q U_sq - (1-Q)[...]
        # E^j(U_ji) = U_s - rho_i P_ij (U_s - U_f) - Q U_sq - (1-Q)[...]   (P_ji = 1 - P_ij)
        ei = base - rho[:, None, :] * (1.0 - p) * gap
        ej = base - rho[:, i0:i1, None] * p * gap
        if opts.q < 1.0:
            ei -= _status_quo_term(xs[:, i0:i1, None], d, mu, ri, opts)
            ej -= _status_quo_term(xs[:, None, :], d, mu, ri, opts)
        none = d <= SAME_POINT  # no contest with oneself or with an actor at the same point
        step, kind, target = _offers(ei, ej, d, none, work)
        has = np.isfinite(step)
        toward = np.sign(np.take_along_axis(xs, target, axis=1) - xs[:, i0:i1])
        new_xs[:, i0:i1] = np.where(
            has, xs[:, i0:i1] + toward * np.where(has, step, 0.0), xs[:, i0:i1]
        )
        kinds_s[:, i0:i1] = np.where(has, kind, 0)
    rows = np.arange(bsz)[:, None]
    new_x = np.empty_like(x)
    kinds = np.empty_like(kinds_s)
    new_x[rows, order] = new_xs
    kinds[rows, order] = kinds_s
    return new_x, kinds, mu


def _offers(
    ei: np.ndarray, ej: np.ndarray, d: np.ndarray, none: np.ndarray, work: _Work
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Eq. 6–7: every *j* with ``E^j(U_ji) > 0`` offers; each receiver takes the smallest move.

    Confrontation (``0 < e_i < e_j``: move to ``x_j``), compromise (``e_i <= 0`` and
    ``|e_i| < e_j``: move the share ``|e_i|/e_j``) or capitulation (``|e_i| >= e_j``:
    move to ``x_j``).  Returns the move length, type and challenger index per receiver.
    """
    challenged = (ej > 0) & ~none
    resist = ei > 0
    confront = challenged & resist & (ej > ei)
    yield_ = challenged & ~resist
    capit = yield_ & (ei + ej <= 0)
    comp = yield_ & ~capit
    move = work.get("move", d.shape)
    move.fill(1.0)
    np.divide(ei, ej, out=move, where=comp)
    np.negative(move, out=move, where=comp)
    move *= d
    move[~(confront | yield_)] = np.inf
    move[move <= 0] = np.inf
    best = np.argmin(move, axis=2)[:, :, None]
    step = np.take_along_axis(move, best, axis=2)[:, :, 0]
    kind = np.where(
        np.take_along_axis(confront, best, axis=2)[:, :, 0],
        1,
        np.where(np.take_along_axis(comp, best, axis=2)[:, :, 0], 2, 3),
    ).astype(np.int8)
    return step, kind, best[:, :, 0]


def _threads(parallel: bool) -> int:
    import numba

    return int(numba.config.NUMBA_NUM_THREADS) if parallel else 1


def round_default_compiled(
    x: np.ndarray,
    c: np.ndarray,
    s: np.ndarray,
    opts: BdmOptions,
    work: _Work | None = None,
    block: int = BLOCK_ELEMENTS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`round_default` through the compiled kernel (same equations, O(B·n) memory)."""
    from detente.bargain._bdm_kernel import phi_table, round_rows_parallel, round_rows_serial

    work = work or _Work()
    bsz, n = x.shape
    order = np.argsort(x, axis=1, kind="stable")
    xs = np.ascontiguousarray(np.take_along_axis(x, order, axis=1))
    ss = np.take_along_axis(s, order, axis=1)
    w = np.ascontiguousarray(np.take_along_axis(c, order, axis=1) * ss)
    rho = np.ascontiguousarray(_resist(ss, opts))
    mu = weighted_median(xs, w)
    new_xs = work.get("k_new", (bsz, n))
    kinds_s = work.get("k_kind", (bsz, n), np.int8)
    parallel = bsz > 1 and bsz * n * n >= PARALLEL_PAIRS
    (round_rows_parallel if parallel else round_rows_serial)(
        xs, w, rho, float(opts.q), float(opts.t), mu, new_xs, kinds_s,
        work.get("k_f", (bsz, 6, n + 1)), work.get("k_i", (bsz, 3, n), np.int64),
        work.get("k_p", (_threads(parallel), n, n) if n <= 2048 else (_threads(parallel), 1, 1)),
        phi_table(),
    )  # fmt: skip
    rows = np.arange(bsz)[:, None]
    new_x = np.empty_like(x)
    kinds = np.empty((bsz, n), dtype=np.int8)
    new_x[rows, order] = new_xs
    kinds[rows, order] = kinds_s
    return new_x, kinds, mu


# --------------------------------------------------------------------------- reference round


def _scholz_prob(x: np.ndarray, w: np.ndarray, r: np.ndarray, block: int) -> np.ndarray:
    r"""Win probabilities as in the replication of Scholz's code.

    :math:`P_{ij} = \sum_k \max(0, v_k^{ij}) / \sum_k\sum_{a,b}|v_k^{ab}|` with
    :math:`v_k^{ij} = c_k s_k(|x_k - x_j|^{r_k} - |x_k - x_i|^{r_k})`: every voter
    weighs distances with its own risk exponent, and the denominator is the vote
    total over all ordered pairs, so :math:`P_{ij} + P_{ji} \ne 1`.  Zero for two
    actors at the same position.  O(n³) per row: a reference mode, not a fast one.
    """
    bsz, n = x.shape
    dist = np.abs(x[:, :, None] - x[:, None, :]) ** r[:, :, None]  # [b, k, a]
    num = np.zeros((bsz, n, n))
    den = np.zeros(bsz)
    kc = max(1, block // max(1, bsz * n * n))
    for k0 in range(0, n, kc):
        dk = dist[:, k0 : k0 + kc]
        v = w[:, k0 : k0 + kc, None, None] * (dk[:, :, None, :] - dk[:, :, :, None])
        num += np.clip(v, 0.0, None).sum(axis=1)
        den += np.abs(v).sum(axis=(1, 2, 3))
    ok = den > 0
    p = num / np.where(ok, den, 1.0)[:, None, None]
    p[x[:, :, None] == x[:, None, :]] = 0.0
    return p


def round_scholz(
    x: np.ndarray,
    c: np.ndarray,
    s: np.ndarray,
    opts: BdmOptions,
    work: _Work | None = None,
    block: int = BLOCK_ELEMENTS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One round of the ``scholz2011`` variant; same returns as :func:`round_default`."""
    work = work or _Work()
    bsz, n = x.shape
    w = c * s
    rho = _resist(s, opts)
    mu = weighted_median(x, w)
    d = np.abs(x[:, :, None] - x[:, None, :])
    none = d <= 0
    p1 = _scholz_prob(x, w, np.ones_like(x), block)
    # r = 1: U_s = 2d, U_f = -2d, U_sq = 0.
    eu1 = rho[:, None, :] * (p1 * 2 * d - (1 - p1) * 2 * d) + (1 - rho[:, None, :]) * 2 * d
    if opts.q < 1.0:
        eu1 -= _status_quo_term(x[:, :, None], d, mu, 1.0, opts)
    eu1[none] = 0.0
    r = risk_exponents(eu1.sum(axis=1))
    p = _scholz_prob(x, w, r, block)
    ri = r[:, :, None]
    us, gap, usq = _utilities(d, ri, work)
    # Both sides from receiver i's view (its exponent), with the unnormalised P.
    ei = us - rho[:, None, :] * (1 - p) * gap - opts.q * usq
    ej = us - rho[:, :, None] * (1 - p.transpose(0, 2, 1)) * gap - opts.q * usq
    if opts.q < 1.0:
        ei -= _status_quo_term(x[:, :, None], d, mu, ri, opts)
        ej -= _status_quo_term(x[:, None, :], d, mu, ri, opts)
    confront = (ej > ei) & (ei > 0) & ~none
    comp = (ej > 0) & (ei < 0) & (ej > -ei) & ~none
    # Confrontations first, the nearest one; otherwise the compromise whose
    # |e_i|-weighted mean of the two positions is lowest (the reference's key).
    dist = np.where(confront, d, np.inf)
    best_conf = np.argmin(dist, axis=2)
    has_conf = np.isfinite(np.take_along_axis(dist, best_conf[:, :, None], axis=2)[:, :, 0])
    aei, aej = np.abs(ei), np.abs(ej)
    with np.errstate(invalid="ignore", divide="ignore"):
        key = (aei * x[:, :, None] + aej * x[:, None, :]) / (aei + aej)
        share = aei / ej
    key = np.where(comp, key, np.inf)
    best_comp = np.argmin(key, axis=2)
    has_comp = np.isfinite(np.take_along_axis(key, best_comp[:, :, None], axis=2)[:, :, 0])
    xj_conf = np.take_along_axis(x, best_conf, axis=1)
    xj_comp = np.take_along_axis(x, best_comp, axis=1)
    sh = np.take_along_axis(share, best_comp[:, :, None], axis=2)[:, :, 0]
    new_x = np.where(has_conf, xj_conf, np.where(has_comp, x + (xj_comp - x) * sh, x))
    kinds = np.where(has_conf, 1, np.where(has_comp, 2, 0)).astype(np.int8)
    return new_x, kinds, mu


# --------------------------------------------------------------------------- driver


@dataclass(slots=True)
class RowsResult:
    """How each row's bargaining ended (positions on the row's [0, 1] scale)."""

    x: np.ndarray  # final positions [B, n]
    outcome: np.ndarray  # forecast per row: final median, or the cycle's mean
    status: np.ndarray  # 1 converged, 2 cycled, 3 capped
    rounds: np.ndarray
    period: np.ndarray  # cycle length (0 unless cycled)
    cycle_low: np.ndarray  # lowest and highest median within the cycle
    cycle_high: np.ndarray
    history: dict[str, Any]


def _weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return (w * x).sum(axis=1) / w.sum(axis=1)


def run_rows(
    x0: np.ndarray,
    c: np.ndarray,
    s: np.ndarray,
    opts: BdmOptions,
    track: int = 0,
    on_round: Callable[[int], None] | None = None,
    block: int = BLOCK_ELEMENTS,
) -> RowsResult:
    """Bargain rows ``x0`` (``[B, n]`` in [0, 1]) until each converges, cycles or is capped.

    The first *track* rows keep their full history (positions, median, mean and
    move counts per round).  *on_round* is called with the number of rows
    finished so far after every round.
    """
    bsz, n = x0.shape
    window = opts.cycle_window
    step_fn = round_scholz if opts.variant == "scholz2011" else round_default_compiled
    x = x0.copy()
    w = c * s
    past = np.empty((bsz, window, n))
    past[:, 0] = x
    status = np.zeros(bsz, dtype=np.int8)
    rounds = np.zeros(bsz, dtype=int)
    period = np.zeros(bsz, dtype=int)
    cyc = np.full((3, bsz), np.nan)  # mean, low, high of the medians within a cycle
    hist: dict[str, Any] = {
        "positions": [x[:track].copy()],
        "median": [weighted_median(x[:track], w[:track])],
        "mean": [_weighted_mean(x[:track], w[:track])],
        "moves": [],
    }
    # Rows whose actors all stand at one point have nothing to bargain about.
    status[(x.max(axis=1) - x.min(axis=1)) <= opts.tol] = _CONVERGED
    work = _Work()
    for rnd in range(1, opts.max_rounds + 1):
        act = np.flatnonzero(status == _RUNNING)
        if act.size == 0:
            break
        whole = act.size == bsz
        xa = x if whole else x[act]
        new_x, kinds, _ = step_fn(
            xa, c if whole else c[act], s if whole else s[act], opts, work, block
        )
        delta = np.abs(new_x - xa).max(axis=1)
        x[act] = new_x
        rounds[act] = rnd
        past[act, rnd % window] = new_x
        still = delta <= opts.tol
        status[act[still]] = _CONVERGED
        lags = np.arange(2, min(window - 1, rnd) + 1)
        moving = np.flatnonzero(~still)
        if lags.size and moving.size:
            # A state seen `lag` rounds ago (within tol) means the row cycles with that period.
            earlier = past[act[moving]][:, (rnd - lags) % window]  # [A, L, n]
            same = np.abs(earlier - new_x[moving, None, :]).max(axis=2) <= opts.tol
            hit = np.flatnonzero(same.any(axis=1))
            for a in hit:
                row = int(act[moving[a]])
                per = int(lags[np.argmax(same[a])])
                states = past[row, (rnd - np.arange(per)) % window]  # [per, n]
                meds = weighted_median(states, np.broadcast_to(w[row], states.shape))
                status[row], period[row] = _CYCLED, per
                cyc[:, row] = meds.mean(), meds.min(), meds.max()
        if track and (rounds[:track] == rnd).any():
            counts = np.zeros((track, len(MOVE_TYPES)), dtype=int)
            tracked = act < track
            for t_i in range(1, len(MOVE_TYPES) + 1):
                counts[act[tracked], t_i - 1] = (kinds[tracked] == t_i).sum(axis=1)
            hist["positions"].append(x[:track].copy())
            hist["median"].append(weighted_median(x[:track], w[:track]))
            hist["mean"].append(_weighted_mean(x[:track], w[:track]))
            hist["moves"].append(counts)
        if on_round is not None:
            on_round(int((status != _RUNNING).sum()))
    status[status == _RUNNING] = _CAPPED
    outcome = weighted_median(x, w)
    cycled = status == _CYCLED
    outcome[cycled] = cyc[0, cycled]
    return RowsResult(x, outcome, status, rounds, period, cyc[1], cyc[2], hist)


def bdm(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    options: BdmOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[np.ndarray, dict[str, Any], list[np.ndarray], np.ndarray]:
    """Run the model on a batch (``pos``/``sal`` ``[R, n, d]``, ``cap`` ``[R, n]``).

    Returns the outcome ``[R, d]`` on the 0–100 scale, the detail of batch row 0,
    its position paths per dimension and the status ``[R, d]`` of every row
    (1 converged, 2 cycled, 3 capped).  *progress* gets (rows finished, rows).
    """
    opts = options or BdmOptions()
    r, n, d = pos.shape
    xs = pos.transpose(0, 2, 1).reshape(r * d, n)
    ss = sal.transpose(0, 2, 1).reshape(r * d, n)
    cs = np.repeat(cap, d, axis=0)
    lo = xs.min(axis=1, keepdims=True)
    span = xs.max(axis=1, keepdims=True) - lo
    x0 = (xs - lo) / np.where(span > 0, span, 1.0)
    total = r * d
    # Rows per chunk: bounds the per-row state (positions, the cycle window).
    chunk = max(1, min(total, 8_000_000 // max(1, n * (opts.cycle_window + 4))))
    parts: list[RowsResult] = []
    for start in range(0, total, chunk):
        stop = min(total, start + chunk)
        track = max(0, min(d, stop) - start)

        def tick(done: int, base: int = start) -> None:
            if progress is not None:
                progress(base + done, total)

        parts.append(run_rows(x0[start:stop], cs[start:stop], ss[start:stop], opts, track, tick))
    outcome01 = np.concatenate([p.outcome for p in parts])
    status = np.concatenate([p.status for p in parts])
    outcome = (lo[:, 0] + span[:, 0] * outcome01).reshape(r, d)
    first = parts[0]
    trajectories: list[np.ndarray] = []
    dims_detail = []
    for k in range(d):
        base, width = float(lo[k, 0]), float(span[k, 0])
        nr = int(first.rounds[k])
        h = first.history
        path = np.stack([p[k] for p in h["positions"]])[: nr + 1]
        trajectories.append(base + width * path)
        st = STATUSES[int(first.status[k]) - 1]
        entry: dict[str, Any] = {
            "rounds": nr,
            "status": st,
            "converged": st == "converged",
            "median": [round(base + width * float(v[k]), 6) for v in h["median"]][: nr + 1],
            "mean": [round(base + width * float(v[k]), 6) for v in h["mean"]][: nr + 1],
            "moves": [dict(zip(MOVE_TYPES, map(int, mv[k]), strict=True)) for mv in h["moves"]][
                :nr
            ],
        }
        if st == "cycled":
            entry["cycle"] = {
                "period": int(first.period[k]),
                "between": [
                    round(base + width * float(first.cycle_low[k]), 6),
                    round(base + width * float(first.cycle_high[k]), 6),
                ],
                "mean": round(base + width * float(first.outcome[k]), 6),
            }
        dims_detail.append(entry)
    st2 = status.reshape(r, d)
    runs = st2[1:] if r > 1 else st2
    detail = {
        "variant": opts.variant,
        "q": opts.q,
        "t": opts.t,
        "resistance": opts.resistance,
        "max_rounds": opts.max_rounds,
        "dimensions": dims_detail,
        "runs_converged": float((runs == _CONVERGED).all(axis=1).mean()),
        "status_shares": [
            {
                name: round(float((runs[:, k] == code).mean()), 6)
                for code, name in enumerate(STATUSES, 1)
            }
            for k in range(d)
        ],
    }
    return outcome, detail, trajectories, st2
