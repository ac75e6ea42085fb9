"""The standing reliability campaign: hostile input, kill -9, concurrent writers, memory.

* Every reader is fuzzed with Hypothesis through the real CLI on a real SQLite
  file: no traceback, exit status 0 or 2, one ``detente:`` line per problem,
  and nothing written for what failed.
* ``detente ingest`` is killed with SIGKILL at random points, first-time schema
  creation included: the file passes ``PRAGMA integrity_check``, the schema is
  all or nothing, no report is stored partially, and a re-run completes.
* Several processes ingest overlapping inputs into a new database at once:
  every report is stored exactly once and nobody reports a false failure.
* Hostile inputs are ingested under an address-space limit (``setrlimit``).

The default run is short.  ``pytest -m campaign`` runs the heavy variants
(more examples, more kill points, more writers, the 950 KB one-line report).
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cli_runner import run
from detente.store import Store
from sqlite_checks import table_counts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "reports").iterdir())
CLI = [sys.executable, "-c", "from detente.cli import main; main()"]
SUMMARY = re.compile(
    r"(\d+) ingested(?:, (\d+) re-extracted)?, (\d+) already present, (\d+) failed"
)
#: Address-space limit for the memory-bound tests (bytes).
MEMORY_LIMIT = 1_500_000_000

# --------------------------------------------------------------------------- helpers


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("pragma integrity_check").fetchone()[0]
    finally:
        con.close()


def per_report(db: Path) -> dict[str, tuple[int, int, int]]:
    """Claims, facts and events stored for each report, by text hash."""
    con = sqlite3.connect(db)
    try:
        return {
            sha: tuple(
                con.execute(f"select count(*) from {t} where report_id = ?", (rid,)).fetchone()[0]
                for t in ("claims", "facts", "events")
            )
            for rid, sha in con.execute("select id, sha256 from reports")
        }
    finally:
        con.close()


def parse_summary(err: str) -> tuple[int, int, int]:
    """(ingested, already present, failed) from the last line of ``detente ingest``."""
    m = SUMMARY.fullmatch(err.strip().splitlines()[-1])
    assert m, err
    return int(m[1]), int(m[3]), int(m[4])


def check_ingest(db: Path, name: str, content: bytes) -> None:
    """Ingest *content* as file *name* and check the campaign's promises."""
    path = db.parent / name
    path.write_bytes(content)
    before = table_counts(db)
    code, out, err = run("ingest", str(path), "--db", str(db), "-q")
    assert code in (0, 2), err
    assert out == "" and "Traceback" not in err
    ingested, _present, failed = parse_summary(err)
    assert (code == 2) == (failed > 0), err
    assert all(line.startswith("detente: ") for line in err.splitlines()[:-1]), err
    after = table_counts(db)
    assert after["reports"] == before["reports"] + ingested
    if ingested == 0:
        assert after == before  # a failure writes nothing


def fuzz(
    strategy: st.SearchStrategy[bytes], suffix: str, examples: int, known: tuple[bytes, ...] = ()
) -> None:
    """Run :func:`check_ingest` over *known* inputs and *examples* drawn from *strategy*."""
    db = Path(tempfile.mkdtemp(prefix="detente-fuzz-")) / "fuzz.db"
    Store.open(db).close()

    def prop(content: bytes) -> None:
        check_ingest(db, f"input{suffix}", content)

    test = given(strategy)(prop)
    for content in known:
        test = example(content)(test)
    try:
        settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )(test)()
        assert integrity(db) == "ok"
    finally:
        shutil.rmtree(db.parent, ignore_errors=True)


# --------------------------------------------------------------------------- strategies


def deep(depth: int, opener: str, closer: str) -> str:
    return opener * depth + closer * depth


words = st.sampled_from(
    [
        "Russia",
        "Ukraine",
        "Kosovo",
        "Serbia",
        "Hamas",
        "Israel",
        "Armenia",
        "Azerbaijan",
        "demanded",
        "offered",
        "rejected",
        "accepted",
        "a",
        "ceasefire",
        "withdrawal",
        "of",
        "troops",
        "from",
        "the",
        "region",
        "talks",
        "in",
        "Geneva",
        "said",
        "officials",
        "[/]",
        "[link=x]",
        "\x1b[2J",
        "\u202e",
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        ".",
        ",",
        ";",
        "(",
        ")",
        "0",
        "1984",
        "2025",
        "Nov",
        "Feb",
    ]
)
sentences = st.lists(words, min_size=0, max_size=40).map(" ".join)
unicode_text = st.text(max_size=300)

