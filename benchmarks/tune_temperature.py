"""Choose the multilingual classifier's softmax temperature on the tuning questions alone.

`make tune-temperature` (or `python -m benchmarks.tune_temperature`). The temperature does not
change which intent ranks first, only how sure the classifier says it is, so only whether an
answer clears the fallback threshold (config.yml). A lower one lets more right answers through,
and more wrong ones. Each candidate is scored on tests/data/translated_questions_tuning.yml as
right answers minus wrong answers given (a "not understood" with topic suggestions counts nothing:
a wrong answer costs as much as a right one gains). When several score best, the middle one of
them is taken (the upper one of two): the ends of a run of equal scores sit next to a drop.
The held-out questions (tests/data/translated_questions.yml) are not read here: they measure the
result (benchmarks/multilingual.py, tests/e2e/test_multilingual.py).

It reads the vectors of the model `make` trained (scripts/train_if_changed.py), so it needs
no training of its own.
"""

from __future__ import annotations

import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from send_guide.languages import nearest
from tests.project_files import as_list, read_yaml
from tools.servers import ROOT

TUNING = "tests/data/translated_questions_tuning.yml"
CANDIDATES = (0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02)
COMPONENT = "components.multilingual_intents.MultilingualIntentClassifier"


@dataclass(frozen=True)
class Outcome:
    temperature: float
    right: int  # right intent, confident enough to be answered
    wrong: int  # wrong intent, confident enough to be answered
    not_understood: int  # under the threshold: the fallback

    @property
    def score(self) -> int:
        return self.right - self.wrong


def threshold() -> float:
    """The component's fallback threshold, as config.yml sets it."""
    (config,) = [part for part in read_yaml("config.yml")["pipeline"] if part["name"] == COMPONENT]
    return float(config["threshold"])


def trained_classifier(model: Path, into: Path) -> nearest.NearestIntents:
    """The multilingual component's vectors and labels, out of a trained model archive."""
    with tarfile.open(model) as archive:
        members = [m for m in archive.getmembers() if "MultilingualIntentClassifier" in m.name and m.isfile()]
        archive.extractall(into, members=members)
    (folder,) = {path.parent for path in into.rglob("labels.txt")}
    return nearest.NearestIntents.load(folder)


def outcomes(scores: np.ndarray, expected: list[list[str]], intents: list[str], cut: float) -> list[Outcome]:
    results = []
    for temperature in CANDIDATES:
        right = wrong = 0
        for row, answers in zip(scores, expected, strict=True):
            confidences = nearest.softmax(row, temperature)
            best = int(np.argmax(confidences))
            if confidences[best] >= cut:
                right += intents[best] in answers
                wrong += intents[best] not in answers
        results.append(Outcome(temperature, right, wrong, len(expected) - right - wrong))
    return results


def choose(results: list[Outcome]) -> Outcome:
    """The middle one of the best-scoring candidates (results in the order of CANDIDATES)."""
    best = max(outcome.score for outcome in results)
    tied = [outcome for outcome in results if outcome.score == best]
    return tied[len(tied) // 2]


def main() -> int:
    from benchmarks.run_all import trained_model
    from send_guide.languages.embeddings import embed

    model = trained_model()
    questions = [(question, as_list(intents)) for per_language in read_yaml(TUNING).values()
                 for question, intents in per_language.items()]
    with tempfile.TemporaryDirectory(prefix="send-guide-tune-") as tmp:
        classifier = trained_classifier(ROOT / model, Path(tmp))
    vectors = embed([question for question, _ in questions])
    scores = np.array([classifier.scores(vector) for vector in vectors])
    cut = threshold()
    results = outcomes(scores, [answers for _, answers in questions], classifier.intents, cut)
    print(f"{len(questions)} tuning questions ({TUNING}), threshold {cut}, model {model}")
    print("temperature  right  wrong  not understood  right - wrong")
    for outcome in results:
        print(f"{outcome.temperature:<11}  {outcome.right:>5}  {outcome.wrong:>5}  {outcome.not_understood:>14}  "
              f"{outcome.score:>13}")
    best = choose(results)
    verdict = "the same" if best.temperature == nearest.TEMPERATURE else "DIFFERENT: change it there"
    print(f"chosen: {best.temperature}; send_guide/languages/nearest.py has {nearest.TEMPERATURE} ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
