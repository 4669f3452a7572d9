"""Route "what happened + when" messages to the deadline form, whatever the classifier thought,
and "no, it was 6 October" to its correction.

"We got a decision letter on 3/12/2026" names an EHC event and a date: that is a request to work
out a deadline, and the reader in send_guide.deadlines.reading recognises it more reliably than
a classifier trained on a few dozen examples. Runs before CrisisOverride, so safety still wins.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import promote_intent
from components.stateless import StatelessComponent
from send_guide import intents
from send_guide.deadlines.reading import is_date_correction, is_deadline_question

DEADLINE_INTENT = intents.DEADLINE
CORRECTION_INTENT = intents.CORRECT_DEADLINE
# Messages that already carry a deadline-form intent keep it (a correction stays a correction).
KEEP = {intents.DEADLINE, intents.CORRECT_DEADLINE, intents.INFORM_DEADLINE_EVENT, intents.DEADLINE_TIMELINE,
        intents.DEADLINE_LATE}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DeadlineOverride(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            if intent in KEEP:
                continue
            text = message.get(TEXT) or ""
            if is_date_correction(text):
                promote_intent(message, CORRECTION_INTENT)
            elif is_deadline_question(text):
                promote_intent(message, DEADLINE_INTENT)
        return messages
