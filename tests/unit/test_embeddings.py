"""Sentence vectors: long messages are cut to a bounded size, and a message costs the model once
(send_guide/languages/embeddings.py, with the real model)."""

import uuid

import numpy as np

from send_guide.languages import embeddings

STORY = "My son is seven and the school says he is fine but at home he is upset every day. "
QUESTION = "How do I ask for an EHC needs assessment?"


def test_a_long_message_keeps_its_beginning_and_its_end_within_the_token_limit() -> None:
    message = "We moved to Luton last year. " + STORY * 20 + QUESTION
    cut = embeddings.bounded(message)
    assert embeddings.token_count(message) > embeddings.MAX_TOKENS >= embeddings.token_count(cut)
    assert cut.startswith("We moved to Luton last year.") and cut.endswith(QUESTION)
    assert embeddings.token_count(embeddings.bounded(message + " please")) <= embeddings.MAX_TOKENS


def test_a_short_message_is_read_whole() -> None:
    assert embeddings.bounded(QUESTION) == QUESTION


def test_a_message_is_embedded_once_and_then_found() -> None:
    text = f"{QUESTION} {uuid.uuid4().hex}"
    row = np.zeros(embeddings.DIMENSIONS, dtype=np.float32)
    assert not embeddings._CACHE.fill(text, row)
    first = embeddings.sentence_vector(text)
    assert embeddings._CACHE.fill(text, row) and np.array_equal(row, first)
    assert np.array_equal(embeddings.embed(["hello", text])[1], first)
    assert abs(float(np.linalg.norm(first)) - 1) < 1e-3


def test_a_vector_handed_out_cannot_change_the_cached_one() -> None:
    text = f"what is a personal budget {uuid.uuid4().hex}"
    vector = embeddings.sentence_vector(text)
    vector[:] = 0
    assert float(np.linalg.norm(embeddings.sentence_vector(text))) > 0.99
