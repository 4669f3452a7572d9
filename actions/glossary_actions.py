"""The glossary look-up: "what does SENCO mean?"."""

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.safe_action import SafeAction
from actions.tracker_helpers import entity_values, intent_button
from send_guide import glossary, intents
from send_guide.topics import SHOW_ALL_TOPICS


class ActionExplainTerm(SafeAction):
    def name(self) -> str:
        return "action_explain_term"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        entry = glossary.lookup(entity_values(tracker, "term"), text)
        if entry is None:
            dispatcher.utter_message(
                response="utter_term_unknown",
                buttons=[intent_button(SHOW_ALL_TOPICS, intents.SHOW_MENU)],
            )
        elif entry.answer_intent:
            dispatcher.utter_message(response=f"utter_{entry.answer_intent}")
        else:
            dispatcher.utter_message(text=entry.as_text())
        return []
