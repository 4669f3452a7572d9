"""Thin adapters over send_guide.situation: the whole-message reply, its "Tell me more", and the
question asked beside a crisis. The message text is read here and not kept; only the event and
date a deadline was worked out from go into slots, as the deadline form keeps them."""

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safe_action import SafeAction
from actions.tracker_helpers import (
    as_button,
    first_entity,
    intent_ranking,
    send_timeline_card,
    talk_to_person_button,
)
from send_guide import intents
from send_guide.situation import read, reply, wants_whole_reply
from send_guide.situation.reading import is_question
from send_guide.situation.reply import Reply, more
from send_guide.time import today_in_england
from send_guide.topics import catalogue

CRISIS_INTENT = intents.CRISIS
# Below this, the classifier's guess at a question asked beside a crisis is not trusted.
MIN_TOPIC_CONFIDENCE = 0.3


def send(dispatcher: CollectingDispatcher, answer: Reply) -> List[EventType]:
    buttons = [as_button(b) for b in answer.buttons]
    dispatcher.utter_message(text=answer.text, buttons=buttons)
    send_timeline_card(dispatcher, answer.card)
    if answer.deadline_event and answer.deadline_date:
        return [SlotSet("deadline_event", answer.deadline_event), SlotSet("deadline_date", answer.deadline_date),
                SlotSet("deadline_detail", None), SlotSet("deadline_asked", None)]
    return []


def send_more(dispatcher: CollectingDispatcher, situation: str) -> bool:
    """A situation's "Tell me more", with a way to a person; False when there is no such situation."""
    text = more(situation)
    if text is not None:
        dispatcher.utter_message(text=text, buttons=[talk_to_person_button()])
    return text is not None


class ActionAnswerSituation(SafeAction):
    """A story told in one message: one reply about all of it. A question about a situation topic
    ("can the school send him home at lunch?"): that situation's answer. After the crisis contacts,
    the same for whatever else the message asked, so a question is not lost."""

    def name(self) -> str:
        return "action_answer_situation"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        today = today_in_england()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        reading = read(text, today)
        topic = catalogue().get(intent)
        if topic is not None and topic.situation and not wants_whole_reply(reading):
            reading = read(text, today, about=topic.stage)  # a story is read as a whole, a question as asked
        crisis = intent == CRISIS_INTENT
        # Beside the crisis contacts, only a story gets the whole reply: "he says he wants to die,
        # I am so worried" must not be followed by advice about diagnoses.
        answer = reply(reading, today) if not crisis or wants_whole_reply(reading) else None
        if answer is not None:
            return send(dispatcher, answer)
        if crisis:
            self._answer_question_beside_crisis(dispatcher, tracker, text)
            return []
        dispatcher.utter_message(response="utter_default")
        return []

    @staticmethod
    def _answer_question_beside_crisis(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        """The topic the classifier saw under the crisis, if the message asked something."""
        if not any(is_question(part) for part in text.split("\n")) and "?" not in text:
            return
        topics = catalogue().suggestions(
            [(name, confidence) for name, confidence in intent_ranking(tracker) if name != CRISIS_INTENT],
            limit=1, min_confidence=MIN_TOPIC_CONFIDENCE)
        if topics:
            dispatcher.utter_message(text="You also asked a question. Here is the answer.")
            today = today_in_england()
            answer = reply(read(text, today, about=topics[0].stage), today) if topics[0].situation else None
            if answer is not None:
                send(dispatcher, answer)
            else:
                dispatcher.utter_message(response=topics[0].response)


class ActionSituationMore(SafeAction):
    """The detail behind a whole-message reply's "Tell me more" button."""

    def name(self) -> str:
        return "action_situation_more"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if not send_more(dispatcher, first_entity(tracker, "situation") or ""):
            dispatcher.utter_message(response="utter_more_which_topic")
        return []
