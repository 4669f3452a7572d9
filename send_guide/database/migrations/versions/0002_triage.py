"""Call-back cases, their audit trail, staff accounts and answer feedback.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "triage_case",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference", sa.String(12), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(128), nullable=False, index=True),
        sa.Column("created_at", WHEN, nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False, server_default="new", index=True),
        sa.Column("urgency", sa.Integer, nullable=False, index=True),
        sa.Column("urgency_reason", sa.Text, nullable=False),
        sa.Column("consent_at", WHEN, nullable=False),
        sa.Column("name", sa.String(100), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("email", sa.String(200), nullable=False, server_default=""),
        sa.Column("best_time", sa.String(100), nullable=False, server_default=""),
        sa.Column("language", sa.String(40), nullable=False, server_default=""),
        sa.Column("interpreter", sa.Boolean, nullable=True),
        sa.Column("role", sa.String(30), nullable=False, server_default=""),
        sa.Column("child_age_or_year", sa.String(40), nullable=False, server_default=""),
        sa.Column("stage", sa.String(40), nullable=False, server_default=""),
        sa.Column("key_dates", sa.Text, nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("topics", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "case_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("triage_case.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "staff_user",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", WHEN, nullable=False, index=True),
        sa.Column("conversation_id", sa.String(128), nullable=False),
        sa.Column("intent", sa.String(100), nullable=False, index=True),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("message", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    for table in ("feedback", "staff_user", "case_event", "triage_case"):
        op.drop_table(table)
