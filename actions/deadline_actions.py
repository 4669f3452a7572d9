"""Thin adapters between Rasa and send_guide.deadlines.dialogue: slots in, one dialogue step,
slots and messages out. All wording and date logic live in the plain Python package."""

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.glossary_actions import ActionExplainTerm
from actions.safe_action import SafeAction
from actions.situation_actions import ActionAnswerSituation
from actions.topic_actions import ActionAcknowledgeRole, ActionShowMenu, ActionTellMeMore
from actions.tracker_helpers import first_entity, intent_button, send_timeline_card
from send_guide import intents
from send_guide.deadlines import dialogue
from send_guide.deadlines.dialogue import DeadlineState
from send_guide.deadlines.timeline import Event
from send_guide.letters.choose import LETTER_OFFER, letter_after_answer
from send_guide.situation.topic_question import topic_for_dates_of
from send_guide.time import today_in_england
from send_guide.timeline_card import card_for

FORM = "deadline_form"
SLOTS = {  # DeadlineState field -> slot
    "event": "deadline_event",
    "date": "deadline_date",
    "detail": "deadline_detail",
    "pending_date": "deadline_confirm",
    "asked": "deadline_asked",
}
# The actions send_guide.intents may choose for a question asked in the middle of the form: run in
# this same action, so the new question is answered in the same turn.
ACTIONS: Dict[str, SafeAction] = {action.name(): action for action in (
    ActionExplainTerm(), ActionShowMenu(), ActionTellMeMore(), ActionAcknowledgeRole(), ActionAnswerSituation())}


def state_from(tracker: Tracker) -> DeadlineState:
    return DeadlineState(**{field: tracker.get_slot(slot) for field, slot in SLOTS.items()})


def slot_events(state: DeadlineState) -> List[EventType]:
    return [SlotSet(slot, getattr(state, field)) for field, slot in SLOTS.items()]


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


class ValidateDeadlineForm(SafeAction):
    """Runs on every message while the form is active (and on the one that starts it)."""

    def name(self) -> str:
        return "validate_deadline_form"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        intent = latest_intent(tracker)
        starting = tracker.active_loop_name != FORM
        result = dialogue.step(
            state_from(tracker),
            tracker.latest_message.get("text") or "",
            intent,
            today_in_england(),
            event_entity=first_entity(tracker, "deadline_event"),
            detail_entity=first_entity(tracker, "deadline_detail"),
            fresh=starting and intent != intents.CORRECT_DEADLINE,
        )
        for message in result.messages:
            dispatcher.utter_message(text=message)
        # Setting the outcome slot on every turn also tells Rasa the message was used, so the
        # form never rejects it: the dialogue step decides when the person has moved on.
        return [*slot_events(result.state), SlotSet("deadline_outcome", result.outcome),
                SlotSet("requested_slot", result.ask)]

    def recover(self, tracker: Tracker) -> List[EventType]:
        """End the form with nothing kept, so the next message starts afresh."""
        return [*slot_events(DeadlineState()), SlotSet("deadline_outcome", "stopped"), SlotSet("requested_slot", None)]


class AskDeadlineEvent(SafeAction):
    def name(self) -> str:
        return "action_ask_deadline_event"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        buttons = [intent_button(title, intents.INFORM_DEADLINE_EVENT, deadline_event=event.value)
                   for title, event in dialogue.EVENT_CHOICES]
        dispatcher.utter_message(text=dialogue.EVENT_QUESTION, buttons=buttons)
        return []


class AskDeadlineDetail(SafeAction):
    def name(self) -> str:
        return "action_ask_deadline_detail"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        event = state_from(tracker).event_kind or Event.PHASE_TRANSFER
        buttons = [intent_button(title, intents.INFORM_DEADLINE_EVENT, deadline_detail=value)
                   for title, value in dialogue.DETAIL_CHOICES.get(event, ())]
        dispatcher.utter_message(text=dialogue.DETAIL_QUESTIONS.get(event, "Which one is it?"), buttons=buttons)
        return []


class AskDeadlineDate(SafeAction):
    def name(self) -> str:
        return "action_ask_deadline_date"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        dispatcher.utter_message(text=dialogue.date_question(state_from(tracker)))
        return []


class AskDeadlineConfirm(SafeAction):
    def name(self) -> str:
        return "action_ask_deadline_confirm"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        dispatcher.utter_message(text=dialogue.confirm_question(state_from(tracker)),
                                 buttons=[intent_button(dialogue.CONFIRM_YES, intents.AFFIRM),
                                          intent_button(dialogue.CONFIRM_NO, intents.DENY)])
        return []


class DeadlineAnswer(SafeAction):
    """After the form: the asked deadline, or (if the person moved on) the answer to their new question."""

    def name(self) -> str:
        return "action_deadline_answer"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        outcome = tracker.get_slot("deadline_outcome")
        if outcome == "done":
            state = state_from(tracker)
            buttons = [intent_button(dialogue.SHOW_ALL_DATES, intents.DEADLINE_TIMELINE),
                       intent_button(dialogue.IF_COUNCIL_LATE, intents.DEADLINE_LATE)]
            if (topic := topic_for_dates_of(state.event)) is not None:  # the rights at that stage
                buttons.append(intent_button(topic.title, topic.intent))
            if (kind := letter_after_answer(state, today_in_england())) is not None:
                buttons.insert(0, intent_button(LETTER_OFFER, intents.LETTER, letter_kind=kind))
            asked, today = tracker.latest_message.get("text") or "", today_in_england()
            dispatcher.utter_message(text=dialogue.answer(state, today, asked), buttons=buttons)
            send_timeline_card(dispatcher, card_for(dialogue.timeline_of(state, today), today))
        elif outcome == "moved_on":
            answer = intents.answer_after_leaving_form(latest_intent(tracker) or "", domain.get("responses", {}))
            if answer in ACTIONS:
                return ACTIONS[answer].act(dispatcher, tracker, domain)  # in this worker thread
            dispatcher.utter_message(response=answer)
        return []

    def recover(self, tracker: Tracker) -> List[EventType]:
        return slot_events(DeadlineState())  # dates that cannot be answered are not kept


class DeadlineTimeline(SafeAction):
    def name(self) -> str:
        return "action_deadline_timeline"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        state = state_from(tracker)
        if state.event and state.date:
            today = today_in_england()
            dispatcher.utter_message(text=dialogue.full_timeline(state, today),
                                     buttons=[intent_button(dialogue.IF_COUNCIL_LATE, intents.DEADLINE_LATE)])
            send_timeline_card(dispatcher, card_for(dialogue.timeline_of(state, today), today))
        else:
            dispatcher.utter_message(response="utter_deadline_no_dates",
                                     buttons=[intent_button(dialogue.WORK_OUT_DATES, intents.DEADLINE)])
        return []

    def recover(self, tracker: Tracker) -> List[EventType]:
        return slot_events(DeadlineState())
