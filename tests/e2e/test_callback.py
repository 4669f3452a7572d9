"""Asking for a call back over REST, against the real assistant and the database it writes to."""

import datetime as dt
import json
import re
import uuid

import pytest
import requests
from sqlalchemy import select

from send_guide.database.engine import make_engine, session_factory
from send_guide.deadlines.timeline import Event, deadlines_for
from send_guide.letters.downloads import letters_on_case
from send_guide.time import today_in_england
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


# What the form asks -> the answer given: only a phone number, everything else skipped or "no".
FORM_ANSWERS = (("What name", "I'd rather not say"), ("phone number or e-mail", "01582 548156"),
                ("good time", "I'd rather not say"), ("interpreter", "no"), ("parent or carer", "I'd rather not say"),
                ("How old", "I'd rather not say"), ("EHC", "I'd rather not say"),
                ("date the adviser should know", "no"), ("help with", "I'd rather not say"))


def test_a_story_told_before_the_call_back_gives_the_case_its_situation_and_urgency(conversation) -> None:
    today = today_in_england()
    letter = today - dt.timedelta(days=55)  # the appeal window closes in about 5 days
    story = (f"My son Tobias-Wren is 9 and has autism. We asked the council for an EHC needs assessment and they "
             f"said no. The decision letter is dated {letter:%d %B %Y}. School say he is fine academically. "
             "I am exhausted. Should I appeal or ask again?")
    assert "appeal" in conversation(story).lower()
    asked = conversation("can someone call me back please")
    assert "Do you agree?" in asked
    asked = conversation("yes")
    for _ in range(len(FORM_ANSWERS)):  # the form may leave out a question the conversation answered
        if "Shall I send this" in asked:
            break
        answer = next(answer for question, answer in FORM_ANSWERS if question in asked)
        asked = conversation(answer)
    assert "Shall I send this" in asked
    assert REFERENCE.search(conversation("yes"))
    [case] = cases_of(conversation.sender)
    # No key date was given in the form: the urgency comes from the exact date in the story.
    appeal = next(d for d in deadlines_for(Event.DECISION, letter, today=today).deadlines if d.rule.key == "appeal")
    assert case.urgency == Level.URGENT and "appeal" in case.urgency_reason and case.key_dates == ""
    summary = json.loads(case.situation)
    assert summary["situation"]["key"] == "refused_assessment"
    assert {"rule": "appeal", "event": "decision", "from": letter.isoformat(), "due": appeal.due.isoformat()} in \
        summary["deadlines"]
    assert summary["distress"] is True and summary["questions"] == 1 and summary["age"] == 9
    assert not any(word in case.situation for word in ("Tobias", "autism", "exhausted", "Should I")), \
        "the case keeps what was read, none of the family's words"
    assert case.phone == "01582 548156" and case.description == ""


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
    conversation("qwzx plorb zorbex 07911 123456")
    [(intent, helpful, message)] = feedback_of(conversation.sender)
    assert intent == "nlu_fallback" and not helpful and "07911" not in message


def test_a_letter_made_before_a_call_back_is_kept_on_the_case_and_only_then(conversation) -> None:
    conversation('/ask_letter{"letter_kind":"sent-home-early"}')
    for _ in range(3):
        conversation("skip")
    conversation("Amina Khan")
    assert "/letters/" in conversation("yes")
    consent = conversation("/request_callback")
    assert "and the letter you made here," in consent
    reply = conversation("yes")
    for asked, answer in FORM_ANSWERS:
        assert asked in reply, (asked, reply)
        reply = conversation(answer)
    assert "Shall I send this" in reply
    conversation("yes")
    [case] = cases_of(conversation.sender)
    with session_factory(make_engine())() as session:
        kept = [item.letter for item in letters_on_case(session, case.id)]
    assert [letter.kind for letter in kept] == ["sent-home-early"] and kept[0].sender[0] == "Amina Khan"


def test_a_call_back_without_a_letter_says_nothing_about_one(conversation) -> None:
    assert "letter you made" not in conversation("/request_callback")
