"""Run the ``detente`` command line in-process, as the tests do."""

from __future__ import annotations

from click.testing import CliRunner

from detente.cli import cli


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    """Invoke ``detente ARGS`` and return (exit code, stdout, stderr)."""
    res = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr
