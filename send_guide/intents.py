"""The intent names the code acts on, in one place (domain.yml declares them; a test checks both agree).

A name written as a literal in several modules is a rename that silently breaks one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from send_guide.topics import catalogue

GREET = "greet"
GOODBYE = "goodbye"
THANKS = "thanks"
AFFIRM = "affirm"
DENY = "deny"
CRISIS = "crisis"
FALLBACK = "nlu_fallback"  # Rasa's FallbackClassifier's intent, not in domain.yml
GLOSSARY = "ask_glossary"
DEADLINE = "ask_deadline"
CORRECT_DEADLINE = "correct_deadline"
INFORM_DEADLINE_EVENT = "inform_deadline_event"
DEADLINE_TIMELINE = "deadline_timeline"
DEADLINE_LATE = "deadline_late"
SITUATION = "describe_situation"
LETTER = "ask_letter"
FIND_SERVICE = "find_service"
CALLBACK = "request_callback"
SHOW_MENU = "show_menu"
TELL_ME_MORE = "tell_me_more"
INFORM_ROLE = "inform_role"
EMPTY_MESSAGE = "empty_message"
UNREADABLE_MESSAGE = "unreadable_message"
TALK_TO_PERSON = "talk_to_person"  # a topic: how to reach Luton SENDIAS


@dataclass(frozen=True)
class Button:
    """A choice under a message: its words, and the intent (with entities) a click sends, with no
    NLU guesswork. The Rasa actions turn it into a payload (actions/tracker_helpers.py)."""

    title: str
    intent: str
    entities: dict[str, str] = field(default_factory=dict)


# When a question arrives in the middle of the deadline form, it is answered by the action the rules
# give it (data/rules.yml), named here so the form's ending can hand over to it in the same turn.
ACTION_FOR_INTENT = {
    GLOSSARY: "action_explain_term",
    SHOW_MENU: "action_show_menu",
    TELL_ME_MORE: "action_tell_me_more",
    INFORM_ROLE: "action_acknowledge_role",
    SITUATION: "action_answer_situation",
}
SITUATION_ACTION = ACTION_FOR_INTENT[SITUATION]
LEFT_THE_FORM = "utter_deadline_left"


def answer_after_leaving_form(intent: str, responses: Iterable[str]) -> str:
    """The response or action that answers a question asked in the middle of the deadline form:
    its own response if it has one, else its action, else (a situation topic such as exclusion)
    the situation answer; a message with neither is told the dates were left."""
    if f"utter_{intent}" in responses:
        return f"utter_{intent}"
    if intent in ACTION_FOR_INTENT:
        return ACTION_FOR_INTENT[intent]
    topic = catalogue().get(intent)
    if topic is not None and topic.situation:
        return SITUATION_ACTION
    return LEFT_THE_FORM
