"""``detente serve`` (the review web app) and ``detente gold export``."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

from detente.cli import cli
from detente.cli._options import db_option, fail
from detente.cli.listing import open_store

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _is_local(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="DETENTE_TOKEN",
    show_envvar=True,
    help="Access token, asked for once at login. Required on any host but 127.0.0.1.",
)
@click.option("--reviewer", help="Default reviewer name for the audit trail (default: your login).")
@click.option(
    "--forecast-runs",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    help="Monte-Carlo runs behind the live forecast.",
)
def serve(
    db: str, host: str, port: int, token: str | None, reviewer: str | None, forecast_runs: int
) -> None:
    """Serve the review app: read reports, search, confirm and correct stances.

    Binds 127.0.0.1 by default; binding any other address needs --token
    (or DETENTE_TOKEN).
    """
    if not _is_local(host) and not token:
        fail(f"serving on {host} needs --token (or DETENTE_TOKEN); 127.0.0.1 needs none")
    import uvicorn

    from detente.web import create_app

    with open_store(db):
        pass  # fail early, with one line, on a missing or unusable database
    # Without a token only the loopback names are answered, so that a page elsewhere
    # cannot reach the app through a hostname it re-points at 127.0.0.1.
    hosts = None if token else sorted({"127.0.0.1", "localhost", "[::1]", host})
    app = create_app(
        db, token=token, reviewer=reviewer, forecast_runs=forecast_runs, allowed_hosts=hosts
    )
    click.echo(f"detente: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.group()
def gold() -> None:
    """Gold sets from reviewed reports."""


@gold.command("export")
@db_option
@click.option("--negotiation", help="Only reports of this negotiation (slug).")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory to write NAME.txt and NAME.yaml into.",
)
def gold_export(db: str, negotiation: str | None, out: Path) -> None:
    """Write reviewed reports in the gold format, ready for 'detente eval'.

    Confirmed, edited and added stances are required; stances nobody reviewed
    are kept as optional; rejected ones are left out.
    """
    from detente.review.gold import GoldExportError, export_gold

    if out.exists() and not os.access(out, os.W_OK):
        fail(f"{out}: not writable")
    with open_store(db) as store:
        try:
            written = export_gold(store, out, negotiation=negotiation)
        except GoldExportError as exc:
            fail(str(exc))
    if not written:
        click.echo("detente: no reviewed reports to export", err=True)
    for w in written:
        click.echo(f"{out / w.name}.yaml\t{w.claims} stances, {w.reviewed} reviewed")
