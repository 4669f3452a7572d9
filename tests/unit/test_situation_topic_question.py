"""A short message naming a situation topic by the situation's own words
(send_guide/situation/topic_question.py), on the training data and on messages written for this test."""

import datetime as dt

import pytest

from send_guide.situation import read, wants_whole_reply
from send_guide.situation.topic_question import situation_topic_named
from send_guide.topics import catalogue as topics
from tests.project_files import nlu_examples

TODAY = dt.date(2026, 12, 1)


def named(text: str) -> str | None:
    return situation_topic_named(read(text, TODAY))


@pytest.mark.parametrize("text", [
    "can the school send my child home early because of his behaviour",
    "my son got a fixed term exclusion",
    "is a part-time timetable legal?",
    "they suspended her for 2 days, does she get work sent home",
])
def test_named_by_the_situations_own_words(text: str) -> None:
    assert named(text) == "exclusion"


@pytest.mark.parametrize(("text", "topic"), [
    ("the council refused to do an ehc needs assessment", "refused_assessment"),
    ("is it legal to refuse an assesment without a diagnosis", "refused_assessment"),
    ("the council plans to cease her ehcp", "plan_ceasing"),
    ("can they stop his plan because he is 19", "plan_ceasing"),
    # an FAQ topic answered by a situation of another name (topics.yml situation: provision_not_delivered)
    ("the school is not giving him the 1:1 in his ehcp", "school_ignoring_ehcp"),
    ("what is eotas", "out_of_school"),
])
def test_named_refusals_and_ceasing(text: str, topic: str) -> None:
    assert named(text) == topic


@pytest.mark.parametrize("text", [
    "what is an ehcp",
    "my son is 17 and at college",  # common words of a situation that is not a topic
    "my daughter has meltdowns after school",
])
def test_not_named(text: str) -> None:
    assert named(text) is None


def test_no_short_training_example_of_another_topic_names_a_situation_topic() -> None:
    """Only a topic's answer gives way to a situation topic (components/situation_override.py): a
    training example of another topic that the situation's words would take is a contradiction."""
    wrong = [(intent, text) for intent, texts in nlu_examples().items() if topics().get(intent) is not None
             for text in texts
             if not wants_whole_reply(read(text, TODAY)) and named(text) not in (None, intent)]
    assert wrong == []


def test_the_deadline_forms_dates_offer_the_situation_they_belong_to() -> None:
    from send_guide.situation.topic_question import topic_for_dates_of

    assert topic_for_dates_of("phase-transfer").intent == "phase_transfer"
    assert topic_for_dates_of("cease").intent == "plan_ceasing"
    assert topic_for_dates_of("decision") is None  # a refused assessment, a refused plan or a final plan
    assert topic_for_dates_of(None) is None
