"""The call-back form's ending: the case to open from the conversation, and what the family is told.

Kept out of the action (actions/callback_actions.py only reads the tracker and writes the case):
which questions count as asked (those before the request, not the form's own answers, which get
classified too), the reading of the family's story, the urgency, and the wording of the reply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from send_guide import intents
from send_guide.contacts import phone
from send_guide.topics import catalogue
from send_guide.triage import callback
from send_guide.triage.cases import CallBackRequest
from send_guide.triage.message import story_of, triage_message
from send_guide.triage.urgency import Level, Urgency


@dataclass(frozen=True)
class NewCase:
    request: CallBackRequest
    urgency: Urgency


def topics_asked_before_request(conversation_intents: Sequence[str | None]) -> list[str]:
    """The titles of the topics asked about before the last call-back request, once each, in order."""
    if intents.CALLBACK not in conversation_intents:
        return []
    last_request = len(conversation_intents) - 1 - list(conversation_intents)[::-1].index(intents.CALLBACK)
    topics = catalogue()
    asked = (topics.get(intent) for intent in conversation_intents[:last_request] if intent)
    return list(dict.fromkeys(topic.title for topic in asked if topic))


def new_case(state: callback.CallBackState, conversation_id: str, conversation_intents: Sequence[str | None],
             story_messages: Sequence[str], today: dt.date) -> NewCase:
    """The case to open: the form's answers, the topics asked, and what the story before the form
    says (its summary and deadlines, never its words). Harm in the story makes it immediate."""
    story = story_of(story_messages)
    triage = triage_message(story, today) if story else None
    request = callback.to_request(state, conversation_id, topics_asked_before_request(conversation_intents),
                                  triage.summary if triage else None)
    if triage and triage.urgency.level is Level.IMMEDIATE:
        state.safeguarding = True
    return NewCase(request, callback.urgency_of(state, today, triage.deadlines if triage else ()))


def case_opened_reply(reference: str, case: NewCase) -> str:
    how = "by e-mail" if case.request.email else "by phone"
    text = (f"Thank you. I have sent this to Luton SENDIAS. Your reference is {reference}. "
            f"An adviser will contact you {how}. If it cannot wait, phone Luton SENDIAS on {phone('sendias')}.")
    if case.urgency.level is Level.IMMEDIATE:
        text += " If someone is in danger now, phone 999."
    return text
