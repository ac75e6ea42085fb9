"""``detente positions``, ``timeline``, ``contradictions`` and ``scenario draft``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from detente.cli import cli
from detente.cli._options import db_option, emit, fail, format_option
from detente.cli.listing import (
    actor_option,
    issue_option,
    negotiation_option,
    open_store,
    scope,
    since_option,
)

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
    "negotiation",
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


def _build(
    db: str,
    actor: tuple[str, ...],
    issue: tuple[str, ...],
    since: date | None,
    negotiation: str | None = None,
) -> Picture:
    from detente.positions import build

    with open_store(db) as store:
        actors, issues = scope(store, actor, issue, negotiation)
        return build(store, actor=actors, issue=issues, since=since, negotiation=negotiation)


@cli.command()
@db_option
@actor_option
@issue_option
@since_option
@negotiation_option
@format_option()
def positions(
    db: str,
    actor: tuple[str, ...],
    issue: tuple[str, ...],
    since: date | None,
    negotiation: str | None,
    fmt: str,
) -> None:
    """Claims merged into positions, with corroboration and flags.

    A stance reported, then denied, is kept and shown as such; it is no
    stance of the party (see 'status').
    """
    picture = _build(db, actor, issue, since, negotiation)
    emit(
        [p.to_dict() for p in picture.positions],
        POSITION_FIELDS,
        fmt,
        table_fields=(
            "negotiation",
            "actor",
            "issue",
            "stance",
            "places",
            "first_seen",
            "last_seen",
            "claims",
            "independent_sources",
            "status",
        ),
        empty="no positions (no claims match; run 'detente ingest PATH' first?)",
    )


@cli.command()
@db_option
@actor_option
@issue_option
@since_option
@negotiation_option
@format_option()
def timeline(
    db: str,
    actor: tuple[str, ...],
    issue: tuple[str, ...],
    since: date | None,
    negotiation: str | None,
    fmt: str,
) -> None:
    """Stances, events and control facts in date order."""
    picture = _build(db, actor, issue, since, negotiation)
    entries = picture.timeline
    if issue:
        entries = [t for t in entries if t.type != "stance" or t.issue in picture_issues(issue)]
    emit(
        [t.to_dict() for t in entries],
        TIMELINE_FIELDS,
        fmt,
        table_fields=("date", "negotiation", "type", "label", "report"),
        empty="nothing dated to show",
    )


def picture_issues(issue: tuple[str, ...]) -> list[str]:
    from detente.lookup import resolve_issues

    return resolve_issues(issue)


@cli.command()
@db_option
@actor_option
@issue_option
@negotiation_option
@format_option()
def contradictions(
    db: str, actor: tuple[str, ...], issue: tuple[str, ...], negotiation: str | None, fmt: str
) -> None:
    """Contradictions, denials and changes of position, with both sides.

    Only ever within one negotiation: nothing is compared across conflicts.
    """
    picture = _build(db, actor, issue, None, negotiation)
    emit(
        [c.to_dict() for c in picture.changes],
        CHANGE_FIELDS,
        fmt,
        table_fields=("date", "negotiation", "type", "summary", "before_claims", "after_claims"),
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
    metavar="ISSUE",
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
    "--negotiation",
    metavar="SLUG",
    help="The negotiation to draft (one scenario per negotiation; see 'detente negotiations').",
)
@click.option(
    "--actor",
    help="Without --negotiation: draft the negotiation in which this actor voices most stances.",
)
@click.option("--name", help="Scenario name.")
def draft(
    db: str,
    issues: tuple[str, ...],
    out: Path,
    capabilities: Path | None,
    negotiation: str | None,
    actor: str | None,
    name: str | None,
) -> None:
    """Draft one negotiation's scenario from the stances on record.

    Edit it, then run 'detente forecast'.  A scenario never mixes
    negotiations: with several stored, choose one with --negotiation (or
    --actor); the default is the one with most reports.
    """
    from detente.bargain import save_scenario
    from detente.bargain.draft import DraftError, draft_negotiation
    from detente.bargain.scenario import ScenarioError

    with open_store(db) as store:
        actors, chosen = scope(store, (actor,) if actor else (), issues, negotiation)
        try:
            negotiation = negotiation or _pick(store, actors[0] if actors else None)
            sc = draft_negotiation(store, negotiation, chosen, capabilities=capabilities, name=name)
            save_scenario(sc, out)
        except (DraftError, ScenarioError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{out}: cannot write: {exc.strerror or exc}")
    click.echo(
        f"wrote {out}: {negotiation}, {sc.n_actors} actors × {sc.n_dims} dimensions "
        f"({', '.join(d.name for d in sc.dimensions)})",
        err=True,
    )


def _pick(store: Any, actor: str | None) -> str:
    """The negotiation to draft when none is named: the actor's, else the largest."""
    rows = [n for n in store.negotiations() if n["reports"]]
    if not rows:
        fail("no negotiation has reports yet; nothing to draft")
    if actor is None:
        return str(rows[0]["slug"])
    counts = {n["slug"]: len(store.claims(actor=actor, negotiation=n["slug"])) for n in rows}
    best = max(counts, key=lambda s: (counts[s], s))
    if not counts[best]:
        fail(f"no stance by {actor} on record")
    return best
