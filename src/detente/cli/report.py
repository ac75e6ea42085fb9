"""``detente report``: write the offline HTML brief."""

from __future__ import annotations

from pathlib import Path

import click

from detente.cli import cli
from detente.cli._options import db_option, fail
from detente.cli.listing import open_store


@cli.command()
@db_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default="brief.html",
    show_default=True,
    help="HTML file to write.",
)
@click.option(
    "--scenario",
    "scenario_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Scenario (.yaml or KTAB .csv) to forecast. Default: drafted from the evidence.",
)
@click.option(
    "--runs",
    type=click.IntRange(min=0),
    default=500,
    show_default=True,
    help="Monte-Carlo runs per model.",
)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**32 - 1),
    default=0,
    show_default=True,
    help="Random seed.",
)
@click.option(
    "--capabilities",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Capability table for the drafted scenario (see 'detente scenario draft').",
)
@click.option(
    "--negotiation",
    metavar="SLUG",
    help="The brief of this negotiation only. Default with several: one brief per "
    "negotiation beside OUT (OUT.SLUG.html) and an index at OUT.",
)
def report(
    db: str,
    out: Path,
    scenario_file: Path | None,
    runs: int,
    seed: int,
    capabilities: Path | None,
    negotiation: str | None,
) -> None:
    """Write a self-contained HTML brief (works offline, prints cleanly).

    An empty database still gives a valid page saying there is nothing to
    show yet; the command says so on stderr.
    """
    from detente.bargain import ScenarioError, load_scenario
    from detente.bargain.draft import DraftError, load_capabilities
    from detente.cli.listing import scope
    from detente.report.brief import BriefError, write_brief, write_briefs

    if capabilities is not None:
        try:
            load_capabilities(capabilities)
        except DraftError as exc:
            fail(str(exc))
        except UnicodeDecodeError:
            fail(f"{capabilities}: not UTF-8 text")
        except OSError as exc:
            fail(f"{capabilities}: cannot read: {exc.strerror or exc}")
    scenario = None
    if scenario_file is not None:
        try:
            scenario = load_scenario(scenario_file)
        except ScenarioError as exc:
            fail(str(exc))
    with open_store(db) as store:
        scope(store, negotiation=negotiation)
        several = sum(1 for n in store.negotiations() if n["reports"]) > 1
        try:
            if negotiation is None and several and scenario is None:
                written = write_briefs(store, out, runs=runs, seed=seed, capabilities=capabilities)
                for path, _ in written:
                    click.echo(str(path.resolve()))
                click.echo(str(out.resolve()))
                return
            brief = write_brief(
                store,
                out,
                scenario=scenario,
                runs=runs,
                seed=seed,
                capabilities=capabilities,
                negotiation=negotiation,
            )
        except BriefError as exc:
            fail(str(exc))
    if not brief.reports:
        click.echo("detente: no reports stored yet; the brief says so", err=True)
    click.echo(str(out.resolve()))
