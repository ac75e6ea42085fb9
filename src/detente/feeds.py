"""Reports from the web: RSS/Atom feeds (feedparser) and article pages (httpx + trafilatura).

:class:`Fetcher` is a polite HTTP client: it honours robots.txt, waits between requests to
the same host, retries transient failures with exponential back-off, follows a bounded
number of redirects, stops reading a body past ``max_bytes`` and sends conditional requests
(``If-None-Match``/``If-Modified-Since``) for feeds it has seen.  The ``fetches`` table logs
every feed's validators and every article stored, so a feed polled again yields only new
items and no article is stored twice, even when its page changed in between.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import sqlalchemy as sa

from detente import __version__
from detente.ingest import IngestItem, IngestSummary, ingest_reports
from detente.reading import ReadError
from detente.records import Report
from detente.store import Store
from detente.store.schema import fetches

USER_AGENT = f"detente/{__version__} (+negotiation reports reader)"
_FEED_TYPES = ("rss", "atom", "rdf", "/xml", "+xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Feed entries whose own content is at least this long are not fetched again as pages.
MIN_ENTRY_WORDS = 80


def is_url(text: str) -> bool:
    """True for ``http://`` and ``https://`` addresses."""
    return bool(re.match(r"^https?://", text, re.I))


def parse_interval(text: str) -> float:
    """Seconds in an interval like ``90``, ``90s``, ``15m``, ``2h`` or ``1d``."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval like 90s, 15m or 2h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


class FetchError(Exception):
    """A URL could not be fetched; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource (``status`` 304 means unchanged and carries no body)."""

    url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """An HTTP client with robots.txt, per-host spacing, retries, size and redirect limits."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        per_host_interval: float = 1.0,
        retries: int = 2,
        backoff: float = 1.0,
        max_bytes: int = 2_000_000,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent},
        )
        self.user_agent = user_agent
        self.per_host_interval = per_host_interval
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Release connections."""
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.per_host_interval:
                time.sleep(self.per_host_interval - (now - last))
            self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Does the host's robots.txt let detente fetch *url*?  (No robots.txt: yes.)"""
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(base)
        if rp is None:
            rp = urllib.robotparser.RobotFileParser()
            try:
                got = self._get(f"{base}/robots.txt", {}, retries=0)
                if got.status >= 400:
                    rp.allow_all = True
                else:
                    rp.parse(got.body.decode("utf-8", "replace").splitlines())
            except FetchError:
                rp.allow_all = True  # an unreachable robots.txt is no prohibition
            self._robots[base] = rp
        return rp.can_fetch(self.user_agent, url)

    def fetch(self, url: str, *, etag: str | None = None, modified: str | None = None) -> Fetched:
        """GET *url*; raises :class:`FetchError` with a one-line reason."""
        if not self.allowed(url):
            raise FetchError(f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return self._get(url, headers, retries=self.retries)

    def _get(self, url: str, headers: dict[str, str], *, retries: int) -> Fetched:
        delay = self.backoff
        for attempt in range(retries + 1):
            try:
                return self._once(url, headers)
            except _Transient as exc:
                if attempt == retries:
                    raise FetchError(f"{url}: {exc} (after {attempt + 1} attempts)") from None
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        self._wait_turn(urlsplit(url).netloc)
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                if resp.status_code >= 500 or resp.status_code == 429:
                    raise _Transient(f"server error {resp.status_code}")
                if resp.status_code == 304:
                    return Fetched(str(resp.url), 304, "", b"")
                if resp.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {resp.status_code}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        f"{url}: {declared} bytes, over the {self.max_bytes}-byte limit"
                    )
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"{url}: larger than the {self.max_bytes}-byte limit")
                return Fetched(
                    str(resp.url),
                    resp.status_code,
                    resp.headers.get("content-type", "").split(";")[0].strip().lower(),
                    bytes(body),
                    resp.headers.get("etag"),
                    resp.headers.get("last-modified"),
                )
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: too many redirects (a redirect loop?)") from None
        except httpx.TimeoutException:
            raise _Transient("timed out") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed ({type(exc).__name__})") from None


class _Transient(Exception):
    """A failure worth retrying (server error, timeout, connection reset)."""


def looks_like_feed(fetched: Fetched) -> bool:
    """Is *fetched* an RSS/Atom feed (by type, or by its first tag)?"""
    ct = fetched.content_type
    if any(t in ct for t in _FEED_TYPES) and "xhtml" not in ct:
        return True
    head = fetched.body[:500].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


# -- the fetch log --------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _logged(store: Store, name: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(fetches).where(fetches.c.name == name)).first()
    return dict(row._mapping) if row else None


def _log(store: Store, name: str, kind: str, **values: Any) -> None:
    values = {"fetched_at": _now(), **values}
    with store.engine.begin() as conn:
        done = conn.execute(fetches.update().where(fetches.c.name == name).values(**values))
        if not done.rowcount:
            conn.execute(fetches.insert().values(name=name, kind=kind, **values))


# -- reading --------------------------------------------------------------------------


@dataclass(slots=True)
class _Options:
    published: date | None
    source: str | None


