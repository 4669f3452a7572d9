"""Thin adapters between Rasa and send_guide.letters.dialogue: the letter form and its ending.

The form's whole state is one slot (`letter_state`); the plain-Python dialogue decides every
question. When the family says yes to the preview, the submit action keeps the letter for
download for 1 hour (send_guide/letters/downloads.py), sends the text to copy and the two links,
and clears the slot.
"""

import datetime as dt
import os
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.database import sessions
from actions.deadline_actions import state_from
from actions.safe_action import SafeAction
from actions.tracker_helpers import first_entity, message_language, utter_in_english, utter_replies
from send_guide.contacts import fill_contacts
from send_guide.letters import dialogue, downloads
from send_guide.letters.choose import dates_of_answer
from send_guide.letters.from_message import kind_for_message
from send_guide.letters.text import to_text
from send_guide.time import today_in_england

STATE = "letter_state"
OUTCOME = "letter_outcome"


class ValidateLetterForm(SafeAction):
    """Runs on every message while the form is active (and on the one that starts it)."""

    def name(self) -> str:
        return "validate_letter_form"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        state = dialogue.LetterState.from_slot(tracker.get_slot(STATE))
        text = tracker.latest_message.get("text") or ""
        today = today_in_england()
        language = message_language(tracker)
        if state.asking is None:  # the message that started the form: a button names the letter
            button = text.startswith("/")  # the offer under a deadline answer: its dates are known
            result = dialogue.start(first_entity(tracker, "letter_kind") or kind_for_message(text, today), today,
                                    language=language, message="" if button else text,
                                    dates=dates_of_answer(state_from(tracker)) if button else None)
        else:
            result = dialogue.step(state, text, today, language)
        utter_replies(dispatcher, result.replies)
        kept = result.state.as_slot() if result.outcome in (None, "done") else None
        return [SlotSet(STATE, kept), SlotSet(OUTCOME, result.outcome),
                SlotSet("requested_slot", None if result.outcome else OUTCOME)]

    def recover(self, tracker: Tracker) -> List[EventType]:
        return [SlotSet(STATE, None), SlotSet(OUTCOME, "stopped"), SlotSet("requested_slot", None)]


class AskLetterOutcome(SafeAction):
    """The form asks for its slot after each validation; the question was already sent there."""

    def name(self) -> str:
        return "action_ask_letter_outcome"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        return []


class LetterSubmit(SafeAction):
    """After the form: keep the letter for download, send the text and the links, clear the slot."""

    def name(self) -> str:
        return "action_letter_submit"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        clear = [SlotSet(STATE, None), SlotSet(OUTCOME, None)]
        if tracker.get_slot(OUTCOME) != "done":
            return clear
        letter = dialogue.finished_letter(dialogue.LetterState.from_slot(tracker.get_slot(STATE)),
                                          today_in_england())
        if letter is None:
            dispatcher.utter_message(text=fill_contacts(dialogue.SOMETHING_CHANGED))
            return clear
        with sessions()() as session:
            token = downloads.keep_for_download(session, letter, dt.datetime.now(dt.timezone.utc),
                                                conversation_id=tracker.sender_id)
            session.commit()
        base = downloads.public_base_url(os.environ)
        links = {form: downloads.download_url(base, token, form) for form in downloads.FORMS}
        word, pdf = links["docx"], links["pdf"]
        # The letter goes to the council, and the links must stay links: both stay in English.
        utter_in_english(dispatcher, to_text(letter))
        utter_in_english(dispatcher, dialogue.links_text(word, pdf))
        # Wrapped in "data": Rasa's socket.io channel emits the json_message's keys as emit() arguments.
        card = {"type": "letter", "title": letter.title, "url": word, "pdf_url": pdf}
        dispatcher.utter_message(json_message={"data": card})
        utter_replies(dispatcher, (dialogue.AFTER_LETTER,))
        return clear

    def recover(self, tracker: Tracker) -> List[EventType]:
        return [SlotSet(STATE, None), SlotSet(OUTCOME, None)]
