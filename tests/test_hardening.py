"""Hostile input and unlucky timing: schema safety, duplicates, readers, output hygiene."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command as alembic_command
from alembic.script import ScriptDirectory

import detente.store.opening as opening
from cli_runner import run
from detente.extract import get_extractor
from detente.extract.chunking import chunk_spans, merge
from detente.reading import read_paths, read_text
from detente.reading.htmltext import html_text
from detente.records import Claim, Event, Extraction, Report
from detente.store import Store, StoreError
from sqlite_checks import table_counts

# Reports written for these tests (paraphrased events, several conflicts).
BAKU = (
    "Baku sets out terms\n\n"
    "BAKU, March 3, 2025 (AFP) - Azerbaijan demanded that Armenia amend its constitution "
    "before a peace treaty is signed, the foreign ministry said.\n"
)
DOHA = (
    "Truce talks stall\n\n"
    "DOHA, Jan 14, 2025 (Reuters) - Hamas rejected a proposal to disarm, mediators said. "
    "Israel offered to release prisoners in exchange for hostages.\n"
)
OHRID = (
    "Serbia and Kosovo meet\n\n"
    "OHRID, March 18, 2023 (AP) - Serbia offered to recognise Kosovo's documents, "
    "while Kosovo demanded full recognition.\n"
)


def tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    finally:
        con.close()


# --------------------------------------------------------------------------- schema


def test_failed_schema_creation_leaves_nothing(db_path: Path, monkeypatch) -> None:
    real_upgrade = opening.command.upgrade

    def upgrade_then_fail(cfg, rev):
        real_upgrade(cfg, rev)  # every CREATE TABLE has run...
        raise RuntimeError("power cut")  # ...and then the process dies

    monkeypatch.setattr(opening.command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        Store.open(db_path)
    assert tables(db_path) == set()
    monkeypatch.setattr(opening.command, "upgrade", real_upgrade)
    with Store.open(db_path) as store:
        assert store.schema_revision() is not None
    assert {"reports", "claims", "alembic_version"} <= tables(db_path)


def test_read_only_commands_never_write_a_schema(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    con = sqlite3.connect(foreign)
    con.execute("create table notes (body text)")
    con.commit()
    con.close()
    before = foreign.read_bytes()
    for command in ("reports", "claims", "events", "facts", "actors", "positions", "timeline"):
        code, out, err = run(command, "--db", str(foreign))
        assert code == 2 and out == ""
        assert err == f"detente: {foreign} is not a detente database\n"
    assert run("show", "1", "--db", str(foreign))[0] == 2
    assert foreign.read_bytes() == before and tables(foreign) == {"notes"}
    # ingest refuses it as well rather than mixing tables into somebody else's file
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "baku.txt").write_text(BAKU)
    code, _, err = run("ingest", str(docs), "--db", str(foreign), "-q")
    assert code == 2 and "not a detente database" in err and tables(foreign) == {"notes"}


def test_empty_and_junk_files_are_not_detente_databases(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x89PNG not sqlite at all " * 50)
    for path in (empty, junk):
        code, _, err = run("reports", "--db", str(path))
        assert code == 2 and "not a detente database" in err and err.count("\n") == 1
    assert empty.stat().st_size == 0


def test_unknown_and_older_schema_revisions(db_path: Path) -> None:
    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("update alembic_version set version_num = 'f00dcafe'")
    con.commit()
    for args in (("reports",), ("ingest", "-"), ("migrate",)):
        code, _, err = run(*args, "--db", str(db_path), input=BAKU)
        assert code == 2 and err.count("\n") == 1
        assert "schema revision 'f00dcafe'" in err
    con.close()
    db_path.unlink()
    # A database written by an older detente: the first migration only.
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        cfg = opening.alembic_config()
        cfg.attributes["connection"] = conn
        alembic_command.upgrade(cfg, "0001")
    engine.dispose()
    code, _, err = run("reports", "--db", str(db_path))
    assert code == 2 and "detente migrate" in err
    code, _, err = run("migrate", "--db", str(db_path))
    assert code == 0, err
    assert run("reports", "--db", str(db_path))[0] == 0


BATCH_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"


def upgrade():
    # Rebuilds the table every claim points at: copy, drop, rename.
    with op.batch_alter_table("reports", recreate="always") as batch:
        batch.add_column(sa.Column("reviewed", sa.Boolean(), nullable=True))
"""