def _page_report(fetched: Fetched, origin: str, opts: _Options, **meta: Any) -> Report:
    from detente.reading import DateWarning, read_text

    ct = fetched.content_type
    text = fetched.body.decode("utf-8", "replace")
    host = urlsplit(fetched.url).netloc
    if ct in _HTML_TYPES or (not ct and text.lstrip().startswith("<")):
        fmt = "html"
    elif ct == "text/plain":
        fmt = "text"
    else:
        raise ValueError(f"not an HTML page or a feed ({ct or 'no content type'})")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = read_text(
            text,
            fmt=fmt,  # type: ignore[arg-type]
            origin=origin,
            url=fetched.url,
            published=opts.published,
            source=opts.source,
        )
    # The page's own metadata wins; the feed entry fills what the page leaves out.
    if report.published is None and meta.get("published"):
        report = replace(
            report, published=meta["published"], date_precision="day", date_note="feed entry"
        )
        caught = [w for w in caught if not issubclass(w.category, DateWarning)]
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return replace(
        report,
        title=report.title or meta.get("title"),
        # The outlet: the page's site name, else the feed's title, else the host.
        source=report.source or meta.get("source") or host,
    )


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def read_urls(
    store: Store,
    urls: Sequence[str],
    fetcher: Fetcher,
    *,
    published: date | None = None,
    source: str | None = None,
    pending: dict[str, dict[str, Any]] | None = None,
) -> Iterator[Report | ReadError | IngestItem]:
    """Reports from *urls* (feeds or pages); articles already stored come as ``present`` items.

    Feed validators to save once the reports are stored go into *pending*
    (keyed by feed URL).
    """
    import feedparser

    opts = _Options(published, source)
    pending = pending if pending is not None else {}
    for url in urls:
        seen = _logged(store, url)
        if seen and seen["kind"] == "article" and seen.get("report_id"):
            yield IngestItem(url, "present", report_id=seen["report_id"])
            continue  # an article stored before is never fetched or stored again
        try:
            got = fetcher.fetch(
                url,
                etag=seen.get("etag") if seen else None,
                modified=seen.get("last_modified") if seen else None,
            )
        except FetchError as exc:
            yield ReadError(url, str(exc).removeprefix(f"{url}: "))
            continue
        if got.status == 304:
            continue
        if not looks_like_feed(got):
            try:
                yield _page_report(got, url, opts)
            except ValueError as exc:
                yield ReadError(url, str(exc))
            continue
        parsed = feedparser.parse(got.body, response_headers={"content-location": got.url})
        if parsed.bozo and not parsed.entries:
            yield ReadError(url, f"not a readable feed ({type(parsed.bozo_exception).__name__})")
            continue
        pending[url] = {"etag": got.etag, "last_modified": got.last_modified, "status": 200}
        outlet = parsed.feed.get("title") or urlsplit(got.url).netloc
        for entry in parsed.entries:
            link = entry.get("link")
            key = urljoin(got.url, link) if link else entry.get("id")
            if not key:
                continue
            logged = _logged(store, key)
            if logged and logged.get("report_id"):  # stored from an earlier poll
                yield IngestItem(key, "present", report_id=logged["report_id"])
                continue
            yield from _entry_report(entry, key, fetcher, opts, outlet)


def _entry_report(
    entry: Any, key: str, fetcher: Fetcher, opts: _Options, outlet: str
) -> Iterator[Report | ReadError]:
    meta = {"title": entry.get("title"), "published": _entry_date(entry), "source": outlet}
    content = " ".join(c.get("value", "") for c in entry.get("content", []))
    if len(re.sub(r"<[^>]+>", " ", content).split()) >= MIN_ENTRY_WORDS:
        page = Fetched(key, 200, "text/html", f"<html><body><article>{content}</article>".encode())
        yield _page_report(page, key, opts, **meta)
        return
    if not is_url(key):
        yield ReadError(key, "feed entry has no link and too little text")
        return
    try:
        got = fetcher.fetch(key)
        yield _page_report(got, key, opts, **meta)
    except (FetchError, ValueError) as exc:
        yield ReadError(key, str(exc).removeprefix(f"{key}: "))


def ingest_urls(
    store: Store,
    urls: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int = 2_000_000,
    progress: Callable[[IngestItem], None] | None = None,
    workers: int = 0,
) -> IngestSummary:
    """Fetch *urls* (feeds and article pages) and ingest what is new.

    Articles stored are logged by URL, and a feed's validators are saved only
    once its items are stored, so an interrupted run fetches them again.
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher(max_bytes=max_bytes)
    pending: dict[str, dict[str, Any]] = {}
    try:
        summary = ingest_reports(
            store,
            lambda: read_urls(
                store, urls, fetcher, published=published, source=source, pending=pending
            ),
            progress=progress,
            workers=workers,
        )
    finally:
        if own:
            fetcher.close()
    for item in summary.items:
        if item.status != "failed" and item.report_id is not None:
            _log(store, item.origin, "article", report_id=item.report_id, status=200)
    for url, values in pending.items():
        _log(store, url, "feed", **values)
    return summary


def watch(
    store: Store,
    feeds: Sequence[str],
    *,
    every: float,
    max_polls: int | None = None,
    fetcher: Fetcher | None = None,
    on_poll: Callable[[int, IngestSummary], None] | None = None,
    progress: Callable[[IngestItem], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll *feeds* every *every* seconds (``max_polls`` times, or forever).

    Calls *on_poll(n, summary)* after each poll; returns the number of polls.
    """
    polls = 0
    while max_polls is None or polls < max_polls:
        started = time.monotonic()
        summary = ingest_urls(store, feeds, fetcher=fetcher, progress=progress)
        polls += 1
        if on_poll:
            on_poll(polls, summary)
        if max_polls is not None and polls >= max_polls:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return polls
