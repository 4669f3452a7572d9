import os
import subprocess
import sys
import uuid
from typing import Callable, Iterator

import pytest
import requests

from tools.servers import ROOT, RunningAssistant, running_assistant


def model_path() -> str:
    """The model `make test` trained; trained here (cached by input hash) when run directly."""
    model = os.environ.get("SEND_GUIDE_MODEL")
    if model:
        return model
    result = subprocess.run(
        [sys.executable, "scripts/train_if_changed.py"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture(scope="session")
def assistant() -> Iterator[RunningAssistant]:
    with running_assistant(model_path()) as running:
        yield running


Chat = Callable[[str], list]


@pytest.fixture
def chat(assistant: RunningAssistant) -> Chat:
    """Send messages as one new user; returns the bot's reply messages for each."""
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(message) -> list:
        reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()

    return send