datelines = st.builds(
    lambda city, month, day, year, agency, dash, body: (
        f"{city}, {month} {day}, {year} ({agency}) {dash} {body}"
    ),
    st.sampled_from(["KYIV", "GENEVA", "BAKU", "DOHA", "OHRID", "X", "", "NEW  YORK", "Ünïcode"]),
    st.sampled_from(["Jan", "Feb", "Sept", "March", "Foo", "", "Nov."]),
    st.integers(-5, 45),
    st.integers(0, 99_999),
    st.sampled_from(["AFP", "Reuters", "", "AP)", "(("]),
    st.sampled_from(["-", "—", "–", "--", ""]),
    sentences,
)

plain_texts = st.one_of(
    sentences, unicode_text, datelines, st.tuples(sentences, datelines).map("\n\n".join)
).map(lambda s: s.encode("utf-8", "surrogatepass"))
raw_bytes = st.binary(max_size=300)

markdown = st.builds(
    lambda title, underline, body: f"{title}\n{underline}\n\n{body}".encode(
        "utf-8", "surrogatepass"
    ),
    st.one_of(sentences.map(lambda s: "# " + s), unicode_text),
    st.sampled_from(["", "===", "---", "#"]),
    st.one_of(datelines, sentences),
)

TAGS = ["div", "p", "span", "b", "article", "h1", "table", "td", "script", "style", "br"]
html_nodes = st.recursive(
    st.one_of(sentences.map(html.escape), unicode_text),
    lambda children: st.tuples(st.sampled_from(TAGS), st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
    ),
    max_leaves=25,
)
html_pages = st.builds(
    lambda depth, tag, inner, tail: (
        f"<html><head><title>{tail}</title></head><body>"
        + f"<{tag}>" * depth
        + inner
        + f"</{tag}>" * depth
        + "</body></html>"
    ).encode("utf-8", "surrogatepass"),
    st.one_of(st.integers(0, 10), st.integers(250, 1500)),
    st.sampled_from(["div", "span", "section", "b"]),
    st.one_of(html_nodes, datelines.map(lambda d: f"<p>{html.escape(d)}</p>")),
    st.one_of(unicode_text, sentences),
)

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),  # NaN and infinities too (json.dumps writes them)
        unicode_text,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(unicode_text, children, max_size=4)
    ),
    max_leaves=20,
)
published = st.one_of(
    st.from_regex(r"\A-?\d{1,6}(-\d{1,3}){0,2}(T\d\d:\d\d(:\d\d)?Z?)?\Z"),
    st.sampled_from(["0000", "0000-00", "2025-02-30", "9999-12-31", " ", "2025-W01"]),
    json_values,
)
records = st.fixed_dictionaries(
    {"text": st.one_of(datelines, sentences, json_values)},
    optional={
        "published": published,
        "title": st.one_of(sentences, json_values),
        "url": st.one_of(unicode_text, json_values),
        "source": st.one_of(sentences, json_values),
        "extra": json_values,
    },
)


json_docs = st.one_of(
    records.map(json.dumps),
    st.lists(records, max_size=4).map(json.dumps),
    json_values.map(json.dumps),
    st.one_of(st.integers(0, 8), st.integers(60, 5000)).map(
        lambda d: '{"text": "x", "extra": ' + deep(d, "[", "]") + "}"
    ),
    unicode_text,
).map(lambda s: s.encode("utf-8", "surrogatepass"))
jsonl_docs = st.lists(
    st.one_of(
        records.map(json.dumps),
        json_values.map(json.dumps),
        st.one_of(st.integers(0, 8), st.integers(60, 5000)).map(lambda d: deep(d, "{", "]")),
        unicode_text,
    ),
    min_size=0,
    max_size=5,
).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))

READERS: dict[str, tuple[str, st.SearchStrategy[bytes]]] = {
    "text": (".txt", st.one_of(plain_texts, raw_bytes)),
    "markdown": (".md", markdown),
    "html": (".html", html_pages),
    "json": (".json", json_docs),
    "jsonl": (".jsonl", jsonl_docs),
    "datelines": (".txt", datelines.map(lambda s: s.encode("utf-8", "surrogatepass"))),
}
#: Inputs that once broke a reader; always tried before the random ones.
KNOWN: dict[str, tuple[bytes, ...]] = {
    "text": (b"\xff\xfe\x00", "Talks [/]\n\n\x1b]0;x\x07 \u202e said".encode()),
    "markdown": (b"# [/]\n\nKYIV, Nov 21 (AFP) - Talks.",),
    "html": (
        ("<div>" * 300 + "<p>Envoys met in Doha and agreed a truce.</p>" + "</div>" * 300).encode(),
        b"<b>" * 20_000,
    ),
    "json": (
        ('{"text": "x", "extra": ' + deep(2000, "[", "]") + "}").encode(),
        json.dumps({"text": "Talks resumed.", "published": "0000"}).encode(),
        json.dumps({"text": "Talks resumed.", "published": "0000-00"}).encode(),
        b'[{"text": "Talks.", "published": NaN}]',
    ),
    "jsonl": (
        deep(3000, "[", "]").encode(),
        b'{"text": "T", "published": "0000"}\n{"text": 1}',
        b'{"text": "x", "n": ' + b"9" * 5000 + b'}\n{"text": "Talks \\ud800 went on."}',
    ),
    "datelines": (b"KYIV, Feb 30, 2025 (AFP) - Talks.", b"GENEVA, Nov 21, 0 (AFP) - Talks."),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_fuzz_readers_through_the_cli(reader: str) -> None:
    suffix, strategy = READERS[reader]
    fuzz(strategy, suffix, examples=12, known=KNOWN[reader])


@pytest.mark.campaign
@pytest.mark.parametrize("reader", sorted(READERS))
def test_fuzz_readers_heavily(reader: str) -> None:
    suffix, strategy = READERS[reader]
    fuzz(strategy, suffix, examples=300, known=KNOWN[reader])


# --------------------------------------------------------------------------- kill -9


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, int, int]]:
    """What a clean ingest of the example reports stores, per report."""
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    code, _, err = run("ingest", *map(str, EXAMPLES), "--db", str(db), "-q")
    assert code == 0, err
    return per_report(db)


