"""Rasa's socket.io channel, answering each user in her language (channels/language_output.py).

Same name, path and events as Rasa's `socketio` channel, so the widget connects as before.
The widget sends the picked language as `customData.language` (the configured metadata_key).
"""

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.language_output import with_language
from send_guide.translation.config import translator_from_environment


class LanguageSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(with_language(on_new_message, translator_from_environment()))
