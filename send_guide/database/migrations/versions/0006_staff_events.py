"""The staff audit trail: logins, failed logins, logouts, exports and account changes.

Case changes already have their trail (case_event, one per case); these belong to no case. The
actor is kept as a name, not a link to staff_user, so the trail outlives a removed account. No
passwords and no addresses are kept; the retention command deletes entries with the cases.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("staff_event")
