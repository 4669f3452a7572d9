"""What-does-it-mean questions: the term asked about decides the intent, not the classifier.

"What is an EP?" and "what is an EP assessment?" are close in meaning and in words, but only the
first asks what a word means. A message that is nothing but one term and words like "what does
... mean" (send_guide.glossary.is_definition_question) is a glossary question, whatever the
classifiers said. And a glossary question about a term with its own topic is that topic's
question: "what is SEND?" is what_is_send, "what does mediation mean?" is mediation; the glossary
look-up would answer with the topic's answer anyway (send_guide/content/glossary.yml,
`answer_intent`; send_guide.glossary.topic_of_question).
"""

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import GUARDED_INTENTS
from components.stateless import StatelessComponent
from send_guide import intents
from send_guide.glossary import is_definition_question, topic_of_question

GLOSSARY_INTENT = intents.GLOSSARY
FALLBACK_INTENT = intents.FALLBACK
TERM_ENTITY = "term"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class GlossaryTopic(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") in GUARDED_INTENTS:
                continue
            terms = [entity for entity in message.get(ENTITIES) or [] if entity.get("entity") == TERM_ENTITY]
            asks_meaning = is_definition_question(message.get(TEXT) or "",
                                                  [(term["value"], term["start"], term["end"]) for term in terms])
            if not asks_meaning and intent.get("name") != GLOSSARY_INTENT:
                continue
            topic = topic_of_question(term["value"] for term in terms)
            decided = topic or (GLOSSARY_INTENT if asks_meaning else None)
            if decided and decided != intent.get("name"):
                _put_first(message, decided, intent)
        return messages


def _put_first(message: Message, name: str, before: Dict[str, Any]) -> None:
    confidence = before.get("confidence", 1.0) if before.get("name") != FALLBACK_INTENT else 1.0
    top = {"name": name, "confidence": confidence}
    others = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") != name]
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top] + others, add_to_output=True)
