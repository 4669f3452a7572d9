"""The live chat (socket.io) has the REST channel's guards (issue 17, items 1, 4, 9, 11 and 13).

Each test speaks to the real Rasa server over a raw WebSocket, frame by frame, as a browser's
socket.io client does (tests/e2e/raw_socket.py), so it can send what the widget never would.
"""

from __future__ import annotations

import json
import uuid

import requests

from channels.language_socketio import ERROR_EVENT
from channels.request_limits import MAX_CHAT_BYTES
from send_guide.message_rate import BURST
from tests.e2e.raw_socket import RawSocket
from tests.project_files import response_texts
from tests.run_async import run_async
from tools.servers import RunningAssistant

UNREADABLE = response_texts("utter_unreadable_message")[0]


def tracker_events(assistant: RunningAssistant, session_id: str) -> list[dict]:
    reply = requests.get(assistant.api(f"/conversations/{session_id}/tracker"), timeout=30)
    assert reply.status_code == 200, reply.text
    return reply.json()["events"]


def user_texts(assistant: RunningAssistant, session_id: str) -> list[str]:
    return [event.get("text") or "" for event in tracker_events(assistant, session_id) if event["event"] == "user"]


async def new_session(socket: RawSocket, asked: dict | None = None) -> dict:
    await socket.emit("session_request", asked if asked is not None else {})
    return await socket.wait_for("session_confirm")


def test_a_huge_frame_is_refused_and_nobody_else_waits(assistant: RunningAssistant) -> None:
    async def scenario() -> tuple[bool, dict]:
        socket = await RawSocket.open(assistant.rasa_url)
        session = await new_session(socket)
        await socket.emit("user_uttered", {"message": "x" * 900_000, "session_id": session["session_id"]})
        closed = await socket.closed_by_server()
        return closed, session

    closed, session = run_async(scenario())
    assert closed, "the server closes a connection that sends a frame over its limit"
    assert user_texts(assistant, session["session_id"]) == [], "nothing of the huge frame was stored"
    reply = requests.post(assistant.webhook, json={"sender": f"other-{uuid.uuid4().hex[:8]}", "message": "hello"},
                          timeout=30)
    assert reply.status_code == 200 and reply.json()


def test_a_message_just_under_the_frame_limit_is_shortened_and_answered(assistant: RunningAssistant) -> None:
    story = "My son is nine and school say he is fine but he cries every morning. " * 150
    assert MAX_CHAT_BYTES / 2 < len(story) < MAX_CHAT_BYTES - 200

    async def scenario() -> tuple[dict, dict]:
        socket = await RawSocket.open(assistant.rasa_url)
        session = await new_session(socket)
        await socket.emit("user_uttered", {"message": story + "How do I ask for an EHC needs assessment?"})
        return session, await socket.wait_for("bot_uttered")

    session, reply = run_async(scenario())
    assert reply.get("text")
    [said] = user_texts(assistant, session["session_id"])
    assert len(said) < 2100 and said.endswith("How do I ask for an EHC needs assessment?")


def test_the_server_makes_the_conversation_id_whatever_the_client_asks_for(assistant: RunningAssistant) -> None:
    async def scenario() -> list[dict]:
        socket = await RawSocket.open(assistant.rasa_url)
        return [await new_session(socket, {"session_id": asked})
                for asked in ("<b>x</b>", "a" * 10_000, "x\nStaff login: admin", None, 42)]

    for session in run_async(scenario()):
        assert len(session["session_id"]) == 32 and int(session["session_id"], 16) >= 0
        assert len(session["session_key"]) == 64


def test_messages_that_are_not_text_get_the_kind_reply(assistant: RunningAssistant) -> None:
    async def scenario() -> list[dict]:
        socket = await RawSocket.open(assistant.rasa_url)
        await new_session(socket)
        replies = []
        for message in ({"text": "hi"}, ["hello"], 7, True):
            await socket.emit("user_uttered", {"message": message})
            replies.append(await socket.wait_for("bot_uttered"))
        return replies

    assert [reply["text"] for reply in run_async(scenario())] == [UNREADABLE] * 4


