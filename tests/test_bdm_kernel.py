"""The compiled BdM round against a direct O(n^3) transcription of the equations."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from detente.bargain import bdm as B
from detente.bargain.bdm import SAME_POINT, BdmOptions


def _sq(
    dist_mu: np.ndarray, d: np.ndarray, r: np.ndarray | float, q: float, t: float
) -> np.ndarray:
    shift = 0.25 * (dist_mu + d)
    ub = 2.0 - 4.0 * np.clip(0.5 - shift, 0.0, None) ** r
    uw = 2.0 - 4.0 * (0.5 + shift) ** r
    return (1.0 - q) * (t * ub + (1.0 - t) * uw)


def _reference_round(
    x: np.ndarray, c: np.ndarray, s: np.ndarray, q: float, t: float
) -> tuple[np.ndarray, np.ndarray]:
    """One default-variant round for a single row, every sum written out voter by voter."""
    n = x.size
    w = c * s
    rho = s
    mu = float(B.weighted_median(x[None], w[None])[0])
    # Eq. 2: v[k, i, j] is voter k's vote for i against j.
    dist = np.abs(x[:, None] - x[None, :])
    v = w[:, None, None] * (dist[:, None, :] - dist[:, :, None])
    num = np.clip(v, 0.0, None).sum(axis=0)
    den = np.abs(v).sum(axis=0)
    p = np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.5)
    d = np.abs(x[:, None] - x[None, :])
    valid = d > 0
    # Eq. 5: exposure of j is what everybody expects from challenging j, with r = 1.
    e1 = 2.0 * d * (1.0 - 2.0 * rho[None, :] * (1.0 - p))
    if q < 1.0:
        e1 -= _sq(np.abs(x - mu)[:, None], d, 1.0, q, t)
    exposure = np.where(valid, e1, 0.0).sum(axis=0)
    lo, hi = exposure.min(), exposure.max()
    big_r = (2 * exposure - hi - lo) / (hi - lo) if hi - lo > 1e-15 else np.zeros(n)
    r = (1 - big_r / 3) / (1 + big_r / 3)
    new = x.copy()
    kinds = np.zeros(n, dtype=np.int8)
    for i in range(n):
        # Smallest move; ties go to the lowest challenger in (position, index) order.
        best = (np.inf, np.inf, n, 0)  # move, challenger position, challenger, kind
        for j in range(n):
            if d[i, j] <= SAME_POINT:
                continue  # actors at one point make no offers to each other
            dij, ri = d[i, j], r[i]
            us = 2.0 - 4.0 * (0.5 - 0.5 * dij) ** ri
            uf = 2.0 - 4.0 * (0.5 + 0.5 * dij) ** ri
            usq = 2.0 - 4.0 * 0.5**ri
            e_i = us - rho[j] * (1 - p[i, j]) * (us - uf) - q * usq
            e_j = us - rho[i] * p[i, j] * (us - uf) - q * usq
            if q < 1.0:
                e_i -= _sq(abs(x[i] - mu), dij, ri, q, t)
                e_j -= _sq(abs(x[j] - mu), dij, ri, q, t)
            if e_j <= 0:
                continue
            if e_i > 0:
                if e_j <= e_i:
                    continue
                move, kind = dij, 1
            elif e_i + e_j <= 0:
                move, kind = dij, 3
            else:
                move, kind = dij * (-e_i / e_j), 2
            if move > 0 and (move, x[j], j) < best[:3]:
                best = (move, x[j], j, kind)
        if np.isfinite(best[0]):
            new[i] = x[i] + np.sign(x[best[2]] - x[i]) * best[0]
            kinds[i] = best[3]
    return new, kinds


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(2, 36),
    q=st.sampled_from([1.0, 1.0, 0.6]),
    warm=st.integers(0, 40),
)
# two actors 2e-16 apart after 32 rounds: no offer between them, on either side
@example(seed=4194304, n=14, q=1.0, warm=32)
def test_compiled_round_matches_direct_equations(seed: int, n: int, q: float, warm: int) -> None:
    rng = np.random.default_rng(seed)
    rows = 3
    x = rng.uniform(0, 1, (rows, n))
    c = rng.uniform(1, 100, (rows, n))
    s = rng.uniform(0.1, 1, (rows, n))
    opts = BdmOptions(q=q, t=0.3)
    # Bargain a while first: late rounds have clustered actors and tiny moves.
    for _ in range(warm):
        x = B.round_default_compiled(x, c, s, opts)[0]
    fast, fast_kinds, _ = B.round_default_compiled(x, c, s, opts)
    for b in range(rows):
        ref, ref_kinds = _reference_round(x[b], c[b], s[b], q, 0.3)
        assert np.allclose(fast[b], ref, rtol=0, atol=1e-9)
        # Between actors a hair apart the utilities cancel to rounding noise, and the type
        # of a move that small (compromise or capitulation) is not defined by the equations.
        clear = np.abs(ref - x[b]) > 1e-6
        assert np.array_equal(fast_kinds[b][clear], ref_kinds[clear])


def test_phi_bounds_hold_inside_every_cell() -> None:
    # The pruning in the compiled round relies on these bounds; sample far finer than the cells.
    from detente.bargain._bdm_kernel import phi_bounds

    table = phi_bounds()
    n_r, n_d = table.shape[1:]
    rng = np.random.default_rng(3)
    r = rng.uniform(0.5, 2.0, 200_000)
    d = np.concatenate([rng.uniform(1e-6, 1.0, 199_000), np.ones(1000)])
    a, b = (1 - d) / 2, (1 + d) / 2
    phi = (0.5**r - a**r) / (b**r - a**r)
    kr = np.minimum((r - 0.5) / 1.5 * n_r, n_r - 1).astype(int)
    kd = np.minimum(d * n_d, n_d - 1).astype(int)
    assert np.all(table[0, kr, kd] <= phi + 1e-12)
    assert np.all(phi <= table[1, kr, kd] + 1e-12)
    # and the bounds are tight enough to be worth having
    assert np.all(table[1] - table[0] < 0.05)


def test_auto_runs_shrink_with_scenario_size() -> None:
    from detente.cli.forecast import AUTO_CELLS, auto_runs

    assert auto_runs(10, 1) == 1000 and auto_runs(70, 1) == 1000
    assert auto_runs(160, 1) == AUTO_CELLS // (160 * 160) < 1000
    assert auto_runs(40, 5) < auto_runs(40, 1) == 1000
    assert auto_runs(20_000, 100) == 30  # never below 30
