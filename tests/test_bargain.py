"""Scenarios and bargaining models: hand-computed cases, properties, validation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargain import (
    MODELS,
    Actor,
    BdmOptions,
    Dimension,
    Noise,
    Scenario,
    ScenarioError,
    forecast,
    load_scenario,
    make_scenario,
    save_scenario,
)
from detente.bargain import bdm as B
from detente.bargain import models as m
from detente.bargain.montecarlo import perturb

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "scenarios"
EU = EXAMPLES / "eu_car_emissions.csv"

# Table 1 of Scholz, Calbert & Smith (2011): capability, position (years), salience.
EU_TABLE = {
    "Netherlands": (0.08, 4, 0.8),
    "Belgium": (0.08, 7, 0.4),
    "Luxembourg": (0.03, 4, 0.2),
    "Germany": (0.16, 4, 0.8),
    "France": (0.16, 10, 0.6),
    "Italy": (0.16, 10, 0.6),
    "UK": (0.16, 10, 0.9),
    "Ireland": (0.05, 7, 0.1),
    "Denmark": (0.05, 4, 1.0),
    "Greece": (0.08, 7, 0.7),
}


@pytest.fixture(scope="module")
def eu() -> Scenario:
    return load_scenario(EU)


def _random_scenario(seed: int, n: int, d: int, sq: bool = False) -> Scenario:
    rng = np.random.default_rng(seed)
    sal = rng.uniform(5, 100, (n, d))
    sal = sal / sal.sum(axis=1, keepdims=True) * rng.uniform(50, 100, (n, 1))
    return make_scenario(
        f"random-{seed}",
        [(f"actor{i}", float(rng.uniform(1, 50))) for i in range(n)],
        [f"dim{k + 1}" for k in range(d)],
        rng.uniform(0, 100, (n, d)).round(1),
        sal.round(2),
        rng.uniform(20, 80, d).round(1) if sq else None,
    )


def _point(sc: Scenario, model: str) -> np.ndarray:
    return np.array([d.outcome for d in forecast(sc, model, runs=0).dimensions])


def _with(sc: Scenario, **changes: object) -> Scenario:
    fields = {
        "name": sc.name,
        "actors": [Actor(a.name, a.capability) for a in sc.actors],
        "dimensions": [Dimension(d.name) for d in sc.dimensions],
        "positions": sc.positions,
        "saliences": sc.saliences,
        "status_quo": sc.status_quo,
    }
    fields.update(changes)
    return Scenario(**fields)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- EU case


def test_eu_file_matches_published_table(eu: Scenario) -> None:
    assert [a.name for a in eu.actors] == list(EU_TABLE)
    total_cap = eu.capabilities.sum()
    for i, (cap, pos, sal) in enumerate(EU_TABLE.values()):
        assert eu.capabilities[i] / total_cap == pytest.approx(cap / 1.01)
        assert eu.positions[i, 0] == pos
        assert eu.saliences[i, 0] / 100 == pytest.approx(sal)


def test_eu_compromise_is_hand_computed_weighted_mean(eu: Scenario) -> None:
    # capability x salience: 4 years .064+.006+.128+.050 = .248; 7 years .032+.005+.056
    # = .093; 10 years .096+.096+.144 = .336; total .677.
    expected = (4 * 0.248 + 7 * 0.093 + 10 * 0.336) / 0.677
    assert expected == pytest.approx(7.3900, abs=1e-4)
    assert _point(eu, "compromise")[0] == pytest.approx(expected, rel=1e-12)


def test_eu_median_is_hand_computed_weighted_median(eu: Scenario) -> None:
    # Cumulative weight .248 at 4 years stays below half of .677 (.3385); .341 at 7 passes it.
    assert 0.248 < 0.677 / 2 < 0.248 + 0.093
    assert _point(eu, "median")[0] == 7.0


def test_eu_bdm_round_by_round(eu: Scenario) -> None:
    res = forecast(eu, "bdm", runs=0)
    dim = res.detail["dimensions"][0]
    assert dim["median"][0] == 7.0
    assert dim["mean"][0] == pytest.approx(7.39, abs=0.005)
    assert dim["converged"] is True
    assert len(dim["median"]) == len(dim["mean"]) == dim["rounds"] + 1
    assert res.dimensions[0].outcome == dim["median"][-1]
    traj = res.trajectories[0]  # type: ignore[index]
    assert traj.shape == (dim["rounds"] + 1, 10)
    assert np.array_equal(traj[0], eu.positions[:, 0])
    assert traj.min() >= 4 and traj.max() <= 10
    # Every recorded round moved someone, and moves come only from the three offer types.
    assert all(sum(moves.values()) > 0 for moves in dim["moves"])


def test_eu_every_model_inside_position_range(eu: Scenario) -> None:
    for model in MODELS:
        res = forecast(eu, model, runs=50, seed=3)
        d = res.dimensions[0]
        for v in (d.outcome, d.p10, d.p50, d.p90):
            assert 4 - 1e-9 <= v <= 10 + 1e-9, (model, v)
        assert d.p10 <= d.p50 <= d.p90


# --------------------------------------------------------------------------- properties


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("seed", [1, 2])
def test_outcome_within_actor_positions(model: str, seed: int) -> None:
    sc = _random_scenario(seed, 9, 2)
    out = _point(sc, model)
    lo, hi = sc.positions.min(axis=0), sc.positions.max(axis=0)
    assert np.all(out >= lo - 1e-6) and np.all(out <= hi + 1e-6)


@pytest.mark.parametrize("model", MODELS)
def test_invariant_to_rescaling_capabilities(model: str) -> None:
    sc = _random_scenario(5, 8, 2)
    scaled = _with(sc, actors=[Actor(a.name, a.capability * 37.5) for a in sc.actors])
    assert np.allclose(_point(sc, model), _point(scaled, model), atol=1e-6)


@pytest.mark.parametrize("model", MODELS)
def test_mirror_symmetry(model: str) -> None:
    sc = _random_scenario(7, 7, 2)
    mirrored = _with(sc, positions=100 - sc.positions)
    assert np.allclose(_point(mirrored, model), 100 - _point(sc, model), atol=1e-5)


@pytest.mark.parametrize("model", MODELS)
def test_invariant_to_actor_order(model: str) -> None:
    sc = _random_scenario(11, 8, 2)
    perm = np.random.default_rng(0).permutation(sc.n_actors)
    shuffled = _with(
        sc,
        actors=[Actor(sc.actors[i].name, sc.actors[i].capability) for i in perm],
        positions=sc.positions[perm],
        saliences=sc.saliences[perm],
    )
    assert np.allclose(_point(sc, model), _point(shuffled, model), atol=1e-6)


@pytest.mark.parametrize("model", MODELS)
def test_same_seed_same_numbers_other_seed_other_numbers(model: str) -> None:
    sc = _random_scenario(3, 6, 2)
    a = forecast(sc, model, runs=40, seed=123)
    b = forecast(sc, model, runs=40, seed=123)
    c = forecast(sc, model, runs=40, seed=124)
    assert a.to_dict() == b.to_dict()
    assert a.samples is not None and c.samples is not None
    assert np.array_equal(a.samples, b.samples)
    assert not np.array_equal(a.samples, c.samples)


def test_unanimous_actors_stay_put() -> None:
    sc = make_scenario(
        "same", [("A", 1), ("B", 5), ("C", 2)], ["d"], [[40], [40], [40]], [[50], [20], [90]]
    )
    for model in MODELS:
        assert _point(sc, model)[0] == pytest.approx(40.0, abs=1e-6)


def test_weighted_median_tie_takes_midpoint() -> None:
    x = np.array([[20.0, 60.0], [60.0, 20.0]])
    w = np.ones((2, 2))
    assert np.array_equal(m.weighted_median(x, w), [40.0, 40.0])
    x3 = np.array([[10.0, 30.0, 90.0]])
    assert m.weighted_median(x3, np.array([[1.0, 1.0, 3.0]]))[0] == 90.0
    assert m.weighted_median(x3, np.array([[1.0, 1.0, 1.0]]))[0] == 30.0


def test_zero_noise_runs_equal_point_forecast() -> None:
    sc = _random_scenario(4, 6, 2)
    res = forecast(sc, "compromise", runs=20, seed=1, noise=Noise(0, 0, 0))
    for d in res.dimensions:
        assert d.p10 == pytest.approx(d.outcome) and d.p90 == pytest.approx(d.outcome)


def test_noise_is_applied_and_bounded() -> None:
    sc = _random_scenario(4, 6, 2)
    pos, sal, cap = perturb(sc, 200, np.random.default_rng(0), Noise(0.2, 0.5, 0.5))
    assert np.array_equal(pos[0], sc.positions) and np.array_equal(cap[0], sc.capabilities)
    assert pos.min() >= 0 and pos.max() <= 100 and sal.max() <= 1
    assert pos[1:].std(axis=0).min() > 0 and (cap[1:] > 0).all()
    with pytest.raises(ScenarioError):
        Noise(position=-1)


# --------------------------------------------------------------------------- BdM internals


def _win_prob_direct(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Eq. 2 straight from the definition, O(n³)."""
    dist = np.abs(x[:, :, None] - x[:, None, :])  # [b, k, i]
    v = w[:, :, None, None] * (dist[:, :, None, :] - dist[:, :, :, None])
    num = np.clip(v, 0.0, None).sum(axis=1)
    den = np.abs(v).sum(axis=1)
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.5)


