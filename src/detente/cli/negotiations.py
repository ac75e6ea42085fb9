"""``detente negotiations``: list them, move a report from one to another."""

from __future__ import annotations

import click

from detente.cli import cli
from detente.cli._options import db_option, emit, fail, format_option
from detente.cli.listing import group_db, open_store
from detente.store.negotiations import NEGOTIATION_FIELDS, UnknownNegotiation


@cli.group(invoke_without_command=True)
@db_option
@format_option()
@click.pass_context
def negotiations(ctx: click.Context, db: str, fmt: str) -> None:
    """List the negotiations the stored reports belong to."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db) as store:
        rows = store.negotiations()
    emit(
        rows,
        NEGOTIATION_FIELDS,
        fmt,
        table_fields=("slug", "name", "parties", "reports", "first_seen", "last_seen", "origin"),
        empty="no negotiations yet (run 'detente ingest PATH')",
    )


@negotiations.command()
@click.argument("report_id", type=int)
@click.argument("slug")
@click.option("--name", help="Create SLUG with this name when it is not known yet.")
@db_option
@click.pass_context
def assign(ctx: click.Context, report_id: int, slug: str, name: str | None, db: str) -> None:
    """Move report REPORT_ID to negotiation SLUG (kept through re-extraction)."""
    with open_store(group_db(ctx, db)) as store:
        try:
            found = store.assign_report(report_id, slug, name=name)
        except UnknownNegotiation as exc:
            fail(f"{exc.args[0]}; give --name to create it")
        except LookupError as exc:
            fail(str(exc.args[0]))
    click.echo(f"report {report_id} → {found['slug']} ({found['name']})", err=True)
