"""``detente ingest``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from detente.cli import cli
from detente.cli._options import db_option, emit, fail, format_option, say
from detente.reading.readers import MAX_REPORT_BYTES


def parse_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: an ISO ``YYYY-MM-DD`` date."""
    if value is None:
        return None
    from detente.reading.readers import PUBLISHED_RANGE

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-08-16", param=param) from None
    lo, hi = PUBLISHED_RANGE
    if not lo <= day <= hi:
        raise click.BadParameter(f"{value} is outside {lo.year}–{hi.year}", param=param)
    return day


def parse_every(_ctx: click.Context, param: click.Parameter, value: str) -> float:
    """Click callback: an interval like ``90s``, ``15m``, ``2h`` (plain numbers are seconds)."""
    from detente.feeds import parse_interval

    try:
        return parse_interval(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param=param) from None


def _progress(
    total: int | None, show: bool
) -> tuple[Any, Callable[[], None], Callable[[Any], None], list[str]]:
    """A progress bar (reports/s and ETA), the callback that starts it and the per-item
    callback that drives it."""
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TextColumn("{task.description}"),
        transient=True,
        disable=not show,
    )
    task = progress.add_task("", total=total, rate="")
    errors: list[str] = []
    began: list[float] = []
    done = [0]

    def start() -> None:
        # Only once any worker processes have been forked: the display runs a thread.
        if show and not progress.live.is_started:
            began.append(time.monotonic())
            progress.update(task, description="parsing the first reports…")
            progress.start()

    def on_item(item: Any) -> None:
        start()
        done[0] += 1
        # Reports finish a batch at a time: the rate is over the whole run, not the last
        # moments, so that it does not jump with every batch.
        elapsed = time.monotonic() - began[0] if began else 0.0
        rate = ""
        if elapsed > 0.5:
            speed = done[0] / elapsed
            rate = f"{speed:.1f} reports/s"
            if total and total > done[0]:
                left = int((total - done[0]) / speed)
                rate += f"  ETA {left // 60}:{left % 60:02d}"
        progress.update(task, advance=1, description=item.origin[-40:], rate=rate)
        if item.status == "failed":
            errors.append(item.message or item.origin)

    return progress, start, on_item, errors


def _load_extractor(show: bool) -> Any:
    """The extractor, loaded while a transient line says so (it takes a few seconds)."""
    from detente.extract import get_extractor

    if not show:
        return get_extractor()
    from rich.console import Console

    # The spinner's thread ends with the block, before any worker process is forked.
    with Console(stderr=True).status("loading the language model…"):
        return get_extractor()


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH|URL...")
@db_option
@click.option(
    "--published",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date of every report read (wins over metadata and datelines).",
)
@click.option("--source", metavar="NAME", help="Source/agency of every report read.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=MAX_REPORT_BYTES,
    show_default=True,
    help="Refuse reports larger than this (longer texts than 50,000 characters are "
    "extracted in chunks).",
)
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Parse in this many processes while this one reads and stores (0: all in one).",
)
@click.option(
    "--cluster",
    metavar="tcp://HOST:8786",
    help="Parse on a Dask cluster; its workers write to --db (PostgreSQL).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verbose", "-v", is_flag=True, help="List every warning, not one line per kind.")
@click.option(
    "--reextract",
    is_flag=True,
    help="Run the current extractor again on every stored report (or on those read from "
    "PATH), keeping report ids and hand assignments.",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: date | None,
    source: str | None,
    max_bytes: int,
    workers: int,
    cluster: str | None,
    quiet: bool,
    verbose: bool,
    reextract: bool,
) -> None:
    """Read reports, extract their stances and store them.

    PATH is a text, Markdown or HTML file, a JSONL feed (one report a line:
    text, title, url, published, source), a directory (read recursively) or -
    for standard input.  URL is an RSS/Atom feed (its articles are fetched) or
    an article page.  Each report is stored all-or-nothing; a report already
    stored is skipped.  Exit status 2 if any input failed.
    """
    from detente.feeds import is_url
    from detente.ingest import estimate_total, ingest_paths
    from detente.store import Store, StoreError

    if reextract:
        from detente.cli._reextract import reextract_stored

        reextract_stored(db, paths, quiet=quiet)
        return
    if not paths:
        fail(
            "give PATH or URL... to read (or --reextract to re-run the extractor on stored reports)"
        )
    if cluster and any(is_url(p) for p in paths):
        fail("--cluster reads files and directories, not URLs")
    if cluster:
        from detente.cluster import ClusterError, ingest_on_cluster

        try:
            summary = ingest_on_cluster(
                cluster,
                db,
                list(paths),
                published=published,
                source=source,
                max_bytes=max_bytes,
            )
        except ClusterError as exc:
            fail(str(exc))
        _finish(summary, [i.message or i.origin for i in summary.failed], verbose)
        return
    try:
        store = Store.open(db)
    except StoreError as exc:
        fail(str(exc))
    local = [p for p in paths if not is_url(p)]
    urls = [p for p in paths if is_url(p)]
    show = not quiet and sys.stderr.isatty()
    progress, start, on_item, errors = _progress(estimate_total(local) if not urls else None, show)
    with store:
        try:
            summary = None
            extractor = _load_extractor(show)
            if local:
                summary = ingest_paths(
                    store,
                    local,
                    extractor=extractor,
                    published=published,
                    source=source,
                    max_bytes=max_bytes,
                    progress=on_item,
                    workers=workers,
                    started=start,
                )
            if urls:
                from detente.feeds import ingest_urls

                more = ingest_urls(
                    store,
                    urls,
                    published=published,
                    source=source,
                    max_bytes=max_bytes,
                    progress=on_item,
                    workers=workers,
                )
                summary = more if summary is None else summary.merged(more)
        finally:
            progress.stop()
    assert summary is not None
    _finish(summary, errors, verbose)


