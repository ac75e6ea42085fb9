"""Distributed back-fill: a real Dask LocalCluster writing to the test PostgreSQL server."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

import pytest
import sqlalchemy as sa

from cli_runner import run
from detente.cluster import ClusterError, ingest_on_cluster
from detente.records import normalize_text
from report_factory import write_corpus

pytestmark = pytest.mark.postgres


def test_backfill_survives_a_killed_worker(pg_url: str, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, 200, seed=21, sentences=(3, 5))
    expected = {
        hashlib.sha256(normalize_text(p.read_text(encoding="utf-8")).encode()).hexdigest()
        for p in paths
    }
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        killed: list[int] = []

        def kill_one_worker(_n: int) -> None:
            # Once the first batch is back, the other batches are queued or running.
            if not killed:
                pid = sorted(client.run(os.getpid).values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        summary = ingest_on_cluster(client, pg_url, [str(corpus)], on_batch_done=kill_one_worker)
        assert killed, "a worker must have been killed mid-run"
        assert summary.failed == [], summary.failed[:3]
        assert len(summary.items) == 200
        assert {i.status for i in summary.items} <= {"ingested", "present"}
        # The job ran to the end on a replacement worker.
        assert killed[0] not in client.run(os.getpid).values()

        again = ingest_on_cluster(client, pg_url, [str(corpus)])
        assert again.count("present") == 200 and again.failed == []

    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        shas = [r[0] for r in conn.execute(sa.text("select sha256 from reports"))]
        # Nothing lost, nothing stored twice.
        assert len(shas) == 200 and set(shas) == expected
        # No report half-written: claim ordinals run 0..n-1 in every report that has claims.
        rows = conn.execute(
            sa.text("select report_id, count(*), min(ordinal), max(ordinal) from claims group by 1")
        ).all()
        assert rows and all(lo == 0 and hi == n - 1 for _, n, lo, hi in rows)
        assert (
            conn.execute(sa.text("select count(*) from reports where story_id is null")).scalar()
            == 0
        )
    engine.dispose()


def test_cluster_needs_a_shared_database(tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match="postgresql"):
        ingest_on_cluster("tcp://127.0.0.1:1", str(tmp_path / "local.db"), [str(tmp_path)])
    code, _, err = run(
        "ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--cluster", "tcp://127.0.0.1:1"
    )
    assert code == 2 and err.startswith("detente: --cluster needs") and "Traceback" not in err


def test_unreachable_scheduler_is_one_line(pg_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 1)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler") as err:
        ingest_on_cluster("tcp://127.0.0.1:9", pg_url, [str(tmp_path / "c")], connect_timeout=1)
    assert "\n" not in str(err.value)
