"""A question for a named service's phone, address or website is a directory look-up (find_service).

"CAMHS phone number" names a service and asks how to reach it: the directory answers it with the
service's card, whichever topic the classifier chose from the service's name (the mental-health
topic, here). send_guide/services/contact_question.py decides. Left alone: safety, the forms'
intents, and the topics whose answer is already that service's contact (SENAT's officer, KIDS
mediation, a person to talk to, a call back). English only: it runs before the multilingual
classifier, which sets the intent of a message in another language itself.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import GUARDED_INTENTS, promote_intent
from components.stateless import StatelessComponent
from send_guide import intents
from send_guide.services.contact_question import asks_for_a_named_service

FIND_SERVICE = intents.FIND_SERVICE
KEPT_INTENTS = GUARDED_INTENTS | {
    intents.CORRECT_DEADLINE, intents.INFORM_DEADLINE_EVENT,  # the deadline form's own
    intents.CALLBACK, intents.TALK_TO_PERSON, "find_senat_officer", "mediation",  # answers that are the contact
}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ServiceContact(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") in KEPT_INTENTS | {FIND_SERVICE}:
                continue
            if asks_for_a_named_service(message.get(TEXT) or ""):
                promote_intent(message, FIND_SERVICE)
        return messages
