"""Faults: the action server down and back, Rasa killed mid-conversation, the database unreachable."""

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import requests

from send_guide.fallback import something_went_wrong
from tests.e2e.conftest import model_path
from tools.servers import BIN, ROOT, _wait_until_up, free_port, running_assistant


def say(webhook: str, sender: str, message: str) -> str:
    reply = requests.post(webhook, json={"sender": sender, "message": message}, timeout=60)
    assert reply.status_code == 200, reply.text
    return "\n".join(item.get("text", "") for item in reply.json())


def test_with_the_action_server_down_the_family_gets_the_sendias_number_and_then_answers_again(tmp_path) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    with running_assistant(model_path(), log_dir=tmp_path, with_actions=False) as assistant:
        down = say(assistant.webhook, sender, "show me the topics")  # the menu is a custom action
        assert down == something_went_wrong() and "01582 548156" in down
        assert "personal budget" in say(assistant.webhook, sender, "what is a personal budget?").lower(), \
            "answers that need no action server still come"
        port = assistant.action_url.rsplit(":", 1)[1]
        actions = subprocess.Popen([str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", port],
                                   cwd=ROOT, env=dict(os.environ, SANIC_HOST="127.0.0.1",
                                                      DATABASE_URL=assistant.database_url),
                                   stdout=(tmp_path / "actions.log").open("w"), stderr=subprocess.STDOUT)
        try:
            _wait_until_up(f"{assistant.action_url}/health", [actions], 120)
            back = say(assistant.webhook, sender, "show me the topics")
            assert back != something_went_wrong() and "01582 548156" not in back and back.strip()
        finally:
            actions.send_signal(signal.SIGINT)
            actions.wait(timeout=20)


def test_a_conversation_continues_after_rasa_is_killed_and_started_again(tmp_path) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    shared = {"CONVERSATIONS_DATABASE_URL": f"sqlite:///{tmp_path / 'kept-conversations.sqlite3'}"}
    with running_assistant(model_path(), log_dir=tmp_path / "first", extra_env=shared) as first:
        assert "Do you agree?" in say(first.webhook, sender, "can someone call me back please")
        assert "What name" in say(first.webhook, sender, "yes")
        os.kill(first.rasa_pid, signal.SIGKILL)  # no chance to save anything on the way out
    with running_assistant(model_path(), log_dir=tmp_path / "second", extra_env=shared) as second:
        assert "phone number or e-mail" in say(second.webhook, sender, "Amina"), "the form went on where it was"
        history = requests.get(second.api(f"/conversations/{sender}/tracker"), timeout=30).json()
        said = [event["text"] for event in history["events"] if event.get("event") == "user"]
        assert said == ["can someone call me back please", "yes", "Amina"]


def test_an_unreachable_conversations_database_stops_start_up_with_a_clear_message(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    url = f"postgresql+psycopg2://rasa:secret-password@127.0.0.1:{port}/send_guide"
    started = time.monotonic()
    result = subprocess.run(
        [str(BIN / "rasa"), "run", "--model", model_path(), "--port", str(free_port()), "--interface", "127.0.0.1",
         "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env=dict(os.environ, CONVERSATIONS_DATABASE_URL=url, CONVERSATIONS_DATABASE_WAIT_SECONDS="2",
                 ACTION_ENDPOINT_URL="http://127.0.0.1:1/webhook", RASA_TELEMETRY_ENABLED="false"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"The conversations database postgresql+psycopg2://rasa:***@127.0.0.1:{port}/send_guide cannot be reached" \
        in output and "Check CONVERSATIONS_DATABASE_URL" in output
    assert "secret-password" not in output
    assert time.monotonic() - started < 240
