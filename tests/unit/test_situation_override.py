"""SituationOverride (components/situation_override.py) on messages as the classifiers leave them."""

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.situation_override import SituationOverride


def after_override(text: str, intent: str, confidence: float = 0.8) -> str:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": confidence}})
    SituationOverride().process([message])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize(("text", "classified", "expected"), [
    # another situation topic's own words decide between two situation topics
    ("the council refused to do a needs assessment", "plan_ceasing", "refused_assessment"),
    ("they want to cease his ehcp", "refused_assessment", "plan_ceasing"),
    # a situation topic the words agree with, or that no situation's words show, stays
    ("they refused to assess my son", "refused_assessment", "refused_assessment"),
    ("is 19 too old for an ehcp", "post16", "post16"),
    # an FAQ topic gives way to the situation topic its words name
    ("can i appeal the council stopping the plan", "what_can_be_appealed", "plan_ceasing"),
    # a call back is not a topic: it stays
    ("I would like a call back, my son was suspended", "request_callback", "request_callback"),
    # a question the deadline form was given that asks nothing about a date gets its situation's answer
    ("got the refusal to assess letter yesterday what do i do now", "ask_deadline", "refused_assessment"),
    # ... but a question about a date, or a date given without a question, stays with the form
    ("refusal to assess letter came today, how long do i have", "ask_deadline", "ask_deadline"),
    ("they refused to assess on 12 November", "ask_deadline", "ask_deadline"),
    # a situation topic's question about when, that the deadline form answers at once, goes to the form
    ("my daughter is in year 6, when must the plan name her secondary school", "phase_transfer", "ask_deadline"),
    # ... and so does one the classifiers could not place
    ("my daughter is in year 6, when must the plan name her secondary school", "nlu_fallback", "ask_deadline"),
    # ... but not one the form would have to ask back about
    ("when will the council name the new school in the plan", "phase_transfer", "phase_transfer"),
])
def test_a_short_question_becomes_the_situation_topic_its_words_name(text: str, classified: str, expected: str) -> None:
    assert after_override(text, classified) == expected


def test_a_story_given_a_situation_topic_stays_that_topic() -> None:
    """Its action reads the story as a whole; another intent becomes the topic of the story's main
    situation, or describe_situation when that is not a topic."""
    story = ("My son was excluded for 5 days last week. The school says it is his behaviour but he has autism "
             "and no support in class. What are his rights?")
    assert after_override(story, "exclusion") == "exclusion"
    assert after_override(story, "challenging_behaviour") == "exclusion"
    not_a_topic = ("We got the draft plan last week and it is very vague. Section F says access to support. "
                   "Who do I send my comments to?")
    assert after_override(not_a_topic, "draft_plan_school") == "describe_situation"


def test_one_long_question_keeps_the_faq_topic_the_classifier_is_sure_of() -> None:
    question = "can i take my autistic son out of school and teach him at home myself"
    assert after_override(question, "home_education") == "home_education"
    question = "i deregistered my son last week, does the council still have to do his annual review"
    assert after_override(question, "home_education") == "describe_situation"  # told first, then asked
    unsure = "can my son give his views at the annual review even if he doesnt talk much"
    assert after_override(unsure, "annual_review", confidence=0.8) == "annual_review"
    assert after_override(unsure, "annual_review", confidence=0.3) == "describe_situation"
