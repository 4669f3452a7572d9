"""The action server reads each action call once, before any action runs (actions/server_guard.py);
a long conversation's call is read in a worker thread, and is judged the same way as a short one."""

import json
from types import SimpleNamespace

from actions.server_guard import READ_IN_THREAD_BYTES, check_action_call
from tests.run_async import run_async


def _call(body: bytes) -> SimpleNamespace:
    return SimpleNamespace(method="POST", path="/webhook", body=body, parsed_json=None,
                           headers={"content-type": "application/json"})


def _long_conversation_call() -> bytes:
    events = [{"event": "user", "text": "my son is 9 " * 200}] * 40
    return json.dumps({"next_action": "action_answer", "tracker": {"sender_id": "x", "events": events}}).encode()


def test_a_long_conversations_call_is_read_once_and_passed_on() -> None:
    body = _long_conversation_call()
    assert len(body) > READ_IN_THREAD_BYTES
    request = _call(body)
    assert run_async(check_action_call(request)) is None
    assert request.parsed_json == json.loads(body)


def test_a_long_call_nested_too_deeply_is_refused_with_the_reason() -> None:
    body = b'{"tracker": {"events": ' + b"[" * 40_000 + b"]" * 40_000 + b"}}"
    assert len(body) > READ_IN_THREAD_BYTES
    answer = run_async(check_action_call(_call(body)))
    assert answer.status == 400
    assert b"nested too deeply" in answer.body


def test_a_short_call_whose_tracker_is_not_an_object_is_refused() -> None:
    answer = run_async(check_action_call(_call(b'{"next_action": "x", "tracker": []}')))
    assert answer.status == 400
    assert json.loads(answer.body)["error"] == "\"tracker\" must be a JSON object."
