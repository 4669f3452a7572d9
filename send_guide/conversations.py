"""Where conversations are kept, and deleting them when the retention period ends.

Rasa writes each conversation to a SQL database, one row per event, in a table called `events`
(stores/conversation_store.py configures it). Staff read a case's conversation from there
through Rasa's HTTP API; the retention command deletes old rows here, and the content report
(send_guide/triage/content_report.py) counts questions from it. EVENTS below names the columns
that code uses, so it needs no Rasa import. CONVERSATIONS_DATABASE_URL picks the database
(send_guide/settings.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, delete, inspect
from sqlalchemy.engine import Engine

# The columns of Rasa's table that this module uses (Rasa creates the table itself).
EVENTS = Table(
    "events", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False),
    Column("type_name", String(255), nullable=False),  # "user" for a message someone sent
    Column("timestamp", Float),  # seconds since 1970, UTC
    Column("intent_name", String(255)),
    Column("data", Text),  # the whole event as JSON: a message's words are in it
)
USER_MESSAGE = "user"


def delete_older_than(engine: Engine, cutoff: dt.datetime) -> int:
    """Delete every conversation event from before `cutoff`; returns how many were deleted."""
    if not inspect(engine).has_table(EVENTS.name):
        return 0  # Rasa has not kept a conversation here yet
    with engine.begin() as connection:
        return connection.execute(delete(EVENTS).where(EVENTS.c.timestamp < cutoff.timestamp())).rowcount or 0
