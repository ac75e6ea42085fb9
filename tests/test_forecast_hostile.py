"""Hostile scenario files and options: one line on stderr, exit 2, bounded memory."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_runner import run
from detente.bargain import ScenarioError
from detente.bargain.montecarlo import clean_json
from detente.bargain.scenario import parse_ktab_csv, parse_yaml

ROOT = Path(__file__).resolve().parents[1]
EU = ROOT / "examples" / "scenarios" / "eu_car_emissions.csv"
UKRAINE = ROOT / "examples" / "scenarios" / "ukraine_territory_guarantees.yaml"

LAUGHS = textwrap.dedent(
    """\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    scenario: *g
    """
)


def _yaml_with_capability(value: str) -> str:
    return (
        "scenario: x\ndimensions: [d]\nactors:\n"
        f" - name: A\n   capability: {value}\n   positions: {{d: {{position: 1, salience: 1}}}}\n"
        " - name: B\n   capability: 1\n   positions: {d: {position: 2, salience: 1}}\n"
    )


def _csv_with_power(value: str) -> str:
    return f"x,y,2,1\nActor,Description,Power,Pos1,Sal1\nA,a,{value},10,50\nB,b,1,90,50\n"


HOSTILE = {
    "laughs.yaml": (LAUGHS, "aliases"),
    "unhashable.yaml": ("scenario: x\n? [a, b]\n: 1\n", "mapping key"),
    "digits400.yaml": (_yaml_with_capability("9" * 400), "too large"),
    "digits5000.yaml": (_yaml_with_capability("9" * 5000), "invalid YAML"),
    "cap308.csv": (_csv_with_power("1e308"), "outside"),
    "cap324.csv": (_csv_with_power("5e-324"), "outside"),
    "capinf.csv": (_csv_with_power("1e999"), "finite"),
    "digits400.csv": (_csv_with_power("9" * 400), "finite"),
    "deep.yaml": ("[" * 3000 + "]" * 3000, "invalid YAML"),
    "nul.csv": ("x,y,2,1\n\0,\0\n", ""),
    "huge_field.csv": ('"' + "x" * 200_000 + '"\n', "KTAB"),
    "many_actors.csv": ("x,y,99999999,1\n", "at most"),
    "nan.yaml": (_yaml_with_capability(".nan"), "finite"),
}


def _one_line_error(code: int, err: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("detente: "), err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_scenario_is_one_line_exit_2(tmp_path: Path, name: str) -> None:
    text, words = HOSTILE[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, err = run("forecast", str(path), "--runs", "0", "--model", "compromise")
    _one_line_error(code, err)
    assert words in err and out == ""


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--seed", "-1", "--seed"),
        ("--seed", "x", "--seed"),
        ("--position-noise", "nan", "--position-noise"),
        ("--salience-noise", "inf", "--salience-noise"),
        ("--capability-noise", "-0.1", "--capability-noise"),
        ("--runs", "-3", "--runs"),
        ("--runs", "100000000", "need ~"),
        ("--max-rounds", "0", "--max-rounds"),
        ("--q", "1.5", "--q"),
        ("--resistance", "often", "--resistance"),
    ],
)
def test_bad_options_are_one_line_exit_2(option: str, value: str, words: str) -> None:
    code, out, err = run("forecast", str(EU), option, value)
    _one_line_error(code, err)
    assert words in err and out == ""


def test_json_output_is_strict_json() -> None:
    code, out, _ = run(
        "forecast", str(UKRAINE), "--model", "all", "--runs", "40", "--format", "json"
    )
    assert code == 0

    def no_constants(name: str) -> None:
        raise AssertionError(f"{name} in JSON output")

    data = json.loads(out, parse_constant=no_constants)
    assert {d["model"] for d in data} == {"compromise", "median", "nash", "bdm", "exchange"}
    assert clean_json({"a": [math.nan, 1.0, math.inf]}) == {"a": [None, 1.0, None]}


# --------------------------------------------------------------------------- fuzzing

_cell = st.one_of(
    st.sampled_from(["", "1", "0", "100", "-5", "1e308", "5e-324", "nan", "inf", "9" * 400, "x"]),
    st.text(max_size=6),
)


@st.composite
def _csv_texts(draw: st.DrawFn) -> str:
    n_rows = draw(st.integers(0, 5))
    width = draw(st.integers(1, 8))
    head = draw(st.lists(_cell, min_size=0, max_size=5))
    rows = [",".join(head)]
    rows.append(",".join(draw(st.lists(_cell, min_size=width, max_size=width))))
    for _ in range(n_rows):
        rows.append(",".join(draw(st.lists(_cell, min_size=0, max_size=width + 1))))
    return "\n".join(rows)


_scalar = st.one_of(
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.booleans(),
    st.none(),
)
_yaml_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def _yaml_docs(draw: st.DrawFn) -> str:
    import yaml

    actors = draw(
        st.lists(
            st.fixed_dictionaries(
                {"name": _scalar, "capability": _scalar},
                optional={"positions": st.dictionaries(st.sampled_from(["d", "e"]), _yaml_value)},
            ),
            max_size=4,
        )
    )
    doc = {
        "scenario": draw(_scalar),
        "dimensions": draw(st.one_of(st.just(["d", "e"]), _yaml_value)),
        "actors": actors,
    }
    text = yaml.safe_dump(doc, allow_unicode=True)
    # Sometimes damage the text itself.
    cut = draw(st.integers(0, len(text)))
    junk = draw(st.sampled_from(["", "*a", "&a [", ": :", "\t", "? [x]\n: 1\n", "\x00"]))
    return text[:cut] + junk + text[cut:] if junk else text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_csv_texts())
def test_fuzz_csv_parser_raises_only_scenario_errors(text: str) -> None:
    try:
        parse_ktab_csv(text, "fuzz.csv")
    except ScenarioError as exc:
        assert str(exc).startswith("fuzz.csv") and "\n" not in str(exc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_yaml_docs())
def test_fuzz_yaml_parser_raises_only_scenario_errors(text: str) -> None:
    try:
        parse_yaml(text, "fuzz.yaml")
    except ScenarioError as exc:
        assert str(exc).startswith("fuzz.yaml")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_csv_texts().map(lambda t: ("csv", t)), _yaml_docs().map(lambda t: ("yaml", t))))
def test_fuzz_forecast_command_exits_0_or_2(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str]
) -> None:
    suffix, text = case
    path = tmp_path_factory.mktemp("fuzz") / f"s.{suffix}"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("forecast", str(path), "--runs", "3", "--model", "all", "--format", "json")
    assert code in (0, 2), err
    if code == 2:
        _one_line_error(code, err)
    else:
        json.loads(out)


# --------------------------------------------------------------------------- memory bound

_LIMITED = """
import resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from detente.cli import main
main(sys.argv[2:])
"""


def _limited(
    args: list[str], limit_gb: float = 3.0, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(int(limit_gb * 2**30)), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_hostile_inputs_finish_under_a_memory_limit(tmp_path: Path) -> None:
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text(LAUGHS, encoding="utf-8")
    res = _limited(["forecast", str(laughs)])
    assert res.returncode == 2 and "aliases" in res.stderr and "Traceback" not in res.stderr
    res = _limited(["forecast", str(EU), "--runs", "100000000"])
    assert res.returncode == 2 and "need ~" in res.stderr and "Traceback" not in res.stderr
    # 10,000 actors: BdM's pair work is done in blocks, so one round fits the limit.
    rows = ["many,10000 actors,10000,1", "Actor,Description,Power,Pos1,Sal1"]
    rows += [f"a{i},,{1 + i % 7},{(i * 37) % 101},{20 + i % 50}" for i in range(10_000)]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(rows), encoding="utf-8")
    res = _limited(
        [
            "forecast",
            str(big),
            "--model",
            "bdm",
            "--runs",
            "0",
            "--max-rounds",
            "1",
            "--format",
            "json",
        ]
    )
    assert res.returncode == 0, res.stderr
    dim = json.loads(res.stdout)[0]["dimensions"][0]
    assert 0 <= dim["outcome"] <= 100
