"""The services directory: services and their categories.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "service",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("aliases", sa.Text, nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("who_can_refer", sa.Text, nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("email", sa.String(200), nullable=False, server_default=""),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("postcode", sa.String(10), nullable=False, server_default=""),
        sa.Column("website", sa.String(500), nullable=False, server_default=""),
        sa.Column("opening_hours", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("last_verified", sa.Date, nullable=False),
    )
    op.create_table(
        "service_category",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("service_id", sa.Integer, sa.ForeignKey("service.id", ondelete="CASCADE"), nullable=False),
        sa.Column("category", sa.String(50), nullable=False),
        sa.UniqueConstraint("service_id", "category"),
    )
    op.create_index("ix_service_category_service_id", "service_category", ["service_id"])
    op.create_index("ix_service_category_category", "service_category", ["category"])


def downgrade() -> None:
    op.drop_table("service_category")
    op.drop_table("service")
