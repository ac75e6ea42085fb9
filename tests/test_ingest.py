"""The ingest pipeline: failures stay contained, PostgreSQL works like SQLite."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import cli
from detente.extract import get_extractor
from detente.ingest import ingest_paths
from detente.records import Extraction, Report
from detente.store import Store

ROOT = Path(__file__).resolve().parent.parent


class FailsOn:
    """The real extractor, except that it breaks on reports containing *marker*."""

    def __init__(self, marker: str) -> None:
        self.inner = get_extractor()
        self.name = self.inner.name
        self.model = self.inner.model
        self.components = self.inner.components
        self.marker = marker

    def extract(self, report: Report) -> Extraction:
        if self.marker in report.text:
            raise RuntimeError(f"parser blew up on {self.marker!r}\nsecond line of detail")
        return self.inner.extract(report)

    def pipe(self, reports: Iterable[Report], batch_size: int = 16) -> Iterator[Extraction]:
        for r in reports:
            yield self.extract(r)


def write(d: Path, name: str, body: str) -> None:
    (d / name).write_text(body, encoding="utf-8")


@pytest.fixture
def three_reports(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    write(
        d,
        "a.txt",
        "Talks resume\n\nDOHA, May 3 (Reuters) - Hamas rejected a proposal to "
        "disarm, a spokesman said on Saturday.",
    )
    write(
        d,
        "b.txt",
        "Kinshasa holds out\n\nKINSHASA, May 3 (AFP) - Congo refused direct talks "
        "with the M23 rebels, the government spokesman said. BOOBYTRAP",
    )
    write(
        d,
        "c.txt",
        "Ceasefire call\n\nADDIS ABABA, May 4 (AP) - The African Union called "
        "for an immediate ceasefire in Sudan.",
    )
    return d


def test_extraction_failure_rolls_back_that_report_only(three_reports: Path, db_path: Path):
    with Store.open(db_path) as store:
        summary = ingest_paths(store, [str(three_reports)], extractor=FailsOn("BOOBYTRAP"))
        assert [(Path(i.origin).name, i.status) for i in summary.items] == [
            ("a.txt", "ingested"),
            ("b.txt", "failed"),
            ("c.txt", "ingested"),
        ]
        [failed] = summary.failed
        assert failed.message and "\n" not in failed.message
        assert "b.txt" in failed.message and "parser blew up" in failed.message
        titles = {r["title"] for r in store.reports()}
        assert titles == {"Talks resume", "Ceasefire call"}
        assert all(c["report"] in {r["id"] for r in store.reports()} for c in store.claims())
        assert summary.line() == "2 ingested, 0 already present, 1 failed"
        # Once the cause is gone, the failed report ingests and the others stay put.
        again = ingest_paths(store, [str(three_reports)])
        assert [i.status for i in again.items] == ["present", "ingested", "present"]


def test_examples_ingest_cleanly(db_path: Path) -> None:
    with Store.open(db_path) as store:
        summary = ingest_paths(store, [str(ROOT / "examples" / "reports")])
        assert summary.failed == [] and summary.warnings == []
        assert summary.count("ingested") >= 10
        reports = {r["id"]: r for r in store.reports()}
        assert all(r["published"] for r in reports.values())
        claims = store.claims()
        assert len(claims) >= 3 * len(reports)
        texts = {rid: store.report(rid)["text"] for rid in reports}
        for c in claims:
            assert texts[c["report"]][c["start"] : c["end"]] == c["quote"]


@pytest.mark.postgres
def test_cli_against_postgresql(pg_url: str, three_reports: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(three_reports), "--db", pg_url, "-q"])
    assert res.exit_code == 0, res.stderr
    assert "3 ingested" in res.stderr
    res = runner.invoke(cli, ["ingest", str(three_reports), "--db", pg_url, "-q"])
    assert "0 ingested, 3 already present" in res.stderr
    res = runner.invoke(cli, ["reports", "--db", pg_url, "--format", "json"])
    assert {r["title"] for r in json.loads(res.stdout)} == {
        "Talks resume",
        "Kinshasa holds out",
        "Ceasefire call",
    }
    res = runner.invoke(cli, ["claims", "--db", pg_url, "--format", "jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and {"hamas", "COD"} & {r["actor"] for r in rows}
