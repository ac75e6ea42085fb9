"""Small helpers of the store: URLs, JSON text columns, dates, query filters."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from detente.records import to_jsonable


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL."""
    s = str(db)
    if re.match(r"^[a-z][a-z0-9+]*://", s):
        return s
    return f"sqlite:///{Path(s).expanduser()}"


def _actor_kind(actor_id: str) -> str:
    # ISO 3166-1 alpha-3 codes are upper case; every other body is a lowercase slug.
    return "state" if re.fullmatch(r"[A-Z]{3}", actor_id) else "body"


def _loads(value: str | None) -> Any:
    return json.loads(value) if value else []


def _dumps(value: Any) -> str:
    # Most stored lists are empty or plain strings (places, sources): no records to convert.
    if type(value) is list and all(type(v) is str for v in value):
        return json.dumps(value, ensure_ascii=False) if value else "[]"
    return json.dumps(to_jsonable(value), ensure_ascii=False)


def _ranked(counts: dict[str, int]) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _filter(q: sa.Select, column: sa.ColumnElement, value: Any) -> sa.Select:
    if value is None or value == () or value == []:
        return q
    if isinstance(value, str | int):
        return q.where(column == value)
    return q.where(column.in_(list(value)))


def insert_ignore(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert *rows*, skipping any whose key another transaction has stored meanwhile.

    Labels (actors, places, negotiations) are shared by every report: two workers writing to one
    PostgreSQL database can both find one missing and insert it, and the loser must not fail.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        conn.execute(table.insert(), rows)
        return
    conn.execute(insert(table).on_conflict_do_nothing(), rows)