def _wait_for(predicate: Callable[[], bool], proc: subprocess.Popen, limit: float = 300) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if predicate():
            return True
        time.sleep(0.005)
    return False


def _reports_stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return con.execute("select count(*) from reports").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _processes_naming(path: Path) -> list[int]:
    """Live processes whose command line names *path*."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if str(path).encode() in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def crash_trial(db: Path, rng: random.Random, reference: dict, *, at_reports: int) -> str:
    """Kill an ingest into the new database *db* once it holds *at_reports* reports
    (0: as soon as the file appears, during schema creation), then check and re-run."""
    proc = subprocess.Popen(
        [*CLI, "ingest", *map(str, EXAMPLES), "--db", str(db), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        if at_reports == 0:
            _wait_for(db.exists, proc)
            time.sleep(rng.uniform(0, 0.3))
        else:
            _wait_for(lambda: _reports_stored(db) >= at_reports, proc)
            time.sleep(rng.uniform(0, 0.2))
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    # Its parsing workers go with it, rather than waiting forever on a pipe.
    deadline = time.monotonic() + 10
    while _processes_naming(db) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _processes_naming(db), "a worker outlived the killed ingest"
    stage = "finished first" if proc.returncode == 0 else "killed"
    if db.exists():
        assert integrity(db) == "ok"
        tables = set(table_counts(db))
        # All or nothing: no schema, or the whole schema with its revision stamp.
        assert not tables or {"alembic_version", "reports", "claims", "facts", "events"} <= tables
        if tables:
            stored = per_report(db)
            for sha, counts in stored.items():
                assert counts == reference[sha], f"report {sha[:8]} stored partially"
            stage += f" with {len(stored)} reports"
    code, _, err = run("ingest", *map(str, EXAMPLES), "--db", str(db), "-q")
    assert code == 0, err
    assert per_report(db) == reference
    return stage


def test_kill_9_during_ingest(tmp_path: Path, reference: dict) -> None:
    rng = random.Random(1)
    total = len(reference)
    points = [0, rng.randint(1, total - 1)]
    stages = [
        crash_trial(tmp_path / f"crash{i}.db", rng, reference, at_reports=k)
        for i, k in enumerate(points)
    ]
    assert any(s.startswith("killed") for s in stages), stages


@pytest.mark.campaign
def test_kill_9_at_many_points(tmp_path: Path, reference: dict) -> None:
    rng = random.Random(int(os.environ.get("DETENTE_CAMPAIGN_SEED", "7")))
    total = len(reference)
    for i in range(30):
        at = 0 if i % 3 == 0 else rng.randint(1, total - 1)
        crash_trial(tmp_path / f"crash{i}.db", rng, reference, at_reports=at)


# --------------------------------------------------------------------------- writers


def concurrent_writers(db: Path, reference: dict, n: int, rng: random.Random) -> None:
    """*n* processes ingest overlapping subsets of the examples into the new *db* at once."""
    subsets = []
    for _ in range(n):
        files = rng.sample(EXAMPLES, k=max(2, len(EXAMPLES) * 2 // 3))
        subsets.append(files)
    subsets[0] = list(EXAMPLES)  # together they cover every report
    procs = [
        subprocess.Popen(
            [*CLI, "ingest", *map(str, files), "--db", str(db), "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in subsets
    ]
    outcomes = [(p.wait(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    ingested = 0
    for code, err in outcomes:
        assert code == 0, err
        new, _present, failed = parse_summary(err)
        assert failed == 0, err
        ingested += new
    # Exactly once: each report was stored by one process and counted once.
    assert ingested == len(reference)
    assert per_report(db) == reference
    assert integrity(db) == "ok"


OPEN_AT_ONCE = """
import os, sys, time
go = sys.argv[2]
while not os.path.exists(go):
    time.sleep(0.001)
