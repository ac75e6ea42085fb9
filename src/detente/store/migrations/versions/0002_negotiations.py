"""negotiations and claim confidence

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "negotiations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parties", sa.Text(), server_default="[]", nullable=False),
        sa.Column("places", sa.Text(), server_default="[]", nullable=False),
        sa.Column("origin", sa.String(length=16), server_default="knowledge", nullable=False),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_negotiations")),
        sa.UniqueConstraint("slug", name=op.f("uq_negotiations_slug")),
    )
    op.create_table(
        "report_negotiations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("negotiation_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by", sa.String(length=16), server_default="auto", nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_negotiations_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
            name=op.f("fk_report_negotiations_negotiation_id_negotiations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_negotiations")),
        sa.UniqueConstraint(
            "report_id",
            "negotiation_id",
            name=op.f("uq_report_negotiations_report_id_negotiation_id"),
        ),
    )
    op.create_index(op.f("ix_report_negotiations_report_id"), "report_negotiations", ["report_id"])
    op.create_index(
        op.f("ix_report_negotiations_negotiation_id"), "report_negotiations", ["negotiation_id"]
    )
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("confidence")
    op.drop_table("report_negotiations")
    op.drop_table("negotiations")
