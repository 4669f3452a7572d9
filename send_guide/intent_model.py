"""Which question a message asks: logistic regression over its feature blocks.

A message comes as blocks of features: the e5 sentence vector (send_guide/languages/embeddings.py)
and word and character n-gram counts. The counts are damped and weighted as tf-idf (1 + log of the
count, times how rare the n-gram is in the training examples): "my child" in every example says
less than "tribunal" once. Each block is scaled to length 1 and then weighted, so that
a long message's many n-grams cannot drown its sentence vector, and the weights (not the message
length) decide how much each block counts. A dense block is first standardised (each dimension
less its training mean, over its training spread): e5 vectors all point roughly the same way, and
what tells questions apart is in how they differ from that common direction. The weights and the
regularisation were chosen by 5-fold cross-validation on data/nlu.yml (benchmarks/nlu_cv.py;
figures in benchmarks/RESULTS.md).

Prediction is a matrix product and a softmax, done here with numpy: the model is saved as plain
arrays, not as a pickled scikit-learn object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
from scipy import sparse

Block = np.ndarray | sparse.spmatrix  # one row per message
_FILE = "intent_model.npz"


@dataclass(frozen=True)
class Ranked:
    intent: str
    confidence: float


def _unit_rows(block: Block) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(block, dtype=np.float32)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix, dtype=np.float32)


def _rarity(counts: Block) -> np.ndarray:
    """Each column's inverse document frequency, smoothed as scikit-learn's TfidfTransformer does."""
    matrix = sparse.csr_matrix(counts, copy=True)
    matrix.sum_duplicates()
    matrix.eliminate_zeros()
    documents = np.bincount(matrix.indices, minlength=matrix.shape[1])
    return (np.log((1 + matrix.shape[0]) / (1 + documents)) + 1).astype(np.float32)


def _tf_idf(counts: Block, rarity: np.ndarray) -> sparse.csr_matrix:
    """1 + log(count) for each n-gram present, times its rarity (5-fold cross-validation on
    data/nlu.yml: macro-F1 +0.003 against raw counts, 2026-12-02)."""
    matrix = sparse.csr_matrix(counts, dtype=np.float32, copy=True)
    matrix.data = 1 + np.log(np.maximum(matrix.data, 1e-12))
    return sparse.csr_matrix(matrix.multiply(rarity[None, :]), dtype=np.float32)


@dataclass
class IntentModel:
    intents: list[str]
    blocks: list[str]  # names of the feature blocks, in the order of `widths` and `weights`
    widths: list[int]
    weights: list[float]
    coef: np.ndarray  # intents × features
    intercept: np.ndarray
    centres: dict[str, np.ndarray]  # dense blocks only: training mean and spread of each dimension
    spreads: dict[str, np.ndarray]
    rarities: dict[str, np.ndarray] = field(default_factory=dict)  # sparse blocks: each column's idf

    @staticmethod
    def design(blocks: Sequence[Block], weights: Sequence[float]) -> sparse.csr_matrix:
        """The blocks side by side, each row of each block scaled to length `weight`."""
        scaled = [_unit_rows(block) * weight for block, weight in zip(blocks, weights, strict=True)]
        return sparse.hstack(scaled).tocsr()

    def _standardised(self, blocks: Mapping[str, Block]) -> list[Block]:
        return [(blocks[name] - self.centres[name]) / self.spreads[name] if name in self.centres
                else _tf_idf(blocks[name], self.rarities[name]) if name in self.rarities else blocks[name]
                for name in self.blocks]

    @classmethod
    def fit(cls, blocks: Mapping[str, Block], labels: Sequence[str], weights: Mapping[str, float],
            regularisation: float, max_iter: int = 1000) -> IntentModel:
        """`regularisation` is scikit-learn's C: larger trusts the training examples more.
        Classes are balanced: an intent with few examples weighs as much as one with many."""
        from sklearn.linear_model import LogisticRegression  # training only

        names = list(blocks)
        dense = [name for name in names if not sparse.issparse(blocks[name])]
        model = cls(
            intents=[], blocks=names, widths=[blocks[name].shape[1] for name in names],
            weights=[weights[name] for name in names], coef=np.zeros((0, 0)), intercept=np.zeros(0),
            centres={name: blocks[name].mean(axis=0).astype(np.float32) for name in dense},
            spreads={name: np.maximum(blocks[name].std(axis=0), 1e-6).astype(np.float32) for name in dense},
            rarities={name: _rarity(blocks[name]) for name in names if name not in dense},
        )
        classifier = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=max_iter,
                                        random_state=1)
        classifier.fit(cls.design(model._standardised(blocks), model.weights), list(labels))
        model.intents = [str(intent) for intent in classifier.classes_]
        coef, intercept = classifier.coef_, classifier.intercept_
        if len(model.intents) == 2:  # scikit-learn keeps one row for two classes: the second's odds
            coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
        model.coef = coef.astype(np.float32)
        model.intercept = intercept.astype(np.float32)
        return model

    @cached_property
    def _block_coefficients(self) -> list[np.ndarray]:
        """Each block's coefficients as features × intents, in one piece of memory. A sparse row
        times a transposed view made scipy copy the whole n-gram block (about 15 MB) for every
        message: 7 ms, against 0.03 ms this way (2026-12-02)."""
        starts = np.cumsum([0, *self.widths])
        return [np.ascontiguousarray(self.coef[:, start:end].T)
                for start, end in zip(starts[:-1], starts[1:], strict=True)]

    def probabilities(self, blocks: Mapping[str, Block]) -> np.ndarray:
        """Messages × intents; a block missing from `blocks` counts as all zeros."""
        rows = next(block.shape[0] for block in blocks.values())
        complete = {name: blocks[name] if name in blocks
                    else np.zeros((rows, width), np.float32) if name in self.centres
                    else sparse.csr_matrix((rows, width))
                    for name, width in zip(self.blocks, self.widths, strict=True)}
        scores = np.tile(self.intercept, (rows, 1))
        # Block by block, as `design` would scale it, without building the whole design matrix:
        # a message's score is the sum of each block's (weight / length) × (block · coefficients).
        for block, coef, weight in zip(self._standardised(complete), self._block_coefficients, self.weights,
                                       strict=True):
            if sparse.issparse(block):
                block = sparse.csr_matrix(block, dtype=np.float32)
                lengths = np.sqrt(np.asarray(block.multiply(block).sum(axis=1))).ravel()
                products = np.asarray(block @ coef)
            else:
                block = np.asarray(block, dtype=np.float32)
                lengths = np.linalg.norm(block, axis=1)
                products = block @ coef
            lengths[lengths == 0] = 1.0
            scores += products * (weight / lengths)[:, None]
        scores = scores - np.max(scores, axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def rank(self, blocks: Mapping[str, Block], top: int = 10) -> list[list[Ranked]]:
        """For each message, its `top` intents, most likely first."""
        ranked = []
        for row in self.probabilities(blocks):
            order = np.argsort(-row)[:top]
            ranked.append([Ranked(self.intents[i], float(row[i])) for i in order])
        return ranked

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            directory / _FILE, intents=np.array(self.intents), blocks=np.array(self.blocks),
            widths=np.array(self.widths), weights=np.array(self.weights, dtype=np.float32),
            coef=self.coef, intercept=self.intercept,
            **{f"centre_{name}": value for name, value in self.centres.items()},
            **{f"spread_{name}": value for name, value in self.spreads.items()},
            **{f"rarity_{name}": value for name, value in self.rarities.items()},
        )

    @classmethod
    def load(cls, directory: Path) -> IntentModel:
        with np.load(directory / _FILE, allow_pickle=False) as saved:
            blocks = [str(x) for x in saved["blocks"]]
            return cls(
                intents=[str(x) for x in saved["intents"]], blocks=blocks,
                widths=[int(x) for x in saved["widths"]], weights=[float(x) for x in saved["weights"]],
                coef=saved["coef"], intercept=saved["intercept"],
                centres={name: saved[f"centre_{name}"] for name in blocks if f"centre_{name}" in saved},
                spreads={name: saved[f"spread_{name}"] for name in blocks if f"spread_{name}" in saved},
                rarities={name: saved[f"rarity_{name}"] for name in blocks if f"rarity_{name}" in saved},
            )
