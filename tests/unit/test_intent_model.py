"""Logistic regression over weighted feature blocks (send_guide/intent_model.py)."""

import numpy as np
from scipy import sparse

from send_guide.intent_model import IntentModel, _rarity, _tf_idf

LABELS = ["transport", "transport", "budget", "budget", "greet", "greet"]


def blocks(meaning: list[list[float]], words: list[list[int]]) -> dict:
    return {"sentence": np.array(meaning, dtype=np.float32), "ngrams": sparse.csr_matrix(np.array(words))}


TRAIN = blocks([[1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0.1, 0.9, 0], [0, 0, 1], [0, 0.1, 0.9]],
               [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]])


def test_ranks_every_intent_best_first_with_confidences_summing_to_one(tmp_path) -> None:
    model = IntentModel.fit(TRAIN, LABELS, {"sentence": 1.0, "ngrams": 1.0}, regularisation=30)
    [ranking] = model.rank(blocks([[0.95, 0.05, 0]], [[1, 0, 0]]))
    assert ranking[0].intent == "transport"
    assert [r.intent for r in ranking][1:] and abs(sum(r.confidence for r in ranking) - 1) < 1e-5
    model.save(tmp_path)
    again = IntentModel.load(tmp_path)
    assert np.allclose(again.probabilities(TRAIN), model.probabilities(TRAIN))


def test_the_weights_not_the_number_of_ngrams_decide_which_block_counts() -> None:
    # Meaning says budget; the words, repeated fifty times as in a long rambling message, say transport.
    message = blocks([[0, 1, 0]], [[50, 0, 0]])
    meaning_first = IntentModel.fit(TRAIN, LABELS, {"sentence": 3.0, "ngrams": 0.5}, regularisation=30)
    words_first = IntentModel.fit(TRAIN, LABELS, {"sentence": 0.5, "ngrams": 3.0}, regularisation=30)
    assert meaning_first.rank(message)[0][0].intent == "budget"
    assert words_first.rank(message)[0][0].intent == "transport"


def test_a_missing_block_counts_as_nothing_said() -> None:
    model = IntentModel.fit(TRAIN, LABELS, {"sentence": 1.0, "ngrams": 1.0}, regularisation=30)
    only_meaning = {"sentence": np.array([[0, 0, 1]], dtype=np.float32)}
    assert model.rank(only_meaning)[0][0].intent == "greet"


def test_two_intents_are_ranked_as_well_as_many() -> None:
    two = IntentModel.fit(TRAIN, ["yes", "yes", "no", "no", "no", "no"], {"sentence": 1.0, "ngrams": 1.0}, 30)
    [ranking] = two.rank(blocks([[1, 0, 0]], [[1, 0, 0]]))
    assert [r.intent for r in ranking] == ["yes", "no"] and ranking[0].confidence > 0.5


def test_block_by_block_scores_equal_the_whole_design_matrix_ones() -> None:
    weights = {"sentence": 3.0, "ngrams": 0.5}
    model = IntentModel.fit(TRAIN, LABELS, weights, regularisation=30)
    messages = blocks([[0.95, 0.05, 0], [0, 0.2, 0.8]], [[2, 0, 1], [0, 0, 3]])
    design = IntentModel.design(model._standardised(messages), model.weights)
    scores = np.asarray(design @ model.coef.T) + model.intercept
    expected = np.exp(scores - scores.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    assert np.allclose(model.probabilities(messages), expected, atol=1e-6)


def test_an_ngram_in_every_example_says_less_than_a_rare_one_and_repeats_are_damped() -> None:
    # Column 0 ("my child") is in every example, column 1 ("tribunal") in one of three.
    counts = sparse.csr_matrix(np.array([[1, 0], [1, 0], [1, 1]]))
    rarity = _rarity(counts)
    assert rarity[0] == 1.0 and rarity[1] > 1.5  # log((1 + 3) / (1 + 1)) + 1
    [row] = _tf_idf(sparse.csr_matrix(np.array([[3, 1]])), rarity).toarray()
    assert np.isclose(row[0], 1 + np.log(3)) and np.isclose(row[1], rarity[1])
