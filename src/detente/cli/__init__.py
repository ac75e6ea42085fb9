"""The ``detente`` command line: a thin layer of option parsing over the library.

Each stage registers its commands from its own module; nothing here computes.
"""

from __future__ import annotations

import sys

import click

from detente import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="detente")
def cli() -> None:
    """detente — follow peace negotiations from the reports about them.

    Read wire reports, extract who demands, offers, accepts or rejects what,
    store it with the exact evidence span, merge it into positions over time
    and forecast where the bargaining lands.
    """


def _register() -> None:
    # Imported for their side effect of adding commands to ``cli``.
    from detente.cli import commands  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    _register()
    try:
        cli.main(args=argv, prog_name="detente", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        click.echo("detente: interrupted", err=True)
        sys.exit(130)


_register()
