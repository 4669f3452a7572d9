"""Rasa's SQL tracker store on CONVERSATIONS_DATABASE_URL, with a SQLite file in var/ by default.

Rasa's own `type: SQL` cannot fall back to a default when an environment variable is unset, so
every way of starting Rasa would have to set one; this class takes the URL from the environment
and otherwise uses the same default as the retention command (send_guide/conversations.py).
Conversations then survive a restart and staff can read them on the staff page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url

from send_guide.conversations import conversations_url


class ConversationStore(SQLTrackerStore):
    def __init__(self, domain: Domain | None = None, host: str | None = None,
                 event_broker: EventBroker | None = None, **kwargs: Any) -> None:
        url = host or conversations_url()
        database = make_url(url)
        if database.get_backend_name() == "sqlite" and database.database:
            Path(database.database).parent.mkdir(parents=True, exist_ok=True)
        # A full URL as `host` is used as it is (SQLTrackerStore.get_db_url).
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
