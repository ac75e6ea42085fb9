"""The brief in a real browser (Debian chromium through Playwright), offline from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.report.brief import write_brief
from detente.store import Store
from test_positions import DOCS, make_store

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.browser
def test_brief_renders_offline_without_errors(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run 'make test', which installs it")
    db = make_store(tmp_path / "talks.db", DOCS)
    out = tmp_path / "brief.html"
    with Store.open(db) as store:
        write_brief(store, out, runs=30)
    url = out.resolve().as_uri()
    errors: list[str] = []
    failed: list[str] = []
    foreign: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1800})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.on(
                "request",
                lambda r: foreign.append(r.url) if not r.url.startswith("file:") else None,
            )
            page.goto(url, wait_until="load")
            # Clicking a matrix cell shows its quotes in the detail panel.
            cell = page.locator('td.cell[data-actor="RUS"][data-issue="territory"]')
            cell.click()
            panel = page.locator("#detail-panel")
            panel.locator("q").first.wait_for()
            text = panel.inner_text()
            assert "Russia is seeking Donetsk and Luhansk alone" in text
            assert "Ukrainian official" in text
            # Following a quote's link opens the collapsed report at the span.
            panel.locator("a.span-link").first.click()
            opened = page.locator("details.report[open]")
            assert opened.count() == 1
            # The report containing a script tag shows it as text and runs nothing.
            assert page.evaluate("document.querySelectorAll('script').length") == 1
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "brief.png"), full_page=True)
        finally:
            browser.close()
    assert errors == [], errors
    assert failed == [], failed
    assert foreign == [], foreign
    assert (ARTIFACTS / "brief.png").stat().st_size > 10_000
