"""stories (near-duplicate groups), report signatures and the fetch log

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_reports_story_id_stories"), "stories", ["story_id"], ["id"]
        )
        batch.create_index(op.f("ix_reports_story_id"), ["story_id"])
    op.create_table(
        "report_signatures",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_signatures_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_report_signatures")),
    )
    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("fetched_at", sa.Text(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_fetches_report_id_reports"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fetches")),
        sa.UniqueConstraint("name", name=op.f("uq_fetches_name")),
    )


def downgrade() -> None:
    op.drop_table("fetches")
    op.drop_table("report_signatures")
    with op.batch_alter_table("reports") as batch:
        batch.drop_index(op.f("ix_reports_story_id"))
        batch.drop_constraint(op.f("fk_reports_story_id_stories"), type_="foreignkey")
        batch.drop_column("story_id")
    op.drop_table("stories")
