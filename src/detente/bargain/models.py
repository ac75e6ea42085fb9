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

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.bargain import bdm as _bdm
from detente.bargain import nash as _nash
from detente.bargain.bdm import MOVE_TYPES, STATUSES, VARIANTS, BdmOptions, weighted_median  # noqa: F401

MODELS: tuple[str, ...] = ("compromise", "median", "nash", "bdm", "exchange")


@dataclass(slots=True)
class ModelOutput:
    """Forecast per batch row and dimension, plus detail for row 0."""

    outcome: np.ndarray  # [R, d]
    detail: dict[str, Any] = field(default_factory=dict)
    #: Row-0 position paths per dimension, ``[rounds + 1, n]`` (BdM only).
    trajectories: list[np.ndarray] | None = None
    #: BdM only: per row and dimension 1 converged, 2 cycled, 3 capped.
    status: np.ndarray | None = None
    #: Per-row findings beyond the outcome (Nash: ``zopa`` flags and ``blocking`` actors).
    rows: dict[str, Any] = field(default_factory=dict)


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


def nash(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    status_quo: np.ndarray | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ModelOutput:
    """Asymmetric Nash bargaining solution; see :mod:`detente.bargain.nash`."""
    out, detail, feasible, blocking = _nash.nash(pos, sal, cap, status_quo, progress=progress)
    return ModelOutput(out, detail, rows={"zopa": feasible, "blocking": blocking})


# --------------------------------------------------------------------------- BdM


def bdm(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    options: BdmOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ModelOutput:
    """Bueno de Mesquita's expected-utility model; see :mod:`detente.bargain.bdm`."""
    outcome, detail, trajectories, status = _bdm.bdm(pos, sal, cap, options, progress)
    return ModelOutput(outcome, detail, trajectories, status)


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
