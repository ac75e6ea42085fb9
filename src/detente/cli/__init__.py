"""The ``detente`` command line: a thin layer of option parsing over the library.

Each stage registers its commands from its own module; nothing here computes.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from detente import __version__


class OneLineError(click.ClickException):
    """A usage error shown as one ``detente: …`` line on stderr (exit status 2)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        from detente.cli._options import say

        say(self.format_message())


class DetenteGroup(click.Group):
    """The command group: usage errors are one line, and nothing ends in a traceback.

    An unexpected exception is reported as one line with exit status 1 (bad
    input is status 2); ``DETENTE_DEBUG=1`` lets it through with its traceback.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _one_line(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            # A closed pipe (`detente claims | head`) is click's to handle quietly.
            if os.environ.get("DETENTE_DEBUG") or getattr(exc, "errno", None) == errno.EPIPE:
                raise
            from detente.cli._options import fail

            reason = (str(exc).strip().splitlines() or [""])[0][:300]
            fail(f"unexpected error: {type(exc).__name__}: {reason}", code=1)


def _one_line(exc: click.UsageError) -> OneLineError:
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return OneLineError(exc.format_message() + where)


@click.group(
    cls=DetenteGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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
