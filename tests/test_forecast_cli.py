"""``detente forecast`` on the shipped example scenarios, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli_runner import run
from detente.bargain import MODELS, load_scenario
from detente.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "scenarios"
FILES = sorted(str(p) for p in EXAMPLES.glob("*.csv")) + sorted(
    str(p) for p in EXAMPLES.glob("*.yaml")
)


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["forecast", *args])
    return res.exit_code, res.stdout, res.stderr


def test_jsonl_all_models_in_file_order() -> None:
    code, out, err = _run(*FILES, "--model", "all", "--runs", "30", "--format", "jsonl")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(FILES) * len(MODELS)
    names = [load_scenario(f).name for f in FILES]
    assert [ln["scenario"] for ln in lines] == [n for n in names for _ in MODELS]
    assert [ln["model"] for ln in lines] == list(MODELS) * len(FILES)
    for ln in lines:
        assert set(ln) == {"scenario", "model", "dimensions", "detail"}
        for d in ln["dimensions"]:
            expected = {"name", "outcome", "p10", "p50", "p90", "modes"}
            assert set(d) == expected | ({"status"} if ln["model"] == "bdm" else set())
            assert d["p10"] <= d["p50"] <= d["p90"]
            assert d["modes"] and sum(md["share"] for md in d["modes"]) == pytest.approx(1.0)
    eu = next(
        ln for ln in lines if ln["scenario"] == "EU car emissions" and ln["model"] == "median"
    )
    assert eu["dimensions"][0]["outcome"] == 7.0


def test_seed_controls_output() -> None:
    args = [FILES[0], "--model", "bdm", "--runs", "50", "--format", "json"]
    first = _run(*args, "--seed", "7")
    again = _run(*args, "--seed", "7")
    other = _run(*args, "--seed", "8")
    assert first[0] == 0 and first[1] == again[1]
    assert json.loads(first[1])[0]["detail"]["seed"] == 7
    assert first[1] != other[1]


def test_table_output_names_models_and_dimensions() -> None:
    eu = str(EXAMPLES / "eu_car_emissions.csv")
    code, out, _ = _run(eu, "--model", "all", "--runs", "20")
    assert code == 0
    assert "EU car emissions" in out
    for model in MODELS:
        assert model in out
    assert "7.39" in out and "7.00" in out


def test_noise_options_reach_the_result() -> None:
    eu = str(EXAMPLES / "eu_car_emissions.csv")
    code, out, _ = _run(
        eu,
        "--model",
        "compromise",
        "--runs",
        "20",
        "--format",
        "jsonl",
        "--position-noise",
        "0",
        "--salience-noise",
        "0",
        "--capability-noise",
        "0",
    )
    assert code == 0
    line = json.loads(out)
    d = line["dimensions"][0]
    assert d["p10"] == d["p90"] == d["outcome"]
    assert line["detail"]["noise"] == {"position": 0.0, "salience": 0.0, "capability": 0.0}


def test_plot_writes_svg(tmp_path: Path) -> None:
    svg = tmp_path / "bdm.svg"
    ukraine = str(EXAMPLES / "ukraine_territory_guarantees.yaml")
    code, _, err = _run(ukraine, "--model", "compromise", "--runs", "0", "--plot", str(svg))
    assert code == 0, err
    text = svg.read_text()
    assert "<svg" in text and "territory" in text


def test_bad_file_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("X,d,2,1\nActor,Description,Power,Pos1,Sal1\nA,,1,50,50\nB,,1,abc,50\n")
    code, out, err = _run(str(bad))
    assert code == 2 and out == ""
    assert err == f"detente: {bad}:4:4: Pos1 must be a number, got 'abc'\n"
    code, _, err = _run(str(tmp_path / "absent.yaml"))
    assert code == 2 and err.startswith("detente: ") and err.count("\n") == 1


def test_forecast_eval_scores_models_and_baselines(tmp_path: Path) -> None:
    decisions = EXAMPLES.parent / "decisions"
    code, out, err = run("forecast-eval", str(decisions), "--format", "json")
    assert code == 0, err
    rows = {r["method"]: r for r in json.loads(out)}
    assert set(rows) == set(MODELS) | {"capability mean", "capability median", "midpoint"}
    assert all(r["cases"] == 9 for r in rows.values())
    # Equal saliences: the compromise model is the capability-weighted mean.
    assert rows["compromise"]["mae"] == rows["capability mean"]["mae"]
    # Cars 2030: Council 35, Parliament 40, Commission 30, outcome 37.5 -> midpoint 35.
    code, out, _ = run("forecast-eval", str(decisions), "--show-cases", "--format", "json")
    cars = next(r for r in json.loads(out) if r["file"] == "cars_co2_2030.csv")
    assert cars["outcome"] == 37.5 and cars["midpoint"] == 35.0
    assert cars["capability mean"] == pytest.approx((35 * 40 + 40 * 40 + 30 * 20) / 100)
    # A directory without outcomes.csv is one line and exit 2.
    code, _, err = run("forecast-eval", str(tmp_path))
    assert code == 2 and err.startswith("detente: ") and len(err.strip().splitlines()) == 1


def test_progress_bar_on_stderr_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.cli import forecast as forecast_cli

    monkeypatch.setattr(forecast_cli._Progress, "DELAY", 0.0)
    eu = str(EXAMPLES / "eu_car_emissions.csv")
    code, out, err = run("forecast", eu, "--runs", "200", "--progress", "--format", "jsonl")
    assert code == 0 and json.loads(out)["model"] == "bdm"
    assert "forecast" in err or "EU car emissions" in err
    code, out, err = run("forecast", eu, "--runs", "200", "--no-progress", "--format", "jsonl")
    assert code == 0 and err == ""
