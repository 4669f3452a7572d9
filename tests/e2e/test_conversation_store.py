"""Conversations go to the SQL tracker store (stores/conversation_store.py) and leave it with retention."""

import os
import subprocess
import sys
import uuid

import requests
from sqlalchemy import select, update

from send_guide.conversations import EVENTS
from send_guide.database.engine import make_engine
from tools.servers import ROOT, RunningAssistant

HUNDRED_DAYS = 100 * 24 * 3600


def say(assistant: RunningAssistant, sender: str, message: str) -> None:
    reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
    assert reply.status_code == 200, reply.text


def said(assistant: RunningAssistant, sender: str) -> list[str]:
    tracker = requests.get(assistant.api(f"/conversations/{sender}/tracker"), timeout=30).json()
    return [event.get("text") for event in tracker.get("events", []) if event.get("event") == "user"]


def test_conversations_are_kept_in_sql_and_deleted_after_the_retention_period(assistant: RunningAssistant) -> None:
    old, recent = f"test-old-{uuid.uuid4().hex[:8]}", f"test-new-{uuid.uuid4().hex[:8]}"
    say(assistant, old, "what is a personal budget?")
    say(assistant, recent, "what is a SENCO?")
    engine = make_engine(assistant.conversations_url)
    with engine.begin() as connection:
        stored = connection.scalars(select(EVENTS.c.sender_id).where(EVENTS.c.sender_id.in_([old, recent]))).all()
        assert set(stored) == {old, recent}, "Rasa writes to the configured database, not to memory"
        connection.execute(update(EVENTS).where(EVENTS.c.sender_id == old)
                           .values(timestamp=EVENTS.c.timestamp - HUNDRED_DAYS))
    assert said(assistant, old) == ["what is a personal budget?"]

    result = subprocess.run(
        [sys.executable, "-m", "send_guide.triage", "retention"], cwd=ROOT, capture_output=True, text=True,
        env=dict(os.environ, DATABASE_URL=assistant.database_url,
                 CONVERSATIONS_DATABASE_URL=assistant.conversations_url), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "older than 90 days" in result.stdout and " 0 conversation events" not in result.stdout
    assert said(assistant, old) == [], "the old conversation is gone from Rasa too"
    assert said(assistant, recent) == ["what is a SENCO?"]
    engine.dispose()


def test_rasas_http_api_refuses_requests_without_the_token(assistant: RunningAssistant) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    say(assistant, sender, "what is a personal budget?")
    for path in (f"/conversations/{sender}/tracker", "/status"):
        refused = requests.get(f"{assistant.rasa_url}{path}", timeout=30)
        assert refused.status_code == 401, path
        assert "personal budget" not in refused.text
        assert requests.get(f"{assistant.rasa_url}{path}?token=not-the-token", timeout=30).status_code == 401
    written = requests.post(f"{assistant.rasa_url}/conversations/{sender}/tracker/events", timeout=30,
                            json={"event": "slot", "name": "role", "value": "professional"})
    assert written.status_code == 401, "nobody can change a conversation without the token"
    assert said(assistant, sender) == ["what is a personal budget?"], "with the token it answers"
