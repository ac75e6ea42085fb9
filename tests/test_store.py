"""The store on real databases: schema, idempotent ingest, re-extraction, rollback."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from detente.records import Claim, Event, Extraction, Fact, Quantity, Report, normalize_text
from detente.store import CLAIM_FIELDS, Store, StoreError

TEXT = normalize_text(
    "Belgrade offers talks on northern municipalities\n\n"
    "BELGRADE, March 4 (Reuters) - Serbia is ready to discuss an association of "
    "Serb-majority municipalities in exchange for Kosovo dropping its bid for Council "
    "of Europe membership, a senior Serbian diplomat said on Tuesday. Pristina rejected "
    "the idea. Serbian police control about 10 percent of the border crossings."
)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def sample_extraction(name: str = "test.records.v1", text: str = TEXT) -> Extraction:
    """Hand-built records with exact spans into *text*."""
    q1 = "Serbia is ready to discuss an association of Serb-majority municipalities"
    q2 = "Kosovo dropping its bid for Council of Europe membership"
    q3 = "Pristina rejected the idea"
    q4 = "Serbian police control about 10 percent of the border crossings"
    s1, e1 = _span(text, q1)
    s2, e2 = _span(text, q2)
    s3, e3 = _span(text, q3)
    s4, e4 = _span(text, q4)
    return Extraction(
        extractor=name,
        claims=[
            Claim(
                "SRB",
                "offer",
                "governance",
                q1,
                s1,
                e1,
                ordinal=0,
                exchange_for=[1],
                sources=["a senior Serbian diplomat"],
                anonymous=True,
                places=["XKX"],
                date=date(2025, 3, 4),
            ),
            Claim(
                "SRB",
                "demand",
                "alliances",
                q2,
                s2,
                e2,
                ordinal=1,
                exchange_for=[0],
                sources=["a senior Serbian diplomat"],
                anonymous=True,
            ),
            Claim(
                "XKX",
                "reject",
                "governance",
                q3,
                s3,
                e3,
                ordinal=2,
                quantities=[Quantity(10, "percent", "border crossings", "10 percent")],
            ),
        ],
        facts=[Fact("SRB", "XKX", q4, s4, e4, share=0.1, approximate=True)],
        events=[Event("talks", q1, s1, e1, date=date(2025, 3, 4), participants=["SRB", "XKX"])],
        actor_names={"SRB": "Serbia", "XKX": "Kosovo"},
        place_names={"XKX": "Kosovo"},
    )


class RecordedExtractor:
    """Returns prepared extractions: lets the store be tested on exact records."""

    model = "none"
    components = {"records": "test.records.v1"}

    def __init__(self, name: str = "test.records.v1", extraction: Extraction | None = None):
        self.name = name
        self.extraction = extraction
        self.calls = 0

    def extract(self, report: Report) -> Extraction:
        self.calls += 1
        return self.extraction or sample_extraction(self.name, report.text)

    def pipe(self, reports: Iterable[Report], batch_size: int = 16) -> Iterator[Extraction]:
        for r in reports:
            yield self.extract(r)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url: str | Path = tmp_path / "detente.db"
    else:
        url = request.getfixturevalue("pg_url")
    s = Store.open(url)
    yield s
    s.close()


def report(text: str = TEXT) -> Report:
    return Report(
        text=text,
        title=text.splitlines()[0],
        published=date(2025, 3, 4),
        date_precision="day",
        source="Reuters",
    )


def test_schema_is_at_head_with_declared_foreign_keys(db_path: Path) -> None:
    store = Store.open(db_path)
    assert store.schema_revision() == "0004"
    store.close()
    con = sqlite3.connect(db_path)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {
        "reports",
        "claims",
        "claim_sources",
        "claim_places",
        "events",
        "facts",
        "actors",
        "places",
        "extraction_runs",
        "alembic_version",
    } <= tables
    fks = {(r[2], r[3]) for r in con.execute("pragma foreign_key_list(claims)")}
    assert ("reports", "report_id") in fks and ("actors", "actor_id") in fks
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    # Every table a foreign key points at has a label column for Datasette.
    for table in ("reports", "actors", "places", "extraction_runs"):
        cols = {r[1] for r in con.execute(f"pragma table_info({table})")}
        assert cols & {"name", "title"}, table


def test_ingest_stores_records_and_is_idempotent(store: Store) -> None:
    ex = RecordedExtractor()
    first = store.ingest(report(), ex)
    assert (first.status, first.claims, first.facts) == ("ingested", 3, 1)
    again = store.ingest(report(), ex)
    assert again.status == "present" and again.report_id == first.report_id
    assert ex.calls == 1, "a stored report must not be extracted again"
    assert store.counts() == {"reports": 1, "claims": 3, "facts": 1, "events": 1, "actors": 2}
    claims = store.claims()
    assert [tuple(c) for c in claims] == [CLAIM_FIELDS] * 3
    by_kind = {c["kind"]: c for c in claims}
    # Exchanges are stored as claim ids, not ordinals.
    assert by_kind["offer"]["exchange_for"] == [by_kind["demand"]["id"]]
    assert by_kind["demand"]["exchange_for"] == [by_kind["offer"]["id"]]
    assert by_kind["offer"]["sources"] == ["a senior Serbian diplomat"]
    assert by_kind["offer"]["date"] == "2025-03-04"
    assert by_kind["reject"]["quantities"][0]["unit"] == "percent"
    for c in claims:
        assert TEXT[c["start"] : c["end"]] == c["quote"]
    [fact] = store.facts()
    assert fact["share"] == pytest.approx(0.1) and fact["place_name"] == "Kosovo"
    assert TEXT[fact["start"] : fact["end"]] == fact["quote"]
    [event] = store.events(actor="XKX")
    assert event["date"] == "2025-03-04" and event["participants"] == ["SRB", "XKX"]
    assert store.events(actor="RUS") == []


def test_normalised_variants_are_the_same_report(store: Store) -> None:
    ex = RecordedExtractor()
    store.ingest(report(), ex)
    crlf = Report(text=normalize_text(TEXT.replace("\n", "\r\n") + "\n\n"))
    assert store.ingest(crlf, ex).status == "present"


def test_new_extractor_version_replaces_derived_rows(store: Store) -> None:
    first = store.ingest(report(), RecordedExtractor("test.records.v1"))
    smaller = sample_extraction("test.records.v2")
    smaller.claims = smaller.claims[2:]
    smaller.claims[0].ordinal = 0
    res = store.ingest(report(), RecordedExtractor("test.records.v2", smaller))
    assert res.status == "reextracted" and res.report_id == first.report_id
    assert [c["kind"] for c in store.claims()] == ["reject"]
    assert store.counts()["reports"] == 1
    runs = store.runs()
    assert [r["extractor"] for r in runs] == ["test.records.v2", "test.records.v1"]
    assert all(r["finished_at"] and r["reports"] == 1 for r in runs)
    assert store.reports()[0]["extractor"] == "test.records.v2"


def test_failure_mid_report_rolls_everything_back(store: Store) -> None:
    bad = sample_extraction()
    bad.claims[2].exchange_for = [99]  # refers to a claim that does not exist
    with pytest.raises(ValueError, match="unknown"):
        store.ingest(report(), RecordedExtractor(extraction=bad))
    assert store.counts() == {"reports": 0, "claims": 0, "facts": 0, "events": 0, "actors": 0}
    assert store.runs() == []
    # And the same report then ingests cleanly.
    assert store.ingest(report(), RecordedExtractor()).status == "ingested"


def test_filters(store: Store) -> None:
    store.ingest(report(), RecordedExtractor())
    assert {c["kind"] for c in store.claims(actor="SRB")} == {"offer", "demand"}
    assert [c["actor"] for c in store.claims(issue="governance", kind="reject")] == ["XKX"]
    assert len(store.claims(kind=["offer", "reject"])) == 2
    assert store.claims(since=date(2025, 3, 5)) == []
    assert len(store.claims(since=date(2025, 3, 4))) == 3
    assert store.facts(place="XKX")[0]["actor"] == "SRB"
    actors = {a["id"]: a for a in store.actors()}
    assert actors["SRB"]["claims"] == 2 and actors["SRB"]["kind"] == "state"


def test_sqlite_stores_iso_dates_and_json_text(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.ingest(report(), RecordedExtractor())
    con = sqlite3.connect(db_path)
    (published,) = con.execute("select published from reports").fetchone()
    assert published == "2025-03-04"
    places, name = con.execute("select places, name from claims where kind='offer'").fetchone()
    assert json.loads(places) == ["XKX"] and name == "SRB offer governance"


def test_open_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as info:
        Store.open(junk)
    assert "\n" not in str(info.value)
    with pytest.raises(StoreError):
        Store.open("nosuchdialect://x")


@pytest.mark.postgres
def test_postgres_types(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        store.ingest(report(), RecordedExtractor())
        with store.engine.connect() as conn:
            kind = conn.execute(
                sa.text(
                    "select data_type from information_schema.columns "
                    "where table_name='reports' and column_name='published'"
                )
            ).scalar_one()
        assert kind == "date"
        assert store.claims(since=date(2025, 3, 4))[0]["date"] == "2025-03-04"


def test_labels_stored_meanwhile_by_another_writer_are_skipped(store: Store) -> None:
    """Two workers may both find an actor missing; the second insert must not fail."""
    from detente.store._util import insert_ignore
    from detente.store.schema import actors

    with store.engine.begin() as conn:
        conn.execute(actors.insert(), [{"id": "ZZZ", "name": "First writer", "kind": "state"}])
    with store.engine.begin() as conn:
        insert_ignore(
            conn,
            actors,
            [
                {"id": "ZZZ", "name": "Second writer", "kind": "state"},
                {"id": "YYY", "name": "New one", "kind": "state"},
            ],
        )
    with store.engine.connect() as conn:
        rows = dict(conn.execute(sa.select(actors.c.id, actors.c.name)).all())
    assert rows["ZZZ"] == "First writer"
    assert rows["YYY"] == "New one"
