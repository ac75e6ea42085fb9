"""Shared helper for tests that inspect a SQLite file directly."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def table_counts(db: Path) -> dict[str, int]:
    """Rows in every table of the SQLite file *db*."""
    con = sqlite3.connect(db)
    try:
        names = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        return {n: con.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()
