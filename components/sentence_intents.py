"""Intent from the e5 sentence vector and the word and character n-grams together.

A thin adapter over send_guide/intent_model.py: it collects each message's sentence features
(the dense e5 vector from components/sentence_embeddings.py, the sparse counts from the
CountVectorsFeaturizers) by the featurizer that made them, and reads back a ranking. Rasa's own
LogisticRegressionClassifier cannot weigh the blocks or set the regularisation, and with raw
counts the n-grams of a long message outweigh its sentence vector (benchmarks/RESULTS.md).

Two models are trained: one over every block, and one over the n-grams alone for a message that
has no sentence vector (a story, which the featurizer does not embed: see
send_guide/languages/embeddings.py, VECTOR_WORDS). Reading such a message with the first model
would count its vector as all zeros, which no training example had.
"""

from __future__ import annotations

from typing import Any, Dict, List

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy import sparse

from send_guide.intent_model import Block, IntentModel


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SentenceIntentClassifier(IntentClassifier, GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "sentence_weight": 3.0,  # length of the e5 vector block
            "ngram_weight": 1.0,  # length of each n-gram block
            "regularisation": 30.0,  # scikit-learn's C
            "ranking_length": 10,
        }

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 models: Dict[str, IntentModel] | None = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._models = models or {}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> SentenceIntentClassifier:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> SentenceIntentClassifier:
        with model_storage.read_from(resource) as directory:
            return cls(config, model_storage, resource,
                       {name: IntentModel.load(directory / name) for name in (ALL_BLOCKS, NGRAMS_ONLY)})

    def train(self, training_data: TrainingData) -> Resource:
        examples = [example for example in training_data.intent_examples
                    if example.get(INTENT) and example.get(TEXT)]
        blocks = _blocks(examples)
        labels = [example.get(INTENT) for example in examples]
        weights = {name: self._config["sentence_weight"] if isinstance(block, np.ndarray)
                   else self._config["ngram_weight"] for name, block in blocks.items()}
        ngrams = {name: block for name, block in blocks.items() if sparse.issparse(block)}
        self._models = {
            ALL_BLOCKS: IntentModel.fit(blocks, labels, weights, self._config["regularisation"]),
            NGRAMS_ONLY: IntentModel.fit(ngrams, labels, weights, self._config["regularisation"]),
        }
        with self._storage.write_to(self._resource) as directory:
            for name, model in self._models.items():
                model.save(directory / name)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if not self._models or not messages:
            return messages
        for name in (ALL_BLOCKS, NGRAMS_ONLY):
            group = [message for message in messages if _has_sentence_vector(message) == (name == ALL_BLOCKS)]
            if not group:
                continue
            rankings = self._models[name].rank(_blocks(group), top=self._config["ranking_length"])
            for message, ranking in zip(group, rankings, strict=True):
                entries = [{"name": item.intent, "confidence": item.confidence} for item in ranking]
                message.set(INTENT, entries[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, entries, add_to_output=True)
        return messages


ALL_BLOCKS = "all_blocks"
NGRAMS_ONLY = "ngrams_only"


def _has_sentence_vector(message: Message) -> bool:
    return any(features.type == FEATURE_TYPE_SENTENCE and features.attribute == TEXT and features.is_dense()
               for features in message.features)


def _blocks(messages: List[Message]) -> Dict[str, Block]:
    """Each featurizer's sentence features for the messages, one row per message, by featurizer."""
    rows: Dict[str, List[Any]] = {}
    for index, message in enumerate(messages):
        for features in message.features:
            if features.type == FEATURE_TYPE_SENTENCE and features.attribute == TEXT:
                rows.setdefault(features.origin, [None] * len(messages))[index] = features.features
    blocks: Dict[str, Block] = {}
    for origin, block_rows in sorted(rows.items()):
        width = next(row.shape[-1] for row in block_rows if row is not None)
        if any(sparse.issparse(row) for row in block_rows if row is not None):
            blocks[origin] = sparse.vstack([sparse.csr_matrix(row) if row is not None
                                            else sparse.csr_matrix((1, width)) for row in block_rows]).tocsr()
        else:
            blocks[origin] = np.vstack([np.asarray(row, dtype=np.float32).reshape(1, -1) if row is not None
                                        else np.zeros((1, width), dtype=np.float32) for row in block_rows])
    return blocks
