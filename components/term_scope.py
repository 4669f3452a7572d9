"""Keep `term` entities only on glossary questions ("what does SENCO mean?").

The terminology ruler finds SEND words in almost every message ("how long does an EHCP take?").
Only the glossary look-up uses them, so elsewhere they would just add noise to the conversation
state that rules and memoisation match on. `user_role` entities are always kept: "I am a SENCO,
how do I ask for an assessment?" should set the role and answer the question.
"""

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT
from rasa.shared.nlu.training_data.message import Message

from components.stateless import StatelessComponent
from send_guide import intents

TERM_ENTITY = "term"
GLOSSARY_INTENT = intents.GLOSSARY


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class TermEntityScope(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get(INTENT) or {}).get("name") == GLOSSARY_INTENT:
                continue
            entities = message.get(ENTITIES) or []
            kept = [entity for entity in entities if entity.get("entity") != TERM_ENTITY]
            if len(kept) != len(entities):
                message.set(ENTITIES, kept, add_to_output=True)
        return messages
