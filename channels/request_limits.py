"""Size limits for everything that reaches the Rasa server, set in the server itself.

Why here and not only in nginx: nginx limits HTTP bodies to 16 KB, but a WebSocket frame is not a
body, and a server reached without nginx (a test, a misconfigured proxy) had Sanic's defaults:
100 MB bodies and 1 MB frames. One 900 KB chat frame held the server for 30 seconds.

Sanic reads these limits when it builds its server, after the channels' blueprints are registered
and before any listener runs, so they are set as a blueprint is registered (`LimitedBlueprint`).
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.socketio import SocketBlueprint
from sanic import Blueprint, Sanic

# A chat message is at most 2,000 characters (send_guide/message_guard.py), 12 KB even as JSON
# escapes, plus its session id and language: 16 KB holds any real one, as nginx's limit does.
MAX_CHAT_BYTES = 16 * 1024
# Any request to Rasa's own HTTP API (conversations for the staff page, parse): far more than any
# of them needs, far less than Sanic's 100 MB.
MAX_REQUEST_BYTES = 1024 * 1024


def apply_limits(app: Sanic) -> None:
    app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, MAX_REQUEST_BYTES)
    app.config.WEBSOCKET_MAX_SIZE = min(app.config.WEBSOCKET_MAX_SIZE, MAX_CHAT_BYTES)


class LimitedBlueprint(Blueprint):
    def register(self, app: Sanic, options: Any) -> None:
        apply_limits(app)
        super().register(app, options)


class LimitedSocketBlueprint(SocketBlueprint):
    def register(self, app: Sanic, options: Any) -> None:
        apply_limits(app)
        super().register(app, options)
