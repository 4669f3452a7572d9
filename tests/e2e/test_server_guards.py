"""The REST channel and the Rasa server's own limits (issue 17, items 4, 11 and 12)."""

from __future__ import annotations

import json
import stat
import uuid
from pathlib import Path

import requests

from channels.request_limits import MAX_REQUEST_BYTES
from tools.servers import RunningAssistant


def test_a_body_that_is_not_json_is_refused_before_it_is_read(assistant: RunningAssistant) -> None:
    body = json.dumps({"sender": f"test-{uuid.uuid4().hex[:8]}", "message": "hello"})
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""):
        reply = requests.post(assistant.webhook, data=body, headers={"Content-Type": content_type}, timeout=30)
        assert reply.status_code == 415, content_type  # a cross-site form or text post, sent without asking
    ok = requests.post(assistant.webhook, data=body, headers={"Content-Type": "application/json; charset=utf-8"},
                       timeout=60)
    assert ok.status_code == 200 and ok.json()


def test_a_body_over_the_servers_limit_is_refused(assistant: RunningAssistant) -> None:
    body = json.dumps({"sender": "big", "message": "hello", "metadata": {"x": "y" * MAX_REQUEST_BYTES}})
    reply = requests.post(assistant.webhook, data=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert reply.status_code == 413


def test_only_the_picked_language_of_the_metadata_is_stored(assistant: RunningAssistant) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    metadata = {"language": "ro", "tracking": "z" * 200_000, "nested": {"a": [1, 2, 3]}}
    reply = requests.post(assistant.webhook, json={"sender": sender, "message": "hello", "metadata": metadata},
                          timeout=60)
    assert reply.status_code == 200
    tracker = requests.get(assistant.api(f"/conversations/{sender}/tracker"), timeout=30).json()
    [user] = [event for event in tracker["events"] if event["event"] == "user"]
    assert user["metadata"]["language"] == "ro"
    assert "tracking" not in user["metadata"] and "nested" not in user["metadata"]
    assert len(json.dumps(tracker)) < 50_000


def test_the_api_token_is_not_on_the_servers_command_line(assistant: RunningAssistant) -> None:
    command_line = Path(f"/proc/{assistant.rasa_pid}/cmdline").read_bytes().decode()
    assert "rasa_server.py" in command_line
    assert assistant.token not in command_line


def test_the_conversations_file_is_readable_by_its_owner_only(assistant: RunningAssistant) -> None:
    requests.post(assistant.webhook, json={"sender": f"test-{uuid.uuid4().hex[:8]}", "message": "hello"}, timeout=60)
    database = Path(assistant.conversations_url.removeprefix("sqlite:///"))
    assert database.exists()
    assert stat.S_IMODE(database.stat().st_mode) & 0o077 == 0
