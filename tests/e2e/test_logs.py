"""What the servers write to their logs, against the real Rasa server and action server (issue 17).

Item 3: a date in the year 9999 in the call-back form crashed an action; Rasa then logged the
whole conversation, name and e-mail included, and no case was opened. Item 8: a value with a
newline could forge a log line, and a JSON body nested 900 deep wrote a 124 KB traceback.
"""

import json
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from send_guide.fallback import something_went_wrong
from tests.e2e.conftest import model_path
from tests.e2e.test_callback import REFERENCE, cases_of
from tests.e2e.test_conversation import texts
from tools.servers import RunningAssistant, running_assistant

DEEP_BODIES = ("[" * 900 + "]" * 900, '{"a":' * 900 + "1" + "}" * 900)


def details() -> tuple[str, str]:
    """A name and an e-mail address no other test uses, to look for in the logs."""
    tag = uuid.uuid4().hex[:8]
    return f"Zenobia Quillfeather{tag}", f"zq.{tag}@example.org"


def logs(log_dir: Path) -> str:
    return "\n".join(path.read_text(errors="replace") for path in sorted(log_dir.glob("*.log")))


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[RunningAssistant, Path]]:
    log_dir = tmp_path_factory.mktemp("logs")
    with running_assistant(model_path(), log_dir=log_dir) as assistant:
        yield assistant, log_dir


def talk(assistant: RunningAssistant, sender: str, message: str) -> str:
    reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
    assert reply.status_code == 200, reply.text
    return "\n".join(texts(reply.json()))


# What the form asks -> the answer given, after the name and the contact.
REST_OF_FORM = (("good time", "I'd rather not say"), ("interpreter", "no"), ("parent or carer", "Parent or carer"),
                ("How old", "Year 6"), ("EHC", "I'd rather not say"), ("date the adviser should know", "no"),
                ("help with", "I'd rather not say"))


def finish_the_form(assistant: RunningAssistant, sender: str, asked: str) -> str:
    for _ in range(len(REST_OF_FORM) + 1):
        assert something_went_wrong() not in asked
        if "Shall I send this" in asked:
            return talk(assistant, sender, "yes")
        asked = talk(assistant, sender, next(answer for question, answer in REST_OF_FORM if question in asked))
    raise AssertionError(f"the form did not reach its summary: {asked}")


def test_a_date_in_the_year_9999_in_the_call_back_form_is_answered_kindly_and_nothing_personal_is_logged(
        servers) -> None:
    assistant, log_dir = servers
    name, email = details()
    sender = f"test-{uuid.uuid4().hex[:10]}"
    assert "Do you agree?" in talk(assistant, sender, "can someone call me back please")
    assert "What name" in talk(assistant, sender, "yes")
    assert "phone number or e-mail" in talk(assistant, sender, name)
    # The probe's sequence: the e-mail, the date in the year 9999, then "yes".
    asked = talk(assistant, sender, email)
    asked = talk(assistant, sender, "we asked for an assessment on 1/10/9999")
    asked = talk(assistant, sender, "yes")
    assert something_went_wrong() not in asked and asked.strip(), "a kind question, and the form goes on"
    done = finish_the_form(assistant, sender, asked)
    assert REFERENCE.search(done), done
    [case] = cases_of(sender)
    assert case.email == email and case.name == name
    text = logs(log_dir)
    assert name not in text and email not in text


def test_a_key_date_in_the_year_9999_is_not_a_real_date_and_the_form_goes_on(servers) -> None:
    assistant, log_dir = servers
    name, email = details()
    sender = f"test-{uuid.uuid4().hex[:10]}"
    for message in ("can someone call me back please", "yes", name, email):
        talk(assistant, sender, message)
    asked = ""
    for _question, answer in REST_OF_FORM[:5]:
        asked = talk(assistant, sender, answer)
    assert "date the adviser should know" in asked
    again = talk(assistant, sender, "we asked for an assessment on 1/10/9999")
    assert '"1/10/9999" is not a real date' in again and "date the adviser should know" in again
    again = talk(assistant, sender, "yes")
    assert something_went_wrong() not in again and "date the adviser should know" in again, "asked again"
    done = finish_the_form(assistant, sender, talk(assistant, sender, "no"))
    assert REFERENCE.search(done) and cases_of(sender)
    text = logs(log_dir)
    assert name not in text and email not in text


