"""A letter remembers the conversation it was made in, so that a call-back from that conversation can
keep it on the case (the family agrees to that in the call-back form) and an adviser sees it there.

Only letters whose hour is not over are kept on a case; the rest are deleted as before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEX = "ix_letter_download_conversation_id"


def upgrade() -> None:
    op.add_column("letter_download", sa.Column("conversation_id", sa.String(128), nullable=True))
    op.create_index(INDEX, "letter_download", ["conversation_id"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="letter_download")
    with op.batch_alter_table("letter_download") as batch:  # SQLite drops a column by copying the table
        batch.drop_column("conversation_id")
