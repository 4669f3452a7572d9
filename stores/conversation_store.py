"""Rasa's SQL tracker store on CONVERSATIONS_DATABASE_URL, with a SQLite file in var/ by default.

Rasa's own `type: SQL` cannot fall back to a default when an environment variable is unset, so
every way of starting Rasa would have to set one; this class takes the URL from the environment
and otherwise uses the same default as the retention command (send_guide/settings.py).
Conversations then survive a restart and staff can read them on the staff page.

Rasa's own store retries an unreachable database for ever, every 5 seconds, saying little; this
one waits up to CONVERSATIONS_DATABASE_WAIT_SECONDS (default 30, for a database still starting)
and then stops start-up with a message that names the database and what to check.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT_TOKENS
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from send_guide.settings import conversations_database_url
from send_guide.work_lanes import Lanes

# Loading and saving a conversation is Python work that grows with it (every event's JSON read and
# replayed). A long conversation of long messages takes tens of milliseconds a turn: in one queue,
# everyone else's turn waited behind it (benchmarks/fairness.py). So conversations go in two lanes
# by their size at the last load, the long one at the lowest priority (send_guide/work_lanes.py).
_LANES = Lanes.named("conversation-database")
LONG_CONVERSATION_BYTES = 200_000  # about 60 turns of ordinary questions; 20 of 2,000-character stories
_SIZES_KEPT = 10_000  # conversations whose size is remembered (the least recently seen forgotten first)
_sizes: OrderedDict[str, int] = OrderedDict()
_sizes_lock = threading.Lock()


def _lane(sender_id: str) -> ThreadPoolExecutor:
    with _sizes_lock:
        size = _sizes.get(sender_id, 0)
    return _LANES.long if size > LONG_CONVERSATION_BYTES else _LANES.short


def _remember_size(sender_id: str, size: int) -> None:
    with _sizes_lock:
        _sizes[sender_id] = size
        _sizes.move_to_end(sender_id)
        while len(_sizes) > _SIZES_KEPT:
            _sizes.popitem(last=False)


class ConversationStore(SQLTrackerStore):
    def __init__(self, domain: Domain | None = None, host: str | None = None,
                 event_broker: EventBroker | None = None, **kwargs: Any) -> None:
        url = host or conversations_database_url()
        database = make_url(url)
        if database.get_backend_name() == "sqlite" and database.database:
            Path(database.database).parent.mkdir(parents=True, exist_ok=True)
        wait_until_reachable(url, float(os.environ.get("CONVERSATIONS_DATABASE_WAIT_SECONDS") or 30))
        # A full URL as `host` is used as it is (SQLTrackerStore.get_db_url).
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            # Rasa's engine opens a new SQLite connection for every query; keeping them open
            # (and the write-ahead log) took the store's time per turn from 4.3 to 2.4 ms.
            self.engine.dispose()
            self.engine = create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False})
            event.listen(self.engine, "connect", _write_ahead_log)
            self.sessionmaker = sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """SQLTrackerStore._retrieve in a worker thread, reading only the events' JSON.

        In a thread: Rasa loads the conversation at every turn, on the server's one event loop, and
        a long conversation of long messages (60 of 2,000 characters: 480 KB) took 20-30 ms, during
        which no one else's turn moved (benchmarks/fairness.py). Only the JSON: Rasa's query builds
        an ORM object for every stored event first; a 300-event conversation loaded in 11 ms, not 15."""
        return await asyncio.get_running_loop().run_in_executor(
            _lane(sender_id), self._retrieve_now, sender_id, fetch_events_from_all_sessions)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """SQLTrackerStore.save in a worker thread, on an event loop of its own there.

        Rasa counts the conversation's stored events and then writes the new ones, on the server's
        one event loop: about 25 ms a turn in a long conversation (benchmarks/fairness.py). Rasa
        waits for the save before the conversation's next turn, so nothing else touches the tracker
        meanwhile. With an event broker configured, Rasa's own way (it streams on this loop)."""
        if self.event_broker is not None:
            await super().save(tracker)
            return
        await asyncio.get_running_loop().run_in_executor(_lane(tracker.sender_id), self._save_now, tracker)

    def _save_now(self, tracker: DialogueStateTracker) -> None:
        # Each token's place in the text (Rasa's "text_tokens"): half of a long message's stored event,
        # read back and sent to the action server at every later turn; nothing here uses it.
        for said in tracker.events:
            if isinstance(said, UserUttered):
                said.parse_data.pop(TEXT_TOKENS, None)  # type: ignore[misc]
        asyncio.run(super().save(tracker))

    def _retrieve_now(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions)
            stored = [data for (data,) in query.with_entities(self.SQLEvent.data).all()]
        _remember_size(sender_id, sum(len(data) for data in stored))
        events = [json.loads(data) for data in stored]
        if not (self.domain and events):
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)


def _write_ahead_log(connection: Any, _record: Any) -> None:
    """SQLite (the single-machine default) writes each turn faster with a write-ahead log, and
    readers (the retention command) never block Rasa. A crash of Rasa loses nothing; only a power
    cut can lose the last turn, which is why production uses PostgreSQL."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ConversationDatabaseUnreachable(ConnectionError):
    """Rasa reports this as "Cannot connect to tracker store" and does not start."""


def wait_until_reachable(url: str, seconds: float) -> None:
    engine = create_engine(url, future=True)
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                return
            except SQLAlchemyError as error:
                if time.monotonic() >= deadline:
                    shown = make_url(url).render_as_string(hide_password=True)
                    reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
                    raise ConversationDatabaseUnreachable(
                        f" The conversations database {shown} cannot be reached ({reason}). Check "
                        "CONVERSATIONS_DATABASE_URL, that the database server is running, and that the "
                        "database exists.") from None
                time.sleep(1)
    finally:
        engine.dispose()
