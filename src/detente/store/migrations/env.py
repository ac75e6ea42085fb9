"""Alembic environment for detente's store.

detente runs migrations itself (``Store.open``) by passing a live connection in
``config.attributes["connection"]``; the ``alembic`` command line works too
with ``-x url=...``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from detente.store.schema import metadata

config = context.config


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # pragma: no cover - command-line use
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        _run(conn)
