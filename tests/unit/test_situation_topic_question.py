"""A short message naming a situation topic by the situation's own words
(send_guide/situation/topic_question.py), on the training data and on messages written for this test."""

import datetime as dt

import pytest

from send_guide.situation import read, wants_whole_reply
from send_guide.situation.topic_question import situation_topic_named
from tests.project_files import nlu_examples

TODAY = dt.date(2026, 12, 1)


def named(text: str) -> str | None:
    return situation_topic_named(read(text, TODAY), text)


@pytest.mark.parametrize("text", [
    "can the school send my child home early because of his behaviour",
    "my son got a fixed term exclusion",
    "is a part-time timetable legal?",
    "they suspended her for 2 days, does she get work sent home",
])
def test_named_by_the_situations_own_words(text: str) -> None:
    assert named(text) == "exclusion"


@pytest.mark.parametrize("text", [
    "what is an ehcp",
    "my son is 17 and at college",  # common words of a situation that is not a topic
    "my daughter has meltdowns after school",
])
def test_not_named(text: str) -> None:
    assert named(text) is None


def test_no_short_training_example_of_another_intent_names_a_situation_topic() -> None:
    wrong = [(intent, text) for intent, texts in nlu_examples().items() for text in texts
             if not wants_whole_reply(read(text, TODAY)) and named(text) not in (None, intent)]
    assert wrong == []
