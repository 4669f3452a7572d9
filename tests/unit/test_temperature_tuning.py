"""The temperature is chosen on the tuning questions only (benchmarks/tune_temperature.py)."""

import numpy as np

from benchmarks.multilingual import QUESTIONS
from benchmarks.tune_temperature import CANDIDATES, TUNING, Outcome, choose, outcomes
from tests.project_files import read_yaml


def test_the_tuning_and_held_out_questions_share_no_question_and_cover_the_same_languages() -> None:
    tuning, held_out = read_yaml(TUNING), read_yaml(QUESTIONS)
    assert set(tuning) == set(held_out)
    for language in held_out:
        assert not set(tuning[language]) & set(held_out[language]), language
        assert len(held_out[language]) >= 2 * len(tuning[language]) > 0, language


def test_an_answer_counts_only_when_it_clears_the_threshold() -> None:
    intents = ["benefits", "transport"]
    scores = np.array([[0.900, 0.895], [0.80, 0.90], [0.90, 0.80]])  # unsure right, sure wrong, sure right
    expected = [["benefits"], ["benefits"], ["benefits"]]
    by_temperature = {o.temperature: o for o in outcomes(scores, expected, intents, cut=0.6)}
    assert by_temperature[0.002] == Outcome(0.002, right=2, wrong=1, not_understood=0)
    assert by_temperature[0.02] == Outcome(0.02, right=1, wrong=1, not_understood=1)


def test_of_equal_scores_the_middle_temperature_is_chosen() -> None:
    results = [Outcome(t, 10, 2, 0) for t in CANDIDATES[:5]] + [Outcome(t, 5, 0, 7) for t in CANDIDATES[5:]]
    assert choose(results).temperature == CANDIDATES[2]
    results[0] = Outcome(CANDIDATES[0], 11, 1, 0)
    assert choose(results).temperature == CANDIDATES[0]
