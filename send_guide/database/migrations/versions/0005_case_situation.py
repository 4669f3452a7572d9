"""Call-back cases: the situation reading of the family's messages.

A new text column holds, as JSON, what the situation reading found in the messages before the
call back (send_guide/situation/summary.py): the situation, the dates with their events, the
deadlines from exact dates, distress, who wrote. It holds none of the family's words. Cases
opened before this migration have it empty. It goes with its case when the retention period
deletes the case, as every other column does.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode as in 0004: SQLite adds the column in place, PostgreSQL alters the table.
    with op.batch_alter_table("triage_case") as batch:
        batch.add_column(sa.Column("situation", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    # SQLite rebuilds the table to drop a column; db.migrate keeps foreign keys off meanwhile, so
    # the cases' audit trails are not cascade-deleted with the old table.
    with op.batch_alter_table("triage_case") as batch:
        batch.drop_column("situation")