def test_batch_migration_keeps_rows_that_point_at_a_rebuilt_table(
    db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    code, _, err = run("ingest", "-", "--db", str(db_path), "-q", input=DOHA)
    assert code == 0, err
    before = table_counts(db_path)
    assert before["claims"] > 0
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(opening.__file__).parent / "migrations", scripts)
    head = ScriptDirectory.from_config(opening.alembic_config()).get_current_head()
    (scripts / "versions" / "9999_batch.py").write_text(BATCH_MIGRATION.format(head=head))

    real_config = opening.alembic_config

    def config():
        cfg = real_config()
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(opening, "alembic_config", config)
    with Store.open(db_path) as store:
        assert store.schema_revision() == "9999"
    assert table_counts(db_path) == before  # no cascade fired while the table was rebuilt
    con = sqlite3.connect(db_path)
    assert con.execute("pragma foreign_key_check").fetchall() == []
    assert "reviewed" in {r[1] for r in con.execute("pragma table_info(reports)")}
    con.close()


class RacingExtractor:
    """The real extractor, but while it works another process stores the same report."""

    def __init__(self, db: str) -> None:
        self.inner = get_extractor()
        self.name, self.model, self.components = (
            self.inner.name,
            self.inner.model,
            self.inner.components,
        )
        self.db = db

    def extract(self, report: Report) -> Extraction:
        with Store.open(self.db) as other:  # a second connection, as another process has
            other.ingest(report, self.inner)
        return self.inner.extract(report)

    def pipe(self, reports: Iterable[Report], batch_size: int = 16) -> Iterator[Extraction]:
        for r in reports:
            yield self.extract(r)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, db_path: Path) -> str:
    return str(db_path) if request.param == "sqlite" else request.getfixturevalue("pg_url")


def test_duplicate_stored_meanwhile_is_already_present(db_url: str) -> None:
    report = read_text(BAKU)
    with Store.open(db_url) as store:
        result = store.ingest(report, RacingExtractor(db_url))
        assert result.status == "present"
        assert store.counts()["reports"] == 1
        assert result.report_id == store.find_report(report.sha256)["id"]


def test_first_opens_at_once_on_one_database(db_url: str) -> None:
    def open_once(_: int) -> str | None:
        with Store.open(db_url) as store:
            return store.schema_revision()

    with ThreadPoolExecutor(max_workers=4) as pool:
        revisions = set(pool.map(open_once, range(4)))
    assert len(revisions) == 1 and None not in revisions


@pytest.mark.postgres
def test_foreign_postgresql_database_is_left_alone(pg_url: str) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("create table notes (body text)"))
    with pytest.raises(StoreError, match="is not a detente database$"):
        Store.open(pg_url, create=False)
    with engine.begin() as conn:
        conn.execute(sa.text("create table reports (body text)"))  # somebody else's "reports"
    for create in (False, True):
        with pytest.raises(StoreError, match="is not a detente database"):
            Store.open(pg_url, create=create)
    with engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) == {"notes", "reports"}
    engine.dispose()


def test_report_refuses_undecodable_capabilities(tmp_path: Path, db_path: Path) -> None:
    Store.open(db_path).close()
    caps = tmp_path / "caps.csv"
    caps.write_bytes(b"id,index\nRUS,\xff\xfe\n")
    code, out, err = run(
        "report", "--db", str(db_path), "--capabilities", str(caps), "--out", str(tmp_path / "b")
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"detente: {caps}: not UTF-8 text") and err.count("\n") == 1


# --------------------------------------------------------------------------- readers


