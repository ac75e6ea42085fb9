"""Agreement between two annotations of the same reports (scripts/annotation_agreement.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from detente.evaluate import load_gold_dir
from detente.extract.kb import knowledge

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "annotation_agreement.py"

_spec = importlib.util.spec_from_file_location("annotation_agreement", SCRIPT)
assert _spec is not None and _spec.loader is not None
agreement_mod = importlib.util.module_from_spec(_spec)
sys.modules["annotation_agreement"] = agreement_mod
_spec.loader.exec_module(agreement_mod)

TEXTS = {
    "swap": "Kyiv agreed to a truce on the northern front but the Kremlin wants the whole "
    "region. Ankara offered to host talks.",
    "pilgrims": "New Delhi agreed to reopen the pilgrim route and to share river data.",
    "reef": "Beijing will not give up the reef, a spokesman said.",
    "only_first": "Rabat called for talks.",
}

FIRST = {
    "swap": """
claims:
  - {actor: RUS, kind: [demand], issue: [territory]}
  - {actor: UKR, kind: [accept, offer], issue: [ceasefire]}
  - {actor: TUR, kind: [offer], issue: [process], required: false}
""",
    "pilgrims": """
claims:
  - {actor: IND, kind: [accept], issue: [economy, humanitarian]}
  - {actor: IND, kind: [accept], issue: [economy]}
""",
    "reef": """
claims:
  - {actor: CHN, kind: [reject], issue: [territory]}
""",
    "only_first": """
claims:
  - {actor: MAR, kind: [demand], issue: [process]}
""",
}

SECOND = {
    "swap": """
claims:
  - {actor: RUS, kind: [demand], issue: [territory, military_limits]}
  - {actor: UKR, kind: [offer], issue: [ceasefire]}
  - {actor: UKR, kind: [reject], issue: [territory]}
  - {actor: USA, kind: [demand], issue: [sanctions], required: false}
""",
    "pilgrims": """
claims:
  - {actor: IND, kind: [accept], issue: [economy, humanitarian]}
  - {actor: IND, kind: [accept], issue: [economy]}
""",
    "reef": """
claims:
  - {actor: CHN, kind: [demand], issue: [territory]}
""",
}


def _write(root: Path, annotations: dict[str, str]) -> Path:
    root.mkdir()
    for name, yaml_text in annotations.items():
        (root / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
        (root / f"{name}.yaml").write_text(yaml_text, encoding="utf-8")
    return root


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    return _write(tmp_path / "first", FIRST), _write(tmp_path / "second", SECOND)


def _totals(rows: list) -> tuple[int, int, int]:
    return tuple(sum(getattr(r, k) for r in rows) for k in ("tp", "fp", "fn"))  # type: ignore[return-value]


def test_second_against_first_counts_each_claim_once_and_skips_unmatched_optional(
    dirs: tuple[Path, Path],
) -> None:
    first, second = (load_gold_dir(d) for d in dirs)
    rows = {r.name: r for r in agreement_mod.agreement(first, second)}
    # A report annotated by one side only is not scored.
    assert set(rows) == {"swap", "pilgrims", "reef"}
    # Alternatives are one stance, not extra triples; the optional USA reading is no error.
    assert (rows["swap"].tp, rows["swap"].fp, rows["swap"].fn) == (2, 1, 0)
    # Two claims sharing a reading still carry two distinct triples.
    assert (rows["pilgrims"].tp, rows["pilgrims"].fp, rows["pilgrims"].fn) == (2, 0, 0)
    assert (rows["reef"].tp, rows["reef"].fp, rows["reef"].fn) == (0, 1, 1)
    assert rows["reef"].types["kind"] == 1 and rows["reef"].types["extra"] == 0
    assert rows["swap"].types["extra"] == 1
    p, r, f = agreement_mod.prf(*_totals(list(rows.values())))
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.667, 0.8, 0.727)


def test_first_against_second_swaps_the_roles(dirs: tuple[Path, Path]) -> None:
    first, second = (load_gold_dir(d) for d in dirs)
    rows = {r.name: r for r in agreement_mod.agreement(second, first)}
    # The UKR reject only the second annotator saw is now a miss; the optional TUR offer of
    # the first is not an extra.
    assert (rows["swap"].tp, rows["swap"].fp, rows["swap"].fn) == (2, 0, 1)
    assert rows["swap"].types["missing"] == 1
    assert _totals(list(rows.values())) == (4, 1, 2)


def test_style_is_read_from_the_report_name() -> None:
    style = agreement_mod.style
    assert style("nd2_iran_e3_joint_press_conference") == "transcript"
    assert style("qa_lavrov_kurils_presser") == "transcript"
    assert style("nd3_colombia_eln_hostages_flash") == "flash"
    assert style("an_bolivia_chile_sea_access") == "analysis"
    assert style("live_kuril_headlines") == "live"
    assert style("agency_iraq_kurdistan_oil_communique") == "agency"
    assert style("thailand_cambodia_ceasefire") == "wire"


def test_command_prints_both_directions(dirs: tuple[Path, Path]) -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, dirs)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "second against first:" in out and "first against second:" in out
    assert "P 0.667 R 0.800 F1 0.727" in out
    assert "reef: kind" in out


def test_the_shipped_second_annotation_loads_and_uses_known_actors() -> None:
    known = set(knowledge().actor_names)
    reports = load_gold_dir(ROOT / "gold" / "agreement")
    # Every second annotation is of a dev report, with the same text.
    for report in reports:
        dev = ROOT / "gold" / "dev" / f"{report.name}.txt"
        assert report.text_path.read_text(encoding="utf-8") == dev.read_text(encoding="utf-8")
    unknown = {a for r in reports for c in r.claims for a in c.actors if a not in known}
    assert len(reports) == 12 and not unknown