def _block_probs(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Win probabilities through the prefix-sum blocks, back in the actors' order."""
    order = np.argsort(x, axis=1, kind="stable")
    xs, ws = np.take_along_axis(x, order, axis=1), np.take_along_axis(w, order, axis=1)
    srt = B._Sorted(xs, ws)
    n = x.shape[1]
    p = np.concatenate(
        [srt.block(i0, min(n, i0 + 7), B._Work())[0].copy() for i0 in range(0, n, 7)], axis=1
    )
    inv = np.argsort(order, axis=1)
    p = np.take_along_axis(p, inv[:, :, None], axis=1)
    return np.take_along_axis(p, inv[:, None, :], axis=2)


@pytest.mark.parametrize(("rows", "n"), [(30, 17), (1, 60), (4, 70)])
def test_win_probabilities_fast_path_matches_definition(rows: int, n: int) -> None:
    rng = np.random.default_rng(9)
    x = rng.uniform(0, 1, (rows, n))
    x[:, 3] = x[:, 5]  # ties between actors
    w = rng.uniform(0, 1, (rows, n))
    w[:, 0] = 0.0
    direct = _win_prob_direct(x, w)
    fast = _block_probs(x, w)
    distinct = np.abs(x[:, :, None] - x[:, None, :]) > 0
    assert np.allclose(direct[distinct], fast[distinct], atol=1e-12)
    assert np.allclose((direct + direct.transpose(0, 2, 1))[distinct], 1.0)


def test_win_probability_of_two_blocs_is_their_weight_share() -> None:
    # Voters at the contestants' own positions vote with margin equal to the distance.
    p = _block_probs(np.array([[0.0, 0.0, 1.0]]), np.array([[1.0, 2.0, 1.0]]))
    assert p[0, 0, 2] == pytest.approx(3 / 4)
    assert p[0, 2, 0] == pytest.approx(1 / 4)


def test_risk_exponents_within_half_and_two() -> None:
    exposure = np.array([[3.0, -1.0, 0.5, 1.0]])
    r = B.risk_exponents(exposure)
    assert r[0, 0] == pytest.approx(0.5) and r[0, 1] == pytest.approx(2.0)
    assert np.all((r >= 0.5) & (r <= 2.0))
    assert np.allclose(B.risk_exponents(np.ones((1, 3))), 1.0)


@pytest.mark.parametrize("compiled", [False, True])
def test_bdm_round_by_hand_for_two_actors(compiled: bool) -> None:
    # A (capability 3) at 0 and B (capability 1) at 1, saliences 1: P_AB = 3/4.  With
    # r = 1, E(U_AB) = 2(1 - 2(1/4)) = 1 and E(U_BA) = 2(1 - 2(3/4)) = -1, so B is
    # the exposed actor (r = 1/2) and A the safe one (r = 2).  From B's view (r = 1/2,
    # d = 1): U_s = 2, U_f = -2, U_sq = 2 - 4/sqrt(2); E(U_BA) = 2 - 3/4*4 - U_sq =
    # 4/sqrt(2) - 3 < 0 and E(U_AB) = 2 - 1/4*4 - U_sq = 4/sqrt(2) - 1 > |E(U_BA)|: B
    # compromises, moving the share (3 - 4/sqrt 2)/(4/sqrt 2 - 1) toward A.  From A's
    # view (r = 2): E(U_BA) = 2 - 3 - 1 < 0: no offer, A stays.
    x = np.array([[0.0, 1.0]])
    c = np.array([[3.0, 1.0]])
    s = np.ones((1, 2))
    step = B.round_default_compiled if compiled else B.round_default
    new, kinds, _ = step(x, c, s, BdmOptions())
    share = (3 - 4 / np.sqrt(2)) / (4 / np.sqrt(2) - 1)
    assert new[0, 0] == 0.0 and new[0, 1] == pytest.approx(1 - share, abs=1e-12)
    assert list(kinds[0]) == [0, 2]


@pytest.mark.parametrize("q", [1.0, 0.4])
def test_compiled_round_matches_numpy_round(q: float) -> None:
    rng = np.random.default_rng(4)
    # Small batches run on one thread, large ones (200 x 40) on all cores.
    for rows, n in ((9, 3), (9, 12), (9, 45), (200, 40)):
        x = rng.uniform(0, 1, (rows, n))
        x[2, :2] = x[2, -1]  # actors sharing a position
        c = rng.uniform(0.5, 2, (rows, n))
        s = rng.uniform(0, 1, (rows, n))
        opts = BdmOptions(q=q, t=0.3)
        a = B.round_default(x, c, s, opts, block=200)  # several receiver blocks
        b = B.round_default_compiled(x, c, s, opts)
        assert np.allclose(a[0], b[0], atol=1e-12) and np.array_equal(a[1], b[1])


def test_bdm_round_cap_is_respected(eu: Scenario) -> None:
    res = forecast(eu, "bdm", runs=0, options={"bdm": {"max_rounds": 3}})
    dim = res.detail["dimensions"][0]
    assert dim["rounds"] == 3 and dim["converged"] is False and len(dim["median"]) == 4
    assert dim["status"] == "capped"


def test_bdm_status_quo_term_changes_dynamics(eu: Scenario) -> None:
    base = forecast(eu, "bdm", runs=0).detail["dimensions"][0]["mean"]
    other = forecast(eu, "bdm", runs=0, options={"bdm": {"q": 0.5}}).detail["dimensions"][0]
    assert other["mean"][0] == base[0]
    assert other["mean"][1:] != base[1 : len(other["mean"])]


# --------------------------------------------------------------------------- Nash


def test_nash_two_actors_hand_computed() -> None:
    # u_A = -|x-20|, worst 80: gain 80-x; u_B gain x-20.  Max 3log(80-x)+log(x-20): x = 35.
    sc = make_scenario("two", [("A", 3), ("B", 1)], ["d"], [[20], [80]], [[100], [100]])
    assert _point(sc, "nash")[0] == pytest.approx(35.0, abs=1e-3)
    equal = make_scenario("two", [("A", 1), ("B", 1)], ["d"], [[20], [80]], [[100], [100]])
    assert _point(equal, "nash")[0] == pytest.approx(50.0, abs=1e-3)


def test_nash_status_quo_that_is_pareto_optimal_is_kept() -> None:
    sc = make_scenario(
        "sq", [("A", 1), ("B", 1)], ["d"], [[20], [80]], [[100], [100]], status_quo=[50]
    )
    res = forecast(sc, "nash", runs=0)
    assert res.dimensions[0].outcome == pytest.approx(50.0)
    assert res.detail["zopa"] is False
    assert res.detail["disagreement"] == ["status quo"]
    assert res.detail["finding"] == (
        "no zone of agreement: A and B sit on opposite sides of the status quo on d"
    )


def test_nash_improves_on_status_quo_for_everyone() -> None:
    sc = make_scenario(
        "sq2",
        [("A", 2), ("B", 1)],
        ["d1", "d2"],
        [[90, 80], [60, 20]],
        [[60, 40], [50, 50]],
        status_quo=[10, 50],
    )
    res = forecast(sc, "nash", runs=0)
    x = np.array([d.outcome for d in res.dimensions])
    s = sc.saliences / 100
    u_at = -(s * np.abs(x - sc.positions)).sum(axis=1)
    u_sq = -(s * np.abs(sc.status_quo - sc.positions)).sum(axis=1)
    assert res.detail["zopa"] is True
    assert np.all(u_at > u_sq)


# --------------------------------------------------------------------------- exchange


def test_exchange_trades_low_salience_issue_for_high_salience_issue() -> None:
    # A cares about d1, B about d2; they sit on opposite sides of both outcomes.
    sc = make_scenario(
        "swap", [("A", 1), ("B", 1)], ["d1", "d2"], [[100, 100], [0, 0]], [[80, 20], [20, 80]]
    )
    comp = _point(sc, "compromise")
    res = forecast(sc, "exchange", runs=0)
    out = np.array([d.outcome for d in res.dimensions])
    trades = res.detail["trades"]
    assert trades and trades[0]["actor"] in ("A", "B")
    first = trades[0]
    concessions = {
        (first["actor"], first["concedes_on"]),
        (first["partner"], first["partner_concedes_on"]),
    }
    assert concessions == {("A", "d2"), ("B", "d1")}
    assert out[0] > comp[0] and out[1] < comp[1]
    s = sc.saliences / 100
    gain = -(s * np.abs(out - sc.positions)).sum(axis=1) + (s * np.abs(comp - sc.positions)).sum(
        axis=1
    )
    assert np.all(gain > 0)
    assert gain[0] == pytest.approx(gain[1], rel=1e-9)  # equal-gain exchange rate


def test_exchange_batch_equals_run_by_run() -> None:
    sc = load_scenario(EXAMPLES / "sudan_jeddah.csv")
    pos, sal, cap = perturb(sc, 40, np.random.default_rng(2), Noise())
    opts = m.ExchangeOptions()
    batch, trades = m._exchange_batch(pos, sal, cap, opts)
    single = [m._exchange_one(pos[k], sal[k], cap[k], opts, record=k == 0) for k in range(41)]
    assert np.allclose(batch, np.stack([x for x, _ in single]), atol=1e-12)
    assert trades == single[0][1] and len(trades) > 0


def test_exchange_needs_two_dimensions(eu: Scenario) -> None:
    res = forecast(eu, "exchange", runs=0)
    assert res.detail["trades"] == []
    assert res.dimensions[0].outcome == pytest.approx(_point(eu, "compromise")[0])


# --------------------------------------------------------------------------- files


def test_yaml_round_trip_keeps_metadata(tmp_path: Path) -> None:
    sc = Scenario(
        "Kosovo talks",
        [
            Actor("Serbia", 30, "Belgrade", {"evidence": ["c1", "c7"]}),
            Actor("Kosovo", 15, extra={"reason": "insists on mutual recognition"}),
            Actor("EU", 25),
        ],
        [
            Dimension(
                "recognition", "no recognition", "full mutual recognition", {"evidence": ["c3"]}
            )
        ],
        [[10.0], [95.0], [60.0]],
        [[70.0], [90.0], [50.0]],
        status_quo=[20.0],
        entry_extra={("Serbia", "recognition"): {"evidence": ["c9"], "reason": "stated red line"}},
    )
    path = tmp_path / "kosovo.yaml"
    save_scenario(sc, path)
    back = load_scenario(path)
    assert [a.name for a in back.actors] == ["Serbia", "Kosovo", "EU"]
    assert back.actors[0].extra == {"evidence": ["c1", "c7"]}
    assert back.actors[0].description == "Belgrade"
    assert back.actors[1].extra == {"reason": "insists on mutual recognition"}
    assert back.dimensions[0].extra == {"evidence": ["c3"]}
    assert back.dimensions[0].high_label == "full mutual recognition"
    assert back.entry_extra == {
        ("Serbia", "recognition"): {"evidence": ["c9"], "reason": "stated red line"}
    }
    assert np.array_equal(back.positions, sc.positions)
    assert np.array_equal(back.status_quo, sc.status_quo)  # type: ignore[arg-type]
    save_scenario(back, tmp_path / "again.yaml")
    assert (tmp_path / "again.yaml").read_text() == path.read_text()


def test_csv_round_trip(tmp_path: Path, eu: Scenario) -> None:
    save_scenario(eu, tmp_path / "eu.csv")
    back = load_scenario(tmp_path / "eu.csv")
    assert back.name == eu.name and back.dimensions[0].name == eu.dimensions[0].name
    assert np.array_equal(back.positions, eu.positions)
    assert np.array_equal(back.saliences, eu.saliences)
    assert np.array_equal(back.capabilities, eu.capabilities)


def test_every_example_loads_and_forecasts() -> None:
    files = sorted(EXAMPLES.glob("*.csv")) + sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) >= 5
    dims = [load_scenario(f).n_dims for f in files]
    assert max(dims) >= 2
    for f in files:
        sc = load_scenario(f)
        res = forecast(sc, "bdm", runs=10, seed=0)
        assert len(res.dimensions) == sc.n_dims


