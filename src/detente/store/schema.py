"""The database schema (SQLAlchemy Core).

Designed to read well in Datasette: integer primary keys, declared foreign keys,
a ``name`` label column on every table a foreign key points at, ISO-8601 dates
and JSON kept as text.  Alembic migrations in ``detente/store/migrations``
create and evolve it; this module is the reference they are checked against.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

extraction_runs = sa.Table(
    "extraction_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Label column: "detente.extract.v1 2026-11-25T13:00:00Z".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("extractor", sa.Text, nullable=False),
    sa.Column("model", sa.Text),
    sa.Column("components", sa.Text, nullable=False, server_default="{}"),  # JSON
    sa.Column("detente_version", sa.Text, nullable=False),
    sa.Column("started_at", sa.Text, nullable=False),
    sa.Column("finished_at", sa.Text),
    sa.Column("reports", sa.Integer, nullable=False, server_default="0"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Label column: the headline of the story's first report.
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("first_published", sa.Date),
    sa.Column("created_at", sa.Text, nullable=False),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("agency", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("dateline_place", sa.Text),
    sa.Column("dateline", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("date_precision", sa.String(16), nullable=False, server_default="unknown"),
    sa.Column("date_note", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("words", sa.Integer, nullable=False, server_default="0"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("extraction_runs.id")),
    sa.Column("extractor", sa.Text),
    # The story (near-duplicate group across outlets) this report belongs to.
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), index=True),
)

actors = sa.Table(
    "actors",
    metadata,
    # Canonical id: ISO 3166-1 alpha-3 for states, a lowercase slug for other bodies.
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, server_default="body"),
)

places = sa.Table(
    "places",
    metadata,
    # ISO 3166-2 for first-level regions, ISO 3166-1 alpha-3 for countries.
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
)


def _span_columns() -> list[sa.Column]:
    return [
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


def _derived_columns() -> list[sa.Column]:
    """Columns every extracted record has: its report and the run that produced it."""
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "report_id",
            sa.Integer,
            sa.ForeignKey("reports.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("extraction_runs.id"), nullable=False),
    ]


claims = sa.Table(
    "claims",
    metadata,
    *_derived_columns(),
    sa.Column("ordinal", sa.Integer, nullable=False),
    # Label column: "RUS demand territory".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("actor_id", sa.String(64), sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("speaker", sa.Text),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("issue", sa.String(32), nullable=False, index=True),
    sa.Column("target", sa.Text),
    sa.Column("places", sa.Text, nullable=False, server_default="[]"),  # JSON list of codes
    sa.Column("quantities", sa.Text, nullable=False, server_default="[]"),  # JSON
    sa.Column("conditional", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("conditions", sa.Text, nullable=False, server_default="[]"),  # JSON
    sa.Column("exchange_for", sa.Text, nullable=False, server_default="[]"),  # JSON claim ids
    sa.Column("hedged", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("negated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("denied", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("anonymous", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("date", sa.Date),
    *_span_columns(),
    # How far the extractor trusts this claim, 0–1 (calibrated on gold/dev); NULL if unknown.
    sa.Column("confidence", sa.Float),
    sa.UniqueConstraint("report_id", "ordinal"),
)

claim_sources = sa.Table(
    "claim_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "claim_id",
        sa.Integer,
        sa.ForeignKey("claims.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
)

claim_places = sa.Table(
    "claim_places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "claim_id",
        sa.Integer,
        sa.ForeignKey("claims.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "place_code", sa.String(16), sa.ForeignKey("places.code"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    *_derived_columns(),
    # Label column: "meeting 2025-08-18 USA, UKR".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("date_text", sa.Text),
    sa.Column("participants", sa.Text, nullable=False, server_default="[]"),  # JSON actor ids
    sa.Column("place", sa.Text),
    *_span_columns(),
)

facts = sa.Table(
    "facts",
    metadata,
    *_derived_columns(),
    # Label column: "RUS controls 70% of UA-14".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("actor_id", sa.String(64), sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("place_code", sa.String(16), sa.ForeignKey("places.code"), nullable=False),
    sa.Column("share", sa.Float),
    sa.Column("approximate", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("sources", sa.Text, nullable=False, server_default="[]"),  # JSON
    sa.Column("date", sa.Date),
    *_span_columns(),
)

negotiations = sa.Table(
    "negotiations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Stable identifier used on the command line: "russia-ukraine".
    sa.Column("slug", sa.String(64), nullable=False, unique=True),
    # Label column: "Russia–Ukraine".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("parties", sa.Text, nullable=False, server_default="[]"),  # JSON actor ids
    sa.Column("places", sa.Text, nullable=False, server_default="[]"),  # JSON place codes
    # Where it came from: "knowledge" (knowledge file), "proposed" (inferred), "manual".
    sa.Column("origin", sa.String(16), nullable=False, server_default="knowledge"),
    sa.Column("first_seen", sa.Date),
    sa.Column("last_seen", sa.Date),
)

report_negotiations = sa.Table(
    "report_negotiations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "negotiation_id",
        sa.Integer,
        sa.ForeignKey("negotiations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # "auto" (assigned at ingest) or "manual" (moved by hand; survives re-extraction).
    sa.Column("assigned_by", sa.String(16), nullable=False, server_default="auto"),
    sa.Column("score", sa.Float),
    sa.UniqueConstraint("report_id", "negotiation_id"),
)

# -- the human overlay (see detente.review) ---------------------------------------

review_items = sa.Table(
    "review_items",
    metadata,
    # One reviewed piece of evidence: the current human judgement on a stance.
    sa.Column("id", sa.Integer, primary_key=True),
    # Label column: "report 3 [120:180] RUS demand territory".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # The evidence key: where the stance sits and what the machine (or reviewer) called it.
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("actor_id", sa.String(64), nullable=False),
    sa.Column("issue", sa.String(32), nullable=False),
    # confirmed | rejected | edited | added
    sa.Column("status", sa.String(16), nullable=False),
    # JSON: the changed fields (edited) or the whole stance (added).
    sa.Column("changes", sa.Text, nullable=False, server_default="{}"),
    # Optimistic concurrency: a write names the version it saw.
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.UniqueConstraint("report_id", "start", "end", "kind", "actor_id", "issue"),
)

reviews = sa.Table(
    "reviews",
    metadata,
    # Append-only audit trail of every review action.
    sa.Column("id", sa.Integer, primary_key=True),
    # Label column: "edit report 3 [120:180] demand".
    sa.Column("name", sa.Text, nullable=False),
    sa.Column(
        "item_id",
        sa.Integer,
        sa.ForeignKey("review_items.id", ondelete="CASCADE"),
        index=True,
    ),
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("kind", sa.String(16)),
    # confirm | reject | edit | add | redate | move
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("before", sa.Text, nullable=False, server_default="null"),  # JSON
    sa.Column("after", sa.Text, nullable=False, server_default="null"),  # JSON
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
)

report_signatures = sa.Table(
    "report_signatures",
    metadata,
    # MinHash signature of a report's text (uint64 values), for near-duplicate lookup.
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("minhash", sa.LargeBinary, nullable=False),
)

fetches = sa.Table(
    "fetches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Label column and identity: the URL as requested (a feed, or an article's link).
    sa.Column("name", sa.Text, nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),  # "feed" or "article"
    sa.Column("final_url", sa.Text),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("status", sa.Integer),
    sa.Column("fetched_at", sa.Text, nullable=False),
    sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="SET NULL")),
)
