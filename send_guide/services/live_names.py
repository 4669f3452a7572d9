"""The names of the services in the live directory, for the parts of the assistant outside the
action server (translation protection in the Rasa process).

Staff change the directory by importing a file (python -m send_guide.services import); a service
they add must be kept out of machine translation as soon as the assistant can name it, so the names
come from the database, re-read every few minutes, not from the seed file the directory started as.
If the database cannot be read, the seed file's names stand in (and the log says so).
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from send_guide.database.engine import make_engine, session_factory
from send_guide.services.directory import seed_records
from send_guide.services.model import Service

logger = logging.getLogger(__name__)
FRESH_FOR_SECONDS = 300.0
_cache: dict[str, tuple[float, tuple[str, ...]]] = {}


@lru_cache(maxsize=1)
def _engine() -> Engine:
    return make_engine()


def service_names() -> tuple[str, ...]:
    """Every service name of the live directory; read again once FRESH_FOR_SECONDS have passed."""
    now = time.monotonic()
    cached = _cache.get("names")
    if cached and now - cached[0] < FRESH_FOR_SECONDS:
        return cached[1]
    names = _read_names()
    _cache["names"] = (now, names)
    return names


def forget() -> None:
    """Read the database again at the next call (after an import, and in tests)."""
    _cache.clear()
    _engine.cache_clear()


def _read_names() -> tuple[str, ...]:
    try:
        with session_factory(_engine())() as session:
            return tuple(sorted(session.execute(select(Service.name)).scalars()))
    except SQLAlchemyError as problem:
        logger.warning("Could not read the service names from the database (%s); using the seed file's",
                       type(problem).__name__)
        return tuple(sorted(record.name for record in seed_records()))