CSV_HEAD = "X,d,2,1\nActor,Description,Power,Pos1,Sal1\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (CSV_HEAD + "A,,1,50,50\nB,,1,abc,50\n", ":4:4: Pos1 must be a number, got 'abc'"),
        (CSV_HEAD + "A,,1,50,50\nA,,1,40,50\n", ":4:1: duplicate actor 'A'"),
        (CSV_HEAD + "A,,1,50,50\nB,,1,140,50\n", ":4:4: actor 'B', dimension 'dim1': position 140"),
        (CSV_HEAD + "A,,1,50,-5\nB,,1,40,50\n", ":3:5: actor 'A', dimension 'dim1': salience -5"),
        (
            "X,d,2,2\nActor,Description,Power,Pos1,Sal1,Pos2,Sal2\nA,,1,50,50,20,60\nB,,1,4,5,1,1\n",
            ":3:7: actor 'A': saliences sum to 110 > 100",
        ),
        (
            "X,d,1,1\nActor,Description,Power,Pos1,Sal1\nA,,1,50,50\n",
            ":1:1: a scenario needs at least two actors, found 1",
        ),
        (CSV_HEAD + "A,,1,50\nB,,1,40,50\n", ":3:1: expected 5 columns, found 4"),
        ("X,d,2\n", ":1:1: first row must be"),
        (CSV_HEAD + "A,,1,50,50\n", "nActors says 2 but the file has 1 actor rows"),
        (CSV_HEAD + "A,,x,50,50\nB,,1,40,50\n", ":3:3: Power must be a number"),
    ],
)
def test_csv_validation_messages(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value).startswith(str(path) + ":")
    assert message in str(info.value)


