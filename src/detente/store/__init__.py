"""Storage: SQLAlchemy Core schema, Alembic migrations, idempotent ingest."""

from __future__ import annotations

from detente.store.queries import (
    ACTOR_FIELDS,
    CLAIM_FIELDS,
    EVENT_FIELDS,
    FACT_FIELDS,
    REPORT_FIELDS,
)
from detente.store.store import (
    IngestResult,
    Store,
    StoreError,
)

__all__ = [
    "ACTOR_FIELDS",
    "CLAIM_FIELDS",
    "EVENT_FIELDS",
    "FACT_FIELDS",
    "REPORT_FIELDS",
    "IngestResult",
    "Store",
    "StoreError",
]
