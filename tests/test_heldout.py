"""The gold sets stay usable and the held-out reports stay held out.

Every actor a gold file names must be one the knowledge base can resolve, and no
run of six words from a ``gold/test`` or ``gold/fresh`` report may appear in the
code, the knowledge files, the tests, the benchmarks, the docs or the examples
(``scripts/leak_check.py``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from detente.evaluate import load_gold_dir
from detente.extract.kb import knowledge

ROOT = Path(__file__).resolve().parents[1]
LEAK_CHECK = ROOT / "scripts" / "leak_check.py"


def run_leak_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(LEAK_CHECK), "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("subset", ["dev", "test", "fresh", "next"])
def test_every_gold_actor_is_known_to_the_knowledge_base(subset: str) -> None:
    known = set(knowledge().actor_names)
    unknown = sorted(
        {
            f"{report.name}: {actor}"
            for report in load_gold_dir(ROOT / "gold" / subset)
            for claim in report.claims
            for actor in claim.actors
            if actor not in known
        }
    )
    assert not unknown, "actor ids missing from the knowledge base:\n" + "\n".join(unknown)


def test_held_out_set_is_large_and_fully_evidenced() -> None:
    reports = load_gold_dir(ROOT / "gold" / "test")
    claims = [c for r in reports for c in r.claims]
    required = [c for c in claims if c.required]
    assert len(reports) >= 32
    assert len(required) >= 250
    # the attribute metrics need enough items to mean something
    assert sum(bool(c.places) for c in required) >= 40
    assert sum(bool(c.sources) for c in required) >= 40
    # load_gold has checked that each passage occurs in its report; here: none is missing
    assert [f"{r.name}: {c.label()}" for r in reports for c in r.claims if not c.evidence] == []


def test_fresh_set_is_complete_and_fully_evidenced() -> None:
    reports = load_gold_dir(ROOT / "gold" / "fresh")
    required = [c for r in reports for c in r.claims if c.required]
    assert len(reports) >= 12
    assert len(required) >= 100
    assert sum(bool(c.places) for c in required) >= 10
    assert sum(bool(c.sources) for c in required) >= 20
    assert sum(len(r.event_dates) for r in reports) >= 5
    # load_gold has checked that each passage occurs in its report; here: none is missing
    assert [f"{r.name}: {c.label()}" for r in reports for c in r.claims if not c.evidence] == []


def test_no_held_out_phrase_appears_outside_gold() -> None:
    result = run_leak_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def _fake_repo(
    root: Path, report: str, files: dict[str, str], actors: str = "", subset: str = "test"
) -> Path:
    (root / "gold" / subset).mkdir(parents=True)
    (root / "gold" / subset / "one.txt").write_text(report, encoding="utf-8")
    kdir = root / "src" / "detente" / "knowledge"
    kdir.mkdir(parents=True)
    (kdir / "actors.yaml").write_text(actors or "bodies: {}\n", encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


REPORT = (
    "LONDON, Jan 1 - The lighthouse keepers' guild said on Monday that its members "
    "would switch off every lamp on the northern coast unless the harbour board "
    "restored their winter pay."
)


def test_leak_check_reports_a_copied_phrase_whatever_its_case_and_line_breaks(
    tmp_path: Path,
) -> None:
    copied = 'RULE = "would switch off EVERY\n  lamp, on the"  # copied\n'
    root = _fake_repo(
        tmp_path, REPORT, {"src/pkg/rules.py": copied, "docs/notes.md": "Nothing here.\n"}
    )
    result = run_leak_check(root)
    assert result.returncode == 1
    assert 'src/pkg/rules.py: "would switch off every lamp on"' in result.stdout
    assert "docs/notes.md" not in result.stdout


@pytest.mark.parametrize("folder", ["tests", "benchmarks", "examples", "docs"])
def test_leak_check_scans_every_folder(tmp_path: Path, folder: str) -> None:
    root = _fake_repo(
        tmp_path, REPORT, {f"{folder}/x.txt": "restored their winter pay the harbour"}
    )
    assert run_leak_check(root).returncode == 0  # word order matters: no run of six shared
    (root / folder / "y.txt").write_text("unless the harbour board restored their", "utf-8")
    result = run_leak_check(root)
    assert result.returncode == 1 and f"{folder}/y.txt" in result.stdout


def test_leak_check_allows_full_names_from_the_knowledge_base(tmp_path: Path) -> None:
    actors = (
        "bodies:\n"
        "  guild: {name: Lighthouse Keepers' Guild of the Northern Coast,"
        " aliases: [Guild of Lighthouse Keepers of the Northern Coast, GLK]}\n"
    )
    report = "The Guild of Lighthouse Keepers of the Northern Coast (GLK) threatened a strike."
    # the knowledge file itself holds "... Northern Coast, GLK": a name and its short form
    root = _fake_repo(
        tmp_path,
        report,
        {"tests/t.py": "# the guild of lighthouse keepers of the northern\n"},
        actors,
    )
    assert run_leak_check(root).returncode == 0
    # words beyond the name are a phrase of the report, not a name
    (root / "tests" / "u.py").write_text("the northern coast glk threatened a\n", "utf-8")
    result = run_leak_check(root)
    assert result.returncode == 1 and "tests/u.py" in result.stdout
    assert "src/detente/knowledge/actors.yaml" not in result.stdout


def test_leak_check_protects_the_fresh_set_too_but_not_dev(tmp_path: Path) -> None:
    fresh = (
        "ASMARA, Mar 3 - The salt traders' union warned that caravans would stop "
        "crossing the plateau until the customs post cut its new levy by half."
    )
    dev = "The ferry operators said the night crossings would resume once the quay was repaired."
    root = _fake_repo(tmp_path, REPORT, {}, subset="test")
    (root / "gold" / "fresh").mkdir()
    (root / "gold" / "fresh" / "two.txt").write_text(fresh, "utf-8")
    (root / "gold" / "dev").mkdir()
    (root / "gold" / "dev" / "three.txt").write_text(dev, "utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "ok.py").write_text("# night crossings would resume once the quay\n", "utf-8")
    assert run_leak_check(root).returncode == 0  # dev phrases may be quoted
    (root / "docs").mkdir()
    (root / "docs" / "bad.md").write_text("caravans would stop crossing the plateau until", "utf-8")
    result = run_leak_check(root)
    assert result.returncode == 1 and "docs/bad.md" in result.stdout
    assert '"caravans would stop crossing the plateau"' in result.stdout


def test_leak_check_runs_on_the_fresh_set_alone(tmp_path: Path) -> None:
    root = _fake_repo(
        tmp_path, REPORT, {"tests/t.py": "board restored their winter pay"}, subset="fresh"
    )
    assert run_leak_check(root).returncode == 0
    (root / "tests" / "u.py").write_text("the harbour board restored their winter pay", "utf-8")
    result = run_leak_check(root)
    assert result.returncode == 1 and "tests/u.py" in result.stdout


def test_leak_check_needs_the_held_out_directory(tmp_path: Path) -> None:
    result = run_leak_check(tmp_path)
    assert result.returncode == 2 and "no held-out directory" in result.stderr
