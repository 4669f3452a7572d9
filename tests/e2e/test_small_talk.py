"""Greetings, farewells, thank-yous, yeses and noes no classifier was trained on, over the REST channel of the
real assistant: the words decide (send_guide/small_talk.py, components/small_talk.py)."""

import pytest

from tests.e2e.test_conversation import answered_with, texts
from tests.e2e.test_multilingual import post


@pytest.mark.parametrize("message,response", [
    ("Howdy!", "utter_greet"),
    ("Dzień dobry", "utter_greet"),
    ("ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ", "utter_greet"),
    ("ok ta ra then", "utter_goodbye"),
    ("khuda hafiz", "utter_goodbye"),
    ("tysm x", "utter_youre_welcome"),
    ("aye", "utter_affirm_ack"),
    ("nah", "utter_deny_ack"),
])
def test_small_talk_gets_its_answer(assistant, message: str, response: str) -> None:
    replies = post(assistant.webhook, message)
    assert answered_with(replies, response), texts(replies)


def test_a_greeting_before_a_question_answers_the_question(assistant) -> None:
    replies = post(assistant.webhook, "hiya, the council refused to assess my son, what can I do?")
    assert not answered_with(replies, "utter_greet"), texts(replies)