def _finish(summary: Any, errors: list[str], verbose: bool = False) -> None:
    from detente.cli._progress import echo_warnings

    for message in errors:
        say(message)
    echo_warnings(summary.warnings, verbose=verbose)
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(2)


@cli.command()
@db_option
def migrate(db: str) -> None:
    """Create the database, or upgrade its schema to this version of detente.

    Runs in one transaction under a lock; 'detente ingest' does the same on
    its own, while read-only commands never change a schema.
    """
    from detente.store import Store, StoreError

    try:
        with Store.open(db) as store:
            revision = store.schema_revision()
    except StoreError as exc:
        fail(str(exc))
    click.echo(f"{db}: schema at revision {revision}", err=True)


@cli.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@db_option
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=parse_every,
    metavar="INTERVAL",
    help="Time between polls: 90s, 15m, 2h.",
)
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.option("--max-polls", type=click.IntRange(min=1), help="Exit after this many polls.")
@click.option(
    "--host-delay",
    default="1s",
    show_default=True,
    callback=parse_every,
    metavar="INTERVAL",
    help="Least time between two requests to one host.",
)
@click.option(
    "--timeout",
    default="20s",
    show_default=True,
    callback=parse_every,
    metavar="INTERVAL",
    help="Give up on a request after this long (then retry).",
)
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=MAX_REPORT_BYTES,
    show_default=True,
    help="Skip pages larger than this.",
)
def watch(
    feeds: tuple[str, ...],
    db: str,
    every: float,
    once: bool,
    max_polls: int | None,
    host_delay: float,
    timeout: float,
    retries: int,
    max_bytes: int,
) -> None:
    """Poll RSS/Atom feeds and ingest the articles that are new.

    Conditional requests (ETag, Last-Modified) keep unchanged feeds cheap;
    robots.txt is respected and each host gets at most one request per
    --host-delay.  A fetch that fails is one line on stderr; the next poll
    tries again.  An article already stored is never stored again.
    """
    from detente.feeds import Fetcher, is_url
    from detente.feeds import watch as watch_feeds
    from detente.store import Store, StoreError

    bad = [f for f in feeds if not is_url(f)]
    if bad:
        fail(f"{bad[0]!r} is not a feed URL (http:// or https://)")
    try:
        store = Store.open(db)
    except StoreError as exc:
        fail(str(exc))

    def on_poll(n: int, summary: Any) -> None:
        for item in summary.failed:
            click.echo(f"detente: {item.message or item.origin}", err=True)
        click.echo(f"poll {n}: {summary.line()}", err=True)

    fetcher = Fetcher(
        timeout=timeout,
        per_host_interval=host_delay,
        retries=retries,
        backoff=min(5.0, timeout / 4),
        max_bytes=max_bytes,
    )
    with store, fetcher:
        watch_feeds(
            store,
            list(feeds),
            every=every,
            max_polls=1 if once else max_polls,
            fetcher=fetcher,
            on_poll=on_poll,
        )


@cli.command()
@db_option
@click.option(
    "--min-reports",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only stories told by at least this many reports.",
)
@format_option()
def stories(db: str, min_reports: int, fmt: str) -> None:
    """List stories: reports of one story republished or rewritten by several outlets."""
    from detente.store import Store, StoreError
    from detente.stories import STORY_FIELDS, story_rows

    try:
        store = Store.open(db, create=False)
    except StoreError as exc:
        fail(str(exc))
    with store:
        rows = story_rows(store, min_reports=min_reports)
    emit(
        rows,
        STORY_FIELDS,
        fmt,
        table_fields=("id", "first_published", "reports", "outlets", "name"),
        empty="no stories stored yet (run 'detente ingest PATH')",
    )
