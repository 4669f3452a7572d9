"""The action server's database sessions: one engine per process, migrated and seeded on first use."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.orm import Session, sessionmaker

from send_guide.services import directory
from send_guide.services.db import make_engine, session_factory


@lru_cache(maxsize=1)
def sessions() -> sessionmaker[Session]:
    engine = make_engine()
    directory.ensure_ready(engine)
    return session_factory(engine)
