"""The live chat over socket.io, with the REST channel's guards, answering in the user's language.

Same name, path and events as Rasa's `socketio` channel, so socket.io chat clients connect as
before. What Rasa's own channel did not do, and this one does:

- every message is cleaned as on REST (send_guide/message_guard.py): text cut to 2,000
  characters, control characters removed, anything that is not text answered kindly by the
  assistant; only the metadata the assistant reads is kept (the language picked in the widget);
- frames over 16 KB are refused by the server before they are read (channels/request_limits.py);
- a connection may send a burst of messages, then one a second
  (send_guide/message_rate.py); one over that, or an event that is not in the chat's form, gets a
  `request_error` event with a kind text, never silence;
- the server makes every conversation id and gives its key with it (send_guide/session_keys.py):
  a connection joins a conversation's room only with the id and its key, and its messages always
  go to its own conversation, whatever id they name;
- only the origins allowed for the REST channel (CORS_ORIGINS, as `--cors` gets) may connect
  from a browser.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from channels.language_output import with_language
from channels.request_limits import MAX_CHAT_BYTES, LimitedSocketBlueprint
from send_guide.fallback import message_not_read, something_went_wrong, too_many_messages
from send_guide.message_guard import clean_metadata, clean_text
from send_guide.message_rate import MessageAllowance
from send_guide.origins import allowed_origins
from send_guide.session_keys import Session, SessionKeys
from send_guide.translation.config import translator_from_environment

logger = logging.getLogger(__name__)
ERROR_EVENT = "request_error"


def engineio_origins() -> list[str] | str | None:
    """The browser origins that may open a live chat, as python-engineio takes them: those of
    CORS_ORIGINS (send_guide/origins.py), or, when it is not set, only the server's own origin."""
    origins = allowed_origins(os.environ)
    if not origins:
        return None
    return "*" if "*" in origins else origins


class LanguageSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = with_language(on_new_message, translator_from_environment())
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=engineio_origins(),
                          max_http_buffer_size=MAX_CHAT_BYTES)
        self.sio = sio  # Rasa's get_output_channel reads it
        webhook = LimitedSocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        keys = SessionKeys.from_environment()
        namespace = self.namespace

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def refuse(sid: str, reason: str, text: str) -> None:
            logger.info("Live chat %s: %s", sid, reason)
            await sio.emit(ERROR_EVENT, {"error": reason, "text": text}, room=sid, namespace=namespace)

        async def within_allowance(sid: str) -> bool:
            state = await sio.get_session(sid, namespace=namespace)
            allowance = state.setdefault("allowance", MessageAllowance())
            if allowance.take(time.monotonic()):
                return True
            await refuse(sid, "too_many_messages", too_many_messages())
            return False

        async def start_session(sid: str, session: Session) -> None:
            state = await sio.get_session(sid, namespace=namespace)
            old = state.get("session")
            if old is not None and old.id != session.id:
                sio.leave_room(sid, old.id, namespace=namespace)
            state["session"] = session
            sio.enter_room(sid, session.id, namespace=namespace)
            await sio.emit("session_confirm", {"session_id": session.id, "session_key": session.key},
                           room=sid, namespace=namespace)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            if not await within_allowance(sid):
                return
            asked = data if isinstance(data, dict) else {}
            session = keys.resumed(asked.get("session_id"), asked.get("session_key")) or keys.new_session()
            await start_session(sid, session)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any = None) -> None:
            if not await within_allowance(sid):
                return
            if not isinstance(data, dict):
                await refuse(sid, "bad_message", message_not_read())
                return
            state = await sio.get_session(sid, namespace=namespace)
            session = state.get("session")
            if session is None:  # a client that never asked for a session: it gets one now
                session = keys.new_session()
                await start_session(sid, session)
            message = clean_text(data.get("message"))
            if message.truncated:
                logger.info("Long message shortened for conversation %s.", session.id)
            output = SocketIOOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(UserMessage(message.text, output, session.id, input_channel=self.name(),
                                                 metadata=clean_metadata(data.get(self.metadata_key))))
            except Exception:  # the person must get a reply even if the turn fails
                logger.exception("Message handling failed for conversation %s.", session.id)
                await output.send_text_message(session.id, something_went_wrong())

        return webhook