def test_a_payload_not_in_the_chats_form_gets_an_error_event(assistant: RunningAssistant) -> None:
    async def scenario() -> list[dict]:
        socket = await RawSocket.open(assistant.rasa_url)
        await new_session(socket)
        errors = []
        for frame in ('42["user_uttered",null]', '42["user_uttered",["hello"]]', '42["user_uttered","hello"]',
                      '42["user_uttered"]'):
            await socket.send_frame(frame)
            errors.append(await socket.wait_for(ERROR_EVENT))
        # and the connection still works
        await socket.emit("user_uttered", {"message": "what is a personal budget?"})
        errors.append(await socket.wait_for("bot_uttered"))
        return errors

    *errors, answer = run_async(scenario())
    assert all(error["error"] == "bad_message" and "SENDIAS" in error["text"] for error in errors)
    assert "personal budget" in answer["text"].lower()


def test_metadata_keeps_only_the_picked_language(assistant: RunningAssistant) -> None:
    async def scenario() -> dict:
        socket = await RawSocket.open(assistant.rasa_url)
        session = await new_session(socket)
        await socket.emit("user_uttered", {"message": "hello", "customData": {"language": "pl", "junk": "y" * 10_000}})
        await socket.wait_for("bot_uttered")
        return session

    session = run_async(scenario())
    [user] = [event for event in tracker_events(assistant, session["session_id"]) if event["event"] == "user"]
    assert "junk" not in json.dumps(user["metadata"])
    assert user["metadata"]["language"] == "pl"


def test_a_connection_sending_faster_than_a_person_is_told_to_wait(assistant: RunningAssistant) -> None:
    sent = BURST + 6

    async def scenario() -> tuple[dict, list]:
        socket = await RawSocket.open(assistant.rasa_url)
        session = await new_session(socket)
        for number in range(sent):
            await socket.emit("user_uttered", {"message": f"hello {number}"})
        return session, await socket.events_for(20)

    session, events = run_async(scenario())
    errors = [data for name, data in events if name == ERROR_EVENT]
    assert errors and all(error["error"] == "too_many_messages" for error in errors)
    assert len(user_texts(assistant, session["session_id"])) < sent


def test_a_room_is_joined_only_with_its_key_and_messages_go_to_the_senders_own(assistant: RunningAssistant) -> None:
    async def scenario() -> tuple[dict, dict, dict, list, dict]:
        owner = await RawSocket.open(assistant.rasa_url)
        mine = await new_session(owner)
        stranger = await RawSocket.open(assistant.rasa_url)
        theirs = await new_session(stranger, {"session_id": mine["session_id"]})  # the id without its key
        # The stranger names the owner's conversation in the message, and asks something.
        await stranger.emit("user_uttered", {"message": "what is a personal budget?", "session_id": mine["session_id"]})
        await stranger.wait_for("bot_uttered")
        heard_by_owner = await owner.events_for(3)
        # A reload: the owner's new connection shows the id and its key, and carries on.
        again = await RawSocket.open(assistant.rasa_url)
        resumed = await new_session(again, {"session_id": mine["session_id"], "session_key": mine["session_key"]})
        return mine, theirs, resumed, heard_by_owner, await new_session(
            await RawSocket.open(assistant.rasa_url), {"session_id": mine["session_id"], "session_key": "0" * 64})

    mine, theirs, resumed, heard_by_owner, wrong_key = run_async(scenario())
    assert theirs["session_id"] != mine["session_id"]
    assert heard_by_owner == [], "the owner hears nothing of the stranger's conversation"
    assert user_texts(assistant, mine["session_id"]) == []
    assert user_texts(assistant, theirs["session_id"]) == ["what is a personal budget?"]
    assert resumed == mine
    assert wrong_key["session_id"] != mine["session_id"]


def test_a_lone_surrogate_keeps_the_turn(assistant: RunningAssistant) -> None:
    async def scenario() -> tuple[dict, dict]:
        socket = await RawSocket.open(assistant.rasa_url)
        session = await new_session(socket)
        await socket.send_frame('42["user_uttered",{"message":"\\ud800 what is a personal budget?"}]')
        return session, await socket.wait_for("bot_uttered")

    session, reply = run_async(scenario())
    assert "personal budget" in reply["text"].lower()
    assert user_texts(assistant, session["session_id"]) == ["\ufffd what is a personal budget?"]


def test_a_browser_on_another_site_cannot_open_the_live_chat(assistant: RunningAssistant) -> None:
    handshake = requests.get(f"{assistant.rasa_url}/socket.io/?EIO=4&transport=polling", timeout=30,
                             headers={"Origin": "https://attacker.example"})
    assert handshake.status_code == 400
    assert requests.get(f"{assistant.rasa_url}/socket.io/?EIO=4&transport=polling", timeout=30).status_code == 200
