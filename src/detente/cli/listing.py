"""Listings of what is stored: reports, claims, events, facts, actors; ``show``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import click

from detente.cli import cli
from detente.cli._options import RECORD_ID, db_option, emit, fail, format_option
from detente.cli.ingest import parse_date
from detente.records import KINDS
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
negotiation_option = click.option(
    "--negotiation",
    metavar="SLUG",
    help="Only this negotiation (see 'detente negotiations').",
)
actor_option = _multi("actor", "Actor: id in any case, name or alias (RUS, Russia, Kremlin).")
issue_option = _multi("issue", "Negotiation issue (territory, ceasefire, process, …).")


def group_db(ctx: click.Context, db: str) -> str:
    """*db*, unless it was left at its default and the group was given one (``reports --db X
    drop 3``)."""
    from click.core import ParameterSource

    parent = ctx.parent.params.get("db") if ctx.parent else None
    if parent and ctx.get_parameter_source("db") in (ParameterSource.DEFAULT, None):
        return str(parent)
    return db


def scope(
    store: Store,
    actor: tuple[str, ...] = (),
    issue: tuple[str, ...] = (),
    negotiation: str | None = None,
) -> tuple[list[str] | None, list[str] | None]:
    """Resolve --actor/--issue/--negotiation or exit 2 with a suggestion."""
    from detente.lookup import UnknownValue, resolve_actors, resolve_issues
    from detente.store.negotiations import UnknownNegotiation

    try:
        if negotiation is not None:
            store.require_negotiation(negotiation)
        actors = resolve_actors(actor, [a["id"] for a in store.actors()]) if actor else None
        issues = resolve_issues(issue) if issue else None
    except (UnknownValue, UnknownNegotiation) as exc:
        fail(str(exc.args[0]))
    return actors, issues


@cli.group(invoke_without_command=True)
@db_option
@since_option
@negotiation_option
@format_option()
@click.pass_context
def reports(
    ctx: click.Context, db: str, since: date | None, negotiation: str | None, fmt: str
) -> None:
    """List stored reports; correct one with 'set-date' or 'drop'."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db) as store:
        scope(store, negotiation=negotiation)
        rows = store.reports(since=since, negotiation=negotiation)
    emit(
        rows,
        REPORT_FIELDS,
        fmt,
        table_fields=(
            "id",
            "published",
            "agency",
            "dateline_place",
            "title",
            "claims",
            "negotiation",
        ),
        empty="no reports stored yet (run 'detente ingest PATH')",
    )


@reports.command("set-date")
@click.argument("report_id", type=int)
@click.argument("day", metavar="DATE", callback=parse_date)
@db_option
@click.pass_context
def set_date(ctx: click.Context, report_id: int, day: date, db: str) -> None:
    """Set the publication date of report REPORT_ID (YYYY-MM-DD)."""
    with open_store(group_db(ctx, db)) as store:
        try:
            store.set_report_date(report_id, day)
        except LookupError as exc:
            fail(str(exc.args[0]))
    click.echo(f"report {report_id}: published {day.isoformat()}", err=True)


@reports.command("drop")
@click.argument("report_id", type=int)
@db_option
@click.pass_context
def drop(ctx: click.Context, report_id: int, db: str) -> None:
    """Delete report REPORT_ID with its claims, facts and events (one transaction)."""
    with open_store(group_db(ctx, db)) as store:
        try:
            n = store.drop_report(report_id)
        except LookupError as exc:
            fail(str(exc.args[0]))
    click.echo(
        f"dropped report {report_id} with {n['claims']} claims, {n['facts']} facts and "
        f"{n['events']} events",
        err=True,
    )


@cli.command()
@db_option
@actor_option
@issue_option
@_multi("kind", "Stance kind.", KINDS)
@click.option("--report", "report_id", type=RECORD_ID, help="Only claims of this report id.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    help="Only claims the extractor trusts at least this much (0–1).",
)
@since_option
@negotiation_option
@click.option(
    "--reviewed/--unreviewed",
    default=None,
    help="Only stances a reviewer confirmed, edited or added / only those nobody reviewed.",
)
@format_option()
def claims(
    db: str,
    actor: tuple[str, ...],
    issue: tuple[str, ...],
    kind: tuple[str, ...],
    report_id: int | None,
    min_confidence: float | None,
    since: date | None,
    negotiation: str | None,
    reviewed: bool | None,
    fmt: str,
) -> None:
    """List extracted stances: who demands, offers, accepts or rejects what.

    Reviews made in 'detente serve' apply: rejected stances are left out,
    edits shown, added stances included (column ``review``).
    """
    with open_store(db) as store:
        actors, issues = scope(store, actor, issue, negotiation)
        rows = store.claims(
            actor=actors,
            issue=issues,
            kind=kind or None,
            report_id=report_id,
            since=since,
            negotiation=negotiation,
            reviewed=reviewed,
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
@actor_option
@_multi("kind", "Event kind (meeting, summit, talks, call, …).")
@since_option
@negotiation_option
@format_option()
def events(
    db: str,
    actor: tuple[str, ...],
    kind: tuple[str, ...],
    since: date | None,
    negotiation: str | None,
    fmt: str,
) -> None:
    """List meetings, summits, talks and calls with their resolved dates."""
    with open_store(db) as store:
        actors, _ = scope(store, actor, (), negotiation)
        rows = store.events(actor=actors, kind=kind or None, since=since, negotiation=negotiation)
    emit(
        rows,
        EVENT_FIELDS,
        fmt,
        table_fields=("id", "report", "date", "kind", "participants", "place", "quote"),
        empty="no events found",
    )


@cli.command()
@db_option
@actor_option
@_multi("place", "Place code (ISO 3166-2 such as UA-14, or ISO alpha-3).")
@since_option
@negotiation_option
@format_option()
def facts(
    db: str,
    actor: tuple[str, ...],
    place: tuple[str, ...],
    since: date | None,
    negotiation: str | None,
    fmt: str,
) -> None:
    """List facts on the ground: who controls how much of which region."""
    with open_store(db) as store:
        actors, _ = scope(store, actor, (), negotiation)
        rows = store.facts(actor=actors, place=place or None, since=since, negotiation=negotiation)
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
@negotiation_option
@format_option()
def actors(db: str, negotiation: str | None, fmt: str) -> None:
    """List the actors that voiced stances, with what they did most."""
    with open_store(db) as store:
        scope(store, negotiation=negotiation)
        rows = store.actors(negotiation=negotiation)
    emit(rows, ACTOR_FIELDS, fmt, empty="no actors found")


@cli.command()
@click.argument("report_id", type=RECORD_ID)
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
