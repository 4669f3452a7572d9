"""Thin adapters between Rasa and send_guide.triage.callback: the call-back form and its ending.

The whole conversation state is one slot (`callback_state`); the plain-Python dialogue decides
every question. A case is opened only when the dialogue ends with "done" (consent given, summary
confirmed); any other ending clears the slot, so nothing is kept.
"""

import datetime as dt
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.database import sessions
from actions.deadline_actions import latest_intent
from actions.safe_action import SafeAction
from actions.tracker_helpers import message_language, user_intents, user_messages_before, utter_replies
from send_guide import intents
from send_guide.languages.replies import messages_for
from send_guide.letters import downloads
from send_guide.time import today_in_england
from send_guide.triage import callback
from send_guide.triage.callback_case import case_opened_reply, new_case
from send_guide.triage.cases import open_case, retention_days

FORM = "callback_form"


def prefill(tracker: Tracker) -> Dict[str, str]:
    """What the conversation already says: the role, and a language other than English."""
    known = {"role": callback.ROLES.get(tracker.get_slot("role") or "", "")}
    code = message_language(tracker) or "en"
    messages = messages_for(code) if code != "en" else None
    if messages is not None:
        known["language"] = messages.english_name
    return known



def _made_a_letter(conversation_id: str) -> bool:
    with sessions()() as session:
        return downloads.made_in_the_hour(session, conversation_id, dt.datetime.now(dt.timezone.utc))


class ValidateCallbackForm(SafeAction):
    """Runs on every message while the form is active (and on the one that starts it)."""

    def name(self) -> str:
        return "validate_callback_form"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        # Rasa marks the loop active before the first validation, so a fresh start is told by
        # the state: nothing asked yet.
        state = callback.CallBackState.from_slot(tracker.get_slot("callback_state"))
        if state.asking is None:
            # Harm mentioned before the form (the crisis reply offers it) makes the case immediate.
            harm_mentioned = intents.CRISIS in user_intents(tracker)
            result = callback.start(prefill(tracker), retention_days(), safeguarding=harm_mentioned,
                                    letter=_made_a_letter(tracker.sender_id))
        else:
            crisis = latest_intent(tracker) == intents.CRISIS
            if crisis:
                dispatcher.utter_message(response="utter_crisis")
            result = callback.step(state, tracker.latest_message.get("text") or "", today_in_england(),
                                   retention_days(), dt.datetime.now(dt.timezone.utc), crisis=crisis)
        utter_replies(dispatcher, result.replies)
        signal = callback.widget_signal(started=state.asking is None, outcome=result.outcome)
        if signal is not None:
            # Wrapped in "data": Rasa's socket.io channel emits the json_message's keys as emit() arguments.
            dispatcher.utter_message(json_message={"data": signal})
        kept = result.state.as_slot() if result.outcome in (None, "done") else None
        return [SlotSet("callback_state", kept), SlotSet("callback_outcome", result.outcome),
                SlotSet("requested_slot", None if result.outcome else "callback_outcome")]

    def recover(self, tracker: Tracker) -> List[EventType]:
        """End the form with nothing kept; the apology gives the number to phone instead."""
        return [SlotSet("callback_state", None), SlotSet("callback_outcome", "cancelled"),
                SlotSet("requested_slot", None)]


class AskCallbackOutcome(SafeAction):
    """The form asks for its slot after each validation; the question was already sent there."""

    def name(self) -> str:
        return "action_ask_callback_outcome"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        return []


class CallbackSubmit(SafeAction):
    """After the form: open the case if the person confirmed, and tell them what happens next."""

    def name(self) -> str:
        return "action_callback_submit"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        clear = [SlotSet("callback_state", None), SlotSet("callback_outcome", None)]
        if tracker.get_slot("callback_outcome") != "done":
            return clear
        state = callback.CallBackState.from_slot(tracker.get_slot("callback_state"))
        case = new_case(state, tracker.sender_id, user_intents(tracker),
                        user_messages_before(tracker, intents.CALLBACK, FORM), today_in_england())
        now = dt.datetime.now(dt.timezone.utc)
        with sessions()() as session:
            opened = open_case(session, case.request, case.urgency, now)
            if state.letter:  # the consent question said so
                downloads.keep_on_case(session, tracker.sender_id, opened.id, now)
            session.commit()
            reference = opened.reference
        dispatcher.utter_message(text=case_opened_reply(reference, case))
        return clear

    def recover(self, tracker: Tracker) -> List[EventType]:
        return [SlotSet("callback_state", None), SlotSet("callback_outcome", None)]
