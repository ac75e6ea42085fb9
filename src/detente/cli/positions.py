"""``detente positions``, ``timeline``, ``contradictions`` and ``scenario draft``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from detente.cli import cli
from detente.cli._options import db_option, emit, fail, format_option
from detente.cli.listing import _multi, open_store, since_option
from detente.records import ISSUES

if TYPE_CHECKING:
    from detente.positions import Picture

POSITION_FIELDS: tuple[str, ...] = (
    "key",
    "negotiation",
    "actor",
    "actor_name",
    "issue",
    "aspect",
    "stance",
    "negated",
    "places",
    "quantities",
    "target",
    "first_seen",
    "last_seen",
    "claims",
    "reports",
    "sources",
    "agencies",
    "independent_sources",
    "corroboration",
    "hedging_strongest",
    "hedging_weakest",
    "denied",
    "denied_by",
    "hedged",
    "conditional",
    "status",
)
TIMELINE_FIELDS: tuple[str, ...] = (
    "date",
    "type",
    "actors",
    "issue",
    "kind",
    "label",
    "report",
    "record",
    "quote",
)
CHANGE_FIELDS: tuple[str, ...] = (
    "type",
    "negotiation",
    "actor",
    "actor_name",
    "issue",
    "summary",
    "date",
    "before",
    "before_claims",
    "after",
    "after_claims",
)


def _build(db: str, actor: tuple[str, ...], issue: tuple[str, ...], since: date | None) -> Picture:
    from detente.positions import build

    with open_store(db) as store:
        return build(store, actor=list(actor) or None, issue=list(issue) or None, since=since)


@cli.command()
@db_option
@_multi("actor", "Actor id (RUS, UKR, nato, …).")
@_multi("issue", "Negotiation issue.", ISSUES)
@since_option
@format_option()
def positions(
    db: str, actor: tuple[str, ...], issue: tuple[str, ...], since: date | None, fmt: str
) -> None:
    """Claims merged into positions, with corroboration and hedging."""
    picture = _build(db, actor, issue, since)
    emit(
        [p.to_dict() for p in picture.positions],
        POSITION_FIELDS,
        fmt,
        table_fields=(
            "actor",
            "issue",
            "stance",
            "places",
            "first_seen",
            "last_seen",
            "claims",
            "independent_sources",
            "hedging_weakest",
        ),
        empty="no positions (no claims match; run 'detente ingest PATH' first?)",
    )


@cli.command()
@db_option
@_multi("actor", "Actor id (RUS, UKR, nato, …).")
@_multi("issue", "Negotiation issue.", ISSUES)
@since_option
@format_option()
def timeline(
    db: str, actor: tuple[str, ...], issue: tuple[str, ...], since: date | None, fmt: str
) -> None:
    """Stances, events and control facts in date order."""
    picture = _build(db, actor, issue, since)
    entries = picture.timeline
    if issue:
        entries = [t for t in entries if t.type != "stance" or t.issue in issue]
    emit(
        [t.to_dict() for t in entries],
        TIMELINE_FIELDS,
        fmt,
        table_fields=("date", "type", "label", "report"),
        empty="nothing dated to show",
    )


@cli.command()
@db_option
@_multi("actor", "Actor id (RUS, UKR, nato, …).")
@_multi("issue", "Negotiation issue.", ISSUES)
@format_option()
def contradictions(db: str, actor: tuple[str, ...], issue: tuple[str, ...], fmt: str) -> None:
    """Contradictions, denials and changes of position, with both sides."""
    picture = _build(db, actor, issue, None)
    emit(
        [c.to_dict() for c in picture.changes],
        CHANGE_FIELDS,
        fmt,
        table_fields=("date", "type", "summary", "before_claims", "after_claims"),
        empty="no contradictions or changes found",
    )


@cli.group()
def scenario() -> None:
    """Bargaining scenarios built from the evidence."""


@scenario.command()
@db_option
@click.option(
    "--issue",
    "issues",
    multiple=True,
    type=click.Choice(ISSUES),
    help="One dimension per issue. Repeat. Default: the most discussed issues.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Scenario file to write (.yaml keeps evidence and reasons; .csv is KTAB).",
)
@click.option(
    "--capabilities",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV of capabilities (id,index or the bundled columns) instead of the bundled table.",
)
@click.option(
    "--actor",
    help="Draft the negotiation of the reports in which this actor voices stances "
    "(default: the most quoted actor).",
)
@click.option("--all-reports", is_flag=True, help="Use every report, not one negotiation.")
@click.option("--name", help="Scenario name.")
def draft(
    db: str,
    issues: tuple[str, ...],
    out: Path,
    capabilities: Path | None,
    actor: str | None,
    all_reports: bool,
    name: str | None,
) -> None:
    """Draft a scenario from the stances on record; edit it, then run 'detente forecast'."""
    from detente.bargain import save_scenario
    from detente.bargain.draft import DraftError, default_issues, focus
    from detente.bargain.draft import draft as draft_scenario
    from detente.bargain.scenario import ScenarioError

    with open_store(db) as store:
        claims: list[Any] = store.claims()
    try:
        if not all_reports:
            actor, claims = focus(claims, actor)
        chosen = list(issues) or default_issues(claims)
        if not chosen:
            fail("no issue has stances from two actors yet; nothing to draft")
        sc = draft_scenario(claims, chosen, capabilities=capabilities, name=name)
        save_scenario(sc, out)
    except (DraftError, ScenarioError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out}: cannot write: {exc.strerror or exc}")
    click.echo(
        f"wrote {out}: {sc.n_actors} actors × {sc.n_dims} dimensions "
        f"({', '.join(d.name for d in sc.dimensions)})",
        err=True,
    )
