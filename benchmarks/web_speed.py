"""How fast is the review app's claims list on a large database?  Prints timings and ratios.

Run:  .venv/bin/python benchmarks/web_speed.py [--reports 10000] [--repeat 15] [--db PATH]

* Generates a SQLite database of ``--reports`` synthetic reports (about six
  stances each, across several negotiations), written through the schema's
  tables in bulk so that the full-text triggers fire as on ingest.
* Times whole page requests of ``/claims`` (filters, full-text search,
  effective-claims overlay, template rendering) through the ASGI app in this
  process, before and after 300 stances are reviewed.
* Baseline: the bare SQL query returning the same rows (SQLite FTS5 join),
  run in the same process; the ratio is the app's overhead over it.

Medians of ``--repeat`` runs; wall-clock, so machine load shows.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from detente.review import review_claim
from detente.store import Store
from detente.store.schema import (
    actors,
    claim_sources,
    claims,
    extraction_runs,
    negotiations,
    report_negotiations,
    reports,
)

TALKS = {
    "russia-ukraine": ["RUS", "UKR", "USA", "eu"],
    "sudan": ["saf", "rsf", "USA", "SAU"],
    "armenia-azerbaijan": ["ARM", "AZE", "USA", "RUS"],
    "drc-m23": ["COD", "m23", "RWA", "QAT"],
    "israel-hamas": ["ISR", "hamas", "EGY", "QAT"],
}
KINDS = ["demand", "offer", "propose", "accept", "reject", "threaten"]
ISSUES = ["territory", "ceasefire", "security_guarantees", "sanctions", "humanitarian", "process"]
VERBS = ["insisted on", "offered", "floated", "agreed to", "turned down", "warned about"]
OBJECTS = [
    "a ceasefire along the front line",
    "the withdrawal of troops from the border districts",
    "guarantees backed by foreign troops",
    "lifting sanctions on fertiliser exports",
    "safe corridors for aid convoys",
    "a new round of talks in a neutral capital",
    "an exchange of prisoners before winter",
    "monitors on the disputed crossing",
]
FILLER = (
    "Officials on both sides spoke on condition of anonymity. The talks resumed after a pause "
    "of several weeks, and envoys described the atmosphere as tense but workable. "
)


def generate(path: Path, n: int, seed: int = 7) -> None:
    """A database of *n* synthetic reports written in bulk."""
    rng = random.Random(seed)
    with Store.open(path) as store, store.engine.begin() as conn:
        run = conn.execute(
            extraction_runs.insert().values(
                name="bench",
                extractor="bench.v1",
                detente_version="bench",
                started_at="2026-01-01T00:00:00Z",
            )
        ).inserted_primary_key[0]
        ids = {}
        for slug, parties in TALKS.items():
            ids[slug] = conn.execute(
                negotiations.insert().values(
                    slug=slug, name=slug, parties=str(parties).replace("'", '"')
                )
            ).inserted_primary_key[0]
        names = sorted({a for ps in TALKS.values() for a in ps})
        conn.execute(actors.insert(), [{"id": a, "name": a, "kind": "body"} for a in names])
        day0 = date(2024, 1, 1)
        report_rows, claim_rows, source_rows, links = [], [], [], []
        cid = 0
        for rid in range(1, n + 1):
            slug = rng.choice(list(TALKS))
            parties = TALKS[slug]
            sentences, spans = [], []
            offset = 0
            for _ in range(rng.randint(4, 8)):
                actor = rng.choice(parties)
                k = rng.randrange(len(KINDS))
                sentence = f"{actor} {VERBS[k]} {rng.choice(OBJECTS)}, a source said. "
                spans.append((actor, KINDS[k], offset, offset + len(sentence) - 2, sentence[:-2]))
                sentences.append(sentence)
                offset += len(sentence)
                if rng.random() < 0.5:
                    sentences.append(FILLER)
                    offset += len(FILLER)
            text = "".join(sentences)
            published = day0 + timedelta(days=rng.randrange(700))
            report_rows.append(
                {
                    "id": rid,
                    "sha256": f"{rid:064x}",
                    "title": f"Report {rid} on {slug}",
                    "published": published,
                    "date_precision": "day",
                    "words": len(text.split()),
                    "text": text,
                    "ingested_at": "2026-01-01T00:00:00Z",
                    "run_id": run,
                    "extractor": "bench.v1",
                }
            )
            links.append({"report_id": rid, "negotiation_id": ids[slug], "assigned_by": "auto"})
            for ordinal, (actor, kind, start, end, quote) in enumerate(spans):
                cid += 1
                claim_rows.append(
                    {
                        "id": cid,
                        "report_id": rid,
                        "run_id": run,
                        "ordinal": ordinal,
                        "name": f"{actor} {kind}",
                        "actor_id": actor,
                        "kind": kind,
                        "issue": rng.choice(ISSUES),
                        "places": "[]",
                        "quantities": "[]",
                        "conditions": "[]",
                        "exchange_for": "[]",
                        "denied": rng.random() < 0.05,
                        "date": published,
                        "quote": quote,
                        "start": start,
                        "end": end,
                        "confidence": round(rng.random(), 2),
                    }
                )
                source_rows.append({"claim_id": cid, "position": 0, "name": "a source"})
        for table, rows in (
            (reports, report_rows),
            (report_negotiations, links),
            (claims, claim_rows),
            (claim_sources, source_rows),
        ):
            for i in range(0, len(rows), 2000):
                conn.execute(table.insert(), rows[i : i + 2000])


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--db", type=Path, help="Keep the generated database here.")
    args = ap.parse_args(argv)
    from fastapi.testclient import TestClient

    from detente.web import create_app

    tmp = tempfile.TemporaryDirectory(prefix="detente-web-bench-")
    db = args.db or Path(tmp.name) / "bench.db"
    if db.exists():
        db.unlink()
    t0 = time.perf_counter()
    generate(db, args.reports)
    with Store.open(db) as store:
        counts = store.counts()
    print(
        f"generated {counts['reports']:,} reports, {counts['claims']:,} claims "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    raw = sqlite3.connect(db)
    baseline_sql = (
        "SELECT c.* FROM claims c "
        "WHERE c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?) "
        "AND c.actor_id = ? AND c.report_id IN (SELECT rn.report_id FROM report_negotiations rn "
        "JOIN negotiations n ON n.id = rn.negotiation_id WHERE n.slug = ?) "
        "ORDER BY c.report_id, c.ordinal"
    )
    cases = [
        (
            "filter + search",
            "/claims?negotiation=sudan&actor=rsf&q=aid+convoys",
            ('"aid" "convoys"*', "rsf", "sudan"),
        ),
        ("search only", "/claims?q=prisoners+winter", None),
        ("filter only", "/claims?negotiation=drc-m23&kind=reject&issue=sanctions", None),
        ("no filter (first page)", "/claims", None),
    ]
    app = create_app(db, reviewer="bench", forecast_runs=0)
    with TestClient(app) as client:

        def timed(url: str) -> float:
            def once() -> None:
                r = client.get(url)
                assert r.status_code == 200, r.text[:200]

            return median_ms(once, args.repeat)

        base_ms = median_ms(lambda: raw.execute(baseline_sql, cases[0][2]).fetchall(), args.repeat)
        rows = len(raw.execute(baseline_sql, cases[0][2]).fetchall())
        print(f"baseline: bare SQL of the filter + search ({rows} rows): {base_ms:.1f} ms")
        before = {}
        for label, url, _ in cases:
            before[label] = timed(url)
            print(f"{label:>24}: {before[label]:7.1f} ms  {url}")
        # Review 300 stances of the searched negotiation, then measure again.
        with Store.open(db) as store:
            some = store.claims(negotiation="sudan", actor="rsf")[:300]
            for i, c in enumerate(some):
                action = ("confirm", "reject", "edit")[i % 3]
                changes = {"issue": "humanitarian"} if action == "edit" else None
                review_claim(store, c["id"], action, reviewer="bench", version=0, changes=changes)
        print("after reviewing 300 stances:")
        for label, url, _ in cases:
            after = timed(url)
            print(f"{label:>24}: {after:7.1f} ms  ({after / before[label]:.2f}x before)")
        head = before["filter + search"]
        print(
            f"claims list with a filter and a search: median {head:.0f} ms "
            f"({head / base_ms:.1f}x the bare SQL query); target < 300 ms: "
            f"{'met' if head < 300 else 'NOT met'}"
        )
    raw.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
