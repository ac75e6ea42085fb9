"""Positions: merge rules, corroboration, contradictions and changes, timeline, CLI."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_runner import run
from detente.positions import build, merge, origin, position_key
from detente.positions.changes import detect
from detente.records import Claim, Event, Extraction, Fact, Quantity, Report, normalize_text
from detente.store import Store

# --------------------------------------------------------------------------- fixture builder


@dataclass
class Doc:
    """A report written for the tests plus the records an extractor would find in it."""

    text: str
    published: date
    agency: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


NAMES = {
    "RUS": "Russia",
    "UKR": "Ukraine",
    "USA": "United States",
    "TUR": "Turkey",
    "ISR": "Israel",
    "hamas": "Hamas",
}


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def extraction_for(doc: Doc) -> Extraction:
    """Records with exact spans into the normalised text of *doc*."""
    text = normalize_text(doc.text)
    claims = []
    for i, spec in enumerate(doc.claims):
        spec = dict(spec)
        quote = spec.pop("quote")
        s, e = _span(text, quote)
        qs = [Quantity(**q) for q in spec.pop("quantities", [])]
        claims.append(
            Claim(quote=quote, start=s, end=e, ordinal=i, quantities=qs, date=doc.published, **spec)
        )
    facts = []
    for spec in doc.facts:
        spec = dict(spec)
        quote = spec.pop("quote")
        s, e = _span(text, quote)
        facts.append(Fact(quote=quote, start=s, end=e, date=doc.published, **spec))
    events = []
    for spec in doc.events:
        spec = dict(spec)
        quote = spec.pop("quote")
        s, e = _span(text, quote)
        events.append(Event(quote=quote, start=s, end=e, **spec))
    return Extraction(
        "test.records.v1",
        claims,
        facts,
        events,
        actor_names=NAMES,
        place_names={"UA-14": "Donetsk", "UA-09": "Luhansk", "UA-43": "Crimea"},
    )


class RecordedExtractor:
    """Returns the prepared records of each test report (keyed by text)."""

    name = "test.records.v1"
    model = "none"
    components = {"records": "test.records.v1"}

    def __init__(self, docs: Iterable[Doc]):
        self.by_text = {normalize_text(d.text): extraction_for(d) for d in docs}

    def extract(self, report: Report) -> Extraction:
        return self.by_text[report.text]

    def pipe(self, reports: Iterable[Report], batch_size: int = 16) -> Iterator[Extraction]:
        for r in reports:
            yield self.extract(r)


def make_store(path: Path, docs: list[Doc]) -> Path:
    """A real SQLite file holding *docs* and their records."""
    ex = RecordedExtractor(docs)
    with Store.open(path) as store:
        for d in docs:
            text = normalize_text(d.text)
            store.ingest(
                Report(
                    text=text,
                    title=text.splitlines()[0],
                    published=d.published,
                    date_precision="day",
                    source=d.agency,
                ),
                ex,
            )
    return path


R1 = Doc(
    "Moscow sets terms for a truce\n\n"
    "ISTANBUL, May 16 (Reuters) - Russia's delegation demanded that Ukraine pull its troops out "
    "of Donetsk, Luhansk, Zaporizhzhia and Kherson before any truce, a Ukrainian official said. "
    "Kyiv rejected any withdrawal from its own land. Russia refused a 30-day ceasefire. "
    "The two delegations met for ninety minutes at a palace on the Bosphorus.",
    date(2025, 5, 16),
    "Reuters",
    claims=[
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "quote": "Russia's delegation demanded that Ukraine pull its troops out of Donetsk, "
            "Luhansk, Zaporizhzhia and Kherson",
            "places": ["UA-14", "UA-09", "UA-23", "UA-65"],
            "conditional": True,
            "sources": ["a Ukrainian official"],
            "anonymous": True,
        },
        {
            "actor": "UKR",
            "kind": "reject",
            "issue": "territory",
            "quote": "Kyiv rejected any withdrawal from its own land",
        },
        {
            "actor": "RUS",
            "kind": "reject",
            "issue": "ceasefire",
            "quote": "Russia refused a 30-day ceasefire",
            "quantities": [{"value": 30, "unit": "days", "measure": "duration", "text": "30-day"}],
        },
    ],
    events=[
        {
            "kind": "talks",
            "quote": "The two delegations met for ninety minutes",
            "date": date(2025, 5, 16),
            "participants": ["RUS", "UKR"],
            "place": "Istanbul",
        }
    ],
)
R2 = Doc(
    "Kremlin narrows its map\n\n"
    "KYIV, Aug 16 (AFP) - Russia now wants only Donetsk and Luhansk, a Ukrainian official "
    "told AFP, adding that Moscow would in principle accept a halt to strikes in the south. "
    "Russian forces hold about 70 percent of Donetsk region.",
    date(2025, 8, 16),
    "AFP",
    claims=[
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "quote": "Russia now wants only Donetsk and Luhansk",
            "places": ["UA-14", "UA-09"],
            "sources": ["AFP", "a Ukrainian official"],
            "anonymous": True,
        },
        {
            "actor": "RUS",
            "kind": "accept",
            "issue": "ceasefire",
            "quote": "Moscow would in principle accept a halt to strikes in the south",
            "hedged": True,
            "sources": ["AFP", "a Ukrainian official"],
            "anonymous": True,
        },
    ],
    facts=[
        {
            "actor": "RUS",
            "place": "UA-14",
            "quote": "Russian forces hold about 70 percent of Donetsk region",
            "share": 0.7,
            "approximate": True,
            "place_name": "Donetsk",
        }
    ],
)
R3 = Doc(
    "Report on Donbas echoed\n\n"
    "LONDON, Aug 17 (Bloomberg) - Russia is seeking Donetsk and Luhansk alone, a Ukrainian "
    "official told Bloomberg. The Kremlin denied that Putin would accept a freeze along the "
    "front. Washington proposed security guarantees for Kyiv modelled on Article 5. "
    "<script>alert('x')</script> was pasted into this wire by a prankster.",
    date(2025, 8, 17),
    "Bloomberg",
    claims=[
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "quote": "Russia is seeking Donetsk and Luhansk alone",
            "places": ["UA-14", "UA-09"],
            "sources": ["Bloomberg", "a Ukrainian official"],
            "anonymous": True,
        },
        {
            "actor": "RUS",
            "kind": "accept",
            "issue": "ceasefire",
            "quote": "Putin would accept a freeze along the front",
            "denied": True,
            "speaker": "Vladimir Putin",
        },
        {
            "actor": "USA",
            "kind": "propose",
            "issue": "security_guarantees",
            "quote": "Washington proposed security guarantees for Kyiv modelled on Article 5",
        },
    ],
)
DOCS = [R1, R2, R3]


@pytest.fixture
def negotiation_db(tmp_path: Path) -> Path:
    """A store with three reports about one negotiation."""
    return make_store(tmp_path / "talks.db", DOCS)


# --------------------------------------------------------------------------- merge rules


def claim(**kw: Any) -> dict[str, Any]:
    base = {
        "id": kw.pop("id", 1),
        "report": kw.pop("report", 1),
        "actor": "RUS",
        "actor_name": "Russia",
        "kind": "demand",
        "issue": "territory",
        "places": [],
        "quantities": [],
        "target": None,
        "negated": False,
        "sources": [],
        "date": "2025-05-16",
        "quote": "q",
        "start": 0,
        "end": 1,
    }
    base.update(kw)
    return base


MERGE_CASES = [
    # (description, first claim fields, second claim fields, same position?)
    ("identical stance", {}, {}, True),
    (
        "places in another order",
        {"places": ["UA-14", "UA-09"]},
        {"places": ["UA-09", "UA-14"]},
        True,
    ),
    ("fewer places", {"places": ["UA-14", "UA-09"]}, {"places": ["UA-14"]}, False),
    ("other actor", {}, {"actor": "UKR"}, False),
    ("other issue", {}, {"issue": "ceasefire"}, False),
    ("other kind", {}, {"kind": "offer"}, False),
    (
        "target wording differs only in case and article",
        {"target": "The Donbas"},
        {"target": "donbas"},
        True,
    ),
    ("other target", {"target": "Donbas"}, {"target": "Crimea"}, False),
    ("negated accept is a reject", {"kind": "reject"}, {"kind": "accept", "negated": True}, True),
    ("negated demand is not a demand", {}, {"negated": True}, False),
    (
        "same quantity",
        {"quantities": [{"value": 30, "unit": "days"}]},
        {"quantities": [{"value": 30.0, "unit": "days"}]},
        True,
    ),
    (
        "other quantity",
        {"quantities": [{"value": 30, "unit": "days"}]},
        {"quantities": [{"value": 60, "unit": "days"}]},
        False,
    ),
]


@pytest.mark.parametrize(("what", "a", "b", "same"), MERGE_CASES, ids=[c[0] for c in MERGE_CASES])
def test_merge_rules(what: str, a: dict[str, Any], b: dict[str, Any], same: bool) -> None:
    ca, cb = claim(id=1, **a), claim(id=2, report=2, **b)
    assert (position_key(ca) == position_key(cb)) is same
    positions = merge([ca, cb])
    assert len(positions) == (1 if same else 2)
    if same:
        assert positions[0].claims == [1, 2] and positions[0].reports == [1, 2]


def test_merged_position_tracks_dates_and_hedging() -> None:
    ps = merge(
        [
            claim(id=1, date="2025-08-01", hedged=True, conditional=True),
            claim(id=2, report=2, date="2025-05-01"),
            claim(id=3, report=3, date=None),
        ],
        {3: {"published": "2025-09-09", "agency": "AP"}},
    )
    [p] = ps
    assert (p.first_seen, p.last_seen) == ("2025-05-01", "2025-09-09")
    assert p.claims == [2, 1, 3], "evidence is ordered by date"
    assert (p.hedging_weakest, p.hedging_strongest) == ("firm", "hedged, conditional")
    assert p.agencies == ["AP"]


# --------------------------------------------------------------------------- corroboration


CORROBORATION_CASES = [
    (
        "three outlets, one unnamed official",
        [
            ["Reuters", "a Ukrainian official"],
            ["AFP", "a Ukrainian official"],
            ["FT", "A Ukrainian official"],
        ],
        1,
    ),
    ("two named sources", [["Reuters", "Dmitry Peskov"], ["TASS", "Sergei Lavrov"]], 2),
    ("unnamed and on the record", [["a diplomat"], []], 2),
    ("one outlet twice", [["Reuters"], ["Reuters"]], 1),
    ("two reports, each the outlet's own reporting", [[], []], 2),
]


@pytest.mark.parametrize(
    ("what", "chains", "independent"), CORROBORATION_CASES, ids=[c[0] for c in CORROBORATION_CASES]
)
def test_corroboration_counts_independent_sources(
    what: str, chains: list[list[str]], independent: int
) -> None:
    claims = [
        claim(id=i + 1, report=i + 1, sources=chain, anonymous=any(s[0].islower() for s in chain))
        for i, chain in enumerate(chains)
    ]
    [p] = merge(claims)
    assert p.independent_sources == independent
    assert p.corroboration.startswith(f"{independent} independent source")


def test_relayed_unnamed_source_is_said_so() -> None:
    claims = [
        claim(id=i, report=i, sources=[outlet, "a Ukrainian official"])
        for i, outlet in enumerate(["Reuters", "AFP", "Bloomberg"], start=1)
    ]
    [p] = merge(claims)
    assert "3 outlets relay the same source: ukrainian official" in p.corroboration


def test_origin_of_on_record_claim_is_the_speaker() -> None:
    assert origin(claim(speaker="Sergei Lavrov")) == "Sergei Lavrov (on the record)"
    assert origin(claim(sources=["TASS", "Dmitry Peskov"])) == "Dmitry Peskov"


# --------------------------------------------------------------------------- changes


def test_accept_then_reject_is_a_reversal_with_both_sides() -> None:
    changes = detect(
        merge(
            [
                claim(
                    id=1,
                    kind="accept",
                    issue="ceasefire",
                    date="2025-03-01",
                    quote="Moscow accepted the truce",
                ),
                claim(
                    id=2,
                    report=2,
                    kind="reject",
                    issue="ceasefire",
                    date="2025-04-01",
                    quote="Moscow rejected the truce",
                ),
            ]
        )
    )
    [c] = changes
    assert c.type == "reversal"
    assert [e.claim for e in c.before] == [1] and [e.claim for e in c.after] == [2]


def test_accept_and_reject_on_the_same_day_is_a_contradiction() -> None:
    changes = detect(
        merge(
            [
                claim(id=1, kind="accept", issue="process", quote="agreed to talks in Istanbul"),
                claim(
                    id=2,
                    kind="accept",
                    issue="process",
                    negated=True,
                    quote="would not accept Istanbul as the host",
                    start=40,
                    end=80,
                ),
            ]
        )
    )
    [c] = changes
    assert c.type == "contradiction" and c.before[0].claim == 1 and c.after[0].claim == 2


def test_process_stances_pair_only_within_one_aspect() -> None:
    changes = detect(
        merge(
            [
                claim(id=1, kind="accept", issue="process", quote="agreed to keep in touch"),
                claim(
                    id=2,
                    start=100,
                    end=140,
                    kind="reject",
                    issue="process",
                    quote="rejected Qatar as mediator",
                ),
                claim(
                    id=3,
                    start=150,
                    end=190,
                    kind="accept",
                    issue="process",
                    quote="accepted the talks format",
                ),
                claim(
                    id=4,
                    start=200,
                    end=240,
                    kind="reject",
                    issue="process",
                    quote="rejected the draft framework",
                ),
                claim(
                    id=5,
                    start=250,
                    end=290,
                    kind="accept",
                    issue="process",
                    quote="welcomed Qatari mediation",
                ),
            ]
        )
    )
    # Only mediation vs mediation; an unknown aspect never pairs.
    [c] = changes
    assert {c.before[0].claim, c.after[0].claim} == {2, 5}


def test_accept_and_reject_of_different_places_is_no_contradiction() -> None:
    changes = detect(
        merge(
            [
                claim(id=1, kind="accept", places=["UA-14"]),
                claim(id=2, start=100, end=140, kind="reject", places=["UA-23"]),
            ]
        )
    )
    assert changes == []


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            {"places": ["UA-14", "UA-09", "UA-23", "UA-65"]},
            {"places": ["UA-14", "UA-09"]},
            "narrowed",
        ),
        ({"places": ["UA-14"]}, {"places": ["UA-14", "UA-09"]}, "widened"),
        (
            {"issue": "ceasefire", "quantities": [{"value": 30, "unit": "days"}]},
            {"issue": "ceasefire", "quantities": [{"value": 10, "unit": "days"}]},
            "narrowed",
        ),
        ({"places": ["UA-14"]}, {"places": ["UA-23"]}, None),
    ],
)
def test_demand_scope_changes(
    before: dict[str, Any], after: dict[str, Any], expected: str | None
) -> None:
    changes = detect(
        merge(
            [
                claim(id=1, date="2025-05-16", **before),
                claim(id=2, report=2, date="2025-08-16", **after),
            ]
        )
    )
    assert [c.type for c in changes] == ([expected] if expected else [])
    if expected:
        assert changes[0].before[0].claim == 1 and changes[0].after[0].claim == 2


def test_denial_keeps_the_reported_side() -> None:
    changes = detect(
        merge(
            [
                claim(id=1, kind="accept", issue="ceasefire", quote="Putin would accept a freeze"),
                claim(
                    id=2,
                    report=2,
                    kind="accept",
                    issue="ceasefire",
                    denied=True,
                    quote="denied that Putin would accept a freeze",
                ),
            ]
        )
    )
    [c] = [c for c in changes if c.type == "denial"]
    assert [e.claim for e in c.before] == [1] and [e.claim for e in c.after] == [2]


# --------------------------------------------------------------------------- on a real store


def test_build_on_a_store(negotiation_db: Path) -> None:
    with Store.open(negotiation_db) as store:
        picture = build(store)
    assert len(picture.reports) == 3 and len(picture.claims) == 8
    territory = [p for p in picture.positions if p.actor == "RUS" and p.issue == "territory"]
    assert sorted(len(p.places) for p in territory) == [2, 4]
    donbas = next(p for p in territory if len(p.places) == 2)
    # AFP and Bloomberg relay the same unnamed Ukrainian official: one source.
    assert donbas.independent_sources == 1 and donbas.agencies == ["AFP", "Bloomberg"]
    types = {(c.type, c.actor, c.issue) for c in picture.changes}
    assert ("narrowed", "RUS", "territory") in types
    assert ("denial", "RUS", "ceasefire") in types
    # Refusing a 30-day ceasefire and accepting a halt to strikes in the south are not
    # the same object (one names a duration, the other none): no reversal.
    assert ("reversal", "RUS", "ceasefire") not in types
    frame = picture.to_frame()
    assert len(frame) == len(picture.positions)
    assert {"actor", "issue", "stance", "claims", "independent_sources"} <= set(frame.columns)
    dated = [t.date for t in picture.timeline]
    assert dated == sorted(dated)
    assert {t.type for t in picture.timeline} == {"stance", "event", "fact"}
    assert picture.date_range == ("2025-05-16", "2025-08-17")


def test_build_filters_by_actor_and_issue(negotiation_db: Path) -> None:
    with Store.open(negotiation_db) as store:
        picture = build(store, actor="UKR")
        assert {p.actor for p in picture.positions} == {"UKR"}
        picture = build(store, issue="ceasefire")
        assert {p.issue for p in picture.positions} == {"ceasefire"}


def test_cli_positions_timeline_contradictions(negotiation_db: Path) -> None:
    db = str(negotiation_db)
    code, out, _ = run("positions", "--db", db, "--actor", "RUS", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and {r["actor"] for r in rows} == {"RUS"}
    assert all(r["claims"] for r in rows)
    code, out, _ = run("timeline", "--db", db, "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["type"] == "event" and lines[0]["date"] == "2025-05-16"
    code, out, _ = run("contradictions", "--db", db, "--format", "jsonl")
    assert code == 0
    kinds = {json.loads(line)["type"] for line in out.splitlines()}
    assert {"narrowed", "denial"} <= kinds
    code, out, _ = run("positions", "--db", db)
    assert code == 0 and "territory" in out


def test_cli_missing_database_is_one_line(tmp_path: Path) -> None:
    code, out, err = run("positions", "--db", str(tmp_path / "none.db"))
    assert code == 2 and out == ""
    assert err.startswith("detente: ") and len(err.strip().splitlines()) == 1


def test_a_denial_governs_every_claim_inside_its_span() -> None:
    from detente.positions import govern

    rows = govern(
        [
            claim(id=1, kind="accept", issue="ceasefire", denied=True, start=0, end=120),
            claim(id=2, kind="demand", places=["UA-14"], start=80, end=118),
            claim(id=3, kind="demand", places=["UA-14"], start=130, end=170),
            claim(id=4, report=2, kind="demand", places=["UA-14"], start=80, end=118),
        ]
    )
    assert [bool(r.get("denied")) for r in rows] == [True, True, False, False]
    assert rows[1]["denied_scope"] == 1
    [denied] = [p for p in merge(rows) if p.stance == "demand" and p.denied]
    assert denied.claims == [2]
