"""Negotiations: assignment at ingest, scoped reads, hand assignment, corrections."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from detente.extract import get_extractor
from detente.reading import read_paths
from detente.store import Store
from detente.store.negotiations import Footprint, UnknownNegotiation, best_matches, known, propose

DATA = Path(__file__).parent / "data" / "negotiations"
THREE = ("sudan_truce.txt", "lebanon_border.txt", "ukraine_statement.txt")


def ingest(store: Store, *names: str) -> dict[str, int]:
    """Ingest files from tests/data/negotiations; returns report id by file name."""
    out = {}
    for report in read_paths([str(DATA / n) for n in names]):
        out[Path(report.origin or "").name] = store.ingest(report, get_extractor()).report_id
    return out


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (
        tmp_path / "detente.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    )
    s = Store.open(url)
    yield s
    s.close()


def test_three_reports_make_three_negotiations(store: Store) -> None:
    ids = ingest(store, *THREE)
    assert {r["id"]: r["negotiation"] for r in store.reports()} == {
        ids["sudan_truce.txt"]: "sudan",
        ids["lebanon_border.txt"]: "israel-lebanon",
        ids["ukraine_statement.txt"]: "russia-ukraine",
    }
    listed = {n["slug"]: n for n in store.negotiations()}
    assert set(listed) == {"sudan", "israel-lebanon", "russia-ukraine"}
    assert listed["sudan"]["reports"] == 1
    assert listed["sudan"]["origin"] == "knowledge"
    assert listed["sudan"]["first_seen"] == listed["sudan"]["last_seen"] == "2025-03-03"
    assert store.negotiation("sudan")["name"] == listed["sudan"]["name"]
    assert store.negotiation("nowhere") is None
    # Every scoped read keeps to the negotiation's reports.
    sudan = store.claims(negotiation="sudan")
    assert sudan and {c["report"] for c in sudan} == {ids["sudan_truce.txt"]}
    assert {c["actor"] for c in sudan} >= {"rsf", "saf"}
    assert not {c["actor"] for c in sudan} & {"RUS", "UKR", "ISR", "hezbollah"}
    assert [r["id"] for r in store.reports(negotiation="israel-lebanon")] == [
        ids["lebanon_border.txt"]
    ]
    for e in store.events(negotiation="russia-ukraine"):
        assert e["report"] == ids["ukraine_statement.txt"]
    for f in store.facts(negotiation="sudan"):
        assert f["report"] == ids["sudan_truce.txt"]
    assert store.claims(negotiation="nowhere") == []
    # The claims name the extractor version that wrote them.
    assert {c["extractor"] for c in sudan} == {get_extractor().name}


def test_hand_assignment_moves_and_survives_reassignment(store: Store) -> None:
    ids = ingest(store, "sudan_truce.txt", "lebanon_border.txt")
    rid = ids["sudan_truce.txt"]
    store.assign_report(rid, "israel-lebanon")
    assert store.reports(negotiation="sudan") == []
    assert store.negotiation("sudan")["reports"] == 0
    assert store.negotiation("israel-lebanon")["reports"] == 2
    store.reassign()
    assert store.report_negotiations()[rid] == ["israel-lebanon"]
    # A known negotiation with no report yet can be assigned to.
    store.assign_report(rid, "drc-m23")
    assert store.report_negotiations()[rid] == ["drc-m23"]
    # An automatic assignment is recomputed.
    store.assign_report(rid, "drc-m23", by="auto")
    store.reassign()
    assert store.report_negotiations()[rid] == ["sudan"]
    with pytest.raises(UnknownNegotiation, match="did you mean sudan"):
        store.assign_report(rid, "sudann")
    with pytest.raises(LookupError):
        store.assign_report(9999, "sudan")
    store.assign_report(rid, "darfur-talks", name="Darfur talks")
    assert store.negotiation("darfur-talks")["origin"] == "manual"


def test_matching_rules() -> None:
    cands = {k.slug: (k.parties, k.places) for k in known().values()}
    from collections import Counter

    def match(actors: dict[str, int], places: dict[str, int] | None = None) -> list[str]:
        return [
            s for s, _ in best_matches(Footprint(Counter(actors), Counter(places or {})), cands)
        ]

    assert match({"ISR": 2, "hezbollah": 1}) == ["israel-lebanon"]
    assert match({"ISR": 3, "hamas": 2}) == ["israel-hamas"]
    # Israel alone is ambiguous; with a Gaza place it is not.
    assert match({"ISR": 3}) == []
    assert match({"ISR": 3}, {"PS-GZA": 1}) == ["israel-hamas"]
    # One exclusive party suffices; a mediator alone never decides.
    assert match({"UKR": 1}) == ["russia-ukraine"]
    assert match({"USA": 5, "un": 2}) == []
    assert match({"USA": 5}, {"SD-DN": 1}) == ["sudan"]
    # A passing mention of another conflict does not pull the report in.
    assert match({"RUS": 6, "UKR": 4, "ISR": 1, "hamas": 1}) == ["russia-ukraine"]


def test_unmatched_reports_propose_a_negotiation() -> None:
    from collections import Counter

    fp = Footprint(Counter({"bla": 3, "PAK": 2, "USA": 1}), Counter({"PK-BA": 1}))
    slug, name, parties, places = propose(fp, {"bla": "Baloch Liberation Army", "PAK": "Pakistan"})
    assert (slug, name) == ("pakistan-baloch-liberation-army", "Pakistan–Baloch Liberation Army")
    assert "USA" not in parties and set(parties) == {"bla", "PAK"}
    assert places == ["PK-BA"]
    assert propose(Footprint(Counter({"USA": 3}), Counter()), {}) is None


def test_set_date_drop_and_reextract_keep_ids(store: Store) -> None:
    ids = ingest(store, *THREE)
    rid = ids["lebanon_border.txt"]
    store.set_report_date(rid, date(2025, 3, 9))
    assert store.report(rid)["published"] == "2025-03-09"
    assert store.negotiation("israel-lebanon")["last_seen"] == "2025-03-09"
    store.assign_report(rid, "israel-hamas")
    from detente.store.corrections import reextract

    before = {c["id"] for c in store.claims(report_id=rid)}
    results = reextract(store, get_extractor(), report_ids=[rid], force=True)
    assert [r.report_id for r in results] == [rid]
    assert results[0].status == "reextracted"
    after = {c["id"] for c in store.claims(report_id=rid)}
    assert after and not before & after
    assert store.report_negotiations()[rid] == ["israel-hamas"]
    # Without force, the same extractor version is not re-run.
    assert reextract(store, get_extractor(), report_ids=[rid])[0].status == "present"
    dropped = store.drop_report(ids["sudan_truce.txt"])
    assert dropped["reports"] == 1 and dropped["claims"] >= 3
    assert store.report(ids["sudan_truce.txt"]) is None
    assert store.claims(report_id=ids["sudan_truce.txt"]) == []
    assert store.negotiation("sudan")["reports"] == 0
    with pytest.raises(LookupError):
        store.drop_report(ids["sudan_truce.txt"])


def test_unmatched_report_proposes_a_negotiation_that_later_reports_join(tmp_path: Path) -> None:
    from test_positions import Doc, make_store

    def doc(day: int, quote: str, who: str) -> Doc:
        return Doc(
            f"Balochistan talks\n\nQUETTA, May {day} (AFP) - {quote}.",
            date(2025, 5, day),
            "AFP",
            claims=[{"actor": who, "kind": "demand", "issue": "governance", "quote": quote}]
            + [
                {
                    "actor": "PAK" if who == "bla" else "bla",
                    "kind": "reject",
                    "issue": "governance",
                    "quote": quote,
                }
            ],
        )

    first = doc(2, "The Baloch Liberation Army demanded autonomy from Pakistan", "bla")
    second = doc(9, "Pakistan rejected any autonomy demanded by the rebels", "PAK")
    with Store.open(make_store(tmp_path / "p.db", [first, second])) as store:
        [n] = store.negotiations()
        assert n["origin"] == "proposed" and set(n["parties"]) == {"PAK", "bla"}
        assert n["reports"] == 2 and (n["first_seen"], n["last_seen"]) == (
            "2025-05-02",
            "2025-05-09",
        )


def test_claims_of_a_report_in_two_negotiations_go_to_the_one_they_fit(tmp_path: Path) -> None:
    from test_positions import Doc, make_store

    text = (
        "Two tracks\n\nDOHA, June 3 (Reuters) - Hamas demanded a full Israeli withdrawal from "
        "Gaza. Hezbollah demanded that Israel leave five hilltops in Lebanon. Israel rejected "
        "both demands. Qatar offered to host more talks."
    )
    q = [
        "Hamas demanded a full Israeli withdrawal from Gaza",
        "Hezbollah demanded that Israel leave five hilltops in Lebanon",
        "Israel rejected both demands",
        "Qatar offered to host more talks",
    ]
    d = Doc(
        text,
        date(2025, 6, 3),
        "Reuters",
        claims=[
            {
                "actor": "hamas",
                "kind": "demand",
                "issue": "territory",
                "quote": q[0],
                "places": ["PS-GZA"],
            },
            {
                "actor": "hezbollah",
                "kind": "demand",
                "issue": "territory",
                "quote": q[1],
                "places": ["LBN"],
            },
            {"actor": "ISR", "kind": "reject", "issue": "territory", "quote": q[2]},
            {"actor": "QAT", "kind": "offer", "issue": "process", "quote": q[3]},
        ],
    )
    with Store.open(make_store(tmp_path / "two.db", [d])) as store:
        [report] = store.reports()
        assert set(report["negotiations"]) == {"israel-hamas", "israel-lebanon"}
        gaza = {c["actor"] for c in store.claims(negotiation="israel-hamas")}
        lebanon = {c["actor"] for c in store.claims(negotiation="israel-lebanon")}
        assert "hamas" in gaza and "hezbollah" not in gaza
        assert "hezbollah" in lebanon and "hamas" not in lebanon
        # The mediator fits neither and belongs to both; Israel fits both and goes to the best.
        assert "QAT" in gaza and "QAT" in lebanon
        assert ("ISR" in gaza) != ("ISR" in lebanon)