YAML_OK = """scenario: x
dimensions:
  - name: a
actors:
  - name: A
    capability: 1
    positions: {a: {position: POS, salience: 10, evidence: [c1]}}
  - name: B
    capability: 1
    positions: {a: {position: 10, salience: 10}}
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (YAML_OK.replace("POS", "150"), ":7:31: actor 'A', dimension 'a': position 150"),
        (YAML_OK.replace("POS", "high"), ":7:31: actor 'A': position must be a number"),
        (YAML_OK.replace("POS", "5").replace("name: B", "name: A"), ":8:11: duplicate actor"),
        (
            YAML_OK.replace("POS", "5").replace("{a: {position: 10", "{b: {position: 10"),
            ":10:17: actor 'B': unknown dimension 'b'",
        ),
        ("scenario: x\ndimensions: [a\n", ":3:1: invalid YAML"),
        ("scenario: x\nactors: []\n", ":1:1: missing key 'dimensions'"),
    ],
)
def test_yaml_validation_messages(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value).startswith(str(path) + ":")
    assert message in str(info.value)


def test_yaml_extra_keys_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(YAML_OK.replace("POS", "60"))
    sc = load_scenario(path)
    assert sc.entry_extra == {("A", "a"): {"evidence": ["c1"]}}


def test_python_construction_is_validated() -> None:
    with pytest.raises(ScenarioError, match="needs at least two actors"):
        make_scenario("x", [("A", 1)], ["d"], [[1]], [[1]])
    with pytest.raises(ScenarioError, match="saliences sum to 120"):
        make_scenario("x", [("A", 1), ("B", 1)], ["d", "e"], [[1, 2], [3, 4]], [[60, 60], [10, 10]])
    with pytest.raises(ScenarioError, match="positions must have shape"):
        make_scenario("x", [("A", 1), ("B", 1)], ["d"], [[1, 2], [3, 4]], [[1], [1]])
    with pytest.raises(ScenarioError, match="unknown model"):
        forecast(_random_scenario(1, 3, 1), "coin-toss")


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="unknown scenario format"):
        load_scenario(tmp_path / "s.txt")
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(tmp_path / "missing.csv")


# --------------------------------------------------------------------------- batching


@pytest.mark.parametrize("model", MODELS)
def test_batched_runs_equal_separate_runs(model: str) -> None:
    from detente.bargain.montecarlo import run_model

    sc = load_scenario(EXAMPLES / "drc_m23.csv")
    pos, sal, cap = perturb(sc, 12, np.random.default_rng(5), Noise())
    batch = run_model(model, pos, sal, cap, sc.status_quo).outcome
    for k in range(pos.shape[0]):
        one = run_model(model, pos[k : k + 1], sal[k : k + 1], cap[k : k + 1], sc.status_quo)
        assert np.allclose(batch[k], one.outcome[0], atol=1e-6), (model, k)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 100), st.floats(0.01, 50, allow_nan=False)),
        min_size=1,
        max_size=12,
    )
)
def test_weighted_median_minimises_weighted_distance(pairs: list[tuple[int, float]]) -> None:
    x = np.array([[float(p) for p, _ in pairs]])
    w = np.array([[wt for _, wt in pairs]])
    med = m.weighted_median(x, w)[0]
    cost = lambda y: float((w * np.abs(x - y)).sum())  # noqa: E731
    best = min(cost(float(y)) for y in x[0])
    assert cost(med) == pytest.approx(best, rel=1e-9, abs=1e-9)
    assert x.min() <= med <= x.max()
