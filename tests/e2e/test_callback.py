"""Asking for a call back over REST, against the real assistant and the database it writes to."""

import datetime as dt
import re
import uuid

import pytest
import requests
from sqlalchemy import select

from send_guide.services.db import make_engine, session_factory
from send_guide.topics import catalogue
from send_guide.triage.model import TriageCase
from send_guide.triage.urgency import Level
from tests.e2e.test_conversation import texts

REFERENCE = re.compile(r"\bCB-[A-Z2-9]{6}\b")


@pytest.fixture
def conversation(assistant):
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(message: str) -> str:
        reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
        assert reply.status_code == 200, reply.text
        return "\n".join(texts(reply.json()))

    send.sender = sender
    return send


def cases_of(sender: str) -> list[TriageCase]:
    with session_factory(make_engine())() as session:
        return list(session.scalars(select(TriageCase).where(TriageCase.conversation_id == sender)))


def test_talk_to_a_person_offers_a_call_back(chat) -> None:
    replies = chat("i need to speak to someone")
    buttons = [button["payload"] for reply in replies for button in reply.get("buttons", [])]
    assert "/request_callback" in buttons


def test_a_call_back_request_reaches_the_queue_with_its_urgency(conversation) -> None:
    conversation("how do I appeal a decision?")
    first = conversation("can someone call me back please")
    assert first.startswith("I can ask Luton SENDIAS") and "Do you agree?" in first
    assert "What name" in conversation("yes")
    assert "phone number or e-mail" in conversation("Amina")
    assert "good time" in conversation("01582 548156")
    assert "interpreter" in conversation("weekday mornings")
    assert "parent or carer" in conversation("yes, Urdu")
    assert "How old" in conversation("Parent or carer")
    assert "EHC" in conversation("Year 6")
    assert "date the adviser should know" in conversation("final plan")
    decision = dt.date.today() - dt.timedelta(days=55)
    assert "what would you like help with" in conversation(f"decision letter dated {decision:%d/%m/%Y}")
    summary = conversation("help to appeal the decision")
    assert "Amina" in summary and "Shall I send this" in summary
    done = conversation("yes")
    reference = REFERENCE.search(done).group()
    [case] = cases_of(conversation.sender)
    assert case.reference == reference and case.phone == "01582 548156" and case.language == "Urdu"
    assert case.urgency == Level.URGENT and "appeal" in case.urgency_reason
    appeal_titles = {catalogue().get(intent).title for intent in ("unhappy_with_decision", "what_can_be_appealed")}
    assert set(case.topics.splitlines()) <= appeal_titles and case.topics, "only the topics asked before the form"


def test_cancel_keeps_nothing(conversation) -> None:
    conversation("can an adviser ring me")
    conversation("yes")
    conversation("Sam")
    answer = conversation("cancel")
    assert "Nothing has been kept" in answer
    assert cases_of(conversation.sender) == []
    assert "What name" not in conversation("what is a personal budget?"), "the form has ended"


def test_no_consent_keeps_nothing(conversation) -> None:
    conversation("please call me back")
    assert "Nothing has been kept" in conversation("no")
    assert cases_of(conversation.sender) == []


def test_harm_during_the_form_gets_the_crisis_reply_first_and_an_immediate_case(conversation) -> None:
    conversation("can someone call me back")
    conversation("yes")
    answer = conversation("my partner hits me")
    assert answer.startswith("If you or a child are in danger now, phone 999")
    assert "What name" in answer, "then the same question again"
    for reply in ("I'd rather not say", "01582 548156", "I'd rather not say", "no", "I'd rather not say",
                  "I'd rather not say", "I'd rather not say", "no", "I'd rather not say"):
        conversation(reply)
    done = conversation("yes")
    assert "phone 999" in done and REFERENCE.search(done)
    [case] = cases_of(conversation.sender)
    assert case.urgency == Level.IMMEDIATE


def test_the_crisis_reply_offers_a_call_back_that_opens_an_immediate_case(assistant) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(message: str) -> list:
        reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()

    crisis = send("I want to kill myself")
    assert crisis[0]["text"].startswith("If you or a child are in danger now, phone 999")
    assert "/request_callback" in [button["payload"] for button in crisis[0].get("buttons", [])]
    assert "Do you agree?" in "\n".join(texts(send("/request_callback")))
    for answer in ("yes", "I'd rather not say", "01582 548156", "I'd rather not say", "no", "I'd rather not say",
                   "I'd rather not say", "I'd rather not say", "I'd rather not say", "I'd rather not say"):
        send(answer)
    done = "\n".join(texts(send("yes")))
    assert REFERENCE.search(done) and "phone 999" in done
    [case] = cases_of(sender)
    assert case.urgency == Level.IMMEDIATE


def feedback_of(sender: str) -> list[tuple[str, bool, str]]:
    from send_guide.triage.model import Feedback

    with session_factory(make_engine())() as session:
        rows = session.scalars(select(Feedback).where(Feedback.conversation_id == sender))
        return [(row.intent, row.helpful, row.message) for row in rows]


def test_a_rating_is_stored_with_the_question_and_its_topic(conversation) -> None:
    conversation("what is a personal budget?")
    assert "I am sorry that did not help" in conversation("/answer_not_helpful")
    assert feedback_of(conversation.sender) == [("personal_budget", False, "what is a personal budget?")]


def test_a_question_with_no_answer_is_kept_for_content_review(conversation) -> None:
    conversation("qwzx plorb frindle 07911 123456")
    [(intent, helpful, message)] = feedback_of(conversation.sender)
    assert intent == "nlu_fallback" and not helpful and "07911" not in message
