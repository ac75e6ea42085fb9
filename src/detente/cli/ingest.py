"""``detente ingest``."""

from __future__ import annotations

import sys
from datetime import date

import click

from detente.cli import cli
from detente.cli._options import db_option, fail, say
from detente.reading.readers import MAX_REPORT_BYTES


def parse_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: an ISO ``YYYY-MM-DD`` date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-08-16", param=param) from None


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
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
    quiet: bool,
    verbose: bool,
    reextract: bool,
) -> None:
    """Read reports, extract their stances and store them.

    PATH is a text, Markdown or HTML file, a JSONL feed (one report a line:
    text, title, url, published, source), a directory (read recursively) or -
    for standard input.  Each report is one transaction; a report already
    stored is skipped.  Exit status 2 if any input failed.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from detente.ingest import IngestItem, ingest_paths
    from detente.store import Store, StoreError

    if reextract:
        from detente.cli._reextract import reextract_stored

        reextract_stored(db, paths, quiet=quiet)
        return
    if not paths:
        fail("give PATH... to read (or --reextract to re-run the extractor on stored reports)")
    try:
        store = Store.open(db)
    except StoreError as exc:
        fail(str(exc))
    errors: list[str] = []
    show = not quiet and sys.stderr.isatty()
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        transient=True,
        disable=not show,
    )

    def on_item(item: IngestItem) -> None:
        progress.advance(task)
        progress.update(task, description=item.origin)
        if item.status == "failed":
            errors.append(item.message or item.origin)

    with store, progress:
        task = progress.add_task("", total=None)
        from detente.cli._progress import echo_warnings, load_extractor

        extractor = load_extractor(progress, task)
        summary = ingest_paths(
            store,
            list(paths),
            extractor=extractor,
            published=published,
            source=source,
            max_bytes=max_bytes,
            progress=on_item,
        )
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
