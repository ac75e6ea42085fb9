"""Options and output shared by every command."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import click

from detente.report.sanitize import printable

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")

#: Table columns kept on one line (short identifiers, dates, numbers).
ONE_LINE = frozenset(
    {"id", "report", "date", "published", "actor", "kind", "issue", "claims", "words", "share"}
)
#: Table columns holding free text, given room first.
WIDE = frozenset({"quote", "title", "notes", "description"})

#: A stored record's id: positive and within SQL's 64-bit integers.
RECORD_ID = click.IntRange(min=1, max=2**63 - 1)

db_option = click.option(
    "--db",
    "db",
    envvar="DETENTE_DB",
    default="detente.db",
    show_default=True,
    show_envvar=True,
    metavar="PATH|URL",
    help="SQLite file, or a SQLAlchemy URL such as postgresql+psycopg://user@host/db.",
)


def format_option(formats: Sequence[str] = FORMATS) -> Callable[[F], F]:
    """``--format`` with the given choices, ``table`` by default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        default="table",
        show_default=True,
        help="Output format. json/jsonl/csv use stable field names.",
    )


#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def say(message: str) -> None:
    """Print *message* as one ``detente: …`` line on stderr, whatever it contains."""
    flat = " ".join(printable(str(message)).split("\n"))
    click.echo(f"detente: {flat}", err=True)


def fail(message: str, code: int = 2) -> None:
    """Print one ``detente: …`` line on stderr and exit with *code*."""
    say(message)
    sys.exit(code)


def finite(value: Any) -> Any:
    """*value* with NaN and infinities (at any depth) replaced by ``None``: JSON has neither."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) if not isinstance(v, dict) else json.dumps(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv_cell(value: Any) -> Any:
    # Lists and objects become JSON so that csv output round-trips.
    if isinstance(value, list | tuple | dict):
        value = json.dumps(finite(value), ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, str):
        # A leading quote keeps spreadsheets from evaluating the cell (OWASP rule).
        text = printable(value)
        return "'" + text if value.startswith(_FORMULA_START) else text
    return "" if value is None else value


def emit(
    rows: Iterable[Mapping[str, Any]],
    fields: Sequence[str],
    fmt: str,
    *,
    table_fields: Sequence[str] | None = None,
    title: str | None = None,
    empty: str = "nothing to show",
) -> None:
    """Write *rows* to stdout in *fmt*.

    ``json``/``jsonl``/``csv`` carry exactly *fields* in that order; ``table``
    shows *table_fields* (default: all) with rich, and says *empty* on stderr
    when there are no rows.
    """
    rows = [{f: r.get(f) for f in fields} for r in rows]
    out = io.StringIO()
    if fmt == "json":
        out.write(
            json.dumps(finite(rows), ensure_ascii=False, indent=2, default=str, allow_nan=False)
            + "\n"
        )
    elif fmt == "jsonl":
        for r in rows:
            out.write(
                json.dumps(finite(r), ensure_ascii=False, default=str, allow_nan=False) + "\n"
            )
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: _csv_cell(v) for k, v in r.items()})
        out.write(buf.getvalue())
    else:
        if not rows:
            click.echo(empty, err=True)
            return
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        cols = list(table_fields or fields)
        # Data goes in as Text, never as markup: "[/]" or "[link=…]" in a title stay literal.
        table = Table(
            title=Text(printable(title)) if title else None, show_lines=False, header_style="bold"
        )
        for c in cols:
            # Identifiers and codes stay on one line; everything else may wrap.
            if c in ONE_LINE:
                table.add_column(c, no_wrap=True)
            else:
                table.add_column(c, overflow="fold", min_width=30 if c in WIDE else 8)
        for r in rows:
            table.add_row(*(Text(printable(_cell(r.get(c)))) for c in cols))
        term = Console()
        width = term.width if term.is_terminal else 200
        Console(file=out, width=width).print(table)
    click.echo(out.getvalue(), nl=False)
