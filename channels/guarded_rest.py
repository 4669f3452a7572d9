"""The REST channel, refusing malformed requests clearly and cleaning every message.

Same URL and reply format as Rasa's own `rest` channel (/webhooks/rest/webhook), so any
client of that channel works unchanged. Replies also say their language ("lang", "dir"; see
channels/language_output.py); `metadata.language` in the request picks the user's language.
"""

import json
import logging
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.language_output import with_language
from send_guide.fallback import something_went_wrong
from send_guide.message_guard import clean_text, valid_sender
from send_guide.translation.config import translator_from_environment

logger = logging.getLogger(__name__)


def _bad_request(reason: str) -> HTTPResponse:
    return response.json({"error": reason}, status=400)


def _parse_body(request: Request) -> Dict[str, Any] | None:
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: JSON nested thousands deep
        return None
    return body if isinstance(body, dict) else None


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("guarded_rest_webhook", __name__)
        on_new_message = with_language(on_new_message, translator_from_environment())

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = _parse_body(request)
            if body is None:
                return _bad_request('The body must be a JSON object: {"sender": "...", "message": "..."}.')
            sender = valid_sender(body.get("sender"))
            if sender is None:
                return _bad_request(
                    '"sender" must be a conversation id of 1 to 128 letters, digits or ._:@- characters.'
                )
            message = clean_text(body.get("message"))
            if message.truncated:
                logger.info("Long message shortened for conversation %s.", sender)
            metadata = body.get("metadata")
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        message.text,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata=metadata if isinstance(metadata, dict) else None,
                    )
                )
            except Exception:  # the reply must come back even if one turn fails
                logger.exception("Message handling failed for conversation %s.", sender)
                return response.json(collector.messages or [{"recipient_id": sender, "text": something_went_wrong()}])
            return response.json(collector.messages)

        return webhook

