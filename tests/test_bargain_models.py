"""Reference path, cycles, exact Nash feasibility and Monte-Carlo modes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cli_runner import run
from detente.bargain import BdmOptions, Noise, ScenarioError, forecast, load_scenario, make_scenario
from detente.bargain import bdm as B
from detente.bargain.modes import find_modes
from detente.bargain.montecarlo import perturb
from detente.bargain.nash import exact_gains, zone_of_agreement

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "scenarios"
EU = EXAMPLES / "eu_car_emissions.csv"
UKRAINE = EXAMPLES / "ukraine_territory_guarantees.yaml"


def _notes(table: str) -> str:
    """The notes column of a rich table, folded lines joined."""
    cells = [ln.split("│")[-2].strip() for ln in table.splitlines() if ln.count("│") >= 2]
    return " ".join(cells)


# Round medians of the public replication of Scholz's code on the EU case.
SCHOLZ_MEDIANS = [8.42, 9.61, 9.96, 9.96, 9.96, 7.47, 8.82, 9.67, 9.67, 7.00]


def test_scholz2011_variant_reproduces_the_reference_rounds() -> None:
    res = forecast(load_scenario(EU), "bdm", runs=0, options={"bdm": {"variant": "scholz2011"}})
    medians = res.detail["dimensions"][0]["median"]
    assert medians[0] == 7.0
    assert np.allclose(medians[1:11], SCHOLZ_MEDIANS, atol=0.05), medians[1:11]
    # Only confrontations and compromises: the reference's capitulation test never fires.
    assert all(mv["capitulation"] == 0 for mv in res.detail["dimensions"][0]["moves"])


def test_default_variant_differs_from_reference_and_is_documented() -> None:
    eu = load_scenario(EU)
    default = forecast(eu, "bdm", runs=0).detail
    assert default["variant"] == "default" and default["q"] == 1.0
    assert default["resistance"] == "salience"
    assert default["dimensions"][0]["median"][1:11] != SCHOLZ_MEDIANS
    with pytest.raises(ScenarioError):
        forecast(eu, "bdm", runs=0, options={"bdm": {"variant": "nope"}})


def test_constant_resistance_changes_offers() -> None:
    eu = load_scenario(EU)
    base = forecast(eu, "bdm", runs=0).detail["dimensions"][0]["mean"]
    always = forecast(eu, "bdm", runs=0, options={"bdm": {"resistance": 1.0}})
    assert always.detail["dimensions"][0]["mean"] != base


def test_detected_cycles_are_real_cycles() -> None:
    eu = load_scenario(EU)
    pos, sal, cap = perturb(eu, 60, np.random.default_rng(3), Noise())
    x = pos[:, :, 0]
    lo, span = x.min(axis=1, keepdims=True), np.ptp(x, axis=1, keepdims=True)
    x0, s = (x - lo) / span, sal[:, :, 0]
    opts = BdmOptions(variant="scholz2011")
    res = B.run_rows(x0, cap, s, opts)
    cycled = np.flatnonzero(res.status == 2)
    assert cycled.size >= 5, "the reference path cycles on the EU case"
    for row in cycled[:5]:
        rounds, per = int(res.rounds[row]), int(res.period[row])
        assert per >= 2
        one = slice(row, row + 1)
        earlier = B.run_rows(
            x0[one], cap[one], s[one], BdmOptions(variant="scholz2011", max_rounds=rounds - per)
        )
        assert earlier.status[0] == 3  # capped there: nothing was detected before
        assert np.abs(earlier.x[0] - res.x[row]).max() <= opts.tol
        assert res.cycle_low[row] <= res.outcome[row] <= res.cycle_high[row]


def test_every_run_has_a_status_and_the_table_reports_shares() -> None:
    res = forecast(
        load_scenario(EU), "bdm", runs=200, seed=1, options={"bdm": {"variant": "scholz2011"}}
    )
    shares = res.dimensions[0].status
    assert shares is not None and sum(shares.values()) == pytest.approx(1.0)
    assert shares["cycled"] > 0.2
    code, out, _ = run("forecast", str(EU), "--variant", "scholz2011", "--runs", "200")
    assert code == 0 and "% cycled" in _notes(out)


# --------------------------------------------------------------------------- Nash


def _grid_check(seed: int) -> tuple[bool, bool]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 6))
    pos = rng.uniform(0, 100, (n, 2)).round(1)
    sal = rng.uniform(5, 50, (n, 2)).round(1)
    sq = rng.uniform(10, 90, 2).round(1)
    sc = make_scenario(
        "grid", [(f"a{i}", float(rng.uniform(1, 10))) for i in range(n)], ["x", "y"], pos, sal, sq
    )
    res = forecast(sc, "nash", runs=0)
    y, s, z = pos / 100, sal / 100, np.broadcast_to(sq / 100, (n, 2))
    lo = np.minimum(y.min(axis=0), sq / 100)
    hi = np.maximum(y.max(axis=0), sq / 100)
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], 201), np.linspace(lo[1], hi[1], 201))
    pts = np.stack([gx.ravel(), gy.ravel()], axis=1)
    gains = exact_gains(pts, y, s, z)  # [points, n]
    grid_best = gains.min(axis=1).max()
    feasible = res.detail["zopa"]
    if grid_best > 1e-6:
        assert feasible, (seed, grid_best)
    if feasible:
        x = np.array([d.outcome for d in res.dimensions]) / 100
        assert exact_gains(x, y, s, z).min() > 0, seed
        # No grid point strictly better for everyone has a higher Nash product.
        c = sc.capabilities / sc.capabilities.sum()
        ok = gains.min(axis=1) > 0
        grid_obj = (c * np.log(gains[ok])).sum(axis=1).max()
        ours = (c * np.log(exact_gains(x, y, s, z))).sum()
        assert ours >= grid_obj - 1e-5, (seed, ours, grid_obj)
    else:
        assert grid_best <= 1e-6
        assert res.detail["finding"].startswith("no zone of agreement: ")
        assert [d.outcome for d in res.dimensions] == pytest.approx(list(sq))
    return feasible, grid_best > 1e-6


def test_nash_feasibility_and_solution_agree_with_a_fine_grid() -> None:
    results = [_grid_check(seed) for seed in range(120)]
    feasible = sum(f for f, _ in results)
    # Both kinds of case occur, so both branches were exercised.
    assert 10 <= feasible <= 110, feasible


def test_zone_of_agreement_names_the_blocking_actors() -> None:
    # A wants low x, B high x, both beyond a status quo at 0.5; C cares about y only.
    y = np.array([[0.1, 0.5], [0.9, 0.5], [0.5, 0.9]])
    s = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    z = np.full((3, 2), 0.5)
    t, _, duals = zone_of_agreement(y, s, z, np.zeros(2), np.ones(2))
    assert t <= 1e-9
    assert set(np.flatnonzero(duals > 1e-9)) == {0, 1}


def test_nash_trades_across_dimensions_beat_the_segment_search() -> None:
    # Each actor gains on its important dimension and concedes on the other: only a point
    # off the segment from the status quo to the compromise point helps both.
    sc = make_scenario(
        "trade",
        [("A", 1), ("B", 1)],
        ["x", "y"],
        [[90, 10], [10, 90]],
        [[80, 20], [20, 80]],
        status_quo=[50, 50],
    )
    res = forecast(sc, "nash", runs=0)
    assert res.detail["zopa"] is True
    x, y = (d.outcome for d in res.dimensions)
    assert x > 50 and y > 50


def test_status_quo_is_perturbed_in_monte_carlo() -> None:
    sc = make_scenario(
        "sq", [("A", 1), ("B", 1)], ["d"], [[20], [80]], [[100], [100]], status_quo=[50]
    )
    res = forecast(sc, "nash", runs=200, seed=2)
    assert res.dimensions[0].p90 - res.dimensions[0].p10 > 1.0
    assert res.detail["zopa_share"] < 0.2


# --------------------------------------------------------------------------- modes


def test_modes_of_a_two_humped_sample() -> None:
    rng = np.random.default_rng(0)
    v = np.concatenate([rng.normal(33, 2, 550), rng.normal(80, 3, 450)])
    modes, p = find_modes(v)
    assert p is not None and p < 0.05
    assert len(modes) == 2
    assert modes[0]["center"] == pytest.approx(33, abs=1.5)
    assert modes[1]["center"] == pytest.approx(80, abs=1.5)
    assert modes[0]["share"] == pytest.approx(0.55, abs=0.02)


def test_one_mode_for_unimodal_and_constant_samples() -> None:
    rng = np.random.default_rng(1)
    assert len(find_modes(rng.normal(50, 5, 1000))[0]) == 1
    assert find_modes(np.full(500, 7.0))[0] == [{"center": 7.0, "share": 1.0}]
    assert find_modes(np.array([1.0, 90.0]))[0][0]["share"] == 1.0


def test_ukraine_example_prints_its_modes_and_cycle_share() -> None:
    code, out, _ = run("forecast", str(UKRAINE), "--model", "bdm", "--runs", "1000")
    assert code == 0
    assert "outcomes: ~" in _notes(out) and "% cycled" in _notes(out)
    res = forecast(load_scenario(UKRAINE), "bdm", runs=1000)
    assert any(d.multimodal for d in res.dimensions)
    shares = sum(md["share"] for md in res.dimensions[0].modes)
    assert shares == pytest.approx(1.0)


def test_progress_reaches_one_and_memory_is_estimated_first() -> None:
    seen: list[float] = []
    forecast(load_scenario(EU), "bdm", runs=50, progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(0 <= v <= 1 for v in seen)
    with pytest.raises(ScenarioError, match=r"need ~.*the limit is"):
        forecast(load_scenario(EU), "compromise", runs=10**8)
