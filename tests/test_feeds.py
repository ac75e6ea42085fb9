"""Feeds and pages from a real local HTTP server: politeness, failures, only new items."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cli_runner import run
from detente.feeds import Fetcher, FetchError, ingest_urls, parse_interval, watch
from detente.store import Store

PAGES = {
    "/a/armenia.html": (
        "Caucasus Desk",
        "2025-08-08",
        "Yerevan offers joint checkpoints on the southern road",
        "YEREVAN — Armenia offered on Friday to run joint checkpoints with Azerbaijan on the road "
        "through Syunik, Prime Minister Nikol Pashinyan said, rejecting calls for a corridor "
        "outside Armenian control. Azerbaijan demanded unimpeded passage to Nakhchivan and said "
        "it would not sign the treaty until Armenia changed its constitution. Officials from both "
        "countries are due to meet again in Abu Dhabi later this month to compare drafts of the "
        "transit rules, according to a diplomat close to the talks.",
    ),
    "/a/sudan.html": (
        "Nile Wire",
        "2025-05-11",
        "Sudan army sets condition for new truce talks",
        "PORT SUDAN — Sudan's army said it would return to talks in Jeddah only after the Rapid "
        "Support Forces left civilian homes in the capital. The paramilitary group rejected the "
        "condition and proposed an immediate humanitarian truce across Darfur, its spokesman "
        "said. Aid agencies warned that convoys for El Fasher had been stuck at the border for "
        "more than a week while both sides traded accusations over blocked roads.",
    ),
    "/a/congo.html": (
        "Great Lakes Monitor",
        "2025-07-19",
        "Kinshasa and rebels sign framework in Doha",
        "DOHA — Congo's government and the M23 rebels signed a framework agreement in Doha, "
        "Qatari mediators said. The rebels refused to withdraw from Goma before a final deal, "
        "while Kinshasa demanded their withdrawal and the return of state officials first. "
        "Rwanda welcomed the signing and again denied that its soldiers were fighting inside "
        "Congo. Talks on prisoner releases are due to open next week, the mediators added.",
    ),
    "/a/flaky.html": (
        "Balkan Brief",
        "2025-04-02",
        "Belgrade and Pristina trade accusations in Brussels",
        "BRUSSELS — Serbia and Kosovo accused each other of stalling the Ohrid agreement after "
        "talks chaired by the European Union envoy. Kosovo demanded that Serbia recognise its "
        "documents in practice, and Serbia said Kosovo must first create the association of "
        "Serb-majority municipalities. The envoy said the leaders agreed only on a statement "
        "about missing persons and would meet again after the summer recess.",
    ),
}


def page_html(site: str, day: str, title: str, text: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='{site}'><meta name='date' content='{day}'>"
        f"</head><body><header>{site} home</header><article><h1>{title}</h1>"
        f"<p>{text}</p></article><footer>All rights reserved</footer></body></html>"
    ).encode()


class Site:
    """What the local server serves and what it was asked, shared with the handler."""

    def __init__(self) -> None:
        self.items = ["/a/armenia.html", "/a/sudan.html", "/private/secret.html", "/a/broken",
                      "/a/loop", "/a/huge.html", "/a/data.bin", "/a/flaky.html"]  # fmt: skip
        self.log: list[tuple[float, str, int, dict[str, str]]] = []
        self.flaky_failures = 1
        self.lock = threading.Lock()

    def feed(self, base: str) -> tuple[bytes, str]:
        entries = "".join(
            f"<item><title>Item {p}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
            f"<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>"
            for p in self.items
        )
        body = (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Test Wire</title>"
            f"<link>{base}/</link><description>test</description>{entries}</channel></rss>"
        ).encode()
        return body, f'"v{len(self.items)}"'


def make_handler(site: Site, delay: float = 0.0) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def send(self, status: int, body: bytes = b"", ctype: str = "text/html", **hdr: str):
            with site.lock:
                site.log.append((time.monotonic(), self.path, status, dict(self.headers)))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in hdr.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            base = f"http://{self.headers['Host']}"
            if delay:
                time.sleep(delay)
            p = self.path
            if p == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif p == "/feed.xml":
                body, etag = site.feed(base)
                if self.headers.get("If-None-Match") == etag:
                    self.send(304)
                else:
                    self.send(200, body, "application/rss+xml", ETag=etag,
                              Last_Modified=formatdate(usegmt=True))  # fmt: skip
            elif p in PAGES:
                if p == "/a/flaky.html" and site.flaky_failures > 0:
                    site.flaky_failures -= 1
                    self.send(503, b"busy")
                else:
                    self.send(200, page_html(*PAGES[p]))
            elif p == "/a/broken":
                self.send(500, b"internal error")
            elif p == "/a/loop":
                self.send(302, b"", Location="/a/loop2")
            elif p == "/a/loop2":
                self.send(302, b"", Location="/a/loop")
            elif p == "/a/huge.html":
                self.send(200, b"<html><body><p>" + b"word " * 700_000 + b"</p></body></html>")
            elif p == "/a/data.bin":
                self.send(200, bytes(range(256)) * 40, "application/octet-stream")
            elif p == "/hang.html":
                time.sleep(2.0)
                self.send(200, page_html(*PAGES["/a/sudan.html"]))
            else:
                self.send(404, b"not found")

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Site]]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def slow_server() -> Iterator[tuple[str, Site]]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site, delay=0.4))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    httpd.shutdown()
    httpd.server_close()


def fetcher(**kw: float) -> Fetcher:
    opts = {"timeout": 1.0, "per_host_interval": 0.05, "retries": 2, "backoff": 0.05,
            "max_bytes": 1_000_000} | kw  # fmt: skip
    return Fetcher(**opts)  # type: ignore[arg-type]


def test_feed_ingest_with_every_kind_of_failure(server, tmp_path: Path) -> None:
    base, site = server
    with Store.open(tmp_path / "d.db") as store, fetcher() as f:
        summary = ingest_urls(store, [f"{base}/feed.xml"], fetcher=f)
        got = {i.origin.removeprefix(base): i for i in summary.items}
        assert {k for k, i in got.items() if i.status == "ingested"} == {
            "/a/armenia.html",
            "/a/sudan.html",
            "/a/flaky.html",  # a 503, then fine on the retry
        }
        reasons = {k: i.message for k, i in got.items() if i.status == "failed"}
        assert set(reasons) == {
            "/private/secret.html",
            "/a/broken",
            "/a/loop",
            "/a/huge.html",
            "/a/data.bin",
        }
        assert "robots.txt" in reasons["/private/secret.html"]
        assert "server error 500" in reasons["/a/broken"] and "3 attempts" in reasons["/a/broken"]
        assert "redirect" in reasons["/a/loop"]
        assert "byte limit" in reasons["/a/huge.html"]
        assert "not an HTML page" in reasons["/a/data.bin"]
        assert all("\n" not in m and "Traceback" not in m for m in reasons.values())
        # robots.txt was honoured: the disallowed page was never requested.
        assert not any(p.startswith("/private") for _, p, _, _ in site.log)
        rows = {r["url"].removeprefix(base): r for r in store.reports()}
        # The page's own date and outlet, not the feed's.
        assert rows["/a/armenia.html"]["published"] == "2025-08-08"
        assert rows["/a/armenia.html"]["source"] == "Caucasus Desk"
        assert rows["/a/armenia.html"]["title"].startswith("Yerevan offers joint checkpoints")
        claims = store.claims(report_id=rows["/a/armenia.html"]["id"])
        assert {"ARM", "AZE"} <= {c["actor"] for c in claims}


def test_requests_to_one_host_are_spaced(server, tmp_path: Path) -> None:
    base, site = server
    with Store.open(tmp_path / "d.db") as store, fetcher(per_host_interval=0.3) as f:
        ingest_urls(store, [f"{base}/a/armenia.html", f"{base}/a/sudan.html"], fetcher=f)
    times = [t for t, _, _, _ in site.log]
    assert len(times) == 3  # robots.txt and the two pages
    assert all(b - a >= 0.25 for a, b in zip(times, times[1:], strict=False))


def test_slow_host_is_waited_for_and_a_hanging_one_gives_up(slow_server, server, tmp_path):
    slow, _ = slow_server
    base, _ = server
    with Store.open(tmp_path / "d.db") as store, fetcher(timeout=1.0, retries=1) as f:
        summary = ingest_urls(store, [f"{slow}/a/congo.html", f"{base}/hang.html"], fetcher=f)
    status = {i.origin: (i.status, i.message) for i in summary.items}
    assert status[f"{slow}/a/congo.html"][0] == "ingested"
    state, message = status[f"{base}/hang.html"]
    assert state == "failed" and "timed out (after 2 attempts)" in message


def test_watch_ingests_new_items_only_with_conditional_requests(server, tmp_path: Path) -> None:
    base, site = server
    site.items = ["/a/armenia.html", "/a/sudan.html"]
    polls: list[tuple[int, int, int]] = []

    def on_poll(n: int, summary) -> None:
        polls.append((n, summary.count("ingested"), len(summary.items)))
        if n == 1:
            site.items.append("/a/congo.html")  # published between polls
            # The same article's page changes; it must not be stored a second time.
            PAGES_BACKUP.update(PAGES)
            PAGES["/a/armenia.html"] = (*PAGES["/a/armenia.html"][:3], "Updated text. " * 30)

    PAGES_BACKUP: dict = {}
    try:
        with Store.open(tmp_path / "d.db") as store, fetcher() as f:
            n = watch(
                store,
                [f"{base}/feed.xml"],
                every=0.01,
                max_polls=3,
                fetcher=f,
                on_poll=on_poll,
                sleep=lambda s: None,
            )
            assert n == 3
            assert [r["url"].removeprefix(base) for r in store.reports()] == [
                "/a/armenia.html",
                "/a/sudan.html",
                "/a/congo.html",
            ]
    finally:
        PAGES.update(PAGES_BACKUP)
    # Poll 2: one new item, the two stored ones already present; poll 3: feed unchanged (304).
    assert polls == [(1, 2, 2), (2, 1, 3), (3, 0, 0)]
    feed_hits = [(status, h) for _, p, status, h in site.log if p == "/feed.xml"]
    assert [s for s, _ in feed_hits] == [200, 200, 304]
    assert feed_hits[2][1].get("If-None-Match") == '"v3"'
    # Every article page was fetched once, whatever the number of polls.
    pages = [p for _, p, _, _ in site.log if p.startswith("/a/")]
    assert sorted(pages) == ["/a/armenia.html", "/a/congo.html", "/a/sudan.html"]


def test_watch_cli_once(server, tmp_path: Path) -> None:
    base, site = server
    site.items = ["/a/sudan.html", "/a/broken"]
    db = str(tmp_path / "d.db")
    args = ["watch", f"{base}/feed.xml", "--db", db, "--once", "--host-delay", "0.01",
            "--timeout", "1", "--retries", "0"]  # fmt: skip
    code, _, err = run(*args)
    assert code == 0, err
    lines = err.strip().splitlines()
    assert lines[-1] == "poll 1: 1 ingested, 0 already present, 1 failed"
    assert lines[0].startswith("detente: ") and "/a/broken" in lines[0]
    code, _, err = run(*args)
    assert err.strip().splitlines()[-1] == "poll 1: 0 ingested, 0 already present, 0 failed"
    code, _, err = run("watch", "feed.xml", "--db", db, "--once")
    assert code == 2 and "not a feed URL" in err
    code, _, err = run("watch", f"{base}/feed.xml", "--db", db, "--every", "soon")
    assert code == 2 and "interval" in err


def test_ingest_cli_accepts_urls(server, tmp_path: Path) -> None:
    base, site = server
    db = str(tmp_path / "d.db")
    code, _, err = run("ingest", f"{base}/a/congo.html", "--db", db, "-q")
    assert code == 0, err
    assert "1 ingested" in err
    # The same article again is present, even though its page is not fetched a second time.
    code, _, err = run("ingest", f"{base}/a/congo.html", "--db", db, "-q")
    assert code == 0 and "0 ingested, 1 already present" in err
    assert [p for _, p, _, _ in site.log].count("/a/congo.html") == 1


def test_intervals_and_fetch_errors() -> None:
    assert parse_interval("15m") == 900 and parse_interval("90") == 90
    assert parse_interval("2h") == 7200 and parse_interval("0.5s") == 0.5
    with pytest.raises(ValueError):
        parse_interval("0m")
    with fetcher(retries=0, timeout=0.5) as f, pytest.raises(FetchError, match="connection"):
        f.fetch("http://127.0.0.1:9/feed.xml")


def test_published_option_wins_over_the_page(server, tmp_path: Path) -> None:
    base, _ = server
    with Store.open(tmp_path / "d.db") as store, fetcher() as f:
        ingest_urls(store, [f"{base}/a/sudan.html"], fetcher=f, published=date(2025, 5, 12))
        [row] = store.reports()
        assert row["published"] == "2025-05-12"  # --published wins over the page
