"""Over the real Rasa server: the statements corrected in issue 14 reach the person who asks.

Unit tests (tests/unit/test_answer_statements.py) check the wording; these check that a typed
question, as people write it, gets that wording: the right intent, the right role variant.
"""

import pytest

from tests.e2e.test_conversation import answered_with, texts, variant_for

LONG_PARENT_STORY = (
    "Hello, my son is 8 and in year 3. He finds reading really hard and he gets very upset and angry at "
    "school, the teacher says he is far behind the others. We are on the waiting list for an autism assessment "
    "for more than a year now. The school told me they cannot ask for an EHCP until he gets a diagnosis. "
    "Is this true? Do we really have to wait for the diagnosis?"
)
YOUNG_PERSON_BUTTON = '/inform_role{"user_role":"young_person"}'


def said(replies: list) -> str:
    return "\n\n".join(texts(replies))


@pytest.mark.parametrize("question", [
    "do I need a diagnosis for an EHCP?",
    "Does my child need a diagnosis to get SEN support?",
], ids=["short", "sen-support"])
def test_diagnosis_questions_get_the_no_diagnosis_answer(chat, question: str) -> None:
    replies = chat(question)
    assert answered_with(replies, "utter_diagnosis_needed"), said(replies)
    assert "does not need a diagnosis" in said(replies)


def test_a_long_story_about_a_school_that_waits_for_a_diagnosis_is_answered_as_a_whole(chat) -> None:
    """The story's question ("do we have to wait for the diagnosis?") is answered, and so is what
    the school said: the family can ask the council themselves (issue 15)."""
    reply = said(chat(LONG_PARENT_STORY))
    assert "A diagnosis is not needed" in reply, reply
    assert "You do not need the school to agree" in reply, reply


def test_how_long_to_appeal_shows_the_time_limit_at_once(chat) -> None:
    reply = said(chat("how long do I have to appeal"))
    assert "2 months from the date the council sent the decision letter" in reply, reply
    assert "1 month from the date on the mediation certificate, if that is later" in reply, reply


def test_a_professional_is_told_who_can_ask_for_an_assessment(chat) -> None:
    chat("I am a health visitor")
    reply = said(chat("can I request an EHC needs assessment for a child on my caseload?"))
    assert variant_for("utter_request_assessment", "professional") in reply, reply
    assert "anyone" not in reply.lower()


def test_a_young_person_gets_their_own_answers_about_appeals_and_reviews(chat) -> None:
    chat(YOUNG_PERSON_BUTTON)
    appeal = said(chat("can I appeal the council's decision about my plan myself?"))
    assert variant_for("utter_what_can_be_appealed", "young_person") in appeal, appeal
    review = said(chat("what happens at my annual review at college"))
    assert variant_for("utter_annual_review", "young_person") in review, review
    assert "your child" not in (appeal + review).lower()


def test_a_young_person_turning_18_is_not_told_about_their_child(chat) -> None:
    chat(YOUNG_PERSON_BUTTON)
    reply = said(chat("what happens to my ehcp when i turn 18"))
    assert variant_for("utter_turning_18", "young_person") in reply, reply
