"""Opening a database: checking, creating and migrating its schema safely.

Schema creation and every migration run in one transaction under a lock, so a
process killed half-way leaves either no schema or the whole new one, and
processes opening a new database at the same time wait for each other instead
of racing:

* SQLite: DDL is transactional, but Python's ``sqlite3`` commits each
  ``CREATE`` on its own unless the driver is put in autocommit mode and the
  transaction is begun explicitly; the migration connection does that with
  ``BEGIN IMMEDIATE``, which also takes the write lock up front.  It runs with
  ``PRAGMA foreign_keys=OFF`` (the pragma is ignored inside a transaction, so it
  is set on connect) because Alembic's batch mode rebuilds tables by copy, drop
  and rename; ``PRAGMA foreign_key_check`` must be clean before the commit.
* PostgreSQL: DDL is transactional; ``pg_advisory_xact_lock`` serialises
  concurrent first opens and is released with the transaction.

Read-only opens (``create=False``) never write: they say when a file is not a
detente database, when its schema is older (``detente migrate``) or newer
(unknown revision) than this code.  Nothing here depends on which migrations
exist; the head of the Alembic script directory is the target.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import resources
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.pool import NullPool

from detente import __version__
from detente.store.schema import metadata

#: Key of the PostgreSQL advisory lock held while a schema is created or migrated.
PG_MIGRATION_LOCK = 0x646574656E7465  # "detente"
#: How long a connection waits for another writer's lock (ms) before giving up.
SQLITE_BUSY_MS = 30_000


class SchemaError(Exception):
    """The database cannot be used as it is (one-line message)."""


def alembic_config() -> Config:
    """Alembic configuration pointing at detente's migrations."""
    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("detente.store").joinpath("migrations"))
    )
    return cfg


@dataclass(frozen=True, slots=True)
class SchemaState:
    """What a database holds before detente touches it."""

    revisions: tuple[str, ...]
    tables: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.tables


def read_state(conn: sa.Connection) -> SchemaState:
    """The Alembic revision(s) stamped in the database and its table names."""
    tables = frozenset(sa.inspect(conn).get_table_names())
    revisions: tuple[str, ...] = ()
    if "alembic_version" in tables:
        revisions = tuple(MigrationContext.configure(conn).get_current_heads())
    return SchemaState(revisions, tables)


def _verdict(state: SchemaState, script: ScriptDirectory, label: str, dialect: str) -> str:
    """``"head"``, ``"behind"`` or ``"new"``; raises :class:`SchemaError` otherwise.

    A database without a revision stamp is new when it has no tables (SQLite:
    a file is one application's) or none of detente's (a shared server
    database may hold other schemas' tables, PostGIS's among them).
    """
    head = script.get_current_head()
    if not state.revisions:
        ours = state.tables & frozenset(metadata.tables)
        if state.empty or (dialect != "sqlite" and not ours):
            return "new"
        raise SchemaError(f"{label} is not a detente database")
    if len(state.revisions) > 1:
        raise SchemaError(f"{label} has several schema revisions ({', '.join(state.revisions)})")
    (rev,) = state.revisions
    if rev == head:
        return "head"
    try:
        known = script.get_revision(rev) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        known = False
    if not known:
        raise SchemaError(
            f"{label} has schema revision {rev!r}, unknown to detente {__version__} "
            f"(newest {head}): use the detente that wrote it"
        )
    return "behind"


def ensure_schema(engine: sa.Engine, label: str, *, create: bool) -> None:
    """Check the schema of *engine*'s database; create or migrate it when *create*.

    Raises :class:`SchemaError` (one line) when the database is not detente's,
    is stamped with a revision this code does not know, or would need a change
    that *create* does not allow.
    """
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        state = read_state(conn)
    verdict = _verdict(state, script, label, engine.dialect.name)
    if verdict == "head":
        return
    if not create:
        if verdict == "new":
            empty = " (it is empty)" if state.empty else ""
            raise SchemaError(f"{label} is not a detente database{empty}")
        raise SchemaError(
            f"{label} has an older schema than this detente: run 'detente migrate' to upgrade it"
        )
    _migrate_locked(engine, cfg, script, label)


def _upgrade_in(conn: sa.Connection, cfg: Config, script: ScriptDirectory, label: str) -> None:
    # Re-read under the lock: another process may have done the work meanwhile.
    if _verdict(read_state(conn), script, label, conn.dialect.name) == "head":
        return
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _migrate_locked(engine: sa.Engine, cfg: Config, script: ScriptDirectory, label: str) -> None:
    dialect = engine.dialect.name
    if dialect == "sqlite":
        mig = sa.create_engine(engine.url, poolclass=NullPool)
        sa.event.listen(mig, "connect", _sqlite_migration_connect)
        sa.event.listen(mig, "begin", lambda c: c.exec_driver_sql("BEGIN IMMEDIATE"))
        try:
            with mig.begin() as conn:
                _upgrade_in(conn, cfg, script, label)
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if bad is not None:
                    raise SchemaError(f"{label}: migration broke a foreign key in {bad[0]}")
        finally:
            mig.dispose()
        return
    with engine.begin() as conn:
        if dialect == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))
        _upgrade_in(conn, cfg, script, label)


def _sqlite_migration_connect(dbapi_conn: Any, _record: Any) -> None:
    # Driver autocommit: transactions are begun explicitly (see the module docstring).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.close()


def sqlite_writer_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Connection set-up for a database detente writes to."""
    cur = dbapi_conn.cursor()
    # The busy timeout first, so that the journal-mode switch below waits too.
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            break
        except Exception as exc:  # sqlite3.OperationalError: another opener holds the lock
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cur.close()


def sqlite_reader_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Connection set-up that changes nothing in the file (no journal-mode switch)."""
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