from detente.store import Store
with Store.open(sys.argv[1]) as store:
    print(store.schema_revision())
"""


def test_first_opens_at_once_all_succeed(tmp_path: Path) -> None:
    db, go = tmp_path / "new.db", tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT_ONCE, str(db), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    time.sleep(1.0)  # let every process import and wait at the barrier
    go.touch()
    outcomes = [p.communicate(timeout=120) for p in procs]
    heads = {out.strip() for out, _ in outcomes}
    assert all(p.returncode == 0 for p in procs), [err for _, err in outcomes]
    assert len(heads) == 1 and heads != {""}
    assert integrity(db) == "ok"


def test_concurrent_writers_on_a_new_database(tmp_path: Path, reference: dict) -> None:
    concurrent_writers(tmp_path / "shared.db", reference, 3, random.Random(3))


@pytest.mark.campaign
def test_concurrent_writers_many_times(tmp_path: Path, reference: dict) -> None:
    rng = random.Random(11)
    for i in range(5):
        concurrent_writers(tmp_path / f"shared{i}.db", reference, 4, rng)


# --------------------------------------------------------------------------- memory


def one_line_report(size: int) -> str:
    rng = random.Random(size)
    subjects = ["Russia", "Ukraine", "Kosovo", "Serbia", "Armenia", "Azerbaijan", "Hamas"]
    verbs = ["demanded", "offered", "proposed", "rejected", "accepted"]
    objects = [
        "a ceasefire along the current line",
        "the withdrawal of troops from the border villages",
        "an exchange of prisoners before winter",
        "elections within six months",
    ]
    parts = ["GENEVA, March 3, 2025 (AFP) - "]
    n = len(parts[0])
    while n < size:
        s = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}, an envoy said. "
        parts.append(s)
        n += len(s)
    return "".join(parts)[:size].rstrip() + "\n"


def hostile_inputs(d: Path, *, one_line_size: int) -> dict[str, bool]:
    """Write the hostile inputs into *d*; map each file name to whether it should be stored."""
    d.mkdir(parents=True, exist_ok=True)
    files = {
        "deep.json": ('{"text": "x", "extra": ' + deep(2000, "[", "]") + "}", False),
        # one good line, named for its bad second line
        "deep.jsonl": ('{"text": "Talks resumed in Ohrid."}\n' + deep(5000, "[", "]"), False),
        "zero.json": (json.dumps({"text": "Talks resumed.", "published": "0000"}), False),
        "deep300.html": (
            "<html><body>"
            + "<div>" * 300
            + "<p>Envoys met in Doha and agreed to extend the truce by ten days.</p>"
            + "</div>" * 300
            + "</body></html>",
            True,
        ),
        "deep20000.html": ("<b>" * 20_000 + "Talks went on in Baku." + "</b>" * 20_000, True),
        "oneline.txt": (one_line_report(one_line_size), True),
    }
    for name, (body, _) in files.items():
        (d / name).write_text(body, encoding="utf-8")
    return {name: good for name, (_, good) in files.items()}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def ingest_under_limit(paths: list[Path], db: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [*CLI, "ingest", *map(str, paths), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
        preexec_fn=_limit_memory,
        timeout=1800,
    )
    return proc.returncode, proc.stderr


def test_hostile_inputs_finish_under_a_memory_limit(tmp_path: Path) -> None:
    expected = hostile_inputs(tmp_path / "in", one_line_size=120_000)
    code, err = ingest_under_limit(sorted((tmp_path / "in").iterdir()), tmp_path / "m.db")
    assert code == 2, err
    assert "Traceback" not in err and "MemoryError" not in err
    for name, good in expected.items():
        named = any(
            line.startswith(f"detente: {tmp_path / 'in' / name}") and "warning" not in line
            for line in err.splitlines()
        )
        assert named != good, (name, err)
    stored, _, failed = parse_summary(err)
    assert (stored, failed) == (4, 3)  # with the good line of deep.jsonl


def test_endless_input_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [*CLI, "ingest", "-", "/dev/zero", "--db", str(tmp_path / "z.db"), "-q"],
            stdin=zero,
            capture_output=True,
            text=True,
            preexec_fn=_limit_memory,
            timeout=600,
        )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        "detente: <stdin>: binary file, not a text report",
        "detente: /dev/zero: binary file, not a text report",
        "0 ingested, 0 already present, 2 failed",
    ]


@pytest.mark.campaign
def test_950_kb_one_line_report_under_a_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "oneline.txt"
    path.write_text(one_line_report(950_000), encoding="utf-8")
    code, err = ingest_under_limit([path], tmp_path / "m.db")
    assert code == 0, err
    assert parse_summary(err) == (1, 0, 0)
