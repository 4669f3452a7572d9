"""The database's schema: migrating it (the set-up step only) and checking it (every server).

Migrations run from one place, `python -m send_guide.database upgrade` (`make run`, the deploy
files' migrate job, the test fixtures that start servers). Servers and staff commands only check
that the database is at the newest migration and stop with the command to run if it is not: two
servers starting together never race to migrate, and a rolled-back release never meets tables
newer than its code without saying so.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UPGRADE_COMMAND = "python -m send_guide.database upgrade"


class SchemaNotCurrent(RuntimeError):
    """The database is not at the newest migration: the set-up step has not run on it."""


def all_tables() -> None:
    """Import every model module, so the shared metadata holds every table (for migrations and checks)."""
    from send_guide.services import model as _services  # noqa: F401
    from send_guide.triage import model as _triage  # noqa: F401


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection to migrate on, in one transaction. On SQLite, foreign keys are off while it
    runs (they can only be switched outside a transaction): a migration that rebuilds a table
    drops the old one, and with them on, that drop would cascade-delete the rows that refer to
    it. They are checked once the migration is done."""
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration left rows with no parent: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to the newest migration (safe to run again)."""
    with migration_connection(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to an older migration (for rolling back a release)."""
    with migration_connection(engine) as connection:
        command.downgrade(alembic_config(connection), revision)


def newest_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def require_current_schema(engine: Engine) -> None:
    """Raise SchemaNotCurrent, naming the command to run, unless the database is at the newest migration."""
    current, newest = current_revision(engine), newest_revision()
    if current != newest:
        found = f"at migration {current}" if current else "empty"
        raise SchemaNotCurrent(
            f"The database ({engine.url.render_as_string(hide_password=True)}) is {found}; this code needs "
            f"migration {newest}. Run `{UPGRADE_COMMAND}` first (`make run` does it)."
        )


def current_for_command(engine: Engine) -> bool:
    """For a staff command: True when the database is at the newest migration; else False, with
    the reason and the command to run on standard error."""
    try:
        require_current_schema(engine)
    except SchemaNotCurrent as problem:
        print(problem, file=sys.stderr)
        return False
    return True
