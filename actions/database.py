"""The action server's database sessions: one engine per process, on a database the set-up step migrated.

The action server never migrates (send_guide/database/schema.py): at start, and on first use, it
checks the schema is at the newest migration and stops with the command to run if not.
"""

from __future__ import annotations

from functools import lru_cache

from sanic import Sanic
from sqlalchemy.orm import Session, sessionmaker

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import require_current_schema


@lru_cache(maxsize=1)
def sessions() -> sessionmaker[Session]:
    engine = make_engine()
    require_current_schema(engine)
    return session_factory(engine)


def check_schema_on_start(app: Sanic) -> None:
    """The action server does not start on a database the set-up step has not brought up to date."""

    async def check(_app: Sanic, _loop: object) -> None:
        sessions()

    app.register_listener(check, "before_server_start")
