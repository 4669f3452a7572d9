"""Nearest-neighbour intents over sentence embeddings (send_guide/languages/nearest.py)."""

import numpy as np

from send_guide.languages.embeddings import embed
from send_guide.languages.nearest import NearestIntents


def one_hot(texts):
    """A stand-in embedding: each distinct first word is its own direction."""
    words = sorted({text.split()[0] for text in texts} | {"transport", "budget", "other"})
    return np.array([[1.0 if text.split()[0] == word else 0.0 for word in words] for text in texts])


def test_ranks_the_intent_whose_examples_are_nearest_first_with_confidences_summing_to_one(tmp_path) -> None:
    texts = ["transport to school", "transport bus", "budget money", "budget personal"]
    model = NearestIntents.fit(texts, ["transport", "transport", "personal_budget", "personal_budget"], one_hot)
    ranking = model.rank(one_hot(["budget please"])[0])
    assert [r.intent for r in ranking] == ["personal_budget", "transport"]
    assert abs(sum(r.confidence for r in ranking) - 1.0) < 1e-6 and ranking[0].confidence > 0.99
    model.save(tmp_path)
    assert NearestIntents.load(tmp_path).rank(one_hot(["transport now"])[0])[0].intent == "transport"


def test_a_big_intent_does_not_out_vote_a_closer_small_one() -> None:
    # Six "other" examples at similarity 0.9 and one budget example at 1.0: a plain 5-nearest
    # vote would say "other" four to one; the best matches per intent say budget.
    middling = [0.9, float(np.sqrt(1 - 0.81))]
    model = NearestIntents(np.array([middling] * 6 + [[1.0, 0.0]]), ["other"] * 6 + ["personal_budget"])
    assert model.rank(np.array([1.0, 0.0]))[0].intent == "personal_budget"


def test_the_shipped_model_puts_a_translation_nearer_than_another_question() -> None:
    english, polish, other = embed(["Can my child get free transport to school?",
                                    "Czy moje dziecko może dostać darmowy transport do szkoły?",
                                    "What is a personal budget?"])
    assert float(english @ polish) > float(english @ other)
