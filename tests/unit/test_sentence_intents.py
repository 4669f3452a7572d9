"""The intent classifier adapter (components/sentence_intents.py): a message with a sentence
vector is read by the model over every block, a story without one by the n-gram model."""

import numpy as np
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from scipy import sparse

from components.sentence_intents import ALL_BLOCKS, NGRAMS_ONLY, SentenceIntentClassifier
from send_guide.intent_model import IntentModel
from send_guide.languages.embeddings import VECTOR_WORDS, too_long_for_a_vector


def _message(ngrams: list[float], vector: list[float] | None) -> Message:
    message = Message(data={TEXT: "a message"})
    message.add_features(Features(sparse.csr_matrix([ngrams]), FEATURE_TYPE_SENTENCE, TEXT, "ngrams"))
    if vector is not None:
        message.add_features(Features(np.array([vector], dtype=np.float32), FEATURE_TYPE_SENTENCE, TEXT, "e5"))
    return message


def _models() -> dict[str, IntentModel]:
    """Two models that disagree on purpose: the full one says 'by_meaning', the other 'by_words'."""
    ngrams = sparse.csr_matrix([[1.0, 0.0], [0.0, 1.0]] * 5)
    vectors = np.array([[0.0, 1.0], [1.0, 0.0]] * 5, dtype=np.float32)
    full = IntentModel.fit({"e5": vectors, "ngrams": ngrams}, ["by_meaning", "other"] * 5,
                           {"e5": 5.0, "ngrams": 0.1}, 10.0)
    words = IntentModel.fit({"ngrams": ngrams}, ["by_words", "other"] * 5, {"ngrams": 1.0}, 10.0)
    return {ALL_BLOCKS: full, NGRAMS_ONLY: words}


def test_a_message_with_a_vector_is_read_by_the_full_model_and_a_story_by_its_ngrams() -> None:
    classifier = SentenceIntentClassifier({}, None, None, _models())
    with_vector, story = _message([1.0, 0.0], [0.0, 1.0]), _message([1.0, 0.0], None)
    classifier.process([with_vector, story])
    assert with_vector.get(INTENT)["name"] == "by_meaning"
    assert story.get(INTENT)["name"] == "by_words"


def test_a_message_of_more_than_vector_words_gets_no_vector() -> None:
    assert not too_long_for_a_vector(" ".join(["word"] * VECTOR_WORDS))
    assert too_long_for_a_vector(" ".join(["word"] * (VECTOR_WORDS + 1)))
