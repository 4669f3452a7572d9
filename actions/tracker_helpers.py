"""Small read-only helpers over the Rasa SDK tracker, shared by the actions."""

from typing import Any, Iterable, List

from rasa_sdk import Tracker

from send_guide import intents, topics
from send_guide.intents import Button
from send_guide.languages.identify import ENGLISH
from send_guide.languages.turn import KEEP_IN_ENGLISH, PREWRITTEN
from send_guide.timeline_card import TimelineCard


def entity_values(tracker: Tracker, entity: str) -> List[str]:
    return [str(value) for value in tracker.get_latest_entity_values(entity)]


def first_entity(tracker: Tracker, entity: str) -> str | None:
    return next(iter(entity_values(tracker, entity)), None)


def user_intents(tracker: Tracker) -> List[str | None]:
    """Intents of the user's messages in this conversation, oldest first."""
    return [
        (event.get("parse_data") or {}).get("intent", {}).get("name")
        for event in tracker.events
        if event.get("event") == "user"
    ]


def user_messages_before(tracker: Tracker, intent: str, outside_loop: str) -> List[str]:
    """What the user typed before their latest message with `intent`, leaving out button presses
    ("/intent") and the answers they gave while the form `outside_loop` was running (an earlier
    call-back form's name and phone number are not part of their story)."""
    typed: List[tuple] = []
    loop = None
    for event in tracker.events:
        if event.get("event") == "active_loop":
            loop = event.get("name")
        elif event.get("event") == "user":
            name = (event.get("parse_data") or {}).get("intent", {}).get("name")
            typed.append((name, event.get("text") or "", loop == outside_loop))
    last = max((index for index, (name, _, _) in enumerate(typed) if name == intent), default=None)
    if last is None:
        return []
    return [text for _, text, in_loop in typed[:last] if not in_loop and text.strip() and not text.startswith("/")]


def intent_ranking(tracker: Tracker) -> List[tuple]:
    ranking: List[Any] = tracker.latest_message.get("intent_ranking") or []
    return [(entry.get("name"), float(entry.get("confidence") or 0.0)) for entry in ranking]


def intent_button(title: str, intent: str, **entities: str) -> dict:
    """A quick-reply button that sends an intent directly (no NLU guesswork on a click)."""
    if entities:
        pairs = ",".join(f'"{key}":"{value}"' for key, value in entities.items())
        return {"title": title, "payload": f"/{intent}{{{pairs}}}"}
    return {"title": title, "payload": f"/{intent}"}


def send_timeline_card(dispatcher: Any, card: TimelineCard | None) -> None:
    """The timeline card as a custom message, after the answer it pictures. Wrapped in "data":
    Rasa's socket.io channel emits the json_message's keys as emit() arguments. Its text goes
    to clients that show only text (channels/language_output.py)."""
    if card is not None:
        dispatcher.utter_message(json_message={"data": card.payload(as_button)})


def as_button(button: Button) -> dict:
    return intent_button(button.title, button.intent, **button.entities)


def talk_to_person_button() -> dict:
    return intent_button(topics.TALK_TO_PERSON, intents.TALK_TO_PERSON)


def message_language(tracker: Tracker) -> str | None:
    """The latest message's language as components/multilingual_intents.py read it: "pl", or
    "ur-Latn" for Urdu typed in Latin letters; None when it was not read."""
    language = tracker.latest_message.get("language") or {}
    code = language.get("code")
    return f"{code}-Latn" if code and language.get("reason") == "romanised" else code


def utter_replies(dispatcher: Any, replies: Iterable[Any]) -> None:
    """Send a form dialogue's replies (each with .text and .buttons as (title, payload) pairs, and
    optionally .language for a pre-written message the channel must send as it is)."""
    for reply in replies:
        buttons = [{"title": title, "payload": sent} for title, sent in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons, **_as_written(getattr(reply, "language", None)))


def _as_written(language: str | None) -> dict:
    """The message key that tells the channel a reply is already in its language (turn.py)."""
    if language == ENGLISH:
        return {KEEP_IN_ENGLISH: True}
    return {PREWRITTEN: language} if language else {}


def utter_in_english(dispatcher: Any, text: str) -> None:
    """Send a text that must reach its reader in English (a letter for the council): never translated."""
    dispatcher.utter_message(text=text, **_as_written(ENGLISH))
