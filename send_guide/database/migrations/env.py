"""Alembic environment: runs on the connection `schema.migrate` passes in, or on DATABASE_URL."""

from alembic import context

from send_guide.database.base import Base
from send_guide.database.engine import make_engine
from send_guide.database.schema import all_tables, migration_connection
from send_guide.settings import database_url

# Every table the migrations create. With only the services' models loaded, `alembic revision
# --autogenerate` wrote a migration dropping every call-back, staff and letter table.
all_tables()
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or database_url())
    with migration_connection(engine) as connection:  # as schema.migrate does (SQLite's foreign keys)
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
