"""Not understood when an English message has no word the training data knows (or nearly knows),
or no word at all and the classifier is unsure ("😭😭😭"): a thin adapter over
send_guide/vocabulary.py. Runs after the classifiers and the language identification, before the
deadline and crisis overrides (safety still wins)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.intent_override import intent_confidence
from send_guide import intents
from send_guide.languages.identify import ENGLISH
from send_guide.vocabulary import WORDLESS_SURE, Vocabulary, common_english_words, is_wordless

FALLBACK_INTENT = intents.FALLBACK
LANGUAGE_KEY = "language"  # set by components/multilingual_intents.py


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsFallback(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Vocabulary | None = None) -> None:
        self._storage = model_storage
        self._resource = resource
        self._vocabulary = vocabulary

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnknownWordsFallback:
        return cls(model_storage, resource)

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UnknownWordsFallback:
        with model_storage.read_from(resource) as directory:
            return cls(model_storage, resource, Vocabulary.load(directory))

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary = Vocabulary.fit([example.get(TEXT) or "" for example in training_data.intent_examples],
                                    common_english_words())
        with self._storage.write_to(self._resource) as directory:
            vocabulary.save(directory)
        self._vocabulary = vocabulary
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self._vocabulary is None or (message.get(LANGUAGE_KEY) or {}).get("code", ENGLISH) != ENGLISH:
                continue
            intent = (message.get(INTENT) or {}).get("name")
            text = message.get(TEXT) or ""
            unsure = intent_confidence(message) < WORDLESS_SURE
            if intent and intent != FALLBACK_INTENT and (
                    not self._vocabulary.knows_a_word_of(text) or (is_wordless(text) and unsure)):
                top = {"name": FALLBACK_INTENT, "confidence": 1.0}
                message.set(INTENT, top, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [top, *(message.get(INTENT_RANKING_KEY) or [])], add_to_output=True)
        return messages
