"""Personal data stays out of the logs: what a family types (name, e-mail, free text) is never
written to the Rasa or action server logs at the log level the assistant runs with."""

import uuid

import requests

from tools.servers import ROOT

LOGS = [ROOT / "test-output" / "rasa.log", ROOT / "test-output" / "actions.log"]


def test_names_contacts_and_messages_are_not_logged(assistant) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    marker = uuid.uuid4().hex[:8]
    said = [f"can someone call me back {marker}", "yes", f"Zubeida Q{marker}", f"privacy.{marker}@example.org",
            "I'd rather not say", "no", "I'd rather not say", "I'd rather not say", "I'd rather not say", "no",
            f"my son is unhappy at school {marker}", "cancel"]
    for message in said:
        reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
        assert reply.status_code == 200
    for log in LOGS:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert text.strip(), f"{log.name} is where this assistant logs"
        assert marker not in text, f"{log.name} holds what the user typed"