class EchoingActionServer(BaseHTTPRequestHandler):
    """An action server whose action fails, answering as rasa_sdk's own error handler does:
    500, with the whole request (the conversation) in the reply."""

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        call = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        body = json.dumps({"error": "date value out of range", "request_body": call}).encode()
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_when_an_action_fails_rasa_logs_that_it_failed_but_not_the_conversation(tmp_path) -> None:
    stub = ThreadingHTTPServer(("127.0.0.1", 0), EchoingActionServer)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    name, email = details()
    sender = f"test-{uuid.uuid4().hex[:10]}"
    try:
        with running_assistant(model_path(), log_dir=tmp_path, with_actions=False, extra_env={
                "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{stub.server_port}/webhook"}) as assistant:
            talk(assistant, sender, f"My name is {name}, my e-mail is {email} and my phone is 07911 123456")
            assert talk(assistant, sender, "show me the topics") == something_went_wrong()  # the menu is an action
    finally:
        stub.shutdown()
    text = logs(tmp_path)
    assert "Encountered an exception while running action 'action_show_menu'" in text, "the failure is logged"
    assert name not in text and email not in text and "07911" not in text and "request_body" not in text


def test_the_action_server_sends_no_part_of_the_conversation_back_in_an_error(servers) -> None:
    assistant, log_dir = servers
    name, email = details()
    tracker = {"slots": {"callback_state": {"answers": {"name": name, "contact": email}}}, "events": []}
    call = {"next_action": "action_show_menu", "tracker": tracker, "domain": {}}  # no sender_id: rasa_sdk fails
    reply = requests.post(f"{assistant.action_url}/webhook", json=call, timeout=30)
    assert reply.status_code == 500 and name not in reply.text and email not in reply.text
    text = logs(log_dir)
    assert "Action server request to /webhook failed: KeyError" in text
    assert name not in text and email not in text


@pytest.mark.parametrize("body", DEEP_BODIES + ("[1, 2, 3]",), ids=["deep-list", "deep-object", "list"])
def test_json_bodies_the_servers_cannot_take_get_a_400_and_no_traceback(servers, body: str) -> None:
    assistant, log_dir = servers
    before = logs(log_dir)
    urls = [assistant.api("/model/parse"), assistant.api("/conversations/x-1/messages"),
            assistant.api("/conversations/x-1/tracker/events"), f"{assistant.action_url}/webhook",
            assistant.webhook]
    for url in urls:
        if body.startswith("[[") or not url.endswith("/tracker/events"):  # a flat list of numbers: checked
            reply = requests.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=30)
            assert reply.status_code == 400, (url, reply.status_code, reply.text[:300])
    reply = requests.post(assistant.api("/conversations/x-1/tracker/events"), data="[1, 2]",
                          headers={"Content-Type": "application/json"}, timeout=30)
    assert reply.status_code == 400 and "list of objects" in reply.json()["message"]
    added = logs(log_dir)[len(before):]
    assert "Traceback" not in added and len(added) < 5000, added[:2000]


def test_a_newline_in_a_value_the_servers_log_cannot_start_a_new_log_line(servers) -> None:
    assistant, log_dir = servers
    forged = "2026-12-03 12:00:00 INFO     web.staff  - Staff login: admin"
    # Rasa refuses a message from another sender, and puts the sender in its log message itself.
    reply = requests.post(assistant.api("/conversations/x-2/messages"),
                          json={"text": "hello", "sender": f"bot\n{forged}\r\n{forged}"}, timeout=30)
    assert reply.status_code == 400
    lines = logs(log_dir).splitlines()
    assert [line for line in lines if "Staff login: admin" in line], "the value was logged"
    assert not [line for line in lines if line.startswith(forged[:19])], "on no line of its own"
