"""The REST channel, refusing malformed requests clearly and cleaning every message.

Same URL and reply format as Rasa's own `rest` channel (/webhooks/rest/webhook), so any
client of that channel works unchanged. Replies also say their language ("lang", "dir"; see
channels/language_output.py); `metadata.language` in the request picks the user's language.
Only JSON bodies are read, only the metadata the assistant uses is kept, and the Rasa server takes
no body over 1 MB (channels/request_limits.py).
"""

import logging
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.language_output import with_language
from channels.request_limits import LimitedBlueprint
from send_guide.fallback import something_went_wrong
from send_guide.json_body import read_json
from send_guide.message_guard import clean_metadata, clean_text, valid_sender
from send_guide.translation.config import translator_from_environment

logger = logging.getLogger(__name__)


def _bad_request(reason: str, status: int = 400) -> HTTPResponse:
    return response.json({"error": reason}, status=status)


def _is_json(request: Request) -> bool:
    """Only JSON bodies: a browser on another site can post text/plain or a form without asking the
    server first (no CORS preflight), but must ask before posting JSON, and CORS then refuses it."""
    return (request.content_type or "").split(";")[0].strip().lower() == "application/json"


def _parse_body(request: Request) -> Dict[str, Any] | None:
    """The body's JSON object, or None: not JSON, not an object, or nested too deep to read safely
    (send_guide/json_body.py, the same check as on Rasa's HTTP API)."""
    body, _ = read_json(request.body or b"")
    return body if isinstance(body, dict) else None


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = LimitedBlueprint("guarded_rest_webhook", __name__)
        on_new_message = with_language(on_new_message, translator_from_environment())

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not _is_json(request):
                return _bad_request("The body must be JSON, sent as Content-Type: application/json.", 415)
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
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        message.text,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata=clean_metadata(body.get("metadata")),
                    )
                )
            except Exception:  # the reply must come back even if one turn fails
                logger.exception("Message handling failed for conversation %s.", sender)
                return response.json(collector.messages or [{"recipient_id": sender, "text": something_went_wrong()}])
            return response.json(collector.messages)

        return webhook

