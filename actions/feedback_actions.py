"""Thin adapters: a rating of the last answer, and questions the assistant could not place,
stored for content review (send_guide/triage/feedback.py)."""

import datetime as dt
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.database import sessions
from actions.safe_action import SafeAction
from send_guide.triage import feedback

RATINGS = {"answer_helpful": True, "answer_not_helpful": False}


def last_question(tracker: Tracker) -> tuple[str, str] | None:
    """(intent, text) of the user's message before the rating, unless that was a rating too."""
    said = [event for event in tracker.events if event.get("event") == "user"]
    if len(said) < 2:
        return None
    before = said[-2]
    intent = ((before.get("parse_data") or {}).get("intent") or {}).get("name")
    if not intent or intent in RATINGS:
        return None
    return intent, before.get("text") or ""


def store(conversation_id: str, intent: str, helpful: bool, message: str) -> None:
    with sessions()() as session:
        feedback.record(session, conversation_id, intent, helpful, message, dt.datetime.now(dt.timezone.utc))
        session.commit()


class ActionRecordFeedback(SafeAction):
    def name(self) -> str:
        return "action_record_feedback"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        helpful = RATINGS.get((tracker.latest_message.get("intent") or {}).get("name"), False)
        asked = last_question(tracker)
        if asked is not None:
            store(tracker.sender_id, asked[0], helpful, asked[1])
        dispatcher.utter_message(response="utter_feedback_thanks" if helpful else "utter_feedback_sorry")
        return []
