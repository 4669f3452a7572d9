"""Answer a story as a whole: a message that describes where the family is in the EHC process
(send_guide.situation) and is more than a short question gets one reply about all of it,
whatever single word a classifier picked on, under its main situation's topic when that is one.
One long question keeps the FAQ topic the classifier is sure of ("can I take my son out of school
and teach him at home myself?"). Runs after DeadlineOverride, so a story with a date in passing is
not taken into the deadline form, and before CrisisOverride, so safety wins.
A situation topic the classifier chose ("exclusion") stays a topic: the same action answers it,
reading a story as a whole. A short message that names a situation topic by the situation's own
words becomes that topic (send_guide/situation/topic_question.py), also when the classifier chose
another situation topic ("they want to cease his plan" is the plan stopped, not a refused assessment),
and when the deadline form was chosen for a question that asks nothing about a date. A situation
topic's short question about when, which the deadline form can answer at once, goes to the form, as
does such a question the classifiers could not place.
"""

import logging
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import intent_confidence, promote_intent
from components.stateless import StatelessComponent
from send_guide import intents
from send_guide.letters.choose import asks_for_a_letter
from send_guide.situation import (
    Reading,
    deadline_form_answers_at_once,
    is_long_story,
    is_one_question,
    prefers_deadline_form,
    read,
    wants_whole_reply,
)
from send_guide.situation.topic_question import situation_topic_named
from send_guide.time import today_in_england
from send_guide.topics import Topic
from send_guide.topics import catalogue as topics

logger = logging.getLogger(__name__)
SITUATION_INTENT = intents.SITUATION
DEADLINE_INTENT = intents.DEADLINE  # set by DeadlineOverride, which runs just before
FALLBACK_INTENT = intents.FALLBACK
# A correction inside the deadline form stays a correction; a long story is never one, whatever
# the classifier says of it ("no, the letter came on 3 March" is short).
KEEP = {intents.CORRECT_DEADLINE, intents.INFORM_DEADLINE_EVENT}
# A person who asks for a letter to be written gets the letter form, whatever story comes with it:
# the form starts at the letter the story names (send_guide/letters/choose.py).
LETTER_INTENT = intents.LETTER
# From this confidence the classifier's FAQ topic answers a message that is one question, however long
# ("can I take my son out of school and teach him at home myself?" is about home education).
SURE = 0.5


def _not_about_time(intent: str | None, reading: Reading) -> bool:
    """A question the deadline form was given that asks nothing about a date ("got the refusal
    letter yesterday, what do I do now?") wants its situation's answer, which gives the dates too."""
    return intent == DEADLINE_INTENT and bool(reading.questions) and not reading.asks_about_time


def _story_intent(reading: Reading) -> str:
    """A story whose main situation is a situation topic is that topic: the topic's action reads a
    story as a whole, so the reply is the same, and the conversation (and staff triage) name what
    it is about. Any other story is describe_situation."""
    topic = topics().answered_by(reading.main.key) if reading.main is not None else None
    return topic.intent if topic is not None else SITUATION_INTENT


def _sure_topic(message: Message, topic: Topic | None) -> bool:
    """The classifier chose an FAQ topic and is sure of it: one long question keeps that answer."""
    return topic is not None and not topic.situation and intent_confidence(message) >= SURE


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SituationOverride(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            text = message.get(TEXT) or ""
            if intent in KEEP and not is_long_story(text):
                continue
            if asks_for_a_letter(text):
                if intent != LETTER_INTENT:
                    promote_intent(message, LETTER_INTENT)
                continue
            topic = topics().get(intent)
            try:
                today = today_in_england()
                reading = read(text, today)
                # A situation topic's action reads a story as a whole itself.
                story = not (topic is not None and topic.situation) and wants_whole_reply(reading) and not (
                    intent == DEADLINE_INTENT and prefers_deadline_form(reading)) and not (
                    _sure_topic(message, topic) and is_one_question(reading))
                # Only another topic's answer gives way ("I would like a call back, he was
                # suspended" stays a call back).
                named = situation_topic_named(reading) if not story and (
                    topic is not None or intent == FALLBACK_INTENT or _not_about_time(intent, reading)) else None
                to_form = (not story and ((topic is not None and topic.situation) or intent == FALLBACK_INTENT)
                           and deadline_form_answers_at_once(reading, text, today))
            except Exception as error:  # a fault in the reading must not cost the user the classifier's answer
                logger.error("situation reading failed: %s", type(error).__name__)
                continue
            if story:
                promote_intent(message, _story_intent(reading))
            elif to_form:
                promote_intent(message, DEADLINE_INTENT)
            elif named and named != intent:
                promote_intent(message, named)
        return messages
