"""Full-text search over report text and claim quotes.

SQLite uses FTS5 tables with external content (``reports_fts``, ``claims_fts``)
kept in sync by triggers; PostgreSQL uses GIN indexes on ``to_tsvector``
expressions, so nothing needs syncing there.  :func:`search` hides the
difference: it returns the ids of the matching reports and claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlalchemy as sa

_WORD = re.compile(r"\w+", re.UNICODE)

# (table, FTS columns, source columns).  Quotes of claims, title and text of reports.
_SQLITE_INDEXES = (
    ("reports_fts", "reports", ("title", "text")),
    ("claims_fts", "claims", ("quote",)),
)
_PG_REPORTS = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_PG_CLAIMS = "to_tsvector('english', quote)"


@dataclass(slots=True)
class SearchHits:
    """Ids matched by a full-text query."""

    reports: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    #: The reports the matching claims belong to.
    claim_reports: set[int] = field(default_factory=set)


def _sqlite_statements(fts: str, table: str, cols: tuple[str, ...]) -> list[str]:
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def install_index(conn: sa.Connection) -> None:
    """Create the full-text index on *conn*'s database and fill it from what is stored."""
    if conn.dialect.name == "sqlite":
        for fts, table, cols in _SQLITE_INDEXES:
            for stmt in _sqlite_statements(fts, table, cols):
                conn.exec_driver_sql(stmt)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_reports_fts ON reports USING gin ({_PG_REPORTS})"
        )
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_claims_fts ON claims USING gin ({_PG_CLAIMS})"
        )


def drop_index(conn: sa.Connection) -> None:
    """Remove what :func:`install_index` created."""
    if conn.dialect.name == "sqlite":
        for fts, _table, _cols in _SQLITE_INDEXES:
            for suffix in ("ai", "ad", "au"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_reports_fts")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_claims_fts")


def _sqlite_ready(conn: sa.Connection) -> bool:
    # A later migration that rebuilds reports or claims (SQLite batch mode) drops the
    # triggers with the table; check and repair rather than search a stale index.
    names = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table') "
            "AND name LIKE '%\\_fts%' ESCAPE '\\'"
        )
    }
    wanted = {f"{fts}_{s}" for fts, _t, _c in _SQLITE_INDEXES for s in ("ai", "ad", "au")}
    return wanted <= names


def terms(query: str) -> list[str]:
    """The words of a free-text query (punctuation and operators dropped)."""
    return _WORD.findall(query)


def search(
    engine: sa.Engine, query: str, *, targets: tuple[str, ...] = ("reports", "claims")
) -> SearchHits:
    """Reports whose title or text, and claims whose quote, contain every word of *query*.

    The last word also matches as a prefix (search as you type).  An empty
    query matches nothing.  *targets* limits the search to reports or claims.
    """
    words = terms(query)
    hits = SearchHits()
    if not words:
        return hits
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            if not _sqlite_ready(conn):
                with engine.begin() as fix:
                    install_index(fix)
            # Each word quoted: FTS5 operators in user input stay plain words.
            match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
            if "reports" in targets:
                rows = conn.exec_driver_sql(
                    "SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?", (match.strip(),)
                )
                hits.reports.update(r[0] for r in rows)
            if "claims" in targets:
                rows = conn.exec_driver_sql(
                    "SELECT c.id, c.report_id FROM claims_fts f JOIN claims c ON c.id = f.rowid "
                    "WHERE claims_fts MATCH ?",
                    (match.strip(),),
                )
                for cid, rid in rows:
                    hits.claims.add(cid)
                    hits.claim_reports.add(rid)
        return hits
    if engine.dialect.name == "postgresql":
        tsq = " & ".join(f"{w}:*" if i == len(words) - 1 else w for i, w in enumerate(words))
        with engine.connect() as conn:
            if "reports" in targets:
                q = sa.text(
                    f"SELECT id FROM reports WHERE {_PG_REPORTS} @@ to_tsquery('english', :q)"
                )
                hits.reports.update(r[0] for r in conn.execute(q, {"q": tsq}))
            if "claims" in targets:
                q = sa.text(
                    f"SELECT id, report_id FROM claims "
                    f"WHERE {_PG_CLAIMS} @@ to_tsquery('english', :q)"
                )
                for cid, rid in conn.execute(q, {"q": tsq}):
                    hits.claims.add(cid)
                    hits.claim_reports.add(rid)
        return hits
    # Any other database: a plain case-insensitive substring match on every word.
    from detente.store.schema import claims, reports

    with engine.connect() as conn:
        rq = sa.select(reports.c.id).where(*(reports.c.text.ilike(f"%{w}%") for w in words))
        cq = sa.select(claims.c.id, claims.c.report_id).where(
            *(claims.c.quote.ilike(f"%{w}%") for w in words)
        )
        hits.reports.update(r[0] for r in conn.execute(rq))
        for cid, rid in conn.execute(cq):
            hits.claims.add(cid)
            hits.claim_reports.add(rid)
    return hits
