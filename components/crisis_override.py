"""Put the crisis intent first whenever a message is about harm, abuse or danger.

Runs after every classifier, so none can out-vote it: the safety patterns (English and each
other language), or the multilingual classifier's crisis flag.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import promote_intent
from components.multilingual_intents import CRISIS_FLAG, CRISIS_INTENT
from components.stateless import StatelessComponent
from send_guide.safety import is_crisis


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisOverride(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if is_crisis(message.get(TEXT) or "") or message.get(CRISIS_FLAG):
                promote_intent(message, CRISIS_INTENT)
        return messages
