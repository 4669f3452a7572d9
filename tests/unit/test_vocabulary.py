"""Telling a message the assistant cannot read from one with typos (send_guide/vocabulary.py)."""

import pytest

from send_guide.vocabulary import Vocabulary
from tests.project_files import nlu_examples

VOCABULARY = Vocabulary.fit([text for examples in nlu_examples().values() for text in examples])


@pytest.mark.parametrize("text", ["qwzx plorb zorbex 07911 123456", "blorp wibble 01234 567890",
                                  "qwerty uiop 999 888", "zzzzzz xxxxxxx"])
def test_gibberish_is_not_known(text: str) -> None:
    assert not VOCABULARY.knows_a_word_of(text)


@pytest.mark.parametrize("text", ["how do i get an ehcp", "assesment for my sun pls", "skool wont help",
                                  "ok", "07911 123456", "?", ""])
def test_real_words_typos_and_messages_too_short_to_judge_are_left_alone(text: str) -> None:
    assert VOCABULARY.knows_a_word_of(text)
