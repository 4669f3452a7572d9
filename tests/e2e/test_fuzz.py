"""Random input at the real channels: any unicode, any JSON, raw bytes, huge bodies.

Never a server error, never a crash: afterwards the same server still answers a real question.
Each example is a real HTTP request to a real Rasa server, so the example counts are modest.
"""

import json
import uuid

import pytest
import requests
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tools.servers import RunningAssistant

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
senders = st.one_of(st.text(max_size=200), st.from_regex(r"[A-Za-z0-9._:@-]{1,128}", fullmatch=True))


def post_raw(assistant: RunningAssistant, body: bytes, content_type: str = "application/json") -> int:
    reply = requests.post(assistant.webhook, data=body, headers={"Content-Type": content_type}, timeout=120)
    return reply.status_code


def still_answers(assistant: RunningAssistant) -> None:
    reply = requests.post(assistant.webhook, timeout=60,
                          json={"sender": f"test-{uuid.uuid4().hex[:8]}", "message": "what is a personal budget?"})
    assert reply.status_code == 200 and "personal budget" in json.dumps(reply.json()).lower()


@FUZZ
@given(message=st.text(), sender=senders)
def test_any_unicode_message_gets_a_reply_or_a_clear_refusal(assistant: RunningAssistant, message: str,
                                                              sender: str) -> None:
    # json.dumps keeps lone surrogates as \ud800 escapes, as a buggy client would send them
    status = post_raw(assistant, json.dumps({"sender": sender, "message": message}).encode())
    assert status in (200, 400)


@FUZZ
@given(body=json_values)
def test_any_json_body_gets_a_reply_or_a_clear_refusal(assistant: RunningAssistant, body) -> None:
    assert post_raw(assistant, json.dumps(body).encode()) in (200, 400)


@FUZZ
@given(message=json_values, metadata=json_values)
def test_any_json_as_message_or_metadata_is_handled(assistant: RunningAssistant, message, metadata) -> None:
    body = {"sender": f"fuzz-{uuid.uuid4().hex[:8]}", "message": message, "metadata": metadata}
    assert post_raw(assistant, json.dumps(body).encode()) in (200, 400)


@FUZZ
@given(body=st.binary(max_size=2000), content_type=st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]))
def test_raw_bytes_are_refused_clearly(assistant: RunningAssistant, body: bytes, content_type: str) -> None:
    expected = (200, 400) if content_type == "application/json" else (415,)  # only JSON is read
    assert post_raw(assistant, body, content_type) in expected


def test_huge_bodies_do_not_break_the_server(assistant: RunningAssistant) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    huge_text = json.dumps({"sender": sender, "message": "ذ" * 200_000}).encode()
    deep = ("[" * 5000 + "]" * 5000).encode()
    wide = json.dumps({"sender": sender, "message": "hi", "metadata": {str(n): n for n in range(50_000)}}).encode()
    for body in (huge_text, deep, wide):
        assert post_raw(assistant, body) < 500
    still_answers(assistant)


# Engine.IO packets a client must never send (open, ping, noop). python-engineio 4.15 answers a
# long-polling POST holding one by closing the session and waiting, without end, for a poll that
# never comes: the request hangs. Known and kept apart (the xfail test below) until it is fixed.
_HANGING_PACKETS = (b"0", b"2", b"6")


def _hangs_engineio(body: bytes) -> bool:
    return any(packet[:1] in _HANGING_PACKETS for packet in body.split(b"\x1e"))


def _socket_io_post(assistant: RunningAssistant, body: bytes, timeout: float) -> int:
    handshake = requests.get(f"{assistant.rasa_url}/socket.io/?EIO=4&transport=polling", timeout=30)
    sid = json.loads(handshake.text[1:])["sid"]
    return requests.post(f"{assistant.rasa_url}/socket.io/?EIO=4&transport=polling&sid={sid}", data=body,
                         headers={"Content-Type": "text/plain;charset=UTF-8"}, timeout=timeout).status_code


@FUZZ
@given(body=st.binary(max_size=500))
def test_the_socket_io_endpoint_refuses_garbage_without_error(assistant: RunningAssistant, body: bytes) -> None:
    assume(not _hangs_engineio(body))
    assert _socket_io_post(assistant, body, timeout=30) < 500


@pytest.mark.xfail(strict=True, raises=requests.exceptions.ReadTimeout,
                   reason="python-engineio 4.15: a client-sent open/ping/noop packet makes the POST wait for ever")
@pytest.mark.parametrize("body", [b"0", b"2", b"6"])
def test_a_packet_only_the_server_may_send_is_refused_promptly(assistant: RunningAssistant, body: bytes) -> None:
    assert _socket_io_post(assistant, body, timeout=5) < 500


def test_after_all_that_the_server_still_answers(assistant: RunningAssistant) -> None:
    still_answers(assistant)
