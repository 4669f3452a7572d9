"""Understand questions in Luton's common languages with the English training data.

Every message gets a `language` in its parse data (the one the user picked in the widget, else
the one identified; send_guide/languages/identify.py). For a message not in English, the intent
comes from multilingual sentence embeddings (send_guide/languages/nearest.py): the English
classifiers before this component read word and character n-grams, which mean nothing in Urdu.
A message nearer to the English crisis examples (send_guide/content/crisis_examples.yml) than
to any question is flagged as a crisis, whatever its confidence; the crisis override, which runs
last, then puts the crisis intent first.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from send_guide import intents
from send_guide.content_files import load_content
from send_guide.languages.embeddings import embed
from send_guide.languages.identify import ENGLISH, identify_message
from send_guide.languages.nearest import NearestIntents

LANGUAGE_KEY = "language"
FALLBACK_INTENT = intents.FALLBACK
CRISIS_INTENT = intents.CRISIS
CRISIS_FLAG = "crisis_detected"  # read by components/crisis_override.py


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class MultilingualIntentClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # Same meaning as the FallbackClassifier's threshold, for non-English messages.
            "threshold": 0.25,
            # Intents that no one types: buttons, or the message guard's own labels.
            "excluded_intents": [intents.INFORM_DEADLINE_EVENT, intents.EMPTY_MESSAGE, intents.UNREADABLE_MESSAGE],
            # Classify English messages too: only to measure the nearest-neighbour vote alone
            # (benchmarks/nlu_cv.py); English has its own classifier.
            "english_too": False,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: NearestIntents | None = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MultilingualIntentClassifier:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> MultilingualIntentClassifier:
        with model_storage.read_from(resource) as directory:
            model = NearestIntents.load(directory)
        embed(["load the embedding model now"])  # at start-up, not in the first user's turn
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        excluded = set(self._config["excluded_intents"])
        examples = [
            (example.get(TEXT), example.get(INTENT))
            for example in training_data.intent_examples
            if example.get(INTENT) not in excluded and example.get(TEXT)
        ]
        examples += [(text, CRISIS_INTENT) for text in load_content("crisis_examples.yml")["examples"]]
        model = NearestIntents.fit([text for text, _ in examples], [label for _, label in examples], embed)
        with self._storage.write_to(self._resource) as directory:
            model.save(directory)
        self._model = model
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            language = identify_message(message.get(TEXT) or "", message.get("metadata"))
            message.set(LANGUAGE_KEY, {"code": language.code, "reason": language.reason}, add_to_output=True)
            if (language.code != ENGLISH or self._config["english_too"]) and self._model is not None:
                self._classify(message)
        return messages

    def _classify(self, message: Message) -> None:
        ranking = self._model.rank(embed([message.get(TEXT) or ""])[0])
        if not ranking:
            return
        entries = [{"name": item.intent, "confidence": item.confidence} for item in ranking]
        top = entries[0]
        if top["name"] == CRISIS_INTENT:
            message.set(CRISIS_FLAG, True)
        if top["confidence"] < self._config["threshold"]:
            top = {"name": FALLBACK_INTENT, "confidence": 1.0 - top["confidence"]}
            entries = [top] + entries
        message.set(INTENT, top, add_to_output=True)
        message.set(INTENT_RANKING_KEY, entries, add_to_output=True)
