"""A message that is only a greeting, a farewell, a thank-you, a yes or a no, in any of the assistant's
languages, gets that intent whatever the classifiers chose (send_guide/small_talk.py says why). Runs
after the multilingual classifier and the unknown-words fallback, so "howdy" or "allah hafiz" is
answered even when no classifier knew the word.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import GUARDED_INTENTS, promote_intent
from components.stateless import StatelessComponent
from send_guide.small_talk import small_talk


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SmallTalk(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            wanted = small_talk(message.get(TEXT) or "")
            if wanted and wanted != intent and intent not in GUARDED_INTENTS:
                promote_intent(message, wanted)
        return messages
