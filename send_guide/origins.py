"""The web sites whose pages may use the chat: one reading of CORS_ORIGINS for both its readers.

scripts/rasa_server.py passes them to Rasa as `--cors` (the REST channel and Rasa's API), and the
socket.io channel (channels/language_socketio.py) lets only them open a live chat from a browser.
"""

from __future__ import annotations

from typing import Mapping

ENVIRONMENT_KEY = "CORS_ORIGINS"


def allowed_origins(environment: Mapping[str, str]) -> list[str]:
    """The origins in CORS_ORIGINS, separated by spaces or commas; none when it is not set."""
    return environment.get(ENVIRONMENT_KEY, "").replace(",", " ").split()
