"""The multilingual e5 sentence vector of every message, as a dense sentence feature.

Why: the word and character n-gram features only match questions that share words with a
training example; the sentence vector also matches one that says the same thing in other words
("my lad can't read yet" and "my son is behind with reading"). The vectors come from
send_guide/languages/embeddings.py, which cuts long messages and keeps recent vectors: the server
works each vector out ahead of the parse, off its event loop (channels/parse_off_loop.py).
No sequence features: the classifiers after this read sentence features only. A story (more than
VECTOR_WORDS words) gets no vector: the intent classifier then reads its n-grams alone.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from send_guide.languages.embeddings import embed, too_long_for_a_vector


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Nothing to check: the component has no settings of its own."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        embed(["load the embedding model now"])  # at start-up, not in the first user's turn
        return cls(execution_context.node_name, config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._add_vectors([example for example in training_data.training_examples if example.get(TEXT)])
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        self._add_vectors([message for message in messages
                           if message.get(TEXT) and not too_long_for_a_vector(message.get(TEXT))])
        return messages

    def _add_vectors(self, messages: List[Message]) -> None:
        vectors = embed([message.get(TEXT) for message in messages])  # one batch for all
        for message, vector in zip(messages, vectors, strict=True):
            self.add_features_to_message(None, vector.reshape(1, -1), TEXT, message)
