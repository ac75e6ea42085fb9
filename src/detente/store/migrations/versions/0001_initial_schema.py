"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), server_default="body", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("extractor", sa.Text(), nullable=False),
        sa.Column("model", sa.Text(), nullable=True),
        sa.Column("components", sa.Text(), server_default="{}", nullable=False),
        sa.Column("detente_version", sa.Text(), nullable=False),
        sa.Column("started_at", sa.Text(), nullable=False),
        sa.Column("finished_at", sa.Text(), nullable=True),
        sa.Column("reports", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extraction_runs")),
    )
    op.create_table(
        "places",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_places")),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("agency", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("dateline_place", sa.Text(), nullable=True),
        sa.Column("dateline", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), server_default="unknown", nullable=False),
        sa.Column("date_note", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("words", sa.Integer(), server_default="0", nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("extractor", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name=op.f("fk_reports_run_id_extraction_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.UniqueConstraint("sha256", name=op.f("uq_reports_sha256")),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("issue", sa.String(length=32), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("places", sa.Text(), server_default="[]", nullable=False),
        sa.Column("quantities", sa.Text(), server_default="[]", nullable=False),
        sa.Column("conditional", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("conditions", sa.Text(), server_default="[]", nullable=False),
        sa.Column("exchange_for", sa.Text(), server_default="[]", nullable=False),
        sa.Column("hedged", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("negated", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("denied", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_claims_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_claims_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name=op.f("fk_claims_run_id_extraction_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("report_id", "ordinal", name=op.f("uq_claims_report_id_ordinal")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_issue"), ["issue"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_report_id"), ["report_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("participants", sa.Text(), server_default="[]", nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_events_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name=op.f("fk_events_run_id_extraction_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_report_id"), ["report_id"], unique=False)

    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("place_code", sa.String(length=16), nullable=False),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("sources", sa.Text(), server_default="[]", nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_facts_actor_id_actors")),
        sa.ForeignKeyConstraint(
            ["place_code"], ["places.code"], name=op.f("fk_facts_place_code_places")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_facts_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name=op.f("fk_facts_run_id_extraction_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facts")),
    )
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_facts_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_facts_report_id"), ["report_id"], unique=False)

    op.create_table(
        "claim_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("place_code", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_places_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_code"], ["places.code"], name=op.f("fk_claim_places_place_code_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_places")),
    )
    with op.batch_alter_table("claim_places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_places_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_claim_places_place_code"), ["place_code"], unique=False
        )

    op.create_table(
        "claim_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_sources_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_sources")),
    )
    with op.batch_alter_table("claim_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_sources_claim_id"), ["claim_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_sources_claim_id"))

    op.drop_table("claim_sources")
    with op.batch_alter_table("claim_places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_places_place_code"))
        batch_op.drop_index(batch_op.f("ix_claim_places_claim_id"))

    op.drop_table("claim_places")
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_facts_report_id"))
        batch_op.drop_index(batch_op.f("ix_facts_actor_id"))

    op.drop_table("facts")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_report_id"))

    op.drop_table("events")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_report_id"))
        batch_op.drop_index(batch_op.f("ix_claims_kind"))
        batch_op.drop_index(batch_op.f("ix_claims_issue"))
        batch_op.drop_index(batch_op.f("ix_claims_actor_id"))

    op.drop_table("claims")
    op.drop_table("reports")
    op.drop_table("places")
    op.drop_table("extraction_runs")
    op.drop_table("actors")
