"""Classify a question by the English training questions it is nearest to, in any language.

Each intent scores the mean cosine similarity of its K most similar training examples (K
nearest neighbours per intent rather than one vote over all: an intent with many examples then
cannot out-vote a better-matching small one). Scores become confidences through a sharp
softmax. Its temperature decides how many answers clear the pipeline's fallback threshold: right
ones, and wrong ones too. It is chosen on the tuning part of the translated questions alone
(tests/data/translated_questions_tuning.yml; `make tune-temperature`, benchmarks/tune_temperature.py),
so the held-out part (tests/data/translated_questions.yml) still measures questions nothing was fitted to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

Embed = Callable[[Sequence[str]], np.ndarray]
NEIGHBOURS_PER_INTENT = 5
TEMPERATURE = 0.005
_VECTORS = "vectors.npy"
_LABELS = "labels.txt"


@dataclass(frozen=True)
class Ranked:
    intent: str
    confidence: float


class NearestIntents:
    def __init__(self, vectors: np.ndarray, labels: Sequence[str]) -> None:
        self.vectors = vectors.astype(np.float32)
        self.labels = np.asarray(labels)
        self.intents = sorted(set(labels))
        self._rows = [np.flatnonzero(self.labels == intent) for intent in self.intents]

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], embed: Embed) -> NearestIntents:
        return cls(embed(texts), labels)

    def rank(self, vector: np.ndarray, top: int = 10) -> list[Ranked]:
        """Intents by confidence, best first (at most `top`)."""
        if not self.intents:
            return []
        confidences = softmax(self.scores(vector), TEMPERATURE)
        order = np.argsort(-confidences)[:top]
        return [Ranked(self.intents[i], float(confidences[i])) for i in order]

    def scores(self, vector: np.ndarray) -> np.ndarray:
        """Each intent's score (in the order of `intents`), before the softmax."""
        similarity = self.vectors @ vector.astype(np.float32)
        return np.array([np.sort(similarity[rows])[-NEIGHBOURS_PER_INTENT:].mean() for rows in self._rows])

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / _VECTORS, self.vectors.astype(np.float16))
        (directory / _LABELS).write_text("\n".join(self.labels.tolist()), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> NearestIntents:
        vectors = np.load(directory / _VECTORS).astype(np.float32)
        text = (directory / _LABELS).read_text(encoding="utf-8")
        return cls(vectors, text.split("\n") if text else [])


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Confidences from scores: the lower the temperature, the surer the best-scoring intent."""
    weights = np.exp((scores - scores.max()) / temperature)
    return weights / weights.sum()
