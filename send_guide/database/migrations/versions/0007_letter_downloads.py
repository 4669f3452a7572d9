"""Letters kept for download: a link to a family's letter as a Word file or a PDF.

A letter holds what the family typed (names, a child's details, dates), so it is personal data
kept as briefly as the link needs: the link stops working an hour after it is made, and the row
is deleted then (at the next download request or by the retention command). Only the SHA-256
hash of the link's token is stored, so a copy of the database opens no link. A letter kept on a
call-back case stays until the case is deleted under its retention period (ON DELETE CASCADE).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-14
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "letter_download",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("letter", sa.Text, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False, index=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("triage_case.id", ondelete="CASCADE"), nullable=True,
                  index=True),
    )


def downgrade() -> None:
    op.drop_table("letter_download")
