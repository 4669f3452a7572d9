"""Conversation ids that only their owner can use on the live chat (socket.io).

Why: the socket.io channel sends each reply to a "room" named by the conversation id. If knowing
an id were enough to join its room, anyone who saw one (in a log, a screenshot, a shared link)
could read that family's answers as they arrive. So the server makes every id itself, 128 random
bits, and gives the browser a key with it: an HMAC of the id under a server secret. A browser
that reloads the page shows the id and its key to carry on the same conversation; an id without
its key gets a new conversation instead.

All Rasa servers of one deployment share the secret (SEND_GUIDE_SESSION_SECRET), so a browser
moved to another server keeps its conversation. Without it, each server makes its own secret,
and a restart starts new conversations: safe, but worse, so the server logs a warning.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
from dataclasses import dataclass

logger = logging.getLogger(__name__)
SECRET_ENVIRONMENT_KEY = "SEND_GUIDE_SESSION_SECRET"
MIN_SECRET_CHARS = 32
_ID = re.compile(r"^[0-9a-f]{32}$")  # 128 random bits, as uuid4().hex but all random
_KEY = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Session:
    id: str
    key: str


class SessionKeys:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @classmethod
    def from_environment(cls) -> SessionKeys:
        secret = os.environ.get(SECRET_ENVIRONMENT_KEY, "")
        if len(secret) >= MIN_SECRET_CHARS:
            return cls(secret.encode())
        logger.warning(
            "%s is not set (or shorter than %d characters): this server made its own, so a live chat "
            "cannot carry on across a restart or on another server.", SECRET_ENVIRONMENT_KEY, MIN_SECRET_CHARS,
        )
        return cls(secrets.token_bytes(32))

    def new_session(self) -> Session:
        session_id = secrets.token_hex(16)
        return Session(session_id, self._key(session_id))

    def resumed(self, session_id: object, key: object) -> Session | None:
        """The session if `key` is the one this server gave for `session_id`, else None."""
        if not (isinstance(session_id, str) and _ID.match(session_id) and isinstance(key, str) and _KEY.match(key)):
            return None
        if not hmac.compare_digest(self._key(session_id), key):
            return None
        return Session(session_id, key)

    def _key(self, session_id: str) -> str:
        return hmac.new(self._secret, session_id.encode(), hashlib.sha256).hexdigest()
