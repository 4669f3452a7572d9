"""A conversation as staff read it, from the events in Rasa's tracker store.

Fetched over Rasa's HTTP API (`GET /conversations/<id>/tracker`) so the staff page works with
whichever tracker store Rasa is configured with. Only what was said is shown: slots, intents and
action names are the assistant's business, not the adviser's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests

from send_guide.timeline_card import text_of_card
from send_guide.triage.callback import FORM_SIGNAL

FAMILY, ASSISTANT = "Family", "Assistant"
TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Line:
    speaker: str
    text: str
    at: dt.datetime | None


def lines_from_events(events: list[dict[str, Any]]) -> list[Line]:
    lines = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            speaker, text = FAMILY, _user_text(event)
        elif kind == "bot":
            speaker, text = ASSISTANT, _bot_text(event)
        else:
            continue
        if text:
            lines.append(Line(speaker, text, _moment(event.get("timestamp"))))
    return lines


def fetch(rasa_url: str, conversation_id: str, token: str | None = None) -> list[Line] | None:
    """The conversation's lines, or None when Rasa cannot give them (down, or forgotten)."""
    url = f"{rasa_url.rstrip('/')}/conversations/{quote(conversation_id, safe='')}/tracker"
    params = {"include_events": "ALL", **({"token": token} if token else {})}
    try:
        response = requests.get(url, params=params, timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
        events = response.json().get("events") or []
    except (requests.RequestException, ValueError, AttributeError):
        return None
    return lines_from_events(events)


def _user_text(event: dict[str, Any]) -> str:
    text = event.get("text") or ""
    if text.startswith("/"):  # a button press: show the button's words when Rasa kept them
        title = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or text
        return f"[pressed a button: {title.replace('_', ' ')}]"
    return text


def _bot_text(event: dict[str, Any]) -> str:
    data = event.get("data") or {}
    parts = [event.get("text") or ""]
    buttons = [button.get("title", "") for button in data.get("buttons") or [] if isinstance(button, dict)]
    if buttons:
        parts.append("[buttons: " + " | ".join(filter(None, buttons)) + "]")
    custom = data.get("custom")
    card_text = text_of_card(custom)
    if card_text is not None:
        parts.append("[timeline card]\n" + card_text)
    elif custom and not _widget_signal(custom):
        parts.append("[service details shown as cards]")
    return "\n".join(part for part in parts if part)


def _widget_signal(custom: Any) -> bool:
    """A message only for the chat widget (a form started or ended): nothing was said."""
    body = custom.get("data") if isinstance(custom, dict) else None
    return isinstance(body, dict) and body.get("type") == FORM_SIGNAL


def _moment(timestamp: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(float(timestamp), tz=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
