"""Put the crisis intent first whenever a message is about harm, abuse or danger.

Runs after the intent classifier and the fallback classifier, so neither can out-vote it.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.stateless import StatelessComponent
from send_guide.safety import is_crisis

CRISIS_INTENT = "crisis"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisOverride(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not is_crisis(message.get(TEXT) or ""):
                continue
            crisis = {"name": CRISIS_INTENT, "confidence": 1.0}
            ranking = [crisis] + [
                entry
                for entry in message.get(INTENT_RANKING_KEY, [])
                if entry.get("name") != CRISIS_INTENT
            ]
            message.set(INTENT, crisis, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
