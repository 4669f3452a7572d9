"""Talk to a person or be called back: the words say which, whichever of the two the classifier chose.

When the classifier's answer is one of the two, send_guide.contact_direction decides between them
("can someone ring me?" is a call back, "who can I ring?" is a phone number). English only: it runs
before the multilingual classifier, which sets the intent of a message in another language itself.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import promote_intent
from components.stateless import StatelessComponent
from send_guide import intents
from send_guide.contact_direction import asks_to_be_contacted

TALK_TO_PERSON = intents.TALK_TO_PERSON
REQUEST_CALLBACK = intents.CALLBACK


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CallbackDirection(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") not in (TALK_TO_PERSON, REQUEST_CALLBACK):
                continue
            wanted = REQUEST_CALLBACK if asks_to_be_contacted(message.get(TEXT) or "") else TALK_TO_PERSON
            if wanted != intent["name"]:
                promote_intent(message, wanted)
        return messages