def test_a_directory_keeps_every_good_report_and_names_each_bad_one(
    tmp_path: Path, db_path: Path
) -> None:
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a_baku.txt").write_text(BAKU)
    (docs / "b_deep.json").write_text('{"text": "x", "extra": ' + "[" * 2000 + "]" * 2000 + "}")
    (docs / "c_zero.json").write_text(json.dumps({"text": DOHA, "published": "0000"}))
    (docs / "d_feed.jsonl").write_text(
        json.dumps({"text": OHRID}) + "\n" + "{" * 3000 + "\n" + '{"text": 5}\n'
    )
    (docs / "e_deep.html").write_text(
        "<html><body>" + "<div>" * 300 + f"<p>{DOHA}</p>" + "</div>" * 300 + "</body></html>"
    )
    code, _, err = run("ingest", str(docs), "--db", str(db_path), "-q")
    assert code == 2
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[-1] == "3 ingested, 0 already present, 4 failed"
    named = {
        line.split(": ")[1]
        for line in lines
        if line.startswith("detente: ") and "warning" not in line
    }
    assert {
        f"{docs / 'b_deep.json'}",
        f"{docs / 'c_zero.json'}",
        f"{docs / 'd_feed.jsonl'}:2",
        f"{docs / 'd_feed.jsonl'}:3",
    } <= named
    assert "nested more than 64 levels" in err and "'0000'" in err
    con = sqlite3.connect(db_path)
    titles = {r[0] for r in con.execute("select title from reports")}
    texts = " ".join(r[0] for r in con.execute("select text from reports"))
    assert "Baku sets out terms" in titles and "Hamas rejected" in texts and "Kosovo" in texts


def test_feeds_are_read_line_by_line_with_a_limit_per_line(tmp_path: Path, db_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    long_line = json.dumps({"text": DOHA, "extra": "x" * 140_000})  # a 140 KB line
    feed.write_text("\n".join([json.dumps({"text": BAKU}), long_line, json.dumps({"text": OHRID})]))
    code, _, err = run("ingest", str(feed), "--db", str(db_path), "-q", "--max-bytes", "1000")
    assert code == 2
    assert f"detente: {feed}:2: line is over the 71536-byte limit" in err
    assert err.splitlines()[-1] == "2 ingested, 0 already present, 1 failed"
    code, _, err = run("ingest", "-", "--db", str(db_path), "-q", input=long_line + "\n")
    assert code == 0 and "1 ingested" in err  # within the default limit


def test_a_feed_line_that_breaks_json_costs_that_line_only(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "x", "n": ' + "9" * 5000 + "}\n"
        '{"text": "Talks \\ud800 resumed.", "title": "T \\udfff"}\n' + json.dumps({"text": OHRID})
    )
    with pytest.warns(UserWarning, match="publication date unknown"):
        got = list(read_paths([str(feed)]))
    assert str(got[0]).startswith(f"{feed}:1: unreadable JSON: Exceeds the limit")
    assert got[1].text == "Talks \ufffd resumed." and got[1].title == "T \ufffd"
    assert got[2].title == "Serbia and Kosovo meet"


@pytest.mark.parametrize("bad", ["0000", "0000-01", "2025-00", "2025-02-30", "99999", "", 2025])
def test_bad_published_values_are_one_line_errors(tmp_path: Path, bad: object) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"text": BAKU, "published": bad}))
    (got,) = list(read_paths([str(path)]))
    assert str(got).startswith(f"{path}: 'published'") and "\n" not in str(got)


def test_impossible_dateline_dates_stay_unknown() -> None:
    with pytest.warns(UserWarning, match="publication date unknown"):
        report = read_text("Talks\n\nGENEVA, Feb 30, 2025 (AFP) - Both sides met again.")
    assert report.published is None and report.date_precision == "unknown"


def test_deep_html_falls_back_to_its_plain_text() -> None:
    body = "Mediators said the Pretoria talks would resume on Monday."
    html = "<html><body>" + "<section>" * 600 + f"<p>{body}</p>" + "</section>" * 600
    with pytest.warns(UserWarning, match="publication date unknown"):
        report = read_text(html + "<script>var x = 1;</script></body></html>", fmt="html")
    assert report.text == body
    assert html_text("<p>One</p><p>Two &amp; three</p><style>p{}</style>") == "One\n\nTwo & three"


