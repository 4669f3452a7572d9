"""Services: who confirmed a row and when, in place of a "last verified" date nobody checked.

Every row said it was verified on the day the directory was first written, though its facts came
from pages of 2017 to 2022. The upgrade drops that date (no person's check stands behind it) and
adds `confirmed_by` and `confirmed_on`, empty until a person confirms the row; a check constraint
keeps the two together.

The downgrade gives the old code the date it needs: the confirmation day where a person
confirmed the row, else the value every row carried before this migration. It is a way back to
the old version, not a record of a check.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHECK = "ck_service_confirmed_both_or_neither"
BOTH_OR_NEITHER = "(confirmed_by = '') = (confirmed_on IS NULL)"  # as in model.CONFIRMED_BOTH_OR_NEITHER
VALUE_BEFORE_0004 = dt.date(2026, 11, 25)


def upgrade() -> None:
    # Batch mode: SQLite rebuilds the table (it cannot add a check constraint in place);
    # PostgreSQL alters it. db.migrate turns SQLite's foreign keys off around this, so rebuilding
    # `service` does not cascade-delete its categories.
    with op.batch_alter_table("service") as batch:
        batch.drop_column("last_verified")
        batch.add_column(sa.Column("confirmed_by", sa.String(100), nullable=False, server_default=""))
        batch.add_column(sa.Column("confirmed_on", sa.Date, nullable=True))
        batch.create_check_constraint(CHECK, BOTH_OR_NEITHER)


def downgrade() -> None:
    with op.batch_alter_table("service") as batch:
        batch.drop_constraint(CHECK, type_="check")
        batch.add_column(sa.Column("last_verified", sa.Date, nullable=True))
    service = sa.table("service", sa.column("last_verified", sa.Date), sa.column("confirmed_on", sa.Date))
    op.execute(service.update().values(
        last_verified=sa.func.coalesce(service.c.confirmed_on, sa.literal(VALUE_BEFORE_0004, sa.Date))))
    with op.batch_alter_table("service") as batch:
        batch.alter_column("last_verified", existing_type=sa.Date, nullable=False)
        batch.drop_column("confirmed_on")
        batch.drop_column("confirmed_by")
