"""The review overlay: effective claims, audit, concurrency, re-attachment, search, gold."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from cli_runner import run
from detente.evaluate import load_gold_dir
from detente.positions import build
from detente.review import (
    ConflictError,
    ReviewError,
    add_claim,
    history,
    move_report,
    orphans,
    redate_report,
    review_claim,
    search,
)
from detente.review.gold import export_gold
from detente.store import Store
from detente.store.schema import report_negotiations
from review_data import DOCS, KYIV, SUDAN, build_db, claim_id, report_id, report_of
from test_positions import Doc, RecordedExtractor


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(build_db(tmp_path / "review.db")) as s:
        yield s


def _span(store: Store, rid: int, quote: str) -> tuple[int, int]:
    text = store.report(rid)["text"]
    start = text.index(quote)
    return start, start + len(quote)


def test_effective_claims_apply_reject_edit_and_add(store: Store) -> None:
    assert {c["review"] for c in store.claims()} == {"machine"}
    before = len(store.claims())
    review_claim(store, claim_id(store, "UKR", "reject"), "reject", reviewer="ana", version=0)
    review_claim(
        store,
        claim_id(store, "USA", "propose"),
        "edit",
        reviewer="ana",
        version=0,
        changes={"issue": "ceasefire", "places": "UA-14, UA-09"},
    )
    review_claim(store, claim_id(store, "saf", "reject"), "confirm", reviewer="ben", version=0)
    rid = report_id(store, "Sudan")
    start, end = _span(store, rid, "calling it a reward for the paramilitaries")
    added = add_claim(
        store,
        rid,
        start,
        end,
        {"actor": "saf", "kind": "reject", "issue": "governance"},
        reviewer="ana",
    )
    claims = store.claims()
    assert len(claims) == before - 1 + 1
    assert not [c for c in claims if c["actor"] == "UKR"]
    by_review = {c["review"] for c in claims}
    assert by_review == {"machine", "edited", "confirmed", "added"}
    edited = next(c for c in claims if c["review"] == "edited")
    assert (edited["issue"], edited["places"]) == ("ceasefire", ["UA-14", "UA-09"])
    # Filters see the reviewed values, not the machine's.
    assert [c["id"] for c in store.claims(issue="ceasefire", actor="USA")] == [edited["id"]]
    assert store.claims(issue="territory", actor="USA") == []
    assert added["id"] < 0 and added["quote"] == "calling it a reward for the paramilitaries"
    assert added["date"] == SUDAN.published.isoformat()
    assert [c["id"] for c in store.claims(issue="governance")] == [added["id"]]
    reviewed = store.claims(reviewed=True)
    assert {c["review"] for c in reviewed} == {"edited", "confirmed", "added"}
    assert all(c["review"] == "machine" for c in store.claims(reviewed=False))
    # Every consumer reads the same path: positions use the reviewed record.
    picture = build(store)
    keys = {(p.actor, p.issue, p.stance) for p in picture.positions}
    assert ("USA", "ceasefire", "propose") in keys
    assert ("saf", "governance", "reject") in keys
    assert not any(p.actor == "UKR" for p in picture.positions)


def test_machine_rows_untouched_and_every_action_audited(store: Store) -> None:
    cid = claim_id(store, "RUS", "demand")
    machine_before = store.machine_claims()
    review_claim(store, cid, "edit", reviewer="ana", version=0, changes={"kind": "propose"})
    review_claim(store, cid, "reject", reviewer="ben", version=1)
    review_claim(store, cid, "confirm", reviewer="ana", version=2)  # restores, keeps the edit
    assert store.machine_claims() == machine_before
    now = next(c for c in store.claims() if c["id"] == cid)
    assert (now["kind"], now["review"], now["review_version"]) == ("propose", "edited", 3)
    trail = history(store)
    assert [h["action"] for h in trail] == ["confirm", "reject", "edit"]
    assert [h["reviewer"] for h in trail] == ["ana", "ben", "ana"]
    assert trail[-1]["before"] is None and trail[-1]["after"]["changes"] == {"kind": "propose"}
    assert trail[1]["before"]["status"] == "edited" and trail[1]["after"]["status"] == "rejected"
    assert trail[0]["kind"] == "demand" and trail[0]["start"] == now["start"]


def test_stale_version_conflicts_and_overwrites_nothing(store: Store) -> None:
    cid = claim_id(store, "rsf", "offer")
    review_claim(store, cid, "edit", reviewer="ana", version=0, changes={"hedged": True})
    with pytest.raises(ConflictError, match="changed by ana"):
        review_claim(store, cid, "edit", reviewer="ben", version=0, changes={"kind": "accept"})
    with pytest.raises(ConflictError):
        review_claim(store, cid, "reject", reviewer="ben", version=0)
    now = next(c for c in store.claims() if c["id"] == cid)
    assert (now["kind"], now["hedged"], now["review_version"]) == ("offer", True, 1)
    assert len(history(store)) == 1


def test_bad_review_input_is_refused(store: Store) -> None:
    cid = claim_id(store, "RUS", "demand")
    with pytest.raises(ReviewError, match="unknown kind"):
        review_claim(store, cid, "edit", reviewer="ana", version=0, changes={"kind": "insist"})
    with pytest.raises(ReviewError, match="cannot edit"):
        review_claim(store, cid, "edit", reviewer="ana", version=0, changes={"quote": "x"})
    with pytest.raises(ReviewError, match="reviewer"):
        review_claim(store, cid, "confirm", reviewer=" ", version=0)
    with pytest.raises(ReviewError, match="outside"):
        add_claim(
            store,
            1,
            5,
            10_000,
            {"actor": "RUS", "kind": "demand", "issue": "territory"},
            reviewer="a",
        )
    assert history(store) == []


def _shifted(doc: Doc) -> Doc:
    """The same report as a newer extractor sees it: spans a few words longer, one stance gone."""
    claims = []
    for c in doc.claims:
        if c["actor"] == "USA":
            continue  # the newer extractor misses this one
        quote = c["quote"]
        text = doc.text
        i = text.index(quote)
        longer = text[i : text.index(" ", i + len(quote) + 1)]
        claims.append({**c, "quote": longer})
    return replace(doc, claims=claims)


class NewerExtractor(RecordedExtractor):
    name = "test.records.v2"


def test_reviews_reattach_after_reextraction_and_orphans_stay_visible(tmp_path: Path) -> None:
    db = build_db(tmp_path / "re.db")
    with Store.open(db) as store:
        rus = claim_id(store, "RUS", "demand")
        ukr = claim_id(store, "UKR", "reject")
        usa = claim_id(store, "USA", "propose")
        review_claim(store, rus, "edit", reviewer="ana", version=0, changes={"issue": "ceasefire"})
        review_claim(store, ukr, "reject", reviewer="ana", version=0)
        review_claim(store, usa, "confirm", reviewer="ana", version=0)
        newer = [_shifted(d) for d in DOCS]
        ex = NewerExtractor(newer)
        for d in newer:
            assert store.ingest(report_of(d), ex).status == "reextracted"
        assert rus not in {int(c["id"]) for c in store.machine_claims()}
        claims = store.claims(report_id=report_id(store, "Moscow"))
        assert [(c["actor"], c["issue"], c["review"]) for c in claims] == [
            ("RUS", "ceasefire", "edited")
        ]
        lost = orphans(store)
        assert [(o["actor"], o["kind"], o["status"]) for o in lost] == [
            ("USA", "propose", "confirmed")
        ]
        # Search follows re-extraction: old quotes are gone from the index, new ones are in.
        hits = search(store.engine, "Donetsk before")
        assert hits.claims == {c["id"] for c in store.machine_claims(actor="RUS")}


def test_redate_and_move_are_audited(store: Store) -> None:
    rid = report_id(store, "Baku")
    redate_report(store, rid, "2025-08-09", reviewer="ana")
    assert store.report(rid)["published"] == "2025-08-09"
    with pytest.raises(ReviewError):
        redate_report(store, rid, "9 Aug", reviewer="ana")
    move_report(store, rid, "russia-ukraine", reviewer="ana")
    with store.engine.connect() as conn:
        links = conn.execute(
            sa.select(
                report_negotiations.c.negotiation_id, report_negotiations.c.assigned_by
            ).where(report_negotiations.c.report_id == rid)
        ).all()
    assert len(links) == 1 and links[0][1] == "manual"
    with pytest.raises(ReviewError, match="unknown negotiation 'atlantis'"):
        move_report(store, rid, "atlantis", reviewer="ana")
    trail = history(store, report_id=rid)
    assert [t["action"] for t in trail] == ["move", "redate"]
    assert trail[0]["before"] == ["armenia-azerbaijan"] and trail[0]["after"] == ["russia-ukraine"]
    assert trail[1]["before"]["published"] == "2025-08-08"


def test_fulltext_search_sqlite(store: Store) -> None:
    hits = search(store.engine, "paramilitaries")
    assert hits.reports == {report_id(store, "Sudan")} and hits.claims == set()
    hits = search(store.engine, "Rapid Support")
    assert hits.claims == {claim_id(store, "rsf", "offer")}
    assert search(store.engine, "freez").claims == {claim_id(store, "USA", "propose")}
    assert search(store.engine, 'truce" OR "x') == search(store.engine, "truce OR x")
    assert search(store.engine, "  ").reports == set()


@pytest.mark.postgres
def test_review_and_search_on_postgresql(pg_url: str) -> None:
    db = build_db(pg_url)
    with Store.open(db) as store:
        assert store.schema_revision() == "0004"
        hits = search(store.engine, "paramilitaries")
        assert hits.reports == {report_id(store, "Sudan")}
        assert search(store.engine, "Rapid Support").claims == {claim_id(store, "rsf", "offer")}
        assert search(store.engine, "freez").claims == {claim_id(store, "USA", "propose")}
        cid = claim_id(store, "UKR", "reject")
        review_claim(
            store, cid, "edit", reviewer="ana", version=0, changes={"issue": "security_guarantees"}
        )
        with pytest.raises(ConflictError):
            review_claim(store, cid, "reject", reviewer="ben", version=0)
        assert [c["issue"] for c in store.claims(actor="UKR")] == ["security_guarantees"]
        rid = report_id(store, "Sudan")
        s, e = _span(store, rid, "calling it a reward")
        add_claim(
            store,
            rid,
            s,
            e,
            {"actor": "saf", "kind": "reject", "issue": "governance"},
            reviewer="a",
        )
        assert [c["review"] for c in store.claims(reviewed=True)] == ["edited", "added"]


def test_gold_export_loads_in_eval(store: Store, tmp_path: Path) -> None:
    review_claim(store, claim_id(store, "UKR", "reject"), "reject", reviewer="ana", version=0)
    review_claim(
        store,
        claim_id(store, "USA", "propose"),
        "edit",
        reviewer="ana",
        version=0,
        changes={"issue": "ceasefire"},
    )
    out = tmp_path / "gold"
    written = export_gold(store, out)
    assert [w.report for w in written] == [report_id(store, "Moscow")]
    golds = load_gold_dir(out)
    assert len(golds) == 1
    claims = {(g.actors, g.kinds, g.issues, g.required) for g in golds[0].claims}
    assert claims == {
        (("RUS",), ("demand",), ("territory",), False),
        (("USA",), ("propose",), ("ceasefire",), True),
    }
    doc = yaml.safe_load((out / f"{written[0].name}.yaml").read_text())
    assert doc["published"] == KYIV.published
    assert all(c["evidence"] in (out / f"{written[0].name}.txt").read_text() for c in doc["claims"])


def test_gold_export_cli(tmp_path: Path) -> None:
    db = build_db(tmp_path / "g.db")
    with Store.open(db) as store:
        review_claim(store, claim_id(store, "saf", "reject"), "confirm", reviewer="a", version=0)
        review_claim(store, claim_id(store, "RUS", "demand"), "confirm", reviewer="a", version=0)
    code, out, err = run(
        "gold", "export", "--db", db, "--negotiation", "sudan", "--out", str(tmp_path / "g")
    )
    assert code == 0, err
    assert len(out.splitlines()) == 1 and "sudan" in out
    assert len(list((tmp_path / "g").glob("*.yaml"))) == 1
    code, out, err = run(
        "gold", "export", "--db", db, "--negotiation", "atlantis", "--out", str(tmp_path / "h")
    )
    assert code == 2 and err.strip() == "detente: no negotiation 'atlantis'"
    assert not (tmp_path / "h").exists()
    code, out, err = run("claims", "--db", db, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {r["review"] for r in rows} == {"machine", "confirmed"}
    code, out, err = run("claims", "--db", db, "--reviewed", "--format", "jsonl")
    assert code == 0
    assert sorted(json.loads(line)["actor"] for line in out.splitlines()) == ["RUS", "saf"]
    code, out, err = run("claims", "--db", db, "--unreviewed", "--format", "json")
    assert {r["review"] for r in json.loads(out)} == {"machine"} and len(json.loads(out)) == 4


def test_serve_refuses_other_hosts_without_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    db = build_db(tmp_path / "s.db")
    code, out, err = run("serve", "--db", db, "--host", "0.0.0.0")
    assert code == 2 and out == ""
    assert (
        err.startswith("detente: serving on 0.0.0.0 needs --token") and len(err.splitlines()) == 1
    )
    code, _, err = run("serve", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and err.startswith("detente: no database")


def test_dates_in_filters_follow_reviews(store: Store) -> None:
    cid = claim_id(store, "AZE", "accept")
    review_claim(store, cid, "edit", reviewer="a", version=0, changes={"date": "2025-01-05"})
    assert [c["id"] for c in store.claims(until=date(2025, 2, 1))] == [cid]
    assert cid not in [c["id"] for c in store.claims(since=date(2025, 8, 1))]
