"""Connecting to the application's database: one URL for every environment.

`DATABASE_URL` picks it (e.g. `postgresql+psycopg2://user@host/send_guide`); without it a SQLite
file in the var folder (send_guide/settings.py). The schema is managed by Alembic
(send_guide/database/schema.py), never by `create_all`, so SQLite and PostgreSQL run the same migrations.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from send_guide.settings import database_url


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(connection, _record) -> None:
    """SQLite ignores ON DELETE CASCADE unless asked, PostgreSQL always honours it."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored time, timezone-aware: SQLite gives back naive times, which were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, future=True, expire_on_commit=False)