# --------------------------------------------------------------------------- chunking


def test_chunk_spans_cover_the_text_at_natural_breaks() -> None:
    text = ("Alpha beta gamma. " * 50 + "\n\n") * 20
    spans = chunk_spans(text, limit=2000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b0 for (_, a), (b0, _) in zip(spans, spans[1:], strict=False))
    assert all(b - a <= 2000 for a, b in spans)
    assert all(text[a - 2 : a] == "\n\n" for a, _ in spans[1:])
    one_line = "Kosovo asked for time. " * 400
    spans = chunk_spans(one_line, limit=1000)
    assert all(one_line[a - 2 : a] == ". " for a, _ in spans[1:])
    no_spaces = "x" * 2500
    assert chunk_spans(no_spaces, limit=1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_merged_chunks_keep_offsets_and_unique_ordinals() -> None:
    def claim(ordinal: int, start: int, traded: list[int]) -> Claim:
        return Claim("RUS", "offer", "territory", "q", start, start + 1, ordinal=ordinal,
                     exchange_for=traded)  # fmt: skip

    one = Extraction("x", claims=[claim(0, 3, [1]), claim(1, 5, [])], actor_names={"RUS": "R"})
    two = Extraction("x", claims=[claim(0, 2, [])], actor_names={"UKR": "U"})
    talks = [
        Event("talks", "q", 0, 1, date=date(2025, 3, 10), participants=["RUS"], place="Geneva"),
        Event("talks", "q", 5, 6, date=date(2025, 3, 10), participants=["UKR"]),
        Event("talks", "q", 8, 9, date=date(2025, 3, 11), participants=["UKR"]),
    ]
    one.events, two.events = talks[:1], talks[1:]
    merged = merge([(0, one), (100, two)])
    assert [(e.start, e.date.day, e.participants) for e in merged.events] == [
        (0, 10, ["RUS", "UKR"]),
        (108, 11, ["UKR"]),
    ]
    assert [(c.ordinal, c.start, c.exchange_for) for c in merged.claims] == [
        (0, 3, [1]),
        (1, 5, []),
        (2, 102, []),
    ]
    assert merged.actor_names == {"RUS": "R", "UKR": "U"}


def test_a_long_one_line_report_is_extracted_in_chunks() -> None:
    sentences = [
        "Russia demanded a ceasefire along the front line, officials said. ",
        "Ukraine rejected the proposal to cede territory, a spokesman said. ",
        "Armenia offered to open the border crossing, the ministry said. ",
    ]
    text = "GENEVA, March 3, 2025 (AFP) - " + "".join(sentences * 700)  # ~140,000 characters
    report = read_text(text)
    assert len(chunk_spans(report.text)) >= 3
    got = get_extractor().extract(report)
    assert got.claims and max(c.end for c in got.claims) > 100_000
    for record in (*got.claims, *got.facts, *got.events):
        assert report.text[record.start : record.end] == record.quote
    assert len({c.ordinal for c in got.claims}) == len(got.claims)


# --------------------------------------------------------------------------- output


HOSTILE_TITLE = "Talks [/] resume [link=https://evil.example]here[/link] \x1b]0;pwned\x07\x1b[2J"


@pytest.fixture
def hostile_db(tmp_path: Path, db_path: Path) -> Path:
    body = (
        f"{HOSTILE_TITLE}\n\nKYIV, Nov 21, 2025 (AFP) - Russia demanded that Ukraine withdraw "
        'from Donetsk, the Kremlin said. \x1b[31m=HYPERLINK("http://x")\n'
    )
    (tmp_path / "r.txt").write_text(body)
    code, _, err = run("ingest", str(tmp_path / "r.txt"), "--db", str(db_path), "-q")
    assert code == 0, err
    return db_path


def test_markup_and_escapes_in_data_are_shown_not_obeyed(hostile_db: Path) -> None:
    for command in ("reports", "claims", "actors"):
        code, out, err = run(command, "--db", str(hostile_db))
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out
    code, out, _ = run("reports", "--db", str(hostile_db))
    assert "[/]" in out and "[link=https://evil.example]" in out
    code, out, err = run("show", "1", "--db", str(hostile_db))
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "[/]" in out


def test_csv_cells_cannot_become_formulas(hostile_db: Path) -> None:
    con = sqlite3.connect(hostile_db)
    con.execute("update reports set title = '=HYPERLINK(\"http://x\",\"y\")', agency = '@SUM(A1)'")
    con.execute("update reports set dateline_place = '-2+3', source = '+cmd'")
    con.commit()
    con.close()
    code, out, _ = run("reports", "--db", str(hostile_db), "--format", "csv")
    assert code == 0 and "\x1b" not in out
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["title"].startswith("'=") and row["agency"] == "'@SUM(A1)"
    assert row["dateline_place"] == "'-2+3" and row["source"] == "'+cmd"
    assert row["id"] == "1"


def test_json_listings_never_carry_nan(hostile_db: Path) -> None:
    con = sqlite3.connect(hostile_db)
    con.execute("update facts set share = 'NaN'")
    con.execute(
        "insert into facts (report_id, run_id, name, actor_id, place_code, share, approximate,"
        " sources, quote, start, end) select 1, 1, 'x', 'RUS', 'UA-14', 9e999, 0, '[]', 'q', 0, 1"
    )
    con.execute("insert or ignore into places (code, name) values ('UA-14', 'Donetsk')")
    con.commit()
    con.close()
    for fmt in ("json", "jsonl"):
        code, out, err = run("facts", "--db", str(hostile_db), "--format", fmt)
        assert code == 0, err
        assert "NaN" not in out and "Infinity" not in out
        docs = [json.loads(out)] if fmt == "json" else [json.loads(x) for x in out.splitlines()]
        assert docs


# --------------------------------------------------------------------------- CLI errors


@pytest.mark.parametrize(
    "args",
    [
        ("show", "1180591620717411303424"),
        ("show", "-3"),
        ("show", "abc"),
        ("claims", "--report", "99999999999999999999999"),
        ("reports", "--since", "0000-00-00"),
        ("reports", "--format", "xml"),
        ("ingest",),
        ("ingest", "x.txt", "--max-bytes", "0"),
        ("report", "--seed", "-1"),
        ("--no-such-option",),
    ],
)
def test_every_bad_argument_is_one_line(db_path: Path, args: tuple[str, ...]) -> None:
    Store.open(db_path).close()
    code, out, err = (
        run(*args, "--db", str(db_path)) if args[0] != "--no-such-option" else run(*args)
    )
    assert code == 2 and out == ""
    assert err.startswith("detente: ") and err.count("\n") == 1, err


def test_show_of_a_missing_report_is_one_line(db_path: Path) -> None:
    Store.open(db_path).close()
    assert run("show", "9223372036854775807", "--db", str(db_path)) == (
        2,
        "",
        "detente: no report with id 9223372036854775807\n",
    )


def test_store_open_on_a_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def test_publication_dates_outside_the_plausible_range_stay_unknown(
    tmp_path: Path, db_path: Path
) -> None:
    # Year-9999 metadata used to overflow date arithmetic (story windows, relative dates).
    feed = tmp_path / "far.jsonl"
    feed.write_text(
        json.dumps({"published": "9999-12-31", "text": "Lima rejected the truce on Tuesday."})
        + "\n"
    )
    code, _, err = run("ingest", str(feed), "--db", str(db_path))
    assert code == 0 and "outside 1900–2199" in err
    with Store.open(db_path) as store:
        (report,) = store.reports()
        assert report["published"] is None
        with pytest.raises(ValueError, match="outside"):
            store.set_report_date(report["id"], date(9999, 12, 31))
    code, _, err = run("reports", "set-date", "1", "0001-01-01", "--db", str(db_path))
    assert code == 2 and err.startswith("detente: ") and "outside 1900–2199" in err
