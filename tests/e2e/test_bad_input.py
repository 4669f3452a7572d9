"""Bad input gets a clear, kind reply, never a crash or a lost conversation."""

import uuid

import pytest
import requests

from tests.project_files import response_texts


def post(assistant, **kwargs) -> requests.Response:
    return requests.post(assistant.webhook, timeout=60, **kwargs)


@pytest.mark.parametrize("message", ["", "   ", None])
def test_empty_message_gets_a_kind_reply(chat, message) -> None:
    replies = chat(message)
    assert replies[0]["text"] in response_texts("utter_empty_message")


@pytest.mark.parametrize("message", [123, ["what", "is"], {"text": "hi"}])
def test_message_of_the_wrong_type_gets_a_kind_reply(chat, message) -> None:
    replies = chat(message)
    assert replies[0]["text"] in response_texts("utter_unreadable_message")


def test_huge_message_is_answered(chat) -> None:
    story = "My daughter is eight and school say she is behind with reading and writing. " * 270
    replies = chat(story + " How do I ask for an EHC needs assessment?")
    assert len(story) > 20000
    assert replies and replies[0]["text"]


@pytest.mark.parametrize("message", ["😭😭😭", "🙏", "?????", "..."])
def test_emoji_and_punctuation_get_a_reply_with_a_way_forward(chat, message: str) -> None:
    replies = chat(message)
    assert replies and replies[-1]["text"]
    assert any(r.get("buttons") for r in replies)


def test_html_is_echoed_nowhere(chat) -> None:
    replies = chat('<script>alert("x")</script><img src=x onerror=alert(1)> what is a senco')
    assert all("<script" not in r.get("text", "") and "onerror" not in r.get("text", "") for r in replies)


@pytest.mark.parametrize(
    "body",
    [b"not json at all", b'{"sender": "a", "message": ', b"[1, 2, 3]", b'"just a string"', b""],
)
def test_malformed_json_is_refused_clearly(assistant, body: bytes) -> None:
    reply = post(assistant, data=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == 400
    assert "JSON object" in reply.json()["error"]


@pytest.mark.parametrize("sender", [None, "", 7, "x" * 500, "<b>me</b>"])
def test_missing_or_bad_sender_is_refused_clearly(assistant, sender) -> None:
    reply = post(assistant, json={"sender": sender, "message": "hello"})
    assert reply.status_code == 400
    assert "sender" in reply.json()["error"]


def test_conversation_survives_bad_input(assistant) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    for message in ["what is a lead professional", "", 42, "x" * 30000, "thanks"]:
        assert post(assistant, json={"sender": sender, "message": message}).status_code == 200
    tracker = requests.get(assistant.api(f"/conversations/{sender}/tracker"), timeout=30).json()
    user_turns = [e for e in tracker["events"] if e["event"] == "user"]
    assert len(user_turns) == 5
    assert user_turns[-1]["parse_data"]["intent"]["name"] == "thanks"
