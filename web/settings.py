"""What the web server needs to know, from its command line and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class WebSettings:
    bot_url: str = "http://localhost:5005"  # where browsers reach Rasa (the widget's server URL)
    rasa_api_url: str = ""  # where this server reaches Rasa's HTTP API; empty: bot_url
    rasa_token: str | None = None  # Rasa's --auth-token, when it runs with one
    database_url: str | None = None  # None: DATABASE_URL, else the SQLite default
    conversations_database_url: str | None = None  # Rasa's; None: CONVERSATIONS_DATABASE_URL, else its default

    @property
    def transcript_source(self) -> str:
        return self.rasa_api_url or self.bot_url

    @classmethod
    def from_environment(cls, bot_url: str, rasa_api_url: str = "") -> WebSettings:
        return cls(bot_url=bot_url, rasa_api_url=rasa_api_url or os.environ.get("RASA_API_URL", ""),
                   rasa_token=os.environ.get("RASA_TOKEN") or None,
                   database_url=os.environ.get("DATABASE_URL") or None,
                   conversations_database_url=os.environ.get("CONVERSATIONS_DATABASE_URL") or None)
