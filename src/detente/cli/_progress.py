"""Progress bars and grouped warnings shared by ``ingest`` and ``eval``."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

import click


def progress_bar(label: str, *, quiet: bool = False) -> Any:
    """A transient rich progress bar on stderr (off when quiet or not a terminal)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=Console(stderr=True),
        disable=quiet or not sys.stderr.isatty(),
    )


def load_extractor(progress: Any, task: Any) -> Any:
    """Load the spaCy pipeline while the bar says so (it takes a few seconds)."""
    from detente.extract import get_extractor

    progress.update(task, description="loading the language model…")
    extractor = get_extractor()
    progress.update(task, description="")
    return extractor


_ORIGIN = re.compile(r"^(?P<origin>.+?): (?P<kind>[a-z].*)$")


def group_warnings(messages: Iterable[str]) -> list[tuple[str, list[str]]]:
    """Warnings grouped by kind (the message without its ``origin:`` prefix), in order."""
    groups: dict[str, list[str]] = {}
    for text in messages:
        m = _ORIGIN.match(text)
        kind, origin = (m["kind"], m["origin"]) if m else (text, "")
        groups.setdefault(kind, []).append(origin)
    return list(groups.items())


def echo_warnings(messages: Iterable[str], *, verbose: bool = False) -> None:
    """One line per kind of warning; with *verbose*, every input too."""
    for kind, origins in group_warnings(messages):
        named = [o for o in origins if o]
        if len(origins) == 1 or verbose:
            for o in origins:
                click.echo(f"detente: warning: {o + ': ' if o else ''}{kind}", err=True)
            continue
        hint = ""
        if kind.startswith("publication date unknown"):
            hint = "; give --published, or 'detente reports set-date ID DATE' afterwards"
        click.echo(
            f"detente: warning: {len(named)} reports: {kind} (--verbose lists them{hint})",
            err=True,
        )
