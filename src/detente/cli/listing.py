"""Listings of what is stored: reports, claims, events, facts, actors; ``show``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import click

from detente.cli import cli
from detente.cli._options import db_option, emit, fail, format_option
from detente.cli.ingest import parse_date
from detente.records import ISSUES, KINDS
from detente.store import (
    ACTOR_FIELDS,
    CLAIM_FIELDS,
    EVENT_FIELDS,
    FACT_FIELDS,
    REPORT_FIELDS,
    Store,
    StoreError,
)


@contextmanager
def open_store(db: str) -> Iterator[Store]:
    """Open an existing database or exit with a one-line error."""
    try:
        store = Store.open(db, create=False)
    except StoreError as exc:
        fail(str(exc))
    with store:
        yield store


def _multi(name: str, help: str, choices: tuple[str, ...] | None = None) -> Callable:
    return click.option(
        f"--{name}",
        multiple=True,
        type=click.Choice(choices) if choices else None,
        help=help + " Repeat for several.",
    )


since_option = click.option(
    "--since", callback=parse_date, metavar="YYYY-MM-DD", help="Only from this date on."
)


@cli.command()
@db_option
@since_option
@format_option()
def reports(db: str, since: date | None, fmt: str) -> None:
    """List stored reports."""
    with open_store(db) as store:
        rows = store.reports(since=since)
    emit(
        rows,
        REPORT_FIELDS,
        fmt,
        table_fields=("id", "published", "agency", "dateline_place", "title", "claims"),
        empty="no reports stored yet (run 'detente ingest PATH')",
    )


@cli.command()
@db_option
@_multi("actor", "Actor id (RUS, UKR, nato, …).")
@_multi("issue", "Negotiation issue.", ISSUES)
@_multi("kind", "Stance kind.", KINDS)
@click.option("--report", "report_id", type=int, help="Only claims of this report id.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    help="Only claims the extractor trusts at least this much (0–1).",
)
@since_option
@format_option()
def claims(
    db: str,
    actor: tuple[str, ...],
    issue: tuple[str, ...],
    kind: tuple[str, ...],
    report_id: int | None,
    min_confidence: float | None,
    since: date | None,
    fmt: str,
) -> None:
    """List extracted stances: who demands, offers, accepts or rejects what."""
    with open_store(db) as store:
        rows = store.claims(
            actor=actor or None,
            issue=issue or None,
            kind=kind or None,
            report_id=report_id,
            since=since,
            min_confidence=min_confidence,
        )
    if fmt == "table":
        rows = [_claim_table_row(r) for r in rows]
    emit(
        rows,
        CLAIM_FIELDS
        if fmt != "table"
        else ("id", "report", "date", "actor", "stance", "issue", "places", "sources", "quote"),
        fmt,
        empty="no claims found",
    )


def _claim_table_row(r: dict[str, Any]) -> dict[str, Any]:
    flags = [
        f
        for f, on in (("denied", r["denied"]), ("hedged", r["hedged"]), ("if", r["conditional"]))
        if on
    ]
    stance = ("not " if r["negated"] else "") + r["kind"]
    if r["exchange_for"]:
        stance += f" ⇄{','.join(map(str, r['exchange_for']))}"
    if flags:
        stance += f" ({', '.join(flags)})"
    quote = " ".join(r["quote"].split())
    quote = quote if len(quote) <= 140 else quote[:139] + "…"
    return {**r, "stance": stance, "quote": quote}


@cli.command()
@db_option
@_multi("actor", "Participant actor id.")
@_multi("kind", "Event kind (meeting, summit, talks, call, …).")
@since_option
@format_option()
def events(
    db: str, actor: tuple[str, ...], kind: tuple[str, ...], since: date | None, fmt: str
) -> None:
    """List meetings, summits, talks and calls with their resolved dates."""
    with open_store(db) as store:
        rows = store.events(actor=actor or None, kind=kind or None, since=since)
    emit(
        rows,
        EVENT_FIELDS,
        fmt,
        table_fields=("id", "report", "date", "kind", "participants", "place", "quote"),
        empty="no events found",
    )


@cli.command()
@db_option
@_multi("actor", "Actor id.")
@_multi("place", "Place code (ISO 3166-2 such as UA-14, or ISO alpha-3).")
@since_option
@format_option()
def facts(
    db: str, actor: tuple[str, ...], place: tuple[str, ...], since: date | None, fmt: str
) -> None:
    """List facts on the ground: who controls how much of which region."""
    with open_store(db) as store:
        rows = store.facts(actor=actor or None, place=place or None, since=since)
    emit(
        rows,
        FACT_FIELDS,
        fmt,
        table_fields=(
            "id",
            "report",
            "date",
            "actor",
            "place",
            "place_name",
            "share",
            "approximate",
            "quote",
        ),
        empty="no facts found",
    )


@cli.command()
@db_option
@format_option()
def actors(db: str, fmt: str) -> None:
    """List the actors that voiced stances, with what they did most."""
    with open_store(db) as store:
        rows = store.actors()
    emit(rows, ACTOR_FIELDS, fmt, empty="no actors found")


@cli.command()
@click.argument("report_id", type=int)
@db_option
def show(report_id: int, db: str) -> None:
    """Show a report with its extracted spans highlighted."""
    from detente.report.terminal import render_report

    with open_store(db) as store:
        report = store.report(report_id)
        if report is None:
            fail(f"no report with id {report_id}")
        claims = store.claims(report_id=report_id)
        evs = store.events(report_id=report_id)
        fcts = store.facts(report_id=report_id)
    render_report(report, claims, evs, fcts)
