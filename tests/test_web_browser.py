"""The review app in Debian chromium (Playwright) against a real ``detente serve``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from cli_runner import run
from detente.store import Store
from review_data import build_db, claim_id, report_id
from test_brief_browser import ARGS, CHROMIUM
from test_positions import RecordedExtractor
from test_web_api import HOSTILE

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "test-artifacts" / "review.png"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve():
    """Start ``detente serve`` on a database; yields its base URL; stops it afterwards."""
    procs: list[subprocess.Popen] = []

    def start(db: str) -> str:
        port = _free_port()
        exe = Path(sys.executable).parent / "detente"
        env = {**os.environ, "DETENTE_TOKEN": ""}
        proc = subprocess.Popen(
            [
                str(exe),
                "serve",
                "--db",
                db,
                "--port",
                str(port),
                "--reviewer",
                "ana",
                "--forecast-runs",
                "5",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        procs.append(proc)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"detente serve exited: {proc.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.2)
        pytest.fail("detente serve did not start")

    yield start
    for p in procs:
        p.terminate()
        p.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run 'make test', which installs it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", *ARGS])
        try:
            yield b
        finally:
            b.close()


def _watch(page: object, errors: list[str], dialogs: list[str]) -> None:
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))


SELECT = """(needle) => {
  const root = document.getElementById('text');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const i = node.data.indexOf(needle);
    if (i >= 0) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + needle.length);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
      return true;
    }
  }
  return false;
}"""


@pytest.mark.browser
def test_review_flow_in_the_browser(tmp_path: Path, serve, browser) -> None:
    db = build_db(tmp_path / "flow.db")
    with Store.open(db) as store:
        ukr = claim_id(store, "UKR", "reject")
        usa = claim_id(store, "USA", "propose")
    base = serve(db)
    errors: list[str] = []
    dialogs: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    _watch(page, errors, dialogs)
    page.goto(base + "/")
    page.click("text=Russia–Ukraine")
    page.wait_for_url("**/n/russia-ukraine")
    assert page.locator('.party[data-actor="UKR"]').count() == 1
    usa_issues = page.locator('.party[data-actor="USA"] li.stance').evaluate_all(
        "els => els.map(e => e.dataset.issue)"
    )
    assert usa_issues == ["territory"]
    page.click("text=reports")
    page.click("a.report-link")
    page.wait_for_selector("#text mark")
    # Clicking a highlighted span selects its claim in the side panel.
    page.locator("#text mark", has_text="Ukraine turned down").first.click()
    assert page.locator(f"#card-c{ukr}").get_attribute("class").count("selected") == 1
    # Reject it (keyboard shortcut x on the selected claim).
    page.keyboard.press("x")
    page.wait_for_selector(f"#card-c{ukr}.review-rejected")
    # Edit another claim's issue through the form.
    page.locator(f"#card-c{usa} button[data-action=edit]").click()
    page.select_option("#edit-form select[name=issue]", "ceasefire")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector(f"#card-c{usa}.review-edited")
    assert "ceasefire" in page.locator(f"#card-c{usa} .issue").inner_text()
    # Add a missed stance by selecting its text.
    assert page.evaluate(SELECT, "as a first step")
    page.click("#add-button")
    page.fill("#add-form input[name=actor]", "USA")
    page.select_option("#add-form select[name=kind]", "propose")
    page.select_option("#add-form select[name=issue]", "process")
    page.click("#add-form button[type=submit]")
    page.wait_for_selector(".claim-card.review-added")
    added = page.locator(".claim-card.review-added")
    assert "as a first step" in added.inner_text()
    assert page.locator("#text mark.review-added").inner_text() == "as a first step"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    added.click()
    page.screenshot(path=str(SCREENSHOT))
    # The position view changed: Ukraine's rejection gone, Washington's issues rewritten.
    page.goto(base + "/n/russia-ukraine")
    assert page.locator('.party[data-actor="UKR"]').count() == 0
    usa_issues = page.locator('.party[data-actor="USA"] li.stance').evaluate_all(
        "els => els.map(e => e.dataset.issue)"
    )
    assert sorted(usa_issues) == ["ceasefire", "process"]
    # Claims list: filter on reviewed, export.
    page.goto(base + "/claims?reviewed=yes")
    assert page.locator("#total").inner_text() == "2"
    page.close()
    assert errors == [] and dialogs == []
    out = tmp_path / "gold"
    code, _, err = run("gold", "export", "--db", db, "--out", str(out))
    assert code == 0, err
    (doc,) = [yaml.safe_load(p.read_text()) for p in out.glob("*.yaml")]
    got = {
        (c["actor"], c["kind"][0], c["issue"][0], c.get("required", True), c["evidence"])
        for c in doc["claims"]
    }
    assert got == {
        (
            "RUS",
            "demand",
            "territory",
            False,
            "Russian envoys insisted that Kyiv hand over the rest of Donetsk",
        ),
        (
            "USA",
            "propose",
            "ceasefire",
            True,
            "Washington floated a freeze along the current front line",
        ),
        ("USA", "propose", "process", True, "as a first step"),
    }
    assert SCREENSHOT.stat().st_size > 20_000


@pytest.mark.browser
def test_hostile_report_runs_nothing(tmp_path: Path, serve, browser) -> None:
    db = build_db(tmp_path / "xss.db", [HOSTILE], RecordedExtractor([HOSTILE]))
    with Store.open(db) as store:
        rid = report_id(store, "Militia")
    base = serve(db)
    errors: list[str] = []
    dialogs: list[str] = []
    page = browser.new_page()
    _watch(page, errors, dialogs)
    for path in (f"/reports/{rid}", "/claims", "/reports", "/all", "/claims?q=M23"):
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.goto(base + f"/reports/{rid}")
    assert page.locator("#text img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "<script>alert('t')</script>" in page.locator("h1").inner_text()
    page.locator("#text").click()
    page.locator("#text mark").first.click()
    # An injected inline script would be refused by the policy even if it got through.
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'alert(3)'; document.body.appendChild(s); }""")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert all("Content Security Policy" in e for e in errors), errors


@pytest.mark.browser
def test_csrf_and_concurrent_reviewers(tmp_path: Path, serve, browser) -> None:
    db = build_db(tmp_path / "two.db")
    with Store.open(db) as store:
        cid = claim_id(store, "saf", "reject")
        rid = report_id(store, "Sudan")
    base = serve(db)
    first = browser.new_context().new_page()
    second = browser.new_context().new_page()
    first.goto(base + f"/reports/{rid}")
    second.goto(base + f"/reports/{rid}")
    # A POST without the CSRF token is refused.
    status = first.evaluate(
        """(id) => fetch('/api/claims/' + id + '/review', {method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({action: 'reject', version: 0})}).then(r => r.status)""",
        cid,
    )
    assert status == 403
    # Both reviewers saw version 0; the first confirms, the second's edit conflicts.
    first.locator(f"#card-c{cid} button[data-action=confirm]").click()
    first.wait_for_selector(f"#card-c{cid}.review-confirmed")
    second.fill("#reviewer", "bo")
    second.locator(f"#card-c{cid} button[data-action=edit]").click()
    second.select_option("#edit-form select[name=issue]", "humanitarian")
    second.click("#edit-form button[type=submit]")
    message = second.locator("#message")
    message.wait_for(state="visible")
    assert "conflict" in message.inner_text() and "changed by ana" in message.inner_text()
    with Store.open(db) as store:
        now = next(c for c in store.claims() if c["id"] == cid)
    assert (now["issue"], now["review"]) == ("ceasefire", "confirmed")
