"""The review app over HTTP (Starlette's TestClient) on real temporary SQLite files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from detente.store import Store
from detente.web import create_app
from review_data import build_db, claim_id, report_id
from test_positions import Doc, RecordedExtractor

HOSTILE = Doc(
    "Militia statement <script>alert('t')</script>\n\n"
    "GOMA, March 2 (Reuters) - The M23 rebels demanded direct talks with Kinshasa "
    '<img src=x onerror=alert(1)> and posted a link <a href="javascript:alert(2)">here</a>.',
    __import__("datetime").date(2025, 3, 2),
    "Reuters",
    claims=[
        {
            "actor": "m23",
            "kind": "demand",
            "issue": "process",
            "quote": "The M23 rebels demanded direct talks with Kinshasa",
        }
    ],
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build_db(tmp_path / "web.db")


@pytest.fixture
def client(db: str):
    with TestClient(create_app(db, reviewer="tester", forecast_runs=5)) as c:
        yield c


def _csrf(client: TestClient) -> str:
    return client.get("/api/session").json()["csrf"]


def _post(client: TestClient, url: str, body: dict) -> object:
    return client.post(url, json=body, headers={"X-CSRF-Token": _csrf(client)})


def test_pages_render_with_security_headers(client: TestClient, db: str) -> None:
    home = client.get("/")
    assert home.status_code == 200
    assert "script-src 'self'" in home.headers["content-security-policy"]
    soup = BeautifulSoup(home.text, "html.parser")
    assert {a.text for a in soup.select("a.negotiation")} == {
        "Russia–Ukraine",
        "Sudan (SAF–RSF)",
        "Armenia–Azerbaijan",
    }
    page = client.get("/n/russia-ukraine")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    parties = {p["data-actor"] for p in soup.select(".party")}
    assert parties == {"RUS", "UKR", "USA"}
    assert soup.select('td.cell[data-actor="RUS"][data-issue="territory"]')
    assert soup.select("#timeline svg")
    assert client.get("/n/atlantis").status_code == 404
    with Store.open(db) as store:
        rid = report_id(store, "Moscow")
    reader = BeautifulSoup(client.get(f"/reports/{rid}").text, "html.parser")
    assert len(reader.select(".claim-card")) == 3
    marks = reader.select("#text mark.claim")
    assert marks and all(m["data-refs"].startswith("c") for m in marks)
    # The highlighted text is the report text, character for character.
    with Store.open(db) as store:
        assert reader.select_one("#text").get_text() == store.report(rid)["text"]
    assert not reader.find("script", src=False)
    schema = client.get("/openapi.json").json()
    assert {
        "/api/claims",
        "/api/claims/{claim_id}/review",
        "/api/reports/{report_id}/claims",
    } <= set(schema["paths"])


def test_claims_list_filters_search_and_export(client: TestClient, db: str) -> None:
    page = BeautifulSoup(client.get("/claims?negotiation=sudan").text, "html.parser")
    assert {r.select("td")[3].text for r in page.select("tr.claim-row")} == {"saf", "rsf"}
    rows = client.get("/api/claims", params={"q": "Rapid Support"}).json()
    assert [r["actor"] for r in rows] == ["rsf"]
    assert client.get("/api/claims", params={"q": "paramilitaries"}).json() == []
    rows = client.get("/api/claims", params={"text": "paramilitaries"}).json()
    assert {r["actor"] for r in rows} == {"saf", "rsf"}  # their report's text matches
    rows = client.get("/api/claims", params={"kind": "reject", "since": "2025-07-01"}).json()
    assert [r["actor"] for r in rows] == ["saf"]
    rows = client.get("/api/claims", params={"issue": "territory", "until": "2025-06-30"}).json()
    assert {r["actor"] for r in rows} == {"RUS", "UKR", "USA"}
    got = client.get("/api/claims", params={"format": "csv", "actor": "RUS"})
    assert got.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["actor"] for r in table] == ["RUS"] and table[0]["places"] == '["UA-14"]'
    assert client.get("/api/claims", params={"since": "soon"}).status_code == 400
    page = BeautifulSoup(client.get("/claims?text=Donetsk&reviewed=no").text, "html.parser")
    assert page.select_one("#total").text == "3"
    page = BeautifulSoup(client.get("/claims?q=Donetsk&reviewed=no").text, "html.parser")
    assert page.select_one("#total").text == "1"
    assert "q=Donetsk" in page.select_one("#export-csv")["href"]


def test_review_through_the_api(client: TestClient, db: str) -> None:
    with Store.open(db) as store:
        ukr = claim_id(store, "UKR", "reject")
        usa = claim_id(store, "USA", "propose")
        rid = report_id(store, "Moscow")
        text = store.report(rid)["text"]
    assert (
        _post(client, f"/api/claims/{ukr}/review", {"action": "reject", "version": 0}).status_code
        == 200
    )
    got = _post(
        client,
        f"/api/claims/{usa}/review",
        {"action": "edit", "version": 0, "changes": {"issue": "ceasefire"}},
    )
    assert got.status_code == 200 and got.json()["review"] == "edited"
    start = text.index("as a first step")
    added = _post(
        client,
        f"/api/reports/{rid}/claims",
        {"start": start, "end": start + 15, "actor": "USA", "kind": "propose", "issue": "process"},
    )
    assert added.status_code == 201 and added.json()["quote"] == "as a first step"
    standing = client.get("/api/negotiations/russia-ukraine").json()["standing"]
    usa_now = next(s for s in standing if s["actor"] == "USA")
    assert {i["issue"] for i in usa_now["issues"]} == {"ceasefire", "process"}
    assert "UKR" not in {s["actor"] for s in standing}
    audit = client.get("/api/reviews").json()
    assert [a["action"] for a in audit] == ["add", "edit", "reject"]
    assert all(a["reviewer"] == "tester" for a in audit)
    bad = _post(
        client,
        f"/api/claims/{usa}/review",
        {"action": "edit", "version": 1, "changes": {"kind": "x"}},
    )
    assert bad.status_code == 400 and "unknown kind" in bad.json()["detail"]
    assert (
        _post(client, "/api/claims/999999/review", {"action": "confirm", "version": 0}).status_code
        == 404
    )
    moved = _post(client, f"/api/reports/{rid}/negotiation", {"negotiation": "sudan"})
    assert moved.status_code == 200
    assert rid in {
        r["id"] for r in client.get("/api/reports", params={"negotiation": "sudan"}).json()
    }
    redated = _post(client, f"/api/reports/{rid}/date", {"published": "2025-06-04"})
    assert redated.status_code == 200
    assert client.get(f"/api/reports/{rid}").json()["report"]["published"] == "2025-06-04"


def test_stale_version_gets_409(client: TestClient, db: str) -> None:
    with Store.open(db) as store:
        cid = claim_id(store, "rsf", "offer")
    first = _post(
        client,
        f"/api/claims/{cid}/review",
        {"action": "edit", "version": 0, "changes": {"hedged": True}},
    )
    assert first.status_code == 200
    second = _post(
        client, f"/api/claims/{cid}/review", {"action": "reject", "version": 0, "reviewer": "bo"}
    )
    assert second.status_code == 409
    assert second.json()["detail"].startswith("conflict: this stance was changed by tester")
    assert client.get(f"/api/claims/{cid}").json()["review"] == "edited"


def test_post_without_csrf_token_is_forbidden(client: TestClient, db: str) -> None:
    with Store.open(db) as store:
        cid = claim_id(store, "RUS", "demand")
    client.get("/")
    for headers in ({}, {"X-CSRF-Token": "forged"}):
        got = client.post(
            f"/api/claims/{cid}/review", json={"action": "reject", "version": 0}, headers=headers
        )
        assert got.status_code == 403
    assert client.get("/api/reviews").json() == []


def test_token_login(db: str) -> None:
    with TestClient(create_app(db, token="s3cret"), follow_redirects=False) as c:
        assert c.get("/").headers["location"] == "/login"
        assert c.get("/api/claims").status_code == 401
        form = BeautifulSoup(c.get("/login").text, "html.parser")
        csrf = form.select_one('input[name="csrf_token"]')["value"]
        assert c.post("/login", data={"token": "s3cret"}).status_code == 403  # no CSRF token
        wrong = c.post("/login", data={"token": "guess", "csrf_token": csrf})
        assert wrong.headers["location"] == "/login?failed=1"
        ok = c.post("/login", data={"token": "s3cret", "csrf_token": csrf})
        assert ok.status_code == 303
        cookie = ok.headers["set-cookie"]
        assert "detente_auth=" in cookie and "HttpOnly" in cookie and "s3cret" not in cookie
        assert c.get("/api/claims").status_code == 200


def test_report_text_is_escaped(tmp_path: Path) -> None:
    db = build_db(tmp_path / "x.db", [HOSTILE], RecordedExtractor([HOSTILE]))
    with TestClient(create_app(db)) as c, Store.open(db) as store:
        rid = report_id(store, "Militia")
        html = c.get(f"/reports/{rid}").text
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("img") is None
        assert not [a for a in soup.find_all("a") if a.get("href", "").startswith("javascript")]
        assert [s.get("src") for s in soup.find_all("script")] == ["/static/app.js"]
        assert "&lt;script&gt;" in html
        listing = c.get("/claims").text
        assert "<script>alert" not in listing


def test_paged_claims_equal_the_full_read_path(db: str) -> None:
    """The SQL fast path of the claims list gives what filtering every effective claim gives."""
    from detente.review import add_claim, review_claim
    from detente.review.overlay import effective_claims
    from detente.web.views import ClaimFilter, claim_page

    with Store.open(db) as store:
        review_claim(store, claim_id(store, "UKR", "reject"), "reject", reviewer="a", version=0)
        review_claim(
            store,
            claim_id(store, "saf", "reject"),
            "edit",
            reviewer="a",
            version=0,
            changes={"actor": "rsf", "denied": True},
        )
        rid = report_id(store, "Sudan")
        text = store.report(rid)["text"]
        s = text.index("aid convoys")
        add_claim(
            store,
            rid,
            s,
            s + 11,
            {"actor": "rsf", "kind": "demand", "issue": "humanitarian"},
            reviewer="a",
        )
        everything = effective_claims(store)
        cases = [
            (ClaimFilter(), lambda c: True),
            (ClaimFilter(actor=["rsf"]), lambda c: c["actor"] == "rsf"),
            (ClaimFilter(denied=True), lambda c: c["denied"]),
            (ClaimFilter(reviewed=True), lambda c: c["review"] != "machine"),
            (
                ClaimFilter(reviewed=False, kind=["reject"]),
                lambda c: c["review"] == "machine" and c["kind"] == "reject",
            ),
            (ClaimFilter(negotiation="sudan"), lambda c: c["report"] == rid),
            (ClaimFilter(q="convoys"), lambda c: "convoys" in c["quote"]),
            (ClaimFilter(q="Ukraine"), lambda c: "Ukraine" in c["quote"]),
            (
                ClaimFilter(text="paramilitaries", issue=["humanitarian"]),
                lambda c: c["report"] == rid and c["issue"] == "humanitarian",
            ),
        ]
        for f, keep in cases:
            want = [c["id"] for c in everything if keep(c)]
            rows, total = claim_page(store, f)
            assert [c["id"] for c in rows] == want, f
            assert total == len(want)
            page, total2 = claim_page(store, f, offset=1, limit=2)
            assert [c["id"] for c in page] == want[1:3] and total2 == total


def test_only_loopback_hosts_are_answered_without_token(db: str) -> None:
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "attacker.example"}).status_code == 400


@pytest.mark.postgres
def test_claims_list_on_postgresql(pg_url: str) -> None:
    db = build_db(pg_url)
    with TestClient(create_app(db, reviewer="pg")) as c:
        rows = c.get("/api/claims", params={"q": "Rapid Support"}).json()
        assert [r["actor"] for r in rows] == ["rsf"]
        rows = c.get("/api/claims", params={"text": "paramilitaries"}).json()
        assert {r["actor"] for r in rows} == {"saf", "rsf"}
        cid = rows[0]["id"]
        done = _post(c, f"/api/claims/{cid}/review", {"action": "reject", "version": 0})
        assert done.status_code == 200
        again = _post(c, f"/api/claims/{cid}/review", {"action": "confirm", "version": 0})
        assert again.status_code == 409
        rows = c.get("/api/claims", params={"negotiation": "sudan"}).json()
        assert [r["actor"] for r in rows] == ["rsf"]
