"""Answer each user in her language: the channel side of send_guide/languages.

`with_language` wraps a channel's message handler. It identifies the message's language once (a
language picked in the widget wins), records it in the message metadata for the NLU pipeline,
and, for a language other than English, routes the replies through a LanguageTurn: pre-written
notice first, then the answer translated or in English. Every reply carries `lang` and `dir`.
Over REST, a timeline card comes with its steps as text (send_guide/timeline_card.py).
A turn that ends with no reply at all (part of the assistant failed, e.g. the action server is
down) gets an apology with the SENDIAS phone number, so nobody is left waiting in silence.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOOutput

from send_guide.fallback import something_went_wrong
from send_guide.languages.identify import IDENTIFIED_KEY, identify, picked_language
from send_guide.languages.turn import LanguageTurn, needs_language_turn, tags_without_turn
from send_guide.timeline_card import text_of_card
from send_guide.translation.backends import Translator
from send_guide.work_lanes import Lanes

logger = logging.getLogger(__name__)
_LANES = Lanes.named("language-identify")
Handler = Callable[[UserMessage], Awaitable[Any]]
_TAG_KEYS = ("lang", "dir", "machine_translated")


class _TaggingSocketServer:
    """Stands in for the socket.io server inside a SocketIOOutput: adds the current message's
    language tags to every payload it emits, and leaves everything else to the real server."""

    def __init__(self, server: Any) -> None:
        self._server = server
        self.tags: Dict[str, Any] = {}

    async def emit(self, event: str, data: Any = None, **kwargs: Any) -> None:
        if isinstance(data, dict):
            data = {**data, **self.tags}
        await self._server.emit(event, data, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._server, name)


class LanguageOutputChannel(OutputChannel):
    """Sends what a LanguageTurn (or, for English, the answer itself) makes of each message."""

    def __init__(self, inner: OutputChannel, turn: LanguageTurn | None) -> None:
        self._turn = turn
        self.sent = 0  # replies sent in this turn
        self._tagging: _TaggingSocketServer | None = None
        if isinstance(inner, SocketIOOutput):
            self._tagging = _TaggingSocketServer(inner.sio)
            inner = SocketIOOutput(self._tagging, inner.bot_message_evt)
        self._inner = inner

    def name(self) -> str:
        return self._inner.name()

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        self.sent += 1
        outgoing = await self._turn.render(dict(message)) if self._turn else [{**message, **tags_without_turn(message)}]
        for item in outgoing:
            tags = {key: item.pop(key) for key in _TAG_KEYS if key in item}
            await self._send_tagged(recipient_id, item, tags)

    async def _send_tagged(self, recipient_id: str, message: Dict[str, Any], tags: Dict[str, Any]) -> None:
        if self._tagging is not None:
            self._tagging.tags = tags
        collected = self._inner.messages if isinstance(self._inner, CollectingOutputChannel) else None
        card_text = text_of_card(message.get("custom"))
        if collected is not None and card_text is not None:
            # One REST item with both: a client that shows only text reads the steps, and the widget
            # (if it fell back to REST) draws the card in place of the text, as it does over socket.io.
            collected.append({"recipient_id": recipient_id, "text": card_text, "custom": message["custom"], **tags})
            return
        before = len(collected) if collected is not None else 0
        await self._inner.send_response(recipient_id, message)
        if collected is not None:
            for sent in collected[before:]:
                sent.update(tags)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, **kwargs})


def with_language(on_new_message: Handler, translator: Translator | None) -> Handler:
    async def handle(message: UserMessage) -> Any:
        text = message.text or ""
        # In a worker thread: reading the language of 2,000 characters is CPU work.
        identified = await _LANES.run(text, identify, text, picked_language(message.metadata))
        message.metadata = {**(message.metadata or {}), IDENTIFIED_KEY: asdict(identified)}
        turn = LanguageTurn(identified, translator) if needs_language_turn(identified) else None
        output = LanguageOutputChannel(message.output_channel, turn)
        message.output_channel = output
        result = await on_new_message(message)
        if output.sent == 0:
            logger.warning("Conversation %s: the turn ended without a reply; sent the apology.", message.sender_id)
            await output.send_response(message.sender_id, {"text": something_went_wrong()})
        return result

    return handle
